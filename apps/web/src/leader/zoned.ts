// Times the API gives as the host city's local ISO strings ("2027-03-10T09:00:00+01:00"): shown as
// they are, in the host city's time, whatever the browser's own zone.

export const localDay = (local: string) => local.slice(0, 10);
export const localClock = (local: string) => local.slice(11, 16);
/** The value the API takes for a local time in the host city: "2027-03-10T09:00". */
export const localInput = (day: string, clock: string) => `${day}T${clock}`;

/** "Wednesday 10 March 2027", for a YYYY-MM-DD day (the calendar day, not an instant). */
export function dayLabel(day: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: style,
    day: 'numeric',
    month: style,
    year: style === 'long' ? 'numeric' : undefined,
  }).format(new Date(`${day}T12:00:00Z`));
}

/** Every day from the first to the last, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${first}T12:00:00Z`); d <= new Date(`${last}T12:00:00Z`) && days.length < 60; d.setUTCDate(d.getUTCDate() + 1))
    days.push(d.toISOString().slice(0, 10));
  return days;
}

/** Minutes since midnight of "09:30". */
export const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Plain "en" would give US dates (and AM/PM); European readers expect en-GB, as the emails do. */
export const dateLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);
