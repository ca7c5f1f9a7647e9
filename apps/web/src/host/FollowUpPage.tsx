import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { CityTimeline } from './after/CityTimeline';
import { NotYetShared } from './after/NotYetShared';
import { RecommendationCard } from './after/RecommendationCard';
import { reminderLabel, Reminders, useUpcomingReminders, useWhen } from './after/Reminders';
import { sharedWithHost, todayIn } from './after/shared';
import { HostFindingsStatusQuery, HostRecommendationsQuery } from './operations-after';
import '../findings/findings.css';
import './after/after.css';

/**
 * The follow-up, which goes on for years: the city answers each recommendation (the coordinator), then
 * reports progress with the documents that show it (coordinator and contributors); the reminders
 * coming up; and the city's reviews over time with its ratings.
 */
export function FollowUpPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const when = useWhen();
  const [{ data: status, error: statusError }] = useQuery({
    query: HostFindingsStatusQuery,
    variables: { reviewId },
    requestPolicy: 'cache-and-network',
  });
  const shared = !!status && sharedWithHost(status.review.status);
  const [{ data, error }] = useQuery({
    query: HostRecommendationsQuery,
    variables: { reviewId },
    pause: !shared,
    requestPolicy: 'cache-and-network',
  });
  const { reminders } = useUpcomingReminders(reviewId);
  const scale = useMemo(() => {
    const values = status?.review.benchmark.ratingScale.map((s) => s.value) ?? [];
    return values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: 0, max: 4 };
  }, [status]);
  if (!status) return <Loading error={statusError} />;
  const { review } = status;
  const city = review.hostCity.name;
  const coordinates = review.myRoles.includes('HOST_COORDINATOR');
  const refused = error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
  const recommendations = data?.reviewRecommendations ?? [];
  const unanswered = recommendations.filter((r) => !r.hostResponse).length;
  const next = reminders?.[0];
  const today = todayIn(review.timeline.timeZone);

  return (
    <div className="host-page host-follow-up">
      <h1>
        <FormattedMessage id="hostAfter.followUp.title" />
      </h1>
      {!shared || refused ? (
        <NotYetShared reviewId={reviewId} city={city} programme={status.visitProgramme} cancelled={status.review.status === 'CANCELLED'} />
      ) : !data ? (
        <Loading error={error} />
      ) : (
        <>
          <section className="card host-next" aria-labelledby="follow-up-next-heading">
            <h2 id="follow-up-next-heading">
              <FormattedMessage id="hostAfter.nextStep" />
            </h2>
            <p data-testid="follow-up-next">
              {!coordinates ? (
                <FormattedMessage id="hostAfter.followUp.nextContributor" />
              ) : unanswered > 0 ? (
                <FormattedMessage id="hostAfter.followUp.nextAnswer" values={{ count: unanswered, total: recommendations.length }} />
              ) : (
                <FormattedMessage id="hostAfter.followUp.nextProgress" />
              )}
            </p>
            <p>
              <Link to={`/reviews/${reviewId}/host/plan`} data-testid="open-plan">
                {t('plan.open')}
              </Link>
            </p>
            {next && (
              <p className="muted" data-testid="next-reminder">
                {t('hostAfter.followUp.nextReminder', { when: when(next), what: t(reminderLabel(next.template)) })}
              </p>
            )}
          </section>
          <section aria-labelledby="follow-up-recs-heading">
            <h2 id="follow-up-recs-heading">
              <FormattedMessage id="hostAfter.findings.recommendations" values={{ count: recommendations.length }} />
            </h2>
            {recommendations.length === 0 ? (
              <p className="muted">{t('hostAfter.findings.noRecommendations')}</p>
            ) : (
              <ol className="host-rec-list">
                {recommendations.map((r, i) => (
                  <RecommendationCard
                    key={r.id}
                    reviewId={reviewId}
                    recommendation={r}
                    index={i}
                    coordinates={coordinates}
                    today={today}
                    canAttach={review.status !== 'CLOSED'}
                  />
                ))}
              </ol>
            )}
          </section>
        </>
      )}
      <Reminders reminders={reminders} />
      <CityTimeline cityId={review.hostCity.id} city={city} currentReviewId={review.id} scale={scale} />
    </div>
  );
}
