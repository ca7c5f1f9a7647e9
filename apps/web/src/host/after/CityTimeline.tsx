import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { RatingsHistoryChart, useRatingsHistory } from '../../charts/RatingsHistory';
import { MessageId, useT } from '../../i18n/i18n';
import { dateLocale, dayLabel, localDay } from '../../leader/zoned';
import { CityReviewsQuery } from '../operations-after';

/**
 * The city's reviews over the years (those the reader takes part in), and its agreed ratings per key
 * factor across them as a chart (charts/RatingsHistory.tsx), with the same figures as a table.
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
  const { history, points, spec } = useRatingsHistory(cityId, scale);
  // The reviews with ratings, oldest first (as the chart orders them).
  const rated = useMemo(
    () => [...new Map([...points].sort((a, b) => a.agreedAt.localeCompare(b.agreedAt)).map((p) => [p.review, p.agreedAt])).keys()],
    [points],
  );
  const list = useMemo(
    () =>
      [...(reviews?.reviews.nodes ?? [])].sort((a, b) =>
        (a.timeline.visitStart?.local ?? a.createdAt).localeCompare(b.timeline.visitStart?.local ?? b.createdAt),
      ),
    [reviews],
  );
  const locale = dateLocale(intl.locale);

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
              {r.planSummary && (
                <span className="muted" data-testid="timeline-plan">
                  {' · '}
                  {t('plan.timeline', {
                    progress: r.planSummary.progress == null ? '—' : `${r.planSummary.progress} %`,
                    done: r.planSummary.done,
                    actions: r.planSummary.actions,
                  })}
                  {r.planSummary.overdue > 0 && <> · {t('plan.timelineOverdue', { count: r.planSummary.overdue })}</>}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <RatingsHistoryChart
        headingLevel={3}
        spec={spec}
        points={points}
        reviews={rated}
        keyFactors={(history?.cityRatings ?? []).map((k) => ({ code: k.keyFactorCode, label: `${k.keyFactorCode} ${k.heading}` }))}
        testIds={{ none: 'timeline-no-history', chart: 'city-ratings-chart', table: 'city-ratings-table' }}
      />
    </section>
  );
}
