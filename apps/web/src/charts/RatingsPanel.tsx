import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { FindingsQuery } from '../findings/operations';
import { RatingRow } from '@peervisit/charts';
import { RatingsHistoryChart, useRatingsHistory } from './RatingsHistory';
import { RatingsComparisonChart } from './RatingsComparison';

/**
 * Ratings as a picture, each with the same figures as a table: the city's self-assessment against the
 * team's rating per key factor, and, once the city has had more than one review, its agreed ratings
 * over its reviews (cityRatings: the reviews the reader may read).
 */
export function RatingsPanel({ reviewId, cityId }: { reviewId: string; cityId: string }) {
  const [{ data }] = useQuery({ query: FindingsQuery, variables: { reviewId } });
  const scale = useMemo(() => {
    const values = data?.review.benchmark.ratingScale.map((s) => s.value) ?? [];
    return values.length ? { min: Math.min(...values), max: Math.max(...values) } : { min: 0, max: 4 };
  }, [data]);
  const rows: RatingRow[] = useMemo(
    () =>
      data?.review.keyFactorsInScope.map((k) => ({
        code: k.code,
        heading: k.heading,
        selfRating: data.review.selfAssessment.find((e) => e.keyFactorId === k.id)?.rating ?? null,
        teamRating: data.reviewConclusions.find((c) => c.keyFactorId === k.id)?.rating ?? null,
      })) ?? [],
    [data],
  );
  const { points, spec: historySpec } = useRatingsHistory(cityId, scale);
  const reviews = [...new Set(points.map((p) => p.review))];
  if (!data) return null;

  return (
    <section className="card ratings" aria-labelledby="ratings-heading">
      <h3 id="ratings-heading">
        <FormattedMessage id="charts.title" />
      </h3>
      <RatingsComparisonChart rows={rows} scale={scale} />
      <RatingsHistoryChart
        headingLevel={4}
        spec={historySpec}
        points={points}
        reviews={reviews}
        keyFactors={[...new Set(points.map((p) => p.code))].map((code) => ({ code, label: code }))}
        testIds={{ none: 'ratings-history-none', chart: 'ratings-history' }}
      />
    </section>
  );
}
