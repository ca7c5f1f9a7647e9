import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { FindingsQuery } from '../findings/operations';
import { useT } from '../i18n/i18n';
import { CityRatingsQuery } from './operations';
import { HistoryPoint, ratingsComparisonSpec, ratingsHistorySpec, RatingRow } from './ratings-chart';
import { VegaChart } from './VegaChart';

/**
 * Ratings as a picture, each with the same figures as a table: the city's self-assessment against the
 * team's rating per key factor, and, once the city has had more than one review, its agreed ratings
 * over its reviews (cityRatings: the reviews the reader may read).
 */
export function RatingsPanel({ reviewId, cityId }: { reviewId: string; cityId: string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: FindingsQuery, variables: { reviewId } });
  const [{ data: history }] = useQuery({ query: CityRatingsQuery, variables: { cityId } });
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
  const labels = { self: t('charts.self'), team: t('charts.team'), keyFactor: t('charts.keyFactor'), rating: t('charts.rating') };
  const comparison = useMemo(() => ratingsComparisonSpec(rows, scale, labels), [rows, scale, labels.self, labels.team]);
  const points: HistoryPoint[] = useMemo(
    () =>
      history?.cityRatings.flatMap((k) =>
        k.points.map((p) => ({ code: k.keyFactorCode, review: p.review.title, agreedAt: String(p.agreedAt), rating: p.rating ?? null })),
      ) ?? [],
    [history],
  );
  const reviews = [...new Set(points.map((p) => p.review))];
  const historySpec = useMemo(
    () => ratingsHistorySpec(points, scale, { review: t('charts.review'), rating: t('charts.rating'), keyFactor: t('charts.keyFactor') }),
    [points, scale],
  );
  if (!data) return null;
  const show = (n: number | null) => (n == null ? '—' : String(n));

  return (
    <section className="card ratings" aria-labelledby="ratings-heading">
      <h3 id="ratings-heading">
        <FormattedMessage id="charts.title" />
      </h3>
      <VegaChart spec={comparison} label={t('charts.comparisonLabel')} testId="ratings-chart">
        <details>
          <summary>{t('charts.asTable')}</summary>
          <table className="data-table" data-testid="ratings-table">
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
      <h4>
        <FormattedMessage id="charts.historyTitle" />
      </h4>
      {reviews.length < 2 ? (
        <p className="muted" data-testid="ratings-history-none">
          <FormattedMessage id="charts.noHistory" />
        </p>
      ) : (
        <VegaChart spec={historySpec} label={t('charts.historyLabel')} testId="ratings-history">
          <details>
            <summary>{t('charts.asTable')}</summary>
            <table className="data-table">
              <caption className="visually-hidden">{t('charts.historyTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charts.keyFactor')}</th>
                  {reviews.map((r) => (
                    <th key={r} scope="col">
                      {r}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...new Set(points.map((p) => p.code))].map((code) => (
                  <tr key={code}>
                    <th scope="row">{code}</th>
                    {reviews.map((r) => (
                      <td key={r}>{show(points.find((p) => p.code === code && p.review === r)?.rating ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </VegaChart>
      )}
    </section>
  );
}
