import { ReactNode, useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { useT } from '../i18n/i18n';
import { CityRatingsQuery } from './operations';
import { HistoryPoint, ratingsHistorySpec } from '@peervisit/charts';
import { VegaChart } from './VegaChart';

/**
 * A city's agreed ratings over its reviews (cityRatings: the reviews the reader may read), as points and
 * as the chart's spec: the team's ratings panel and the host city's timeline show them.
 */
export function useRatingsHistory(cityId: string, scale: { min: number; max: number }) {
  const t = useT();
  const [{ data: history }] = useQuery({ query: CityRatingsQuery, variables: { cityId } });
  const points: HistoryPoint[] = useMemo(
    () =>
      history?.cityRatings.flatMap((k) =>
        k.points.map((p) => ({ code: k.keyFactorCode, review: p.review.title, agreedAt: String(p.agreedAt), rating: p.rating ?? null })),
      ) ?? [],
    [history],
  );
  const spec = useMemo(
    () => ratingsHistorySpec(points, scale, { review: t('charts.review'), rating: t('charts.rating'), keyFactor: t('charts.keyFactor') }),
    [points, scale.min, scale.max],
  );
  return { history, points, spec };
}

const show = (n: number | null | undefined) => (n == null ? '—' : String(n));

/**
 * The ratings over the city's reviews as a chart, with the same figures as a table (a row per key
 * factor, a column per review); with fewer than two rated reviews, a line saying there is no history yet.
 */
export function RatingsHistoryChart({
  headingLevel,
  spec,
  points,
  reviews,
  keyFactors,
  testIds,
}: {
  headingLevel: 3 | 4;
  spec: ReturnType<typeof ratingsHistorySpec>;
  points: HistoryPoint[];
  /** The review titles, in the table's column order. */
  reviews: string[];
  /** The table's rows: the key factor's code (as the points have it) and what its row header says. */
  keyFactors: { code: string; label: ReactNode }[];
  testIds: { none: string; chart: string; table?: string };
}) {
  const t = useT();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <Heading>
        <FormattedMessage id="charts.historyTitle" />
      </Heading>
      {reviews.length < 2 ? (
        <p className="muted" data-testid={testIds.none}>
          <FormattedMessage id="charts.noHistory" />
        </p>
      ) : (
        <VegaChart spec={spec} label={t('charts.historyLabel')} testId={testIds.chart}>
          <details>
            <summary>{t('charts.asTable')}</summary>
            <div className="table-scroll">
              <table className="data-table" data-testid={testIds.table}>
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
                  {keyFactors.map((k) => (
                    <tr key={k.code}>
                      <th scope="row">{k.label}</th>
                      {reviews.map((r) => (
                        <td key={r}>{show(points.find((p) => p.code === k.code && p.review === r)?.rating)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </VegaChart>
      )}
    </>
  );
}
