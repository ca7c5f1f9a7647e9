import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import type { HostProgressFieldsFragment } from '../../graphql/generated/graphql';
import { apiError } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button } from '../../ui/primitives';
import { HostSubmitMutation } from '../operations-self-assessment';
import { when } from './when';

/**
 * The coordinator's "Submit": what is still missing, per key factor and guide question, before it
 * can succeed (the API's own check, selfAssessmentProgress); and the API's refusal, inline, if it
 * comes anyway (someone changed an entry meanwhile).
 */
export function SubmitPanel({
  reviewId,
  progress,
  canSubmitNow,
  unsavedCodes,
  questionCounts,
  onOpen,
  onSubmitted,
}: {
  reviewId: string;
  progress: HostProgressFieldsFragment;
  /** The review is in its self-assessment (submitting is open). */
  canSubmitNow: boolean;
  /** Key factors with changes not saved yet on this device. */
  unsavedCodes: string[];
  /** How many guide questions each key factor has (to say "none answered" in one line). */
  questionCounts: Record<string, number>;
  onOpen(keyFactorId: string): void;
  onSubmitted(): void;
}) {
  const t = useT();
  const intl = useIntl();
  const [result, submit] = useMutation(HostSubmitMutation);
  const [refusal, setRefusal] = useState<{ message: string } | null>(null);
  const incomplete = progress.keyFactors.filter((k) => !k.complete);
  const done = progress.keyFactors.length - incomplete.length;

  if (progress.submittedAt) {
    return (
      <section className="card submit-panel submitted" aria-labelledby="submit-heading" data-testid="submit-panel">
        <h2 id="submit-heading">
          <FormattedMessage id="host.sa.submittedTitle" />
        </h2>
        <p>
          <FormattedMessage id="host.sa.submittedOn" values={{ when: when(progress.submittedAt, intl.locale) }} />
        </p>
      </section>
    );
  }

  return (
    <section className="card submit-panel" aria-labelledby="submit-heading" data-testid="submit-panel" id="submit">
      <h2 id="submit-heading">
        <FormattedMessage id="host.sa.submitTitle" />
      </h2>
      <p>
        <FormattedMessage id="host.sa.progressCount" values={{ done, total: progress.keyFactors.length }} />
      </p>
      {incomplete.length > 0 ? (
        <>
          <p>
            <strong>
              <FormattedMessage id="host.sa.stillMissing" />
            </strong>
          </p>
          <ul className="missing-list" aria-label={t('host.sa.stillMissing')}>
            {incomplete.map((k) => (
              <li key={k.keyFactorId} data-testid={`missing-${k.keyFactor.code}`}>
                <Button variant="link" onClick={() => onOpen(k.keyFactorId)}>
                  <span className="kf-code">{k.keyFactor.code}</span> {k.keyFactor.heading}
                </Button>
                <ul>
                  {!k.hasEntry || k.unansweredGuideQuestions.length === questionCounts[k.keyFactorId] ? (
                    <li>
                      <FormattedMessage
                        id={k.hasEntry ? 'host.sa.missingAllAnswers' : 'host.sa.missingEntry'}
                        values={{ count: k.unansweredGuideQuestions.length }}
                      />
                    </li>
                  ) : (
                    k.unansweredGuideQuestions.map((q) => (
                      <li key={q.id}>
                        <FormattedMessage id="host.sa.missingAnswer" values={{ n: q.position, text: q.text }} />
                      </li>
                    ))
                  )}
                  {k.hasEntry && k.ratingMissing && (
                    <li>
                      <FormattedMessage id="host.sa.missingRating" />
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="ok" data-testid="nothing-missing">
          <FormattedMessage id="host.sa.nothingMissing" />
        </p>
      )}
      {unsavedCodes.length > 0 && (
        <Alert kind="info">
          <FormattedMessage id="host.sa.unsavedBeforeSubmit" values={{ codes: unsavedCodes.join(', ') }} />
        </Alert>
      )}
      {refusal && (
        <div className="alert alert-error" role="alert" data-testid="submit-refusal">
          {refusal.message}
        </div>
      )}
      {canSubmitNow ? (
        <>
          <p className="hint">
            <FormattedMessage id={progress.readyToSubmit ? 'host.sa.submitReady' : 'host.sa.submitNotReady'} />
          </p>
          <Button
            disabled={result.fetching}
            onClick={async () => {
              const r = await submit({ reviewId });
              const error = apiError(r.error);
              if (r.data) {
                setRefusal(null);
                onSubmitted();
              } else setRefusal({ message: error?.message ?? t('common.offlineTryLater') });
            }}
          >
            <FormattedMessage id="host.sa.submit" />
          </Button>
        </>
      ) : (
        <p className="muted">
          <FormattedMessage id="host.sa.submitLater" />
        </p>
      )}
    </section>
  );
}
