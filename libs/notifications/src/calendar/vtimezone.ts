/**
 * VTIMEZONE blocks (RFC 5545 §3.6.5) from the runtime's own IANA time-zone data: Node's ICU ships the
 * tz database and is updated with Node, so no rule is written by hand here. For a window of years the
 * zone's offset changes are found (day by day, then to the minute) and each becomes an observance
 * with its exact local start, TZOFFSETFROM and TZOFFSETTO, so a parser reads the same offsets Intl
 * uses for the emails, including the dates a zone's rules changed.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC of `zone` at `instant`. */
export function offsetMinutes(zone: string, instant: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of `zone` at `instant`, e.g. { year: 2027, month: 3, …, hour: 9 }. */
export function wallClock(zone: string, instant: number): WallClock {
  return clockAt(instant, offsetMinutes(zone, instant));
}

/** The wall clock at `instant` read with a given offset (for a change: the one in force just before it). */
function clockAt(instant: number, offset: number): WallClock {
  const local = new Date(instant + offset * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20270328T010000: a local date-time as iCalendar writes it (no Z). */
export function icalLocal(clock: WallClock): string {
  return `${pad(clock.year, 4)}${pad(clock.month)}${pad(clock.day)}T${pad(clock.hour)}${pad(clock.minute)}${pad(clock.second)}`;
}

const icalOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

const DAY = 86_400_000;

/** The instants in [from, to) at which `zone`'s offset changes, each with the offsets before and after. */
export function offsetChanges(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const changes: { at: number; before: number; after: number }[] = [];
  let previous = offsetMinutes(zone, from);
  for (let day = from; day < to; day += DAY) {
    const next = offsetMinutes(zone, Math.min(day + DAY, to));
    if (next === previous) continue;
    // Narrow to the minute: the offset at `low` is the old one, at `high` the new one.
    let low = day;
    let high = Math.min(day + DAY, to);
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(zone, middle) === previous) low = middle;
      else high = middle;
    }
    changes.push({ at: high, before: previous, after: next });
    previous = next;
  }
  return changes;
}

/**
 * Built blocks by zone and years. Finding the changes takes about a thousand Intl look-ups, which
 * was a quarter of the worker's CPU in a burst of session reminders (bench/results/
 * reminder-burst-profile-2026-11-29.txt); the answer depends only on the zone, the years and the
 * process's tz data, which does not change while it runs.
 */
const built = new Map<string, string>();

/**
 * A VTIMEZONE for `zone` covering the years around `instants` (one year before the first to one
 * after the last), CRLF line ends. Changes that raise the offset are DAYLIGHT, the others STANDARD.
 */
export function buildVTimezone(zone: string, instants: Date[]): string {
  const years = instants.map((d) => d.getUTCFullYear());
  const key = `${zone} ${Math.min(...years)} ${Math.max(...years)}`;
  let block = built.get(key);
  if (block === undefined) {
    block = buildVTimezoneNow(zone, Math.min(...years), Math.max(...years));
    if (built.size >= 1000) built.clear();
    built.set(key, block);
  }
  return block;
}

function buildVTimezoneNow(zone: string, firstYear: number, lastYear: number): string {
  const from = Date.UTC(firstYear - 1, 0, 1);
  const to = Date.UTC(lastYear + 2, 0, 1);
  const initial = offsetMinutes(zone, from);
  const changes = offsetChanges(zone, from, to);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, before: number, after: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${icalOffset(before)}`, `TZOFFSETTO:${icalOffset(after)}`, `END:${kind}`);
  // What holds from the window's start until its first change.
  const firstIsDaylight = changes.length > 0 && changes[0].before > changes[0].after;
  observance(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', icalLocal(wallClock(zone, from)), initial, initial);
  for (const change of changes) {
    // DTSTART is the local time of the change read on the clock before it (RFC 5545 §3.6.5).
    const start = icalLocal(clockAt(change.at, change.before));
    observance(change.after > change.before ? 'DAYLIGHT' : 'STANDARD', start, change.before, change.after);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n') + '\r\n';
}
