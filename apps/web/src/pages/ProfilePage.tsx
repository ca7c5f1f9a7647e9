import { FormattedDate, FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { EndSessionMutation, MeQuery, MySessionsQuery, SetMyOptionalRemindersMutation } from '../graphql/operations';
import { LanguageSetting } from '../i18n/LanguageSetting';
import { TimeZoneSetting } from '../i18n/TimeZoneSetting';
import { PersonalDataDownload } from '../privacy/PersonalDataDownload';
import { Button } from '../ui/primitives';

export function ProfilePage() {
  const { person: stored, signOut, updatePerson } = useAuth();
  const [{ data }] = useQuery({ query: MeQuery });
  const [reminders, setReminders] = useMutation(SetMyOptionalRemindersMutation);
  const [sessions, refetchSessions] = useQuery({ query: MySessionsQuery });
  const [, endSession] = useMutation(EndSessionMutation);
  const person = data?.me ?? stored;
  if (!person) return null;

  async function toggleReminders() {
    const { data: changed } = await setReminders({ enabled: !!person?.optionalRemindersOff });
    if (changed) updatePerson(changed.setMyOptionalReminders);
  }

  return (
    <main className="narrow">
      <h1>
        <FormattedMessage id="profile.title" />
      </h1>
      <dl className="facts">
        <dt>
          <FormattedMessage id="profile.name" />
        </dt>
        <dd>{person.fullName}</dd>
        <dt>
          <FormattedMessage id="profile.email" />
        </dt>
        <dd>{person.email}</dd>
        <dt>
          <FormattedMessage id="profile.reminders" />
        </dt>
        <dd>
          <FormattedMessage id={person.optionalRemindersOff ? 'profile.remindersOff' : 'profile.remindersOn'} />{' '}
          <Button variant="secondary" onClick={toggleReminders} disabled={reminders.fetching}>
            <FormattedMessage id={person.optionalRemindersOff ? 'profile.turnOn' : 'profile.turnOff'} />
          </Button>
        </dd>
      </dl>
      <LanguageSetting person={person} />
      <TimeZoneSetting person={person} />
      <h2>
        <FormattedMessage id="profile.sessions" />
      </h2>
      <ul className="item-list">
        {(sessions.data?.mySessions ?? []).map((s) => (
          <li key={s.id} className="item">
            <p className="item-statement">{s.userAgent ?? <FormattedMessage id="profile.unknownDevice" />}</p>
            <p className="muted">
              <FormattedMessage
                id="profile.lastUsed"
                values={{ when: <FormattedDate value={s.lastUsedAt} dateStyle="medium" timeStyle="short" /> }}
              />
              {s.current && (
                <span className="tag">
                  <FormattedMessage id="profile.thisDevice" />
                </span>
              )}
            </p>
            {!s.current && (
              <Button
                variant="link"
                onClick={() => void endSession({ id: s.id }).then(() => refetchSessions({ requestPolicy: 'network-only' }))}
              >
                <FormattedMessage id="profile.endSession" />
              </Button>
            )}
          </li>
        ))}
      </ul>
      <h2>
        <FormattedMessage id="personalData.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="personalData.explain" />
      </p>
      <p>
        <PersonalDataDownload path="/personal-data/me.zip" fileName="personal-data.zip" />
      </p>
      <Button variant="secondary" onClick={() => void signOut()}>
        <FormattedMessage id="nav.signOut" />
      </Button>
    </main>
  );
}
