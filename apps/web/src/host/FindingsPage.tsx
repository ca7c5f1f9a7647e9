import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ReviewEvidenceChart } from '../charts/EvidenceBySource';
import { NetworkDistribution } from '../charts/NetworkDistribution';
import { ReviewRatings } from '../charts/RatingsComparison';
import { ExportButtons } from '../exports/ExportButtons';
import type { HostFindingsQuery } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { HostFindingsQuery as FindingsQuery, HostFindingsStatusQuery } from './operations-after';
import { NotYetShared } from './after/NotYetShared';
import { RecommendationTags } from './after/RecommendationTags';
import { ReportReader } from './after/ReportReader';
import { sharedWithHost } from './after/shared';
import '../findings/findings.css';
import './after/after.css';

type Findings = HostFindingsQuery;

/**
 * Feedback and report from the host city's side: from the feedback session on, the team's findings
 * per key factor and its recommendations, as the API gives them to the city (names of people who did
 * not consent withheld, no evidence, no drafts), and the published report, read here and downloaded.
 * Before that, when they will be shared.
 */
export function FindingsPage() {
  const { reviewId = '' } = useParams();
  const [{ data: status, error: statusError }] = useQuery({
    query: HostFindingsStatusQuery,
    variables: { reviewId },
    requestPolicy: 'cache-and-network',
  });
  const shared = !!status && sharedWithHost(status.review.status);
  const [{ data, error }] = useQuery({ query: FindingsQuery, variables: { reviewId }, pause: !shared, requestPolicy: 'cache-and-network' });
  if (!status) return <Loading error={statusError} />;
  const city = status.review.hostCity.name;
  // The API decides (readFindingsAsHost); a refusal is shown as the same "not yet" page.
  const refused = error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
  return (
    <div className="host-page host-findings">
      <h1>
        <FormattedMessage id="hostAfter.findings.title" />
      </h1>
      {!shared || refused ? (
        <NotYetShared reviewId={reviewId} city={city} programme={status.visitProgramme} cancelled={status.review.status === 'CANCELLED'} />
      ) : !data ? (
        <Loading error={error} />
      ) : (
        <Shared reviewId={reviewId} city={city} data={data} />
      )}
    </div>
  );
}

function Shared({ reviewId, city, data }: { reviewId: string; city: string; data: Findings }) {
  const t = useT();
  const { review, reviewConclusions, reviewRecommendations, reviewReports } = data;
  const scale = review.benchmark.ratingScale;
  const max = Math.max(...scale.map((s) => s.value));
  const unanswered = reviewRecommendations.filter((r) => !r.hostResponse).length;
  return (
    <>
      <p className="lead">
        <FormattedMessage id="hostAfter.findings.intro" values={{ city }} />
      </p>
      <section className="card host-next" aria-labelledby="findings-next-heading">
        <h2 id="findings-next-heading">
          <FormattedMessage id="hostAfter.nextStep" />
        </h2>
        <p data-testid="findings-next">
          {unanswered > 0 ? (
            <FormattedMessage id="hostAfter.findings.nextAnswer" values={{ count: unanswered }} />
          ) : (
            <FormattedMessage id="hostAfter.findings.nextProgress" />
          )}
        </p>
        <Link className="btn btn-primary" to={`/reviews/${reviewId}/host/follow-up`}>
          <FormattedMessage id="hostAfter.findings.toFollowUp" />
        </Link>
      </section>

      <ReportReader reports={reviewReports} city={city} />
      <div className="card">
        <ExportButtons what="ratings" path={`/exports/reviews/${reviewId}/ratings`} />
        <ExportButtons what="recommendations" path={`/exports/reviews/${reviewId}/recommendations`} />
      </div>
      <ReviewRatings reviewId={reviewId} />
      <ReviewEvidenceChart reviewId={reviewId} headingLevel={2} />
      <NetworkDistribution reviewId={reviewId} headingLevel={2} />

      <section aria-labelledby="conclusions-heading">
        <h2 id="conclusions-heading">
          <FormattedMessage id="hostAfter.findings.perKeyFactor" />
        </h2>
        {review.keyFactorsInScope.map((k) => {
          const c = reviewConclusions.find((x) => x.keyFactorId === k.id);
          const label = scale.find((s) => s.value === c?.rating)?.label;
          return (
            <article
              key={k.id}
              className="card host-conclusion"
              aria-labelledby={`kf-${k.id}`}
              data-testid="host-finding"
              data-code={k.code}
            >
              <h3 id={`kf-${k.id}`}>
                <span className="kf-code">{k.code}</span> {k.heading}
              </h3>
              {!c ? (
                <p className="muted">{t('hostAfter.findings.noConclusion')}</p>
              ) : (
                <>
                  <p className="host-rating" data-testid="host-rating">
                    {c.rating == null ? (
                      t('hostAfter.findings.notRated')
                    ) : (
                      <>
                        <FormattedMessage id="hostAfter.findings.rating" values={{ rating: c.rating, max }} />
                        {label && <span className="muted"> · {label}</span>}
                      </>
                    )}
                    {c.status !== 'AGREED' && <span className="tag tag-warning">{t('hostAfter.findings.beingRevised')}</span>}
                  </p>
                  {c.summary && <p>{c.summary}</p>}
                  <dl className="host-facts">
                    {c.strengths && (
                      <>
                        <dt>{t('findings.field.strengths')}</dt>
                        <dd>{c.strengths}</dd>
                      </>
                    )}
                    {c.areasToDevelop && (
                      <>
                        <dt>{t('findings.field.areasToDevelop')}</dt>
                        <dd>{c.areasToDevelop}</dd>
                      </>
                    )}
                  </dl>
                </>
              )}
            </article>
          );
        })}
      </section>

      <section aria-labelledby="recommendations-heading">
        <h2 id="recommendations-heading">
          <FormattedMessage id="hostAfter.findings.recommendations" values={{ count: reviewRecommendations.length }} />
        </h2>
        {reviewRecommendations.length === 0 ? (
          <p className="muted">{t('hostAfter.findings.noRecommendations')}</p>
        ) : (
          <ol className="host-recommendations">
            {reviewRecommendations.map((r) => (
              <li key={r.id} className="card" data-testid="host-recommendation">
                <p className="recommendation-text">{r.text}</p>
                <p className="kf-tags">
                  <RecommendationTags recommendation={r} />
                </p>
                {r.suggestedOwner && <p className="muted">{t('hostAfter.findings.owner', { owner: r.suggestedOwner })}</p>}
                <p className="muted">
                  {r.hostResponse
                    ? t('hostAfter.findings.answered', { answer: t(`hostAfter.response.${r.hostResponse}` as MessageId) })
                    : t('hostAfter.findings.notAnswered')}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
