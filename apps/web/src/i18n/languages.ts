import { APP_LANGUAGES } from './choose-language';

/**
 * Languages a person may choose (for the app, emails, invites and reports), each named in itself: the
 * shipped ones only, since the API refuses any other (a person's language must be one PeerVisit can
 * serve). The API's fallback pages offer the same.
 */
export const LANGUAGES: readonly (readonly [string, string])[] = APP_LANGUAGES;

export const timeZones = (): string[] => Intl.supportedValuesOf('timeZone');
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
