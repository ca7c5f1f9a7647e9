/**
 * The languages PeerVisit ships catalogues for (emails, calendar invites, report texts, API errors).
 * English is the source and the fallback: a key missing elsewhere would be a bug, and the catalogue
 * parity tests fail on one.
 */
export const LANGUAGES = ['en', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** The shipped language of a BCP 47 tag (fr-CH → fr), or English when we have none for it. */
export function languageOf(locale: string | null | undefined): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : DEFAULT_LANGUAGE;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The locale dates and numbers are formatted in for a reader: their own tag when it is of the
 * language the text is in (fr-CH keeps Swiss French), else the language's usual region. Plain "en"
 * would give US dates (and AM/PM); European readers expect en-GB.
 */
export function formattingLocale(language: Language, personLocale?: string | null): string {
  if (personLocale && languageOf(personLocale) === language && personLocale.includes('-')) return personLocale;
  return { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' }[language];
}

/**
 * The best shipped language for an Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"), or
 * undefined when it names none of them (the caller then falls back).
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | undefined {
  if (!header || header.length > 500) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(primary)) return primary as Language;
  }
  return undefined;
}

/**
 * PostgreSQL's text-search configuration for a language ('simple' for one it has no stemmer for
 * here). The SQL function `text_search_config(text)` (migration LanguagesAndTimeZones) is the same
 * table, so that an index expression can use it.
 */
export const TEXT_SEARCH_CONFIG: Record<Language, string> = { en: 'english', fr: 'french', de: 'german' };

/**
 * A tsquery matching a search typed in any shipped language: the same words stemmed by each
 * configuration, OR-ed. Each row's vector is in its own language (text_search_config), so a French
 * item is found by a French inflection, a German one by a German one; the query stays a constant,
 * so the GIN index still serves it. `param` is the bound parameter, e.g. ':search' or '$1'.
 */
export function anyLanguageTsQuery(param: string): string {
  return `(${[...Object.values(TEXT_SEARCH_CONFIG), 'simple'].map((config) => `websearch_to_tsquery('${config}', ${param})`).join(' || ')})`;
}
