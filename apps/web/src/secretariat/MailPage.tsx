import { FormattedMessage } from 'react-intl';
import '../findings/findings.css';
import { OutboxList } from './mail/OutboxList';
import { QueuesPanel } from './mail/QueuesPanel';
import './network/network.css';

/** Mail and queues (secretariat): the outbox by status with retries, and the background queues. */
export function MailPage() {
  return (
    <div data-testid="mail-page">
      <h1>
        <FormattedMessage id="secretariat.mail.title" />
      </h1>
      <p className="sec-intro">
        <FormattedMessage id="secretariat.mail.intro" />
      </p>
      <OutboxList />
      <QueuesPanel />
    </div>
  );
}
