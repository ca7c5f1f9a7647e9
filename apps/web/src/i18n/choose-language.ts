/** The languages the web app is translated into (a catalogue in ./messages each), named in themselves. */
export const APP_LANGUAGES = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number][0];

const SHIPPED = new Set<string>(APP_LANGUAGES.map(([tag]) => tag));

/** The app language for a BCP 47 tag (fr-BE → fr), or null when the app is not translated into it. */
export function appLanguageOf(tag: string | null | undefined): AppLanguage | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base && SHIPPED.has(base) ? (base as AppLanguage) : null;
}

/**
 * Which language to show, in order: one just chosen (until the API confirms it), the signed-in
 * person's, one chosen in this browser while signed out, the browser's languages in its order, English.
 */
export function chooseLanguage(from: {
  pending: AppLanguage | null;
  personLocale?: string | null;
  chosenHere: AppLanguage | null;
  browser: readonly string[];
}): AppLanguage {
  if (from.pending) return from.pending;
  if (from.personLocale) return appLanguageOf(from.personLocale) ?? 'en';
  if (from.chosenHere) return from.chosenHere;
  for (const tag of from.browser) {
    const language = appLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}

const KEY = 'peervisit.language';

export function readChosenLanguage(): AppLanguage | null {
  try {
    return appLanguageOf(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

export function writeChosenLanguage(language: AppLanguage): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private mode without storage: the choice lasts until the page is closed.
  }
}
