import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { RatingRow, RatingScale, ratingsComparisonSpec } from '@peervisit/charts';
import { useT } from '../i18n/i18n';
import { ReviewRatingsQuery } from './operations';
import { VegaChart } from './VegaChart';

const show = (n: number | null) => (n == null ? '—' : String(n));

/** The self-assessment against the team's rating per key factor, as a chart and the same figures as a table. */
export function RatingsComparisonChart({
  rows,
  scale,
  testIds = { chart: 'ratings-chart', table: 'ratings-table' },
}: {
  rows: RatingRow[];
  scale: RatingScale;
  testIds?: { chart: string; table: string };
}) {
  const t = useT();
  const labels = { self: t('charts.self'), team: t('charts.team'), keyFactor: t('charts.keyFactor'), rating: t('charts.rating') };
  const spec = useMemo(
    () => ratingsComparisonSpec(rows, scale, labels),
    [rows, scale.min, scale.max, labels.self, labels.team, labels.keyFactor, labels.rating],
  );
  return (
    <VegaChart spec={spec} label={t('charts.comparisonLabel')} testId={testIds.chart}>
      <details>
        <summary>{t('charts.asTable')}</summary>
        <table className="data-table" data-testid={testIds.table}>
          <caption className="visually-hidden">{t('charts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.keyFactor')}</th>
              <th scope="col">{t('charts.self')}</th>
              <th scope="col">{t('charts.team')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  {r.code} {r.heading}
                </th>
                <td>{show(r.selfRating)}</td>
                <td>{show(r.teamRating)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </VegaChart>
  );
}

/**
 * The same chart from what the host city may read (its self-assessment, the agreed conclusions): for
 * the host city's findings page, where the team's FindingsQuery (with its rigour checks) is not theirs.
 */
export function ReviewRatings({ reviewId }: { reviewId: string }) {
  const [{ data }] = useQuery({ query: ReviewRatingsQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
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
        teamRating: data.reviewConclusions.find((c) => c.keyFactorId === k.id && c.status === 'AGREED')?.rating ?? null,
      })) ?? [],
    [data],
  );
  if (!data) return null;
  return (
    <section className="card ratings" aria-labelledby="review-ratings-heading">
      <h2 id="review-ratings-heading">
        <FormattedMessage id="charts.title" />
      </h2>
      <RatingsComparisonChart rows={rows} scale={scale} />
    </section>
  );
}
