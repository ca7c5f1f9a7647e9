import { FormEvent, Fragment, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { apiError, problemFor } from '../graphql/errors';
import type { HostVisitQuery, StakeholderCategory } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { downloadFile } from '../files/download';
import { Loading } from '../leader/Loading';
import { RegisterStakeholderMutation } from '../leader/operations';
import { dateLocale, dayLabel, localClock, localDay } from '../leader/zoned';
import { CATEGORIES } from '../notebook/labels';
import { StakeholderConsentButton, StakeholderConsentPanel } from '../privacy/StakeholderConsent';
import { Alert, Button, Select, TextField } from '../ui/primitives';
import { sharedWithHost } from './after/shared';
import { ConfirmAttendanceMutation, HostVisitQuery as VisitQuery } from './operations-after';
import './after/after.css';

type Review = HostVisitQuery['review'];
type Session = HostVisitQuery['visitProgramme']['days'][number]['sessions'][number];
type Stakeholder = Review['stakeholders'][number];

/** "Amira Haddad, youth worker" or, without a name, the category. */
function useWho() {
  const t = useT();
  return (s: Stakeholder) => [s.name, s.position].filter(Boolean).join(', ') || t(`category.${s.category}` as MessageId);
}

/**
 * The visit from the host city's side: whom the team meets, where and when (in the city's time), the
 * people the city invites, and the programme to print. What the team writes about the visit (its
 * evidence) is never shown here.
 */
export function VisitPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const who = useWho();
  const [{ data, error }, refetch] = useQuery({ query: VisitQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [consentOf, setConsentOf] = useState<string | null>(null);
  if (!data) return <Loading error={error} />;
  const { review, visitProgramme } = data;
  const city = review.hostCity.name;
  const sessions = visitProgramme.days.flatMap((d) => d.sessions);
  const leader = review.team.find((m) => m.role === 'EXPERT_LEADER')?.person.fullName;
  const coordinates = review.myRoles.includes('HOST_COORDINATOR');
  const { visitStart, visitEnd } = review.timeline;
  const locale = dateLocale(intl.locale);
  const toInvite = sessions.some((s) => s.stakeholders.length > 0);
  // Once the team deliberates, the visit is history: the programme stays, as a record.
  const visitOver = review.status === 'DELIBERATION' || sharedWithHost(review.status);

  return (
    <div className="host-page host-visit">
      <h1>
        <FormattedMessage id="hostAfter.visit.title" />
      </h1>
      <p className="lead" data-testid="visit-dates">
        {visitStart && visitEnd ? (
          <FormattedMessage
            id="hostAfter.visit.dates"
            values={{
              city,
              from: dayLabel(localDay(visitStart.local), locale),
              to: dayLabel(localDay(visitEnd.local), locale),
            }}
          />
        ) : (
          <FormattedMessage id="hostAfter.visit.noDates" />
        )}
      </p>
      <p className="muted">
        <FormattedMessage id="hostAfter.visit.timesIn" values={{ city, zone: visitProgramme.timeZone }} />
      </p>

      <section className="card host-next" aria-labelledby="visit-next-heading">
        <h2 id="visit-next-heading">
          <FormattedMessage id="hostAfter.nextStep" />
        </h2>
        <p data-testid="visit-next">
          {visitOver ? (
            <FormattedMessage id={sharedWithHost(review.status) ? 'hostAfter.visit.nextShared' : 'hostAfter.visit.nextDeliberation'} />
          ) : !sessions.length ? (
            <FormattedMessage id="hostAfter.visit.nextNone" values={{ leader: leader ?? '—' }} />
          ) : toInvite ? (
            <FormattedMessage id="hostAfter.visit.nextInvite" values={{ leader: leader ?? '—' }} />
          ) : (
            <FormattedMessage id="hostAfter.visit.nextPrint" />
          )}
        </p>
        {visitOver && sharedWithHost(review.status) && (
          <p>
            <Link className="btn btn-primary" to={`/reviews/${reviewId}/host/findings`}>
              <FormattedMessage id="hostAfter.visit.toFindings" />
            </Link>
          </p>
        )}
        <Button
          variant={sessions.length && !visitOver ? 'primary' : 'secondary'}
          onClick={() => {
            setDownloadFailed(false);
            downloadFile(`/reports/programme/${reviewId}/pdf`, 'programme.pdf').catch(() => setDownloadFailed(true));
          }}
        >
          <FormattedMessage id="hostAfter.visit.pdf" />
        </Button>
        {downloadFailed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
      </section>

      {visitProgramme.days.map((day) => (
        <section key={day.date} className="host-day" aria-labelledby={`day-${day.date}`} data-day={day.date}>
          <h2 id={`day-${day.date}`}>{dayLabel(day.date, locale)}</h2>
          <ol className="host-sessions">
            {day.sessions.map((s) => (
              <SessionCard key={s.id} session={s} review={review} />
            ))}
          </ol>
        </section>
      ))}

      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">
          <FormattedMessage id="hostAfter.visit.inviteTitle" />
        </h2>
        <p className="muted">
          <FormattedMessage id="hostAfter.visit.inviteIntro" values={{ city }} />
        </p>
        {review.stakeholders.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="hostAfter.visit.noStakeholders" />
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="stakeholders-to-invite">
              <caption className="visually-hidden">{t('hostAfter.visit.inviteTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('hostAfter.visit.col.person')}</th>
                  <th scope="col">{t('hostAfter.visit.col.sessions')}</th>
                  <th scope="col">{t('hostAfter.visit.col.named')}</th>
                </tr>
              </thead>
              <tbody>
                {review.stakeholders.map((s) => {
                  const theirs = sessions.filter((x) => x.stakeholders.some((y) => y.id === s.id));
                  const row = (
                    <tr key={s.id}>
                      <th scope="row">
                        {who(s)} <span className="muted">({t(`category.${s.category}` as MessageId)})</span>
                      </th>
                      <td>
                        {theirs.length ? (
                          <ul className="plain-list">
                            {theirs.map((x) => (
                              <li key={x.id}>
                                {dayLabel(localDay(x.start.local), locale, 'short')} {localClock(x.start.local)} · {x.title}{' '}
                                <Attendance
                                  session={x}
                                  stakeholder={s}
                                  who={who(s)}
                                  canConfirm={coordinates && new Date(x.end.instant) > new Date()}
                                />
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">{t('hostAfter.visit.notInProgramme')}</span>
                        )}
                      </td>
                      <td>
                        {s.consentToBeNamed ? t('hostAfter.visit.named.yes') : t('hostAfter.visit.named.no')}
                        {coordinates && (
                          <StakeholderConsentButton
                            stakeholder={s}
                            open={consentOf === s.id}
                            onClick={() => setConsentOf(consentOf === s.id ? null : s.id)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                  // The coordinator's consent panel takes the next row's full width (readable on a phone).
                  return consentOf === s.id ? (
                    <Fragment key={s.id}>
                      {row}
                      <tr>
                        <td colSpan={3}>
                          <StakeholderConsentPanel
                            reviewId={reviewId}
                            stakeholder={s}
                            onChanged={() => refetch({ requestPolicy: 'network-only' })}
                            onClose={() => setConsentOf(null)}
                          />
                        </td>
                      </tr>
                    </Fragment>
                  ) : (
                    row
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {coordinates && <SuggestStakeholder reviewId={reviewId} onAdded={() => refetch({ requestPolicy: 'network-only' })} />}
      </section>
    </div>
  );
}

function SessionCard({ session, review }: { session: Session; review: Review }) {
  const t = useT();
  const who = useWho();
  const team = session.assignments.map((a) => ({
    id: a.id,
    name: review.team.find((m) => m.person.id === a.personId)?.person.fullName ?? '—',
    part: t(`leader.part.${a.part}` as MessageId),
  }));
  const met = session.stakeholders.map((x) => review.stakeholders.find((s) => s.id === x.id)).filter((s): s is Stakeholder => !!s);
  const keyFactors = session.keyFactorIds.map((id) => review.keyFactorsInScope.find((k) => k.id === id)).filter(Boolean);
  return (
    <li className={`card host-session kind-${session.kind}`} data-testid="host-session" data-title={session.title}>
      <p className="session-time">
        <span>
          {localClock(session.start.local)}–{localClock(session.end.local)}
        </span>
        <span className="tag">{t(`sessionKind.${session.kind}` as MessageId)}</span>
      </p>
      <h3>{session.title}</h3>
      <p className="session-meta">{session.location ?? t('hostAfter.visit.placeTbc')}</p>
      <dl className="host-facts">
        {team.length > 0 && (
          <>
            <dt>{t('hostAfter.visit.team')}</dt>
            <dd>{team.map((m) => `${m.name} (${m.part})`).join(', ')}</dd>
          </>
        )}
        <dt>{t('hostAfter.visit.meets')}</dt>
        <dd>
          {met.length ? (
            <ul className="plain-list">
              {met.map((s) => (
                <li key={s.id}>
                  {who(s)} <span className="muted">({t(`category.${s.category}` as MessageId)})</span>
                  {!s.consentToBeNamed && <span className="tag no-consent">{t('leader.stakeholder.noConsent')}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{t('hostAfter.visit.meetsNobody')}</span>
          )}
        </dd>
        {keyFactors.length > 0 && (
          <>
            <dt>{t('hostAfter.visit.keyFactors')}</dt>
            <dd>{keyFactors.map((k) => `${k!.code} ${k!.heading}`).join('; ')}</dd>
          </>
        )}
      </dl>
    </li>
  );
}

/** The coordinator suggests someone for the team to meet (registerStakeholder: the expert leader puts them in a session). */
function SuggestStakeholder({ reviewId, onAdded }: { reviewId: string; onAdded(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [category, setCategory] = useState<StakeholderCategory>('CITY_OFFICIAL');
  const [consent, setConsent] = useState(false);
  const [result, register] = useMutation(RegisterStakeholderMutation);
  const [added, setAdded] = useState<string | null>(null);
  const problem = apiError(result.error);
  if (!open)
    return (
      <>
        {added && <Alert kind="success">{t('hostAfter.visit.suggested', { who: added })}</Alert>}
        <Button variant="secondary" onClick={() => setOpen(true)}>
          <FormattedMessage id="hostAfter.visit.suggest" />
        </Button>
      </>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const response = await register({
      reviewId,
      input: { name: name.trim() || null, position: position.trim() || null, category, consentToBeNamed: consent },
    });
    if (response.data) {
      setAdded(name.trim() || position.trim() || t(`category.${category}` as MessageId));
      setName('');
      setPosition('');
      setConsent(false);
      setOpen(false);
      onAdded();
    }
  };
  return (
    <form className="host-form" onSubmit={(e) => void submit(e)} aria-labelledby="suggest-heading">
      <h3 id="suggest-heading">
        <FormattedMessage id="hostAfter.visit.suggest" />
      </h3>
      <p className="hint">
        <FormattedMessage id="hostAfter.visit.suggestHint" />
      </p>
      <TextField
        label={t('leader.stakeholder.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={problemFor(problem?.problems ?? [], 'name')}
      />
      <TextField
        label={t('leader.stakeholder.position')}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        error={problemFor(problem?.problems ?? [], 'position')}
      />
      <Select
        label={t('leader.stakeholder.category')}
        value={category}
        onChange={(e) => setCategory(e.target.value as StakeholderCategory)}
      >
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`category.${c}` as MessageId)}
          </option>
        ))}
      </Select>
      <label className="check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
        <FormattedMessage id="leader.stakeholder.consent" />
      </label>
      {problem && !problem.problems.length && <Alert kind="error">{problem.message}</Alert>}
      <div className="form-actions">
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id="hostAfter.visit.suggestSave" />
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </form>
  );
}

/**
 * Whether the city has confirmed that this person comes to this meeting (the city invites them): a
 * checkbox for the coordinator until the meeting is over, a tag for everyone else.
 */
function Attendance({
  session,
  stakeholder,
  who,
  canConfirm,
}: {
  session: Session;
  stakeholder: Stakeholder;
  who: string;
  canConfirm: boolean;
}) {
  const t = useT();
  const [result, confirm] = useMutation(ConfirmAttendanceMutation);
  // What the coordinator just chose, shown at once; the API's answer replaces it (or, refused, undoes it).
  const [chosen, setChosen] = useState<boolean | null>(null);
  const confirmed = chosen ?? session.confirmedStakeholderIds.includes(stakeholder.id);
  const change = async (value: boolean) => {
    setChosen(value);
    const done = await confirm({ sessionId: session.id, stakeholderId: stakeholder.id, confirmed: value });
    setChosen(done.error ? null : value);
  };
  const problem = apiError(result.error);
  if (!canConfirm) return <span className="tag">{t(confirmed ? 'hostAfter.visit.confirmed' : 'hostAfter.visit.notConfirmed')}</span>;
  return (
    <>
      <label className="check-row attendance">
        <input type="checkbox" checked={confirmed} disabled={result.fetching} onChange={(e) => void change(e.target.checked)} />{' '}
        {t('hostAfter.visit.confirm', { title: session.title })}
        <span className="visually-hidden"> ({who})</span>
      </label>
      {problem && <Alert kind="error">{problem.message}</Alert>}
    </>
  );
}
