/** Languages a person may choose for messages (BCP 47), each named in itself; the API's fallback pages offer the same. */
export const LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['nb', 'Norsk bokmål'],
  ['nl', 'Nederlands'],
  ['pl', 'Polski'],
  ['pt', 'Português'],
  ['sv', 'Svenska'],
];

export const timeZones = (): string[] => Intl.supportedValuesOf('timeZone');
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
