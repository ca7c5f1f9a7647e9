import { dateLocale } from '../../leader/zoned';

/**
 * An instant for a person to read, in their browser's zone: "29 Nov 2026, 06:06". Plain "en" would
 * give US dates and AM/PM; European readers expect en-GB, as the leader's pages and the emails do.
 */
export function when(iso: string, locale: string, style: 'dateTime' | 'date' | 'time' | 'longDate' = 'dateTime'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { hour: '2-digit', minute: '2-digit' }
      : style === 'date'
        ? { dateStyle: 'medium' }
        : style === 'longDate'
          ? { dateStyle: 'long' }
          : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(dateLocale(locale), options).format(new Date(iso));
}
