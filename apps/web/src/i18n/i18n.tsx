import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import en from './messages/en.json';
import { APP_LANGUAGES, AppLanguage, appLanguageOf, chooseLanguage, readChosenLanguage, writeChosenLanguage } from './choose-language';

/**
 * Message catalogues, one JSON file per language (ICU message syntax, FormatJS), with the same ids
 * as English (test/contract/web-messages.spec.ts keeps them equal). English is in the main bundle;
 * the others are loaded when first needed (the service worker precaches their chunks, so they work
 * offline too). A message missing from a catalogue at run time falls back to English.
 */
type Messages = Record<string, string>;
const LOADERS: Record<Exclude<AppLanguage, 'en'>, () => Promise<Messages>> = {
  fr: () => import('./messages/fr.json').then((m) => m.default as Messages),
  de: () => import('./messages/de.json').then((m) => m.default as Messages),
};
const loaded = new Map<AppLanguage, Messages>([['en', en]]);

async function messagesOf(language: AppLanguage): Promise<Messages> {
  const known = loaded.get(language);
  if (known) return known;
  const messages = { ...en, ...(await LOADERS[language as Exclude<AppLanguage, 'en'>]()) };
  loaded.set(language, messages);
  return messages;
}

export type MessageId = keyof typeof en;

interface LanguageChoice {
  /** The language the app is shown in now. */
  language: AppLanguage;
  /** Shows the app in this language at once (and remembers it in this browser when nobody is signed in). */
  choose(language: AppLanguage): void;
}
const LanguageContext = createContext<LanguageChoice | null>(null);

/**
 * The app's language: the signed-in person's (`personLocale`, from the API), otherwise one chosen
 * in this browser, otherwise the browser's own languages, otherwise English. `<html lang>` and
 * every date and number formatted through react-intl follow it.
 */
export function I18n({ personLocale, children }: { personLocale?: string; children: ReactNode }) {
  // A choice made here (the profile's or the sign-in page's switch) shows at once, before the API has answered.
  const [chosenHere, setChosenHere] = useState<AppLanguage | null>(readChosenLanguage);
  const [pending, setPending] = useState<AppLanguage | null>(null);
  useEffect(() => {
    setPending(null);
    // Remembered in this browser too, so that the sign-in page after signing out stays in the person's language.
    const language = appLanguageOf(personLocale);
    if (language) {
      writeChosenLanguage(language);
      setChosenHere(language);
    }
  }, [personLocale]);
  const wanted = chooseLanguage({ pending, personLocale, chosenHere, browser: navigator.languages ?? [navigator.language] });
  const [shown, setShown] = useState<{ language: AppLanguage; messages: Messages } | null>(() =>
    loaded.has(wanted) ? { language: wanted, messages: loaded.get(wanted) as Messages } : null,
  );

  useEffect(() => {
    let current = true;
    messagesOf(wanted)
      .then((messages) => current && setShown({ language: wanted, messages }))
      // A catalogue that cannot load (offline before the worker cached it): English rather than nothing.
      .catch(() => current && setShown((s) => s ?? { language: 'en', messages: en }));
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (shown) document.documentElement.lang = shown.language;
  }, [shown]);

  const choice = useMemo<LanguageChoice>(
    () => ({
      language: shown?.language ?? 'en',
      choose(language) {
        setPending(language);
        writeChosenLanguage(language);
        setChosenHere(language);
      },
    }),
    [shown?.language],
  );

  // The first catalogue of a language other than English is a moment away: nothing rather than a flash of English.
  if (!shown) return null;
  return (
    <LanguageContext.Provider value={choice}>
      <IntlProvider locale={shown.language} defaultLocale="en" messages={shown.messages}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export { APP_LANGUAGES };
export type { AppLanguage };

/** The language shown and a way to change it. */
export function useLanguage(): LanguageChoice {
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error('useLanguage outside I18n');
  return choice;
}

/** t('id', values): a translated string, for attributes and places where a component does not fit. */
export function useT() {
  const intl = useIntl();
  return (id: MessageId, values?: Record<string, string | number | Date>) => intl.formatMessage({ id }, values);
}
