import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { CombinedError, useMutation, useQuery } from 'urql';
import type { ReviewStatus } from '../graphql/generated/graphql';
import { apiError, problemFor } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';
import { Loading } from './Loading';
import {
  LeaderOverviewQuery,
  OpenSelfAssessmentMutation,
  StartDeliberationMutation,
  StartPreparationMutation,
  StartVisitMutation,
  UpdateTimelineMutation,
} from './operations';
import { dateLocale, dayLabel, localClock, localDay } from './zoned';
import './leader.css';

const TIMELINE = ['selfAssessmentDue', 'visitStart', 'visitEnd', 'conclusionsDue', 'reportDue'] as const;
type TimelineKey = (typeof TIMELINE)[number];

/** The review at a glance: where it stands, what is missing before the next step, its timeline and scope. */
export function OverviewPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: LeaderOverviewQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [, startPreparation] = useMutation(StartPreparationMutation);
  const [, openSelfAssessment] = useMutation(OpenSelfAssessmentMutation);
  const [, startVisit] = useMutation(StartVisitMutation);
  const [, startDeliberation] = useMutation(StartDeliberationMutation);
  const [stepError, setStepError] = useState<{ to: ReviewStatus; message: string } | null>(null);
  if (!data) return <Loading error={error} />;
  const review = data.review;
  // Cancelling is always open to the leader; it is not a step to prepare for.
  const nextSteps = review.nextSteps.filter((s) => s.to !== 'CANCELLED');
  type Step = (v: { reviewId: string }) => Promise<{ error?: CombinedError }>;
  const steps: Partial<Record<ReviewStatus, Step>> = {
    PREPARATION: startPreparation,
    SELF_ASSESSMENT: openSelfAssessment,
    VISIT: startVisit,
    DELIBERATION: startDeliberation,
  };

  const take = async (to: ReviewStatus) => {
    const run = steps[to];
    if (!run) return;
    const result = await run({ reviewId });
    const problem = apiError(result.error);
    setStepError(problem ? { to, message: problem.message } : null);
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="leader-page">
      <h1>{review.title}</h1>
      <p className="leader-summary">
        <span className={`tag status-tag status-${review.status}`} data-testid="review-status">
          {t(`status.${review.status}` as MessageId)}
        </span>
        {review.hostCity.name} · {t(`leader.kind.${review.kind}` as MessageId)}
      </p>

      <section aria-labelledby="next-heading" className="card">
        <h2 id="next-heading">
          <FormattedMessage id="leader.overview.next" />
        </h2>
        {nextSteps.length === 0 && (
          <p className="muted">
            <FormattedMessage id="leader.overview.noNext" />
          </p>
        )}
        {nextSteps.map((step) => (
          <div key={step.to} className="next-step" data-testid={`next-${step.to}`}>
            <h3>
              <FormattedMessage id="leader.overview.toStatus" values={{ status: t(`status.${step.to}` as MessageId) }} />
            </h3>
            {step.missing.length ? (
              <ul className="checklist" aria-label={t('leader.overview.missingFor', { status: t(`status.${step.to}` as MessageId) })}>
                {step.missing.map((m) => (
                  <li key={m} className="check-missing">
                    <span aria-hidden="true">✗</span> <FormattedMessage id="leader.overview.missing" values={{ what: m }} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="check-done">
                <span aria-hidden="true">✓</span> <FormattedMessage id="leader.overview.ready" />
              </p>
            )}
            {steps[step.to] && step.roles.includes('EXPERT_LEADER') && (
              <Button
                variant={step.missing.length ? 'secondary' : 'primary'}
                disabled={step.missing.length > 0}
                onClick={() => void take(step.to)}
              >
                <FormattedMessage id="leader.overview.take" values={{ status: t(`status.${step.to}` as MessageId) }} />
              </Button>
            )}
            {stepError?.to === step.to && <Alert kind="error">{stepError.message}</Alert>}
          </div>
        ))}
        {review.status === 'SELF_ASSESSMENT' && (
          <p className="muted">
            <FormattedMessage
              id="leader.overview.progress"
              values={{
                done: review.progress.entriesComplete,
                total: review.progress.keyFactorsInScope,
                submitted: review.progress.selfAssessmentSubmitted ? 'yes' : 'no',
              }}
            />
          </p>
        )}
      </section>

      <Timeline reviewId={reviewId} timeline={review.timeline} onSaved={() => refetch({ requestPolicy: 'network-only' })} />

      <section aria-labelledby="scope-heading" className="card">
        <h2 id="scope-heading">
          <FormattedMessage id="leader.overview.scope" values={{ count: review.keyFactorsInScope.length }} />
        </h2>
        <ul className="scope-list">
          {review.keyFactorsInScope.map((k) => (
            <li key={k.id}>
              <span className="kf-code">{k.code}</span> {k.heading}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type TimelineData = { timeZone: string } & Partial<Record<TimelineKey, { local: string } | null>> & {
    followUpCheckpoints?: { local: string }[];
  };

function Timeline({ reviewId, timeline, onSaved }: { reviewId: string; timeline: TimelineData; onSaved(): void }) {
  const t = useT();
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<TimelineKey, string>>(
    () => Object.fromEntries(TIMELINE.map((k) => [k, timeline[k]?.local.slice(0, 16) ?? ''])) as Record<TimelineKey, string>,
  );
  const [result, save] = useMutation(UpdateTimelineMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await save({ reviewId, timeline: Object.fromEntries(TIMELINE.map((k) => [k, values[k] || null])) });
    if (!sent.error) {
      setEditing(false);
      onSaved();
    }
  };
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">
        <FormattedMessage id="leader.overview.timeline" />
      </h2>
      <p className="muted">
        <FormattedMessage id="leader.timesIn" values={{ zone: timeline.timeZone }} />
      </p>
      {!editing ? (
        <>
          <dl className="timeline">
            {TIMELINE.map((k) => (
              <div key={k} className="timeline-row">
                <dt>{t(`leader.timeline.${k}` as MessageId)}</dt>
                <dd data-testid={`timeline-${k}`}>
                  {timeline[k] ? (
                    `${dayLabel(localDay(timeline[k]!.local), dateLocale(intl.locale))}, ${localClock(timeline[k]!.local)}`
                  ) : (
                    <span className="muted">{t('leader.timeline.unset')}</span>
                  )}
                </dd>
              </div>
            ))}
            {!!timeline.followUpCheckpoints?.length && (
              <div className="timeline-row">
                <dt>{t('leader.timeline.followUp')}</dt>
                <dd>{timeline.followUpCheckpoints.map((c) => dayLabel(localDay(c.local), dateLocale(intl.locale))).join('; ')}</dd>
              </div>
            )}
          </dl>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            <FormattedMessage id="leader.timeline.edit" />
          </Button>
        </>
      ) : (
        <form onSubmit={submit}>
          {problem && <Alert kind="error">{problem.message}</Alert>}
          <div className="form-row">
            {TIMELINE.map((k) => (
              <TextField
                key={k}
                type="datetime-local"
                label={t(`leader.timeline.${k}` as MessageId)}
                value={values[k]}
                error={problem ? (problemFor(problem.problems, `timeline.${k}`) ?? problemFor(problem.problems, k)) : undefined}
                onChange={(e) => setValues({ ...values, [k]: e.target.value })}
              />
            ))}
          </div>
          <div className="form-actions">
            <Button type="submit" disabled={result.fetching}>
              <FormattedMessage id="leader.timeline.save" />
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              <FormattedMessage id="common.cancel" />
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
