import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { DistributionCount, networkDistributionSpec } from '@peervisit/charts';
import { useT } from '../i18n/i18n';
import { NetworkDistributionQuery } from './operations';
import { VegaChart } from './VegaChart';

/**
 * The network's agreed ratings per key factor, counted per rating across cities, with this review's
 * city marked (networkDistribution). The API gives a key factor only once at least 5 cities rated
 * it, so that no city can be recognised; below that the panel says why there is nothing to show.
 */
export function NetworkDistribution({ reviewId, headingLevel = 3 }: { reviewId: string; headingLevel?: 2 | 3 | 4 }) {
  const t = useT();
  const [{ data, error }] = useQuery({ query: NetworkDistributionQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const Heading = `h${headingLevel}` as const;
  const distribution = data?.networkDistribution;
  const city = data?.review.hostCity.name ?? '';
  const scale = useMemo(() => [...(data?.review.benchmark.ratingScale ?? [])].sort((a, b) => a.value - b.value), [data]);
  const counts: DistributionCount[] = useMemo(
    () =>
      distribution?.keyFactors?.flatMap((k) =>
        k.ratings.map((r) => ({ code: k.keyFactor.code, heading: k.keyFactor.heading, rating: r.rating, count: r.count })),
      ) ?? [],
    [distribution],
  );
  const labels = { keyFactor: t('charts.keyFactor'), rating: t('charts.rating'), city, cities: t('charts.network.legend') };
  const spec = useMemo(
    () =>
      networkDistributionSpec(
        counts,
        (distribution?.keyFactors ?? []).map((k) => ({ code: k.keyFactor.code, rating: k.cityRating ?? null })),
        scale,
        labels,
      ),
    [counts, distribution, scale, labels.keyFactor, labels.rating, labels.city, labels.cities],
  );
  if (!data) return error ? <p className="muted">{t('common.loadFailed')}</p> : null;
  const minCities = distribution!.minCities;
  return (
    <section className="card network-distribution" aria-labelledby={`network-distribution-${reviewId}`} data-testid="network-distribution">
      <Heading id={`network-distribution-${reviewId}`}>
        <FormattedMessage id="charts.network.title" values={{ city }} />
      </Heading>
      {!distribution?.keyFactors ? (
        <p className="muted" data-testid="network-distribution-none">
          {/* The API's reason (TOO_FEW_CITIES is the only one): fewer than minCities cities rated any key factor in scope. */}
          <FormattedMessage id="charts.network.tooFew" values={{ min: minCities }} />
        </p>
      ) : (
        <>
          <VegaChart spec={spec} label={t('charts.network.label', { city, min: minCities })} testId="network-distribution-chart">
            <details>
              <summary>{t('charts.asTable')}</summary>
              <div className="table-scroll">
                <table className="data-table" data-testid="network-distribution-table">
                  <caption className="visually-hidden">{t('charts.network.title', { city })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('charts.keyFactor')}</th>
                      <th scope="col" className="num">
                        {t('charts.network.cities')}
                      </th>
                      {scale.map((level) => (
                        <th key={level.value} scope="col" className="num">
                          {level.value} {level.label}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {city}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {distribution.keyFactors.map((k) => (
                      <tr key={k.keyFactor.id}>
                        <th scope="row">
                          {k.keyFactor.code} {k.keyFactor.heading}
                        </th>
                        <td className="num">{k.cities}</td>
                        {scale.map((level) => (
                          <td key={level.value} className="num">
                            {k.ratings.find((r) => r.rating === level.value)?.count ?? 0}
                          </td>
                        ))}
                        <td className="num">{k.cityRating ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </VegaChart>
          {distribution.withheldKeyFactors.length > 0 && (
            <p className="muted" data-testid="network-distribution-withheld">
              <FormattedMessage
                id="charts.network.withheld"
                values={{ min: minCities, codes: distribution.withheldKeyFactors.map((k) => k.code).join(', ') }}
              />
            </p>
          )}
        </>
      )}
    </section>
  );
}
