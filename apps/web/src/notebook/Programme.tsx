import { FormattedMessage } from 'react-intl';
import type { NotebookQuery } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';

export type ProgrammeSession = NotebookQuery['visitProgramme']['days'][number]['sessions'][number];

const hhmm = (local: string) => local.slice(11, 16);

/** Today in the host city, or the first day of the programme not yet over. */
export function defaultDay(days: { date: string }[], timeZone: string): string | undefined {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return (days.find((d) => d.date === today) ?? days.find((d) => d.date > today) ?? days[0])?.date;
}

/** Sessions I take part in first, then the others, each in time order. */
export const mineFirst = (sessions: ProgrammeSession[], personId: string) =>
  [...sessions].sort(
    (a, b) =>
      Number(!a.assignments.some((x) => x.personId === personId)) - Number(!b.assignments.some((x) => x.personId === personId)) ||
      a.start.local.localeCompare(b.start.local),
  );

export function Programme({
  days,
  day,
  onDay,
  personId,
  chosen,
  onChoose,
}: {
  days: NotebookQuery['visitProgramme']['days'];
  day: string | undefined;
  onDay(date: string): void;
  personId: string;
  chosen: string | null;
  onChoose(session: ProgrammeSession | null): void;
}) {
  const t = useT();
  const sessions = mineFirst(days.find((d) => d.date === day)?.sessions ?? [], personId);
  return (
    <section className="programme" aria-labelledby="programme-heading">
      <h2 id="programme-heading">
        <FormattedMessage id="programme.title" />
      </h2>
      {days.length > 1 && (
        <div className="day-tabs" role="group" aria-label={t('programme.days')}>
          {days.map((d) => (
            <button key={d.date} type="button" aria-pressed={d.date === day} onClick={() => onDay(d.date)}>
              {d.date}
            </button>
          ))}
        </div>
      )}
      {!sessions.length && (
        <p className="muted">
          <FormattedMessage id="programme.empty" />
        </p>
      )}
      <ul className="sessions">
        {sessions.map((s) => {
          const mine = s.assignments.some((a) => a.personId === personId);
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`session ${chosen === s.id ? 'chosen' : ''}`}
                aria-pressed={chosen === s.id}
                onClick={() => onChoose(chosen === s.id ? null : s)}
              >
                <span className="session-time">
                  {hhmm(s.start.local)}–{hhmm(s.end.local)}
                </span>
                <span className="session-title">{s.title}</span>
                <span className="session-meta">
                  <FormattedMessage id={`sessionKind.${s.kind}` as MessageId} />
                  {s.location ? ` · ${s.location}` : ''}
                  {mine && (
                    <span className="tag">
                      <FormattedMessage id="programme.mine" />
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
