import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';
import './findings.css';

export interface MergeRow<Id extends string = string> {
  id: Id;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
  /** Text fields can keep both sides, one after the other; a rating cannot. */
  canKeepBoth: boolean;
}

/**
 * Both versions side by side, field by field, after a save was refused because someone saved first:
 * the team's conclusions (ConclusionEditor) and the host city's self-assessment entries. The form
 * below it is the merged version; taking theirs or both changes it.
 */
export function MergePanel<Id extends string>({
  headingLevel,
  title,
  intro,
  who,
  rows,
  onTake,
}: {
  /** The panel's heading level; each field's is one below. */
  headingLevel: 3 | 4;
  title: ReactNode;
  intro: ReactNode;
  who: string;
  rows: MergeRow<Id>[];
  onTake(id: Id, how: 'theirs' | 'both'): void;
}) {
  const t = useT();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const FieldHeading = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <section className="merge" aria-labelledby="merge-heading" data-testid="merge">
      <Heading id="merge-heading">{title}</Heading>
      <Alert kind="info">{intro}</Alert>
      {rows.length === 0 && (
        <p>
          <FormattedMessage id="findings.conflictSame" />
        </p>
      )}
      {rows.map((row) => (
        <div key={row.id} className="merge-field" data-testid={`merge-${row.id}`}>
          <FieldHeading>{row.label}</FieldHeading>
          <div className="merge-sides">
            <div className="merge-side">
              <p className="merge-who">
                <FormattedMessage id="findings.mine" />
              </p>
              <div className="merge-text">{row.mine}</div>
            </div>
            <div className="merge-side">
              <p className="merge-who">
                <FormattedMessage id="findings.theirs" values={{ who }} />
              </p>
              <div className="merge-text">{row.theirs}</div>
            </div>
          </div>
          <div className="form-actions">
            <Button
              variant="secondary"
              onClick={() => onTake(row.id, 'theirs')}
              aria-label={t('findings.takeTheirsField', { field: row.label })}
            >
              <FormattedMessage id="findings.takeTheirs" />
            </Button>
            {row.canKeepBoth && (
              <Button
                variant="secondary"
                onClick={() => onTake(row.id, 'both')}
                aria-label={t('findings.keepBothField', { field: row.label })}
              >
                <FormattedMessage id="findings.keepBoth" />
              </Button>
            )}
          </div>
        </div>
      ))}
      <p className="muted">
        <FormattedMessage id="findings.mergeHint" />
      </p>
    </section>
  );
}
