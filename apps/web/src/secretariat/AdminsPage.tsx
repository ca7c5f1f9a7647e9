import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import '../findings/findings.css';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { ConfirmBox } from './ConfirmBox';
import { DataTable } from './DataTable';
import { Loading } from '../leader/Loading';
import { Alert, Button, TextField } from '../ui/primitives';
import './network/network.css';
import {
  AdministratorsQuery,
  EndPersonSessionMutation,
  FindPeopleQuery,
  PersonSessionsQuery,
  SetAdministratorMutation,
} from './operations-network';

type Someone = { id: string; fullName: string };
type Notice = { kind: 'error' | 'success'; text: string } | null;

/** "Firefox on Windows" from a User-Agent, or the User-Agent itself when it is not a browser's. */
export function browserOf(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return browser && system ? `${browser} · ${system}` : userAgent;
}

/**
 * The administrators (the network secretariat): who they are, making someone one or removing the
 * rights (the network always keeps one), what changed and who did it, and anyone's sessions, which
 * an administrator can end (a lost laptop, someone who left).
 */
export function AdminsPage() {
  const t = useT();
  const intl = useIntl();
  const { person: me } = useAuth();
  const [{ data, error }, refetch] = useQuery({ query: AdministratorsQuery, requestPolicy: 'cache-and-network' });
  const [, setAdministrator] = useMutation(SetAdministratorMutation);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [sessionsOf, setSessionsOf] = useState<Someone | null>(null);
  if (!data) return <Loading error={error} />;
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

  const change = async (person: Someone, isAdmin: boolean) => {
    setConfirmRemove(null);
    const result = await setAdministrator({ personId: person.id, isAdmin });
    const problem = apiError(result.error);
    setNotice(
      problem || result.error
        ? { kind: 'error', text: problem?.message ?? t('common.loadFailed') }
        : {
            kind: 'success',
            text: t(isAdmin ? 'secretariat.admins.promoted' : 'secretariat.admins.removed', { name: person.fullName }),
          },
    );
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div data-testid="admins-page">
      <h1>
        <FormattedMessage id="secretariat.admins.title" />
      </h1>
      <p className="sec-intro">
        <FormattedMessage id="secretariat.admins.intro" />
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}

      <section className="card" aria-labelledby="admins-heading">
        <h2 id="admins-heading">{t('secretariat.admins.listTitle', { count: data.administrators.length })}</h2>
        <ul className="directory-list" data-testid="admin-list">
          {data.administrators.map((admin) => {
            const isMe = admin.id === me?.id;
            return (
              <li key={admin.id} className="directory-item" data-testid="admin">
                <div>
                  <h3>
                    {admin.fullName}
                    {isMe && (
                      <>
                        {' '}
                        <span className="tag">{t('secretariat.admins.you')}</span>
                      </>
                    )}
                  </h3>
                  <p className="muted wrap-anywhere">
                    {admin.email}
                    {admin.organisation && ` · ${admin.organisation.name}`}
                  </p>
                  {confirmRemove === admin.id && (
                    <ConfirmBox
                      label={t('secretariat.admins.removeLabel', { name: admin.fullName })}
                      question={t(isMe ? 'secretariat.admins.removeSelfConfirm' : 'secretariat.admins.removeConfirm', {
                        name: admin.fullName,
                      })}
                      confirm={t(isMe ? 'secretariat.admins.removeSelfNow' : 'secretariat.admins.removeNow', { name: admin.fullName })}
                      variant="danger"
                      onConfirm={() => void change(admin, false)}
                      onCancel={() => setConfirmRemove(null)}
                    />
                  )}
                </div>
                <div className="item-actions-row">
                  <Button
                    variant="secondary"
                    onClick={() => setSessionsOf(admin)}
                    aria-label={t('secretariat.admins.sessionsLabel', { name: admin.fullName })}
                  >
                    <FormattedMessage id="secretariat.admins.sessions" />
                  </Button>
                  {confirmRemove !== admin.id && (
                    <Button
                      variant="secondary"
                      onClick={() => setConfirmRemove(admin.id)}
                      aria-label={t('secretariat.admins.removeLabel', { name: admin.fullName })}
                    >
                      <FormattedMessage id={isMe ? 'secretariat.admins.removeSelf' : 'secretariat.admins.remove'} />
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {sessionsOf && <PersonSessions person={sessionsOf} onClose={() => setSessionsOf(null)} />}

      <Promote onPromote={(p) => void change(p, true)} onSessions={setSessionsOf} />

      <section className="card" aria-labelledby="admin-history-heading">
        <h2 id="admin-history-heading">
          <FormattedMessage id="secretariat.admins.historyTitle" />
        </h2>
        {data.adminRightsChanges.nodes.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="secretariat.admins.noHistory" />
          </p>
        ) : (
          <DataTable
            caption={t('secretariat.admins.historyTitle')}
            testId="admin-history"
            columns={[
              t('secretariat.admins.when'),
              t('secretariat.admins.person'),
              t('secretariat.admins.change'),
              t('secretariat.admins.by'),
            ]}
          >
            {data.adminRightsChanges.nodes.map((c) => (
              <tr key={c.id}>
                <td>{when(c.at)}</td>
                <th scope="row">{c.person.fullName}</th>
                <td>{t(c.granted ? 'secretariat.admins.granted' : 'secretariat.admins.revoked')}</td>
                <td>{c.changedBy?.fullName ?? t('secretariat.admins.byCommandLine')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

/** Find anyone with an account, to make them an administrator or to see their sessions. */
function Promote({ onPromote, onSessions }: { onPromote(person: Someone): void; onSessions(person: Someone): void }) {
  const t = useT();
  const [words, setWords] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, error, fetching }] = useQuery({ query: FindPeopleQuery, variables: { search }, pause: !search });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch(words.trim());
  };
  const people = data?.people.nodes ?? [];
  return (
    <section className="card" aria-labelledby="promote-heading">
      <h2 id="promote-heading">
        <FormattedMessage id="secretariat.admins.promoteTitle" />
      </h2>
      <form role="search" className="search-row" onSubmit={submit}>
        <TextField
          label={t('secretariat.admins.searchLabel')}
          hint={t('secretariat.admins.searchHint')}
          type="search"
          value={words}
          onChange={(e) => setWords(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          <FormattedMessage id="secretariat.admins.find" />
        </Button>
      </form>
      {search && !data && !fetching && error && <Loading error={error} />}
      {search && data && people.length === 0 && (
        <p className="muted" role="status">
          {t('secretariat.admins.nobody', { words: search })}
        </p>
      )}
      {people.length > 0 && (
        <ul className="directory-list" data-testid="people-found">
          {people.map((p) => (
            <li key={p.id} className="directory-item" data-testid="person-found">
              <div>
                <h3>{p.fullName}</h3>
                <p className="muted wrap-anywhere">{p.email}</p>
              </div>
              <div className="item-actions-row">
                <Button
                  variant="secondary"
                  onClick={() => onSessions(p)}
                  aria-label={t('secretariat.admins.sessionsLabel', { name: p.fullName })}
                >
                  <FormattedMessage id="secretariat.admins.sessions" />
                </Button>
                {p.isAdmin ? (
                  <span className="tag tag-centred">{t('secretariat.admins.already')}</span>
                ) : (
                  <Button onClick={() => onPromote(p)} aria-label={t('secretariat.admins.promoteLabel', { name: p.fullName })}>
                    <FormattedMessage id="secretariat.admins.promote" />
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A person's sessions that can still be used, with the browser each began in; an administrator may end any of them. */
function PersonSessions({ person, onClose }: { person: Someone; onClose(): void }) {
  const t = useT();
  const intl = useIntl();
  const [{ data, error }, refetch] = useQuery({
    query: PersonSessionsQuery,
    variables: { personId: person.id },
    requestPolicy: 'network-only',
  });
  const [, end] = useMutation(EndPersonSessionMutation);
  const [notice, setNotice] = useState<Notice>(null);
  const when = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const endOne = async (id: string) => {
    const result = await end({ sessionId: id });
    const problem = apiError(result.error);
    setNotice(
      problem || result.error
        ? { kind: 'error', text: problem?.message ?? t('common.loadFailed') }
        : { kind: 'success', text: t('secretariat.admins.sessionEnded', { name: person.fullName }) },
    );
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <section className="card" aria-labelledby="sessions-heading" data-testid="person-sessions">
      <div className="page-head">
        <h2 id="sessions-heading">{t('secretariat.admins.sessionsTitle', { name: person.fullName })}</h2>
        <Button variant="secondary" onClick={onClose}>
          <FormattedMessage id="secretariat.admins.close" />
        </Button>
      </div>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!data ? (
        <Loading error={error} />
      ) : data.personSessions.length === 0 ? (
        <p className="muted">{t('secretariat.admins.noSessions', { name: person.fullName })}</p>
      ) : (
        <DataTable
          caption={t('secretariat.admins.sessionsTitle', { name: person.fullName })}
          columns={[
            t('secretariat.admins.browser'),
            t('secretariat.admins.signedIn'),
            t('secretariat.admins.lastUsed'),
            { label: t('secretariat.benchmarks.actions'), hidden: true },
          ]}
        >
          {data.personSessions.map((s) => (
            <tr key={s.id} data-testid="session-row">
              <th scope="row" className="wrap-anywhere">
                {browserOf(s.userAgent) ?? t('secretariat.admins.unknownBrowser')}
                {s.current && (
                  <>
                    {' '}
                    <span className="tag">{t('secretariat.admins.thisSession')}</span>
                  </>
                )}
              </th>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastUsedAt)}</td>
              <td>
                {!s.current && (
                  <Button variant="secondary" onClick={() => void endOne(s.id)}>
                    <FormattedMessage id="secretariat.admins.endSession" />
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
