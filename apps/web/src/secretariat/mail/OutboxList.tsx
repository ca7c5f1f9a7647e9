import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import type { OutboxStatus } from '../../graphql/generated/graphql';
import { apiError } from '../../graphql/errors';
import { MessageId, useT } from '../../i18n/i18n';
import { Loading } from '../../leader/Loading';
import { Alert, Button } from '../../ui/primitives';
import { OutboxCountsQuery, OutboxQuery, RetryOutboxMessageMutation } from '../operations-network';
import { DataTable } from '../DataTable';

const STATUSES: OutboxStatus[] = ['FAILED', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED'];
const COUNT_FIELD = { FAILED: 'failed', SCHEDULED: 'scheduled', SENDING: 'sending', SENT: 'sent', CANCELLED: 'cancelled' } as const;
export const statusLabel = (status: OutboxStatus): MessageId => `secretariat.mail.status.${status}`;

/**
 * The outbox by status, newest due first: what went out, what waits, and what failed with its last
 * error. A failed or cancelled message can be sent again; the worker picks it up at once.
 */
export function OutboxList() {
  const t = useT();
  const intl = useIntl();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [result, refetch] = useQuery({ query: OutboxQuery, variables: { status, after }, requestPolicy: 'cache-and-network' });
  // While another status loads, the list of the one before is not shown under the new choice.
  const asked = result.operation?.variables;
  const data = asked && asked.status === status && asked.after === after ? result.data : undefined;
  const error = result.error;
  const [{ data: counts }, refetchCounts] = useQuery({ query: OutboxCountsQuery, requestPolicy: 'cache-and-network' });
  const [, retry] = useMutation(RetryOutboxMessageMutation);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };
  const choose = (next: OutboxStatus | null) => {
    setStatus(next);
    setAfter(null);
    setNotice(null);
  };
  const sendAgain = async (message: { id: string; template: string; recipientEmail: string }) => {
    const result = await retry({ id: message.id });
    const problem = apiError(result.error);
    setNotice(
      problem || result.error
        ? { kind: 'error', text: problem?.message ?? t('common.loadFailed') }
        : { kind: 'success', text: t('secretariat.mail.retried', { template: message.template, to: message.recipientEmail }) },
    );
    refresh();
  };
  const total = STATUSES.reduce((n, s) => n + (counts?.[COUNT_FIELD[s]].totalCount ?? 0), 0);

  return (
    <section className="card" aria-labelledby="outbox-heading">
      <div className="page-head">
        <h2 id="outbox-heading">
          <FormattedMessage id="secretariat.mail.outboxTitle" />
        </h2>
        <Button variant="secondary" onClick={refresh}>
          <FormattedMessage id="secretariat.mail.refresh" />
        </Button>
      </div>
      <ul className="status-filter" aria-label={t('secretariat.mail.filterLabel')}>
        <li>
          <button type="button" aria-pressed={status === null} onClick={() => choose(null)}>
            {t('secretariat.mail.all', { count: total })}
          </button>
        </li>
        {STATUSES.map((s) => (
          <li key={s}>
            <button type="button" aria-pressed={status === s} onClick={() => choose(s)}>
              {t(statusLabel(s))} ({counts?.[COUNT_FIELD[s]].totalCount ?? '…'})
            </button>
          </li>
        ))}
      </ul>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!data ? (
        <Loading error={error} />
      ) : data.outboxMessages.nodes.length === 0 ? (
        <p className="muted" data-testid="outbox-empty">
          <FormattedMessage id="secretariat.mail.empty" />
        </p>
      ) : (
        <>
          <DataTable
            caption={status ? t('secretariat.mail.captionStatus', { status: t(statusLabel(status)) }) : t('secretariat.mail.outboxTitle')}
            testId="outbox-table"
            columns={[
              t('secretariat.mail.message'),
              t('secretariat.mail.to'),
              t('secretariat.mail.statusColumn'),
              { label: t('secretariat.mail.attempts'), num: true },
              t('secretariat.mail.when'),
              t('secretariat.mail.lastError'),
              { label: t('secretariat.benchmarks.actions'), hidden: true },
            ]}
          >
            {data.outboxMessages.nodes.map((m) => (
              <tr key={m.id} data-testid="outbox-row">
                <th scope="row">
                  <code>{m.template}</code>
                </th>
                <td className="wrap-anywhere">{m.recipientEmail}</td>
                <td>
                  <span className={`status-pill status-${m.status}`}>{t(statusLabel(m.status))}</span>
                </td>
                <td className="num">{m.attempts}</td>
                <td>
                  {m.sentAt ? t('secretariat.mail.sentAt', { when: when(m.sentAt) }) : t('secretariat.mail.dueAt', { when: when(m.dueAt) })}
                </td>
                <td className="error-text">{m.lastError ?? ''}</td>
                <td>
                  {(m.status === 'FAILED' || m.status === 'CANCELLED') && (
                    <Button
                      variant="secondary"
                      onClick={() => void sendAgain(m)}
                      aria-label={t('secretariat.mail.retryLabel', { template: m.template, to: m.recipientEmail })}
                    >
                      <FormattedMessage id="secretariat.mail.retry" />
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="item-actions-row">
            {after && (
              <Button variant="secondary" onClick={() => setAfter(null)}>
                <FormattedMessage id="secretariat.mail.newest" />
              </Button>
            )}
            {data.outboxMessages.pageInfo.hasNextPage && (
              <Button variant="secondary" onClick={() => setAfter(data.outboxMessages.pageInfo.endCursor ?? null)}>
                <FormattedMessage id="secretariat.mail.older" />
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
