import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LANGUAGE, Language, languageOf, LANGUAGES } from '../i18n/languages';
import { formatIcu } from '../i18n/message-format';
import { currentRequestContext } from '../request-context/request-context';
import { ErrorCode } from './app-error';

/**
 * The `message` of each error code in each shipped language (`messages/<language>.json`, ICU).
 * Services write their refusals in English, precisely; a request in another language gets its
 * code's sentence in that language, followed by the English detail, so nothing is lost. The code
 * (`extensions.code`) and the other extensions never change.
 */
export const ERROR_MESSAGES: Record<Language, Record<string, string>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(__dirname, 'messages', `${language}.json`), 'utf8'))]),
) as Record<Language, Record<string, string>>;

/**
 * The language errors are written in for this request: the Accept-Language header's when it names a
 * shipped language (the client says what it shows: the web app sends its own language), else the
 * signed-in person's, else English.
 */
export function requestLanguage(): Language {
  const context = currentRequestContext();
  if (context?.acceptLanguage) return languageOf(context.acceptLanguage);
  return context?.personLanguage ? languageOf(context.personLanguage) : DEFAULT_LANGUAGE;
}

/** The message of an error with `code` and the English `detail` services wrote, in `language`. */
export function localisedErrorMessage(code: ErrorCode | string, detail: string, language: Language = requestLanguage()): string {
  if (language === DEFAULT_LANGUAGE) return detail;
  const catalogue = ERROR_MESSAGES[language];
  const sentence = catalogue[code] ?? catalogue[ErrorCode.INTERNAL_SERVER_ERROR];
  if (!detail || detail === ERROR_MESSAGES.en[code]) return sentence;
  return String(formatIcu(catalogue.detail, language, { message: sentence, detail }));
}
