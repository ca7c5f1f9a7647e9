import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { CityRatingsQuery } from '../../charts/operations';
import { HistoryPoint, ratingsHistorySpec } from '../../charts/ratings-chart';
import { VegaChart } from '../../charts/VegaChart';
import { MessageId, useT } from '../../i18n/i18n';
import { dateLocale, dayLabel, localDay } from '../../leader/zoned';
import { CityReviewsQuery } from '../operations-after';

/**
 * The city's reviews over the years (those the reader takes part in), and its agreed ratings per key
 * factor across them as a chart (the leader's ratings-history spec), with the same figures as a table.
 */
export function CityTimeline({
  cityId,
  city,
  currentReviewId,
  scale,
}: {
  cityId: string;
  city: string;
  currentReviewId: string;
  scale: { min: number; max: number };
}) {
  const t = useT();
  const intl = useIntl();
  const [{ data: reviews }] = useQuery({ query: CityReviewsQuery, variables: { cityId }, requestPolicy: 'cache-and-network' });
  const [{ data: history }] = useQuery({ query: CityRatingsQuery, variables: { cityId }, requestPolicy: 'cache-and-network' });
  const points: HistoryPoint[] = useMemo(
    () =>
      history?.cityRatings.flatMap((k) =>
        k.points.map((p) => ({ code: k.keyFactorCode, review: p.review.title, agreedAt: String(p.agreedAt), rating: p.rating ?? null })),
      ) ?? [],
    [history],
  );
  // The reviews with ratings, oldest first (as the chart orders them).
  const rated = useMemo(
    () => [...new Map([...points].sort((a, b) => a.agreedAt.localeCompare(b.agreedAt)).map((p) => [p.review, p.agreedAt])).keys()],
    [points],
  );
  const spec = useMemo(
    () => ratingsHistorySpec(points, scale, { review: t('charts.review'), rating: t('charts.rating'), keyFactor: t('charts.keyFactor') }),
    [points, scale.min, scale.max],
  );
  const list = useMemo(
    () =>
      [...(reviews?.reviews.nodes ?? [])].sort((a, b) =>
        (a.timeline.visitStart?.local ?? a.createdAt).localeCompare(b.timeline.visitStart?.local ?? b.createdAt),
      ),
    [reviews],
  );
  const locale = dateLocale(intl.locale);
  const show = (n: number | null | undefined) => (n == null ? '—' : String(n));

  return (
    <section className="card host-timeline" aria-labelledby="timeline-heading" data-testid="city-timeline">
      <h2 id="timeline-heading">
        <FormattedMessage id="hostAfter.timeline.title" values={{ city }} />
      </h2>
      {!reviews ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <ol className="host-review-list">
          {list.map((r) => (
            <li key={r.id} aria-current={r.id === currentReviewId ? 'true' : undefined} data-testid="timeline-review">
              <strong>{r.title}</strong> <span className="tag">{t(`status.${r.status}` as MessageId)}</span>
              {r.id === currentReviewId && <span className="tag tag-AGREED">{t('hostAfter.timeline.thisOne')}</span>}
              <span className="muted">
                {' '}
                {r.timeline.visitStart
                  ? t('hostAfter.timeline.visited', { day: dayLabel(localDay(r.timeline.visitStart.local), locale) })
                  : t('hostAfter.timeline.noVisit')}
              </span>
            </li>
          ))}
        </ol>
      )}
      <h3>
        <FormattedMessage id="charts.historyTitle" />
      </h3>
      {rated.length < 2 ? (
        <p className="muted" data-testid="timeline-no-history">
          <FormattedMessage id="charts.noHistory" />
        </p>
      ) : (
        <VegaChart spec={spec} label={t('charts.historyLabel')} testId="city-ratings-chart">
          <details>
            <summary>{t('charts.asTable')}</summary>
            <div className="table-scroll">
              <table className="data-table" data-testid="city-ratings-table">
                <caption className="visually-hidden">{t('charts.historyTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('charts.keyFactor')}</th>
                    {rated.map((r) => (
                      <th key={r} scope="col">
                        {r}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {history?.cityRatings.map((k) => (
                    <tr key={k.keyFactorCode}>
                      <th scope="row">
                        {k.keyFactorCode} {k.heading}
                      </th>
                      {rated.map((r) => (
                        <td key={r}>{show(points.find((p) => p.code === k.keyFactorCode && p.review === r)?.rating)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </VegaChart>
      )}
    </section>
  );
}
