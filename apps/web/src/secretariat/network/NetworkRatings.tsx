import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { networkRatingsSpec, NetworkRatingCount } from '@peervisit/charts';
import { VegaChart } from '../../charts/VegaChart';
import { useT } from '../../i18n/i18n';
import { Loading } from '../../leader/Loading';
import { Alert } from '../../ui/primitives';
import { NetworkRatingsQuery } from '../operations-network';

/**
 * One benchmark version's agreed ratings across the network's cities (reviews whose findings were
 * shared with the city): a stacked bar per key factor, and the same figures as a table.
 */
export function NetworkRatings({ code, version }: { code: string; version: number }) {
  const t = useT();
  const intl = useIntl();
  const [{ data, error }] = useQuery({ query: NetworkRatingsQuery, variables: { code, version } });
  const scale = useMemo(() => [...(data?.benchmark.ratingScale ?? [])].sort((a, b) => a.value - b.value), [data]);
  const rows: NetworkRatingCount[] = useMemo(
    () =>
      data?.networkRatings.flatMap((k) =>
        k.ratings.map((r) => ({ code: k.keyFactor.code, heading: k.keyFactor.heading, rating: r.rating, count: r.count })),
      ) ?? [],
    [data],
  );
  const labels = { keyFactor: t('charts.keyFactor'), count: t('secretariat.network.ratingsCount'), rating: t('charts.rating') };
  const spec = useMemo(() => networkRatingsSpec(rows, scale, labels), [rows, scale, labels.keyFactor, labels.count, labels.rating]);
  if (!data) return <Loading error={error} />;
  const countOf = (keyFactorId: string, rating: number) =>
    data.networkRatings.find((k) => k.keyFactor.id === keyFactorId)?.ratings.find((r) => r.rating === rating)?.count ?? 0;
  if (!rows.length)
    return (
      <Alert kind="info">
        <FormattedMessage id="secretariat.network.noRatings" />
      </Alert>
    );
  return (
    <>
      <VegaChart spec={spec} label={t('secretariat.network.chartLabel', { code, version })} testId="network-chart" />
      <div className="table-scroll">
        <table className="data-table" data-testid="network-ratings-table">
          <caption className="visually-hidden">{t('secretariat.network.tableCaption', { code, version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('charts.keyFactor')}</th>
              <th scope="col" className="num">
                {t('secretariat.network.cities')}
              </th>
              {scale.map((level) => (
                <th key={level.value} scope="col" className="num">
                  {level.value} {level.label}
                </th>
              ))}
              <th scope="col" className="num">
                {t('secretariat.network.average')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.networkRatings.map((k) => (
              <tr key={k.keyFactor.id}>
                <th scope="row">
                  {k.keyFactor.code} {k.keyFactor.heading}
                </th>
                <td className="num">{k.cities}</td>
                {scale.map((level) => (
                  <td key={level.value} className="num">
                    {countOf(k.keyFactor.id, level.value)}
                  </td>
                ))}
                <td className="num">{k.average == null ? '—' : intl.formatNumber(k.average, { maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
