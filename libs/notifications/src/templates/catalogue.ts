import { DEFAULT_LANGUAGE, formatIcu, Language, LANGUAGES } from '@peervisit/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The message catalogues of emails and calendar invites: `messages/<language>.json`, one ICU
 * MessageFormat string per key (plurals, selects and `<b>…</b>` tags; dates come in already
 * formatted by Intl in the reader's zone). English is the source; `catalogue.spec.ts` fails when a
 * language lacks a key another has, or a template uses a key none has.
 */
export type Catalogue = Record<string, string>;

const catalogues = new Map<Language, Catalogue>();

export function catalogueOf(language: Language, dir = join(__dirname, 'messages')): Catalogue {
  let catalogue = catalogues.get(language);
  if (!catalogue) {
    catalogue = JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8')) as Catalogue;
    catalogues.set(language, catalogue);
  }
  return catalogue;
}

export function allCatalogues(): Record<Language, Catalogue> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, catalogueOf(language)])) as Record<Language, Catalogue>;
}

/** What a `<tag>…</tag>` in a message becomes: `<strong>` in HTML, the plain words in text. */
export type TagRenderer = (tag: string, chunks: string[]) => string;

const plainTags: TagRenderer = (_tag, chunks) => chunks.join('');

/**
 * Formats one message in `language` (English when that catalogue lacks the key, which the parity test
 * forbids; a key no catalogue has throws). `locale` is the formatting locale (numbers in plurals).
 */
export function formatMessage(
  language: Language,
  locale: string,
  key: string,
  values: Record<string, unknown> = {},
  tags: TagRenderer = plainTags,
): string {
  const source = catalogueOf(language)[key] ?? catalogueOf(DEFAULT_LANGUAGE)[key];
  if (source === undefined) throw new Error(`No message "${key}" in the email catalogues.`);
  // "undefined" must never reach anyone: a value the data lacks is an error, as in strict templates.
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) throw new Error(`The message "${key}" needs "${name}", which is not defined.`);
  }
  const tagFunctions: Record<string, (chunks: unknown[]) => string> = {};
  for (const tag of tagsIn(source)) tagFunctions[tag] = (chunks) => tags(tag, chunks.map(String));
  const result = formatIcu(source, locale, { ...values, ...tagFunctions });
  return Array.isArray(result) ? result.join('') : String(result);
}

function tagsIn(source: string): string[] {
  return [...new Set([...source.matchAll(/<([a-z]+)>/g)].map((m) => m[1]))];
}
