import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import type { HostUpcomingRemindersQuery } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';
import { dateLocale, dayLabel, localDay } from '../../leader/zoned';
import { UpcomingRemindersQuery } from '../operations-after';

type Reminder = HostUpcomingRemindersQuery['upcomingReminders'][number];

/** The reminders the API plans, by template (the outbox's template names). */
const KNOWN = [
  'self-assessment-due',
  'session-reminder',
  'evidence-nudge',
  'conclusions-due',
  'follow-up-checkpoint',
  'next-assessment',
] as const;

export const reminderLabel = (template: string): MessageId =>
  (KNOWN as readonly string[]).includes(template) ? (`hostAfter.reminder.${template}` as MessageId) : 'hostAfter.reminder.other';

export function useUpcomingReminders(reviewId: string) {
  const [{ data, error }] = useQuery({ query: UpcomingRemindersQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  return { reminders: data?.upcomingReminders, error };
}

/** "Thursday 1 June 2028", the day in the host city (the hour a reminder goes out says nothing to the reader). */
export function useWhen() {
  const intl = useIntl();
  return (r: Pick<Reminder, 'dueLocal'>) => dayLabel(localDay(r.dueLocal), dateLocale(intl.locale));
}

/**
 * What PeerVisit will send, and when: the follow-up checkpoints, the next assessment, and (before the
 * visit) the self-assessment's due dates. Nothing to do now; it says what is coming.
 */
export function Reminders({ reminders }: { reminders: Reminder[] | undefined }) {
  const t = useT();
  const when = useWhen();
  return (
    <section className="card" aria-labelledby="reminders-heading" data-testid="upcoming-reminders">
      <h2 id="reminders-heading">
        <FormattedMessage id="hostAfter.reminders.title" />
      </h2>
      {!reminders ? (
        <p role="status">{t('common.loading')}</p>
      ) : reminders.length === 0 ? (
        <p className="muted">{t('hostAfter.reminders.none')}</p>
      ) : (
        <>
          <p className="muted">{t('hostAfter.reminders.intro')}</p>
          <ul className="host-reminders">
            {reminders.map((r) => (
              <li key={r.id} data-testid="reminder">
                <span className="host-reminder-when">{when(r)}</span>
                <span>{t(reminderLabel(r.template))}</span>
                {r.recipientName && <span className="muted">{t('hostAfter.reminders.to', { name: r.recipientName })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
