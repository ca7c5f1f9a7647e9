import type { Problem } from '@peervisit/platform';
import { goodPracticeDocumentSchema, GoodPracticeDocument } from './good-practice-document';

/**
 * The years an implementation period covers, read from the text as written in the template:
 * "2016" → 2016–2016; "2016-", "2016 onwards", "Ongoing since 2012" → 2016–(open); "From September
 * 2014 to May 2015" → 2014–2015; "12 months, Jan/dec YEAR" or "Running for several decades" → no
 * years. A period that says it is still ongoing has no end year.
 */
export function periodYears(period: string | null | undefined): { start: number | null; end: number | null } {
  const years = [...(period ?? '').matchAll(/(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  if (!years.length) return { start: null, end: null };
  const start = Math.min(...years);
  const openEnded = /ongoing|onwards|on-going|since|present|today|until now|[-–—]\s*$/i.test(period!.trim());
  return { start, end: openEnded ? null : Math.max(...years) };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** At most `max` characters, cut at a word boundary, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const flat = squash(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const atSpace = cut.lastIndexOf(' ');
  return `${(atSpace > max / 2 ? cut.slice(0, atSpace) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The listing's teaser: the first ~200 characters of the purpose (or of the main purpose). */
export function teaserOf(practice: { purpose?: string | null; mainPurpose?: string | null; impact?: string | null }): string | null {
  const text = practice.purpose || practice.mainPurpose || practice.impact;
  return text ? shorten(text, 200) : null;
}

/** A title made from a sentence of free text (evidence statement, recommendation): its first sentence, at most 100 characters. */
export function titleFrom(text: string): string {
  const flat = squash(text);
  const first = flat.split(/(?<=[.!?])\s+/)[0].replace(/[.!?]+$/, '');
  return shorten(first || flat, 100);
}

const isRealDate = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

function at(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Drops nulls (GraphQL sends null for an optional field left empty; the document leaves it out). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/**
 * Validates a good-practice document against goodPracticeDocumentSchema: the parsed document, or
 * every problem found (paths like "contact.city", "action.furtherFieldsOfAction[1]").
 */
export function parseGoodPracticeDocument(input: unknown): { document?: GoodPracticeDocument; problems: Problem[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { problems: [{ path: '', message: 'a good practice is a JSON object with contact, action, description and criteria' }] };
  }
  const parsed = goodPracticeDocumentSchema.safeParse(input);
  if (parsed.success) {
    const problems: Problem[] = [];
    const { completedOn } = parsed.data.contact;
    if (completedOn && !isRealDate(completedOn)) problems.push({ path: 'contact.completedOn', message: 'not a real date' });
    const own = parsed.data.language;
    if (own && parsed.data.translations?.[own])
      problems.push({ path: `translations.${own}`, message: `the practice is written in ${own}: its own texts are not a translation` });
    return problems.length ? { problems } : { document: parsed.data, problems };
  }
  const problems = parsed.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: `unknown field "${key}"` }));
    if (issue.code === 'invalid_type' && at(input, issue.path) === undefined) {
      const name = String(issue.path.at(-1) ?? 'value');
      // Our own messages ("city is required") already say it; zod's default ones do not.
      return [{ path: pathOf(issue.path), message: /required/.test(issue.message) ? issue.message : `${name} is required` }];
    }
    return [{ path: pathOf(issue.path), message: issue.message }];
  });
  return { problems };
}
