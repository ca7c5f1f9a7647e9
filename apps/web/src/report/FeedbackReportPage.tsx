import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ReviewEvidenceChart } from '../charts/EvidenceBySource';
import { NetworkDistribution } from '../charts/NetworkDistribution';
import { RatingsPanel } from '../charts/RatingsPanel';
import { ExportButtons } from '../exports/ExportButtons';
import { apiError } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { HostPreview } from './HostPreview';
import {
  FeedbackReportQuery,
  ReportChangedSubscription,
  RequestReportMutation,
  StartFeedbackMutation,
  StartReportingMutation,
} from './operations';
import { ReportVersion } from './ReportVersion';
import '../findings/findings.css';

/** While a version is queued or generating: the subscription says when it changes; polling covers a lost socket. */
const POLL_MS = 3000;

/**
 * Feedback and the follow-up report: move the review on, see what the host city will read, request a
 * report version and follow it live until READY, then preview, download, check the names and publish.
 */
export function FeedbackReportPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const [{ data, error }, refetch] = useQuery({ query: FeedbackReportQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [live] = useSubscription({ query: ReportChangedSubscription, variables: { reviewId } });
  const [feedbackResult, startFeedback] = useMutation(StartFeedbackMutation);
  const [reportingResult, startReporting] = useMutation(StartReportingMutation);
  const [requestResult, requestReport] = useMutation(RequestReportMutation);
  const [hostView, setHostView] = useState(false);
  const changed = live.data?.reportChanged;
  const pending = data?.reviewReports.some((r) => r.status === 'QUEUED' || r.status === 'GENERATING') ?? false;

  useEffect(() => {
    if (changed) refetch({ requestPolicy: 'network-only' });
  }, [changed, refetch]);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);

  if (!data) return <Loading error={error} />;
  const { review } = data;
  const isLeader = review.myRoles.includes('EXPERT_LEADER');
  const step = (to: string) => review.nextSteps.find((s) => s.to === to);
  const moveError = apiError(feedbackResult.error ?? reportingResult.error);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const afterFeedback = ['FEEDBACK', 'REPORTING', 'FOLLOW_UP', 'CLOSED'].includes(review.status);

  return (
    <section className="findings" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">
        <FormattedMessage id="report.title" />
      </h2>
      <p data-testid="review-status">
        <FormattedMessage id="report.statusIs" values={{ status: t(`status.${review.status}` as MessageId) }} />
      </p>

      {isLeader && (review.status === 'DELIBERATION' || review.status === 'FEEDBACK') && (
        <section className="card" aria-labelledby="next-step-heading">
          <h3 id="next-step-heading">
            <FormattedMessage id={review.status === 'DELIBERATION' ? 'report.toFeedback' : 'report.toReporting'} />
          </h3>
          {(() => {
            const next = step(review.status === 'DELIBERATION' ? 'FEEDBACK' : 'REPORTING');
            return next && next.missing.length > 0 ? (
              <ul className="checklist" aria-label={t('report.missing')}>
                {next.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">
                <FormattedMessage id={review.status === 'DELIBERATION' ? 'report.feedbackHint' : 'report.reportingHint'} />
              </p>
            );
          })()}
          <Button
            onClick={async () => {
              const result = review.status === 'DELIBERATION' ? await startFeedback({ reviewId }) : await startReporting({ reviewId });
              if (result.data) reload();
            }}
          >
            <FormattedMessage id={review.status === 'DELIBERATION' ? 'report.moveToFeedback' : 'report.moveToReporting'} />
          </Button>
          {moveError && <Alert kind="error">{moveError.message}</Alert>}
        </section>
      )}

      <section className="card" aria-labelledby="host-view-heading">
        <h3 id="host-view-heading">
          <FormattedMessage id="report.hostView" />
        </h3>
        <p className="muted">
          <FormattedMessage id="report.hostViewIntro" values={{ city: review.hostCity.name }} />
        </p>
        <Button variant="secondary" aria-expanded={hostView} onClick={() => setHostView(!hostView)}>
          <FormattedMessage id={hostView ? 'report.hideHostView' : 'report.viewAsHost'} />
        </Button>
        {hostView && <HostPreview reviewId={reviewId} city={review.hostCity.name} />}
      </section>

      <RatingsPanel reviewId={reviewId} cityId={review.hostCity.id} />
      <NetworkDistribution reviewId={reviewId} />
      <ReviewEvidenceChart reviewId={reviewId} />
      <div className="card">
        <ExportButtons what="ratings" path={`/exports/reviews/${reviewId}/ratings`} />
        <ExportButtons what="recommendations" path={`/exports/reviews/${reviewId}/recommendations`} />
      </div>

      <section aria-labelledby="reports-heading">
        <h3 id="reports-heading">
          <FormattedMessage id="report.versions" />
        </h3>
        {afterFeedback ? (
          <>
            <Button disabled={requestResult.fetching || pending} onClick={async () => (await requestReport({ reviewId })).data && reload()}>
              <FormattedMessage id="report.request" />
            </Button>
            {requestResult.error && <Alert kind="error">{apiError(requestResult.error)?.message ?? t('common.offlineTryLater')}</Alert>}
          </>
        ) : (
          <p className="muted">
            <FormattedMessage id="report.fromFeedback" />
          </p>
        )}
        {data.reviewReports.length === 0 && afterFeedback && (
          <p className="muted">
            <FormattedMessage id="report.none" />
          </p>
        )}
        {data.reviewReports.map((r, i) => (
          // The newest version in full; earlier ones as a line each.
          <ReportVersion key={r.id} report={r} isLeader={isLeader && i === 0} onPublished={reload} />
        ))}
      </section>
    </section>
  );
}
