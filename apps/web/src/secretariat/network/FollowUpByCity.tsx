import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n';
import { Loading } from '../../leader/Loading';
import { Alert } from '../../ui/primitives';
import { NetworkFollowUpQuery } from '../operations-network';
import { DataTable } from '../DataTable';

/**
 * Per host city: its open recommendations and the overdue follow-ups (a checkpoint passed without a
 * progress report), the most overdue first; then each overdue recommendation with a way to its review.
 */
export function FollowUpByCity() {
  const t = useT();
  const intl = useIntl();
  const [{ data, error }] = useQuery({ query: NetworkFollowUpQuery, requestPolicy: 'cache-and-network' });
  if (!data) return <Loading error={error} />;
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'short', year: 'numeric' });
  const rows = data.networkFollowUp;
  if (!rows.length)
    return (
      <Alert kind="info">
        <FormattedMessage id="secretariat.network.noFollowUp" />
      </Alert>
    );
  const overdueCities = rows.filter((r) => r.overdue.length);
  return (
    <>
      <DataTable
        caption={t('secretariat.network.followUpTitle')}
        testId="follow-up-table"
        columns={[
          t('secretariat.network.city'),
          { label: t('secretariat.network.open'), num: true },
          { label: t('secretariat.network.overdue'), num: true },
          t('secretariat.network.nextCheckpoint'),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.city.id} data-testid="follow-up-row">
            <th scope="row">
              {row.city.name} <span className="muted">({row.city.country})</span>
            </th>
            <td className="num">{row.openRecommendations}</td>
            <td className={`num ${row.overdueFollowUps ? 'overdue-count' : ''}`}>{row.overdueFollowUps}</td>
            <td>{row.nextCheckpoint ? date(row.nextCheckpoint) : '—'}</td>
          </tr>
        ))}
      </DataTable>
      {overdueCities.map((row) => (
        <section key={row.city.id} aria-labelledby={`overdue-${row.city.id}`} data-testid="overdue-city">
          <h3 id={`overdue-${row.city.id}`}>{t('secretariat.network.overdueIn', { city: row.city.name, count: row.overdueFollowUps })}</h3>
          <ul className="overdue-list">
            {row.overdue.map((o) => (
              <li key={o.recommendation.id}>
                <Link to={`/reviews/${o.recommendation.review.id}/recommendations`}>{o.recommendation.text}</Link>
                <span className="meta">
                  {o.lastReportedAt
                    ? t('secretariat.network.missedSince', { checkpoint: date(o.checkpoint), last: date(o.lastReportedAt) })
                    : t('secretariat.network.missedNever', { checkpoint: date(o.checkpoint) })}{' '}
                  · {o.recommendation.review.title}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
