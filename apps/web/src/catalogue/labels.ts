import type { GoodPracticeCriterionKey } from '../graphql/generated/graphql';
import type { MessageId } from '../i18n/i18n';

/** The six criteria of the ICC template, in its order (the API's GoodPracticeCriterionKey). */
export const CRITERIA: { key: GoodPracticeCriterionKey; label: MessageId }[] = [
  { key: 'goalOriented', label: 'catalogue.criterion.goalOriented' },
  { key: 'customerResponsive', label: 'catalogue.criterion.customerResponsive' },
  { key: 'contextSensitive', label: 'catalogue.criterion.contextSensitive' },
  { key: 'highlyImpacting', label: 'catalogue.criterion.highlyImpacting' },
  { key: 'capableOfBeingModelled', label: 'catalogue.criterion.capableOfBeingModelled' },
  { key: 'canBeGeneralised', label: 'catalogue.criterion.canBeGeneralised' },
];

export const isCriterionKey = (value: string): value is GoodPracticeCriterionKey => CRITERIA.some((c) => c.key === value);

/** "NO" → "Norway" in the reader's language (the code itself when the browser does not know it). */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "5. Education", as the ICC template numbers the fields of action. */
export const fieldLabel = (field: { code: string; title: string }) => `${field.code}. ${field.title}`;

/**
 * "fr" → "French" in the reader's language ("français" in a French sentence, "Français" standing
 * alone, as on a button); the code itself when the browser does not know it.
 */
export function languageName(code: string, locale: string, standalone = false): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    return standalone ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
  } catch {
    return code;
  }
}

/** The start of a text for a list, cut at a word (the API's teaser is of the text as written; this is of a translation). */
export function teaserOf(text: string | null | undefined, max = 200): string | null {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(' ');
  return `${atSpace > max / 2 ? cut.slice(0, atSpace) : cut}…`;
}
