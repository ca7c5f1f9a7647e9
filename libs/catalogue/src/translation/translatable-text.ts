import { z } from 'zod';

/**
 * Translatable catalogue text. In a JSON document a text is written `{ "en": "…", "fr": "…" }`, the
 * shape the ICC Index definition uses, so there is one convention; a plain string is the English
 * text alone. English is the source and the fallback; other languages go by their ISO 639-1 code.
 */
export type TranslatableText = { en: string } & Record<string, string>;

/**
 * How a row keeps its translations beside its English columns (which stay the source and what every
 * other module reads): by language, then by field, e.g. `{ "fr": { "heading": "…" } }`.
 */
export type RowTranslations = Record<string, Record<string, string>>;

const LANGUAGE_CODE = /^[a-z]{2}$/;

/** A required translatable text: a non-empty string, or an object with at least its English text. */
export const translatableText = (what: string) =>
  z
    .union(
      [
        z.string().trim().min(1, `${what} must not be empty`),
        z
          .record(
            z.string().regex(LANGUAGE_CODE, `${what}: a language must be a two-letter code such as en or fr`),
            z.string().trim().min(1, `${what} must not be empty`),
          )
          .refine((text) => typeof text.en === 'string', { message: `${what} needs its English text ("en")` }),
      ],
      { error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a text or { "en": …, "fr": … }`) },
    )
    .transform((value): TranslatableText => (typeof value === 'string' ? { en: value } : (value as TranslatableText)));

/** An optional translatable text that may be empty (e.g. a rationale the source leaves out). */
export const optionalTranslatableText = (what: string) =>
  z
    .union([
      z.string().trim(),
      z
        .record(z.string().regex(LANGUAGE_CODE, `${what}: a language must be a two-letter code such as en or fr`), z.string().trim())
        .refine((text) => typeof text.en === 'string', { message: `${what} needs its English text ("en")` }),
    ])
    .default('')
    .transform((value): TranslatableText => (typeof value === 'string' ? { en: value } : (value as TranslatableText)));

/** The text in `language`, else English (the source). */
export function localize(text: Partial<TranslatableText> | undefined, language?: string | null): string {
  if (!text) return '';
  return (language && text[language]) || text.en || '';
}

/** A document's text as written in JSON: a plain string while there is no translation. */
export function compactText(text: TranslatableText): string | TranslatableText {
  return Object.keys(text).length === 1 ? text.en : sortedText(text);
}

/** English first, then the other languages in alphabetical order, so exports compare and diff stably. */
function sortedText(text: TranslatableText): TranslatableText {
  const { en, ...others } = text;
  return { en, ...Object.fromEntries(Object.entries(others).sort(([a], [b]) => a.localeCompare(b))) } as TranslatableText;
}

/** Splits texts into their English columns and the row's translations. */
export function splitTexts<F extends string>(
  texts: Record<F, TranslatableText>,
): { english: Record<F, string>; translations: RowTranslations } {
  const english = {} as Record<F, string>;
  const translations: RowTranslations = {};
  for (const [field, text] of Object.entries(texts) as [F, TranslatableText][]) {
    english[field] = text.en;
    for (const [language, value] of Object.entries(text)) {
      if (language === 'en') continue;
      (translations[language] ??= {})[field] = value;
    }
  }
  return { english, translations };
}

/** A field of a row as a translatable text: its English column and the translations of that field. */
export function joinText(english: string, translations: RowTranslations | null | undefined, field: string): TranslatableText {
  const text: TranslatableText = { en: english };
  for (const [language, fields] of Object.entries(translations ?? {})) if (fields[field]) text[language] = fields[field];
  return text;
}

/** A row's field in `language`, else its English column. */
export function translated(
  english: string,
  translations: RowTranslations | null | undefined,
  field: string,
  language?: string | null,
): string {
  return (language && translations?.[language]?.[field]) || english;
}

/** The English of every text, for comparing two documents' source content whatever their translations. */
export function englishOnly<T>(value: T): T {
  if (Array.isArray(value)) return value.map(englishOnly) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && Object.values(record).every((v) => typeof v === 'string') && isTextObject(record))
      return record.en as T;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, englishOnly(v)])) as T;
  }
  return value;
}

const isTextObject = (record: Record<string, unknown>) => Object.keys(record).every((k) => LANGUAGE_CODE.test(k));

/**
 * Translations of `incoming` merged over `existing`, field by field: a language or a text the import
 * leaves out is kept, one it gives is set. Both must have the same English (checked by the caller).
 */
export function mergeTranslations<T>(existing: T, incoming: T): T {
  if (Array.isArray(existing) && Array.isArray(incoming)) return existing.map((e, i) => mergeTranslations(e, incoming[i])) as T;
  if (existing && incoming && typeof existing === 'object' && typeof incoming === 'object') {
    const a = existing as Record<string, unknown>;
    const b = incoming as Record<string, unknown>;
    if (typeof a.en === 'string' && isTextObject(a) && isTextObject(b)) return { ...a, ...b } as T;
    return Object.fromEntries(Object.keys(a).map((k) => [k, mergeTranslations(a[k], b[k])])) as T;
  }
  return existing;
}
