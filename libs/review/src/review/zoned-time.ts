/**
 * Instants shown in a city's time zone, and local times typed in it turned into instants.
 * Intl only: no time-zone library needed for this.
 */
/** One formatter per zone: making one costs far more than using it, and a whole-review read formats hundreds of instants. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(instant: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of the zone from UTC at that instant, in minutes (Europe/Oslo in winter: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 local date-time with the zone's offset, e.g. 2027-03-10T09:00:00+01:00. */
export function formatInZone(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads "2027-03-10T09:00:00+01:00" as that instant, and "2027-03-10T09:00" or "2027-03-10" as a
 * local time in the given zone. Returns undefined when it is neither.
 */
export function parseInZone(value: string, timeZone: string): Date | undefined {
  const text = value.trim();
  if (WITH_OFFSET.test(text)) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const m = LOCAL.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const wallAsUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  // Two passes settle the offset around daylight-saving changes.
  let guess = wallAsUtc - offsetMinutes(new Date(wallAsUtc), timeZone) * 60000;
  guess = wallAsUtc - offsetMinutes(new Date(guess), timeZone) * 60000;
  const date = new Date(guess);
  const check = partsIn(date, timeZone);
  if (check.month !== Number(month) || check.day !== Number(day)) return undefined; // e.g. 2027-02-30
  return date;
}
