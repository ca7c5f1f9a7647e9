import { DndContext, DragEndEvent, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type {
  LeaderProgrammeQuery,
  LeaderSessionFieldsFragment,
  SessionPart,
  StakeholderCategory,
  VisitSessionKind,
} from '../graphql/generated/graphql';
import { apiError } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { CATEGORIES } from '../notebook/labels';
import { Alert, Button, FormActions, Select, TextField } from '../ui/primitives';
import { downloadFile } from '../files/download';
import { StakeholderConsentToggle } from '../privacy/StakeholderConsent';
import { Loading } from './Loading';
import {
  CancelSessionMutation,
  LeaderProgrammeQuery as ProgrammeQuery,
  MoveVisitMutation,
  RegisterStakeholderMutation,
  ScheduleSessionMutation,
  UpdateSessionMutation,
} from './operations';
import { dateLocale, dayLabel, daysBetween, localClock, localDay, localInput } from './zoned';
import './leader.css';

const KINDS: VisitSessionKind[] = ['INTERVIEW', 'FOCUS_GROUP', 'SITE_VISIT', 'BRIEFING', 'TEAM_MEETING', 'FEEDBACK_SESSION'];
const PARTS: SessionPart[] = ['INTERVIEWER', 'NOTE_TAKER', 'PARTICIPANT'];
const ON_VISIT = ['EXPERT_LEADER', 'PEER', 'OBSERVER'];

type Review = LeaderProgrammeQuery['review'];
type Session = LeaderSessionFieldsFragment;
type Stakeholder = Review['stakeholders'][number];

interface Draft {
  kind: VisitSessionKind;
  title: string;
  day: string;
  from: string;
  to: string;
  location: string;
  keyFactorIds: string[];
  assignments: { personId: string; part: SessionPart }[];
  stakeholderIds: string[];
}

const draftOf = (s: Session): Draft => ({
  kind: s.kind,
  title: s.title,
  day: localDay(s.start.local),
  from: localClock(s.start.local),
  to: localClock(s.end.local),
  location: s.location ?? '',
  keyFactorIds: s.keyFactorIds,
  assignments: s.assignments.map((a) => ({ personId: a.personId, part: a.part })),
  stakeholderIds: s.stakeholders.map((x) => x.id),
});

const inputOf = (d: Draft) => ({
  kind: d.kind,
  title: d.title,
  start: localInput(d.day, d.from),
  end: localInput(d.day, d.to),
  location: d.location || null,
  keyFactorIds: d.keyFactorIds,
  assignments: d.assignments,
  stakeholderIds: d.stakeholderIds,
});

/** A stakeholder's label; those who did not consent to be named are marked so wherever they appear. */
export function StakeholderName({ s }: { s: Stakeholder }) {
  const t = useT();
  const who = [s.name, s.position].filter(Boolean).join(', ') || t(`category.${s.category}` as MessageId);
  return (
    <span className="stakeholder">
      {who} <span className="muted">({t(`category.${s.category}` as MessageId)})</span>
      {!s.consentToBeNamed && <span className="tag no-consent">{t('leader.stakeholder.noConsent')}</span>}
    </span>
  );
}

/** The visit programme: a timetable per day in the host city's time, editable and draggable between days. */
export function ProgrammePage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const [{ data, error }, refetch] = useQuery({ query: ProgrammeQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [, update] = useMutation(UpdateSessionMutation);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [day, setDay] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 8 } }), useSensor(KeyboardSensor));
  if (!data) return <Loading error={error} />;
  const review = data.review;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const sessions = data.visitProgramme.days.flatMap((d) => d.sessions);
  const visitDays =
    review.timeline.visitStart && review.timeline.visitEnd
      ? daysBetween(localDay(review.timeline.visitStart.local), localDay(review.timeline.visitEnd.local))
      : [];
  const days = [...new Set([...visitDays, ...data.visitProgramme.days.map((d) => d.date)])].sort();
  const shownDay = day && days.includes(day) ? day : days[0];

  // Dropping a session on another day keeps its times; the API refuses a clash, shown on the session.
  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    const session = sessions.find((s) => s.id === active.id);
    const target = over?.id as string | undefined;
    if (!session || !target || localDay(session.start.local) === target) return;
    const result = await update({
      sessionId: session.id,
      expectedVersion: session.version,
      input: inputOf({ ...draftOf(session), day: target }),
    });
    const problem = apiError(result.error);
    setRefusals({ ...refusals, [session.id]: problem?.message ?? '' });
    if (!result.error) reload();
  };

  return (
    <div className="leader-page programme-page">
      <h1>
        <FormattedMessage id="leader.programme.title" />
      </h1>
      <p className="muted">
        <FormattedMessage id="leader.timesIn" values={{ zone: data.visitProgramme.timeZone }} />
      </p>
      <div className="toolbar">
        <Button onClick={() => setEditing('new')} disabled={!visitDays.length}>
          <FormattedMessage id="leader.programme.add" />
        </Button>
        <Button variant="secondary" onClick={() => void downloadFile(`/reports/programme/${reviewId}/pdf`, 'programme.pdf')}>
          <FormattedMessage id="leader.programme.pdf" />
        </Button>
        <MoveVisit reviewId={reviewId} disabled={!visitDays.length} onMoved={reload} />
      </div>
      {!visitDays.length && <Alert kind="info">{t('leader.programme.noDates')}</Alert>}
      {editing === 'new' && (
        <SessionForm
          reviewId={reviewId}
          review={review}
          days={visitDays}
          initial={{
            kind: 'INTERVIEW',
            title: '',
            day: shownDay ?? '',
            from: '09:00',
            to: '10:00',
            location: '',
            keyFactorIds: [],
            assignments: [],
            stakeholderIds: [],
          }}
          onDone={() => {
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="programme-layout">
        <div>
          <div className="day-tabs phone-only" role="group" aria-label={t('programme.days')}>
            {days.map((d) => (
              <button key={d} type="button" aria-pressed={d === shownDay} onClick={() => setDay(d)}>
                {dayLabel(d, dateLocale(intl.locale), 'short')}
              </button>
            ))}
          </div>
          <DndContext sensors={sensors} onDragEnd={(e) => void onDragEnd(e)}>
            <div className="timetable">
              {days.map((d) => (
                <DayColumn key={d} day={d} hidden={d !== shownDay} label={dayLabel(d, dateLocale(intl.locale))}>
                  {sessions
                    .filter((s) => localDay(s.start.local) === d)
                    .map((s) =>
                      editing === s.id ? (
                        <li key={s.id}>
                          <SessionForm
                            reviewId={reviewId}
                            review={review}
                            days={visitDays}
                            session={s}
                            initial={draftOf(s)}
                            onDone={() => {
                              setEditing(null);
                              reload();
                            }}
                            onCancel={() => setEditing(null)}
                          />
                        </li>
                      ) : (
                        <SessionCard
                          key={s.id}
                          session={s}
                          review={review}
                          refusal={refusals[s.id]}
                          onEdit={() => setEditing(s.id)}
                          onCancelled={reload}
                        />
                      ),
                    )}
                </DayColumn>
              ))}
            </div>
          </DndContext>
        </div>
        <aside className="programme-side">
          <section className="card" aria-labelledby="uncovered-heading">
            <h2 id="uncovered-heading">
              <FormattedMessage id="leader.programme.uncovered" values={{ count: data.visitProgramme.uncoveredKeyFactors.length }} />
            </h2>
            {data.visitProgramme.uncoveredKeyFactors.length === 0 ? (
              <p className="check-done">
                <span aria-hidden="true">✓</span> {t('leader.programme.allCovered')}
              </p>
            ) : (
              <ul className="scope-list" data-testid="uncovered">
                {data.visitProgramme.uncoveredKeyFactors.map((k) => (
                  <li key={k.id}>
                    <span className="kf-code">{k.code}</span> {k.heading}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <Stakeholders reviewId={reviewId} stakeholders={review.stakeholders} onAdded={reload} />
        </aside>
      </div>
    </div>
  );
}

function DayColumn({ day, label, hidden, children }: { day: string; label: string; hidden: boolean; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: day });
  const list = Array.isArray(children) ? children : [children];
  return (
    <section
      ref={setNodeRef}
      className={`day-column ${hidden ? 'day-hidden-on-phone' : ''} ${isOver ? 'drop-over' : ''}`}
      aria-label={label}
      data-day={day}
    >
      <h2 className="day-heading">{label}</h2>
      {list.flat().length ? (
        <ol className="day-sessions">{children}</ol>
      ) : (
        <p className="muted">
          {/* an empty day is still a drop target */}
          <FormattedMessage id="programme.empty" />
        </p>
      )}
    </section>
  );
}

function SessionCard({
  session,
  review,
  refusal,
  onEdit,
  onCancelled,
}: {
  session: Session;
  review: Review;
  refusal?: string;
  onEdit(): void;
  onCancelled(): void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: session.id });
  const [, cancel] = useMutation(CancelSessionMutation);
  const people = session.assignments.map(
    (a) => `${review.team.find((m) => m.person.id === a.personId)?.person.fullName ?? '?'} (${t(`leader.part.${a.part}` as MessageId)})`,
  );
  const met = session.stakeholders.map((x) => review.stakeholders.find((s) => s.id === x.id)).filter((s): s is Stakeholder => !!s);
  const codes = session.keyFactorIds.map((id) => review.keyFactorsInScope.find((k) => k.id === id)?.code).filter(Boolean);
  return (
    <li
      ref={setNodeRef}
      className={`session-card kind-${session.kind} ${isDragging ? 'dragging' : ''} ${refusal ? 'refused' : ''}`}
      style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined}
      data-testid="session"
      data-title={session.title}
    >
      <div className="session-head">
        <button
          type="button"
          className="drag-handle"
          {...listeners}
          {...attributes}
          aria-label={t('leader.programme.drag', { title: session.title })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="session-time">
          {localClock(session.start.local)}–{localClock(session.end.local)}
        </span>
        <span className="tag">{t(`sessionKind.${session.kind}` as MessageId)}</span>
      </div>
      <h3 className="session-title">{session.title}</h3>
      <p className="session-meta">{session.location ?? t('leader.programme.noPlace')}</p>
      {people.length > 0 && <p className="session-meta">{people.join(', ')}</p>}
      {met.length > 0 && (
        <ul className="met">
          {met.map((s) => (
            <li key={s.id}>
              <StakeholderName s={s} />
            </li>
          ))}
        </ul>
      )}
      {codes.length > 0 && <p className="session-meta">{t('leader.programme.kfs', { codes: codes.join(', ') })}</p>}
      {refusal && (
        <p className="refusal" role="alert">
          {refusal}
        </p>
      )}
      <div className="item-actions">
        <Button variant="link" onClick={onEdit}>
          <FormattedMessage id="leader.programme.edit" />
          <span className="visually-hidden"> {session.title}</span>
        </Button>
        <Button
          variant="link"
          onClick={async () => {
            const reason = window.prompt(t('leader.programme.cancelWhy', { title: session.title }));
            if (reason?.trim() && !(await cancel({ sessionId: session.id, reason })).error) onCancelled();
          }}
        >
          <FormattedMessage id="leader.programme.cancel" />
          <span className="visually-hidden"> {session.title}</span>
        </Button>
      </div>
    </li>
  );
}

function SessionForm({
  reviewId,
  review,
  days,
  session,
  initial,
  onDone,
  onCancel,
}: {
  reviewId: string;
  review: Review;
  days: string[];
  session?: Session;
  initial: Draft;
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const intl = useIntl();
  const [draft, setDraft] = useState<Draft>(initial);
  const [scheduled, schedule] = useMutation(ScheduleSessionMutation);
  const [updated, update] = useMutation(UpdateSessionMutation);
  const problem = apiError((session ? updated : scheduled).error);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = session
      ? await update({ sessionId: session.id, expectedVersion: session.version, input: inputOf(draft) })
      : await schedule({ reviewId, input: inputOf(draft) });
    if (!result.error) onDone();
  };
  const fieldError = (path: string) => problem?.problems.find((p) => p.path === path || p.path.startsWith(`${path}[`))?.message;
  return (
    <form
      className="card session-form"
      onSubmit={submit}
      aria-label={session ? t('leader.programme.editing', { title: session.title }) : t('leader.programme.add')}
    >
      {problem && (
        <p className="refusal" role="alert" data-testid="session-refusal">
          {problem.message}
        </p>
      )}
      <div className="form-row">
        <Select label={t('leader.programme.kind')} value={draft.kind} onChange={(e) => set({ kind: e.target.value as VisitSessionKind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sessionKind.${k}` as MessageId)}
            </option>
          ))}
        </Select>
        <TextField
          label={t('leader.programme.sessionTitle')}
          value={draft.title}
          required
          onChange={(e) => set({ title: e.target.value })}
          error={fieldError('title')}
        />
        <Select label={t('leader.programme.day')} value={draft.day} onChange={(e) => set({ day: e.target.value })}>
          {days.map((d) => (
            <option key={d} value={d}>
              {dayLabel(d, dateLocale(intl.locale))}
            </option>
          ))}
        </Select>
        <TextField label={t('leader.programme.place')} value={draft.location} onChange={(e) => set({ location: e.target.value })} />
        <TextField
          label={t('leader.programme.from')}
          type="time"
          step={300}
          value={draft.from}
          required
          onChange={(e) => set({ from: e.target.value })}
          error={fieldError('start')}
        />
        <TextField
          label={t('leader.programme.to')}
          type="time"
          step={300}
          value={draft.to}
          required
          onChange={(e) => set({ to: e.target.value })}
          error={fieldError('end')}
        />
      </div>
      <fieldset>
        <legend>{t('leader.programme.team')}</legend>
        {review.team
          .filter((m) => ON_VISIT.includes(m.role))
          .map((m) => {
            const assigned = draft.assignments.find((a) => a.personId === m.person.id);
            return (
              <div key={m.id} className="assign-row">
                <label>
                  <input
                    type="checkbox"
                    checked={!!assigned}
                    onChange={() =>
                      set({
                        assignments: assigned
                          ? draft.assignments.filter((a) => a.personId !== m.person.id)
                          : [...draft.assignments, { personId: m.person.id, part: 'INTERVIEWER' }],
                      })
                    }
                  />{' '}
                  {m.person.fullName} <span className="muted">({t(`role.${m.role}` as MessageId)})</span>
                </label>
                {assigned && (
                  <select
                    aria-label={t('leader.programme.partOf', { name: m.person.fullName })}
                    value={assigned.part}
                    onChange={(e) =>
                      set({
                        assignments: draft.assignments.map((a) =>
                          a.personId === m.person.id ? { ...a, part: e.target.value as SessionPart } : a,
                        ),
                      })
                    }
                  >
                    {PARTS.map((p) => (
                      <option key={p} value={p}>
                        {t(`leader.part.${p}` as MessageId)}
                      </option>
                    ))}
                  </select>
                )}
              </div>
            );
          })}
      </fieldset>
      <fieldset>
        <legend>{t('leader.programme.stakeholders')}</legend>
        {review.stakeholders.length === 0 && <p className="muted">{t('leader.stakeholder.none')}</p>}
        {review.stakeholders.map((s) => (
          <label key={s.id} className="check-row">
            <input
              type="checkbox"
              checked={draft.stakeholderIds.includes(s.id)}
              onChange={() => set({ stakeholderIds: toggle(draft.stakeholderIds, s.id) })}
            />{' '}
            <StakeholderName s={s} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('leader.programme.keyFactors')}</legend>
        <div className="kf-grid">
          {review.keyFactorsInScope.map((k) => (
            <label key={k.id} className="check-row">
              <input
                type="checkbox"
                checked={draft.keyFactorIds.includes(k.id)}
                onChange={() => set({ keyFactorIds: toggle(draft.keyFactorIds, k.id) })}
              />{' '}
              <span className="kf-code">{k.code}</span> {k.heading}
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions
        submit={<FormattedMessage id={session ? 'leader.programme.save' : 'leader.programme.schedule'} />}
        disabled={scheduled.fetching || updated.fetching}
        onCancel={onCancel}
      />
    </form>
  );
}

function MoveVisit({ reviewId, disabled, onMoved }: { reviewId: string; disabled: boolean; onMoved(): void }) {
  const t = useT();
  const [days, setDays] = useState('');
  const [result, move] = useMutation(MoveVisitMutation);
  const [done, setDone] = useState<number | null>(null);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(days);
    if (!window.confirm(t('leader.move.confirm', { days: n }))) return;
    const r = await move({ reviewId, days: n });
    if (!r.error) {
      setDone(n);
      setDays('');
      onMoved();
    }
  };
  return (
    <details className="move-visit-box" open={done !== null || !!problem}>
      <summary>{t('leader.move.summary')}</summary>
      <form className="move-visit" onSubmit={submit}>
        <TextField
          label={t('leader.move.label')}
          hint={t('leader.move.hint')}
          type="number"
          step={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={problem?.message}
          disabled={disabled}
        />
        <Button type="submit" variant="secondary" disabled={disabled || !days || Number(days) === 0 || result.fetching}>
          <FormattedMessage id="leader.move.button" />
        </Button>
        {done !== null && <Alert kind="success">{t('leader.move.done', { days: done })}</Alert>}
      </form>
    </details>
  );
}

function Stakeholders({ reviewId, stakeholders, onAdded }: { reviewId: string; stakeholders: Stakeholder[]; onAdded(): void }) {
  const t = useT();
  const [form, setForm] = useState({ name: '', position: '', category: 'CITY_OFFICIAL' as StakeholderCategory, consent: false });
  const [result, register] = useMutation(RegisterStakeholderMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await register({
      reviewId,
      input: { name: form.name || null, position: form.position || null, category: form.category, consentToBeNamed: form.consent },
    });
    if (!r.error) {
      setForm({ name: '', position: '', category: form.category, consent: false });
      onAdded();
    }
  };
  return (
    <section className="card" aria-labelledby="stakeholders-heading">
      <h2 id="stakeholders-heading">
        <FormattedMessage id="leader.stakeholder.title" values={{ count: stakeholders.length }} />
      </h2>
      <ul className="stakeholder-list" data-testid="stakeholders">
        {stakeholders.map((s) => (
          <li key={s.id}>
            <StakeholderName s={s} />
            <StakeholderConsentToggle reviewId={reviewId} stakeholder={s} onChanged={onAdded} />
          </li>
        ))}
      </ul>
      <form onSubmit={submit}>
        <h3>{t('leader.stakeholder.register')}</h3>
        {problem && <Alert kind="error">{problem.message}</Alert>}
        <TextField label={t('leader.stakeholder.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <TextField
          label={t('leader.stakeholder.position')}
          value={form.position}
          onChange={(e) => setForm({ ...form, position: e.target.value })}
        />
        <Select
          label={t('leader.stakeholder.category')}
          value={form.category}
          onChange={(e) => setForm({ ...form, category: e.target.value as StakeholderCategory })}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}` as MessageId)}
            </option>
          ))}
        </Select>
        <label className="check-row">
          <input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} />{' '}
          {t('leader.stakeholder.consent')}
        </label>
        <div className="form-actions">
          <Button type="submit" variant="secondary" disabled={result.fetching || (!form.name.trim() && !form.position.trim())}>
            <FormattedMessage id="leader.stakeholder.add" />
          </Button>
        </div>
      </form>
    </section>
  );
}
