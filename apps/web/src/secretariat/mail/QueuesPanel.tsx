import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { apiError } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button } from '../../ui/primitives';
import { OpenQueueDashboardMutation, OutboxCountsQuery } from '../operations-network';
import { DataTable } from '../DataTable';

/**
 * The background queues: how many jobs each holds by state (read from Redis when the page loads),
 * the way into the queue dashboard (bull-board, one-time link), and where the metrics are.
 */
export function QueuesPanel() {
  const t = useT();
  const [{ data }] = useQuery({ query: OutboxCountsQuery, requestPolicy: 'cache-and-network' });
  const [, openDashboard] = useMutation(OpenQueueDashboardMutation);
  const [failed, setFailed] = useState<string | null>(null);
  const open = async () => {
    setFailed(null);
    // The tab is opened inside the click, so no pop-up blocker stops it; the link follows.
    const tab = window.open('', '_blank');
    const result = await openDashboard({});
    const url = result.data?.openQueueDashboard.url;
    if (!url) {
      tab?.close();
      setFailed(apiError(result.error)?.message ?? t('common.loadFailed'));
    } else if (tab) tab.location.href = url;
    else window.location.href = url;
  };
  const queues = data?.queueCounts;

  return (
    <section className="card" aria-labelledby="queues-heading">
      <h2 id="queues-heading">
        <FormattedMessage id="secretariat.mail.queuesTitle" />
      </h2>
      {data && !queues ? (
        <Alert kind="error">
          <FormattedMessage id="secretariat.mail.queuesDown" />
        </Alert>
      ) : (
        queues && (
          <DataTable
            caption={t('secretariat.mail.queuesTitle')}
            testId="queue-counts"
            columns={[
              t('secretariat.mail.queue'),
              ...(['waiting', 'active', 'delayed', 'failed', 'completed'] as const).map((state) => ({
                label: t(`secretariat.mail.jobs.${state}`),
                num: true,
              })),
            ]}
          >
            {queues.map((q) => (
              <tr key={q.name}>
                <th scope="row">
                  <code>{q.name}</code>
                </th>
                <td className="num">{q.waiting}</td>
                <td className="num">{q.active}</td>
                <td className="num">{q.delayed}</td>
                <td className={`num ${q.failed ? 'overdue-count' : ''}`}>{q.failed}</td>
                <td className="num">{q.completed}</td>
              </tr>
            ))}
          </DataTable>
        )
      )}
      <p className="muted">
        <FormattedMessage id="secretariat.mail.dashboardHint" />
      </p>
      {failed && <Alert kind="error">{failed}</Alert>}
      <Button variant="secondary" onClick={() => void open()}>
        <FormattedMessage id="secretariat.mail.openDashboard" />
      </Button>
      <p className="muted">
        <FormattedMessage id="secretariat.mail.metrics" values={{ code: (s) => <code>{s}</code> }} />
      </p>
    </section>
  );
}
