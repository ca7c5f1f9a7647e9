import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../../i18n/i18n';
import { Alert, Button } from '../../ui/primitives';
import '../../findings/findings.css';

export interface MergeRow {
  id: string;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
  /** Text fields can keep both sides, one after the other; a rating cannot. */
  canKeepBoth: boolean;
}

/**
 * Both versions side by side, field by field, after a save was refused because someone saved first:
 * the leader's conclusion merge (findings/ConclusionEditor.tsx), with its words and styles, for any
 * form. The form below it is the merged version; taking theirs or both changes it.
 */
export function MergePanel({
  title,
  intro,
  who,
  rows,
  onTake,
}: {
  title: ReactNode;
  intro: ReactNode;
  who: string;
  rows: MergeRow[];
  onTake(id: string, how: 'theirs' | 'both'): void;
}) {
  const t = useT();
  return (
    <section className="merge" aria-labelledby="merge-heading" data-testid="merge">
      <h3 id="merge-heading">{title}</h3>
      <Alert kind="info">{intro}</Alert>
      {rows.length === 0 && (
        <p>
          <FormattedMessage id="findings.conflictSame" />
        </p>
      )}
      {rows.map((row) => (
        <div key={row.id} className="merge-field" data-testid={`merge-${row.id}`}>
          <h4>{row.label}</h4>
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
