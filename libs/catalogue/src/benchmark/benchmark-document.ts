import { Problem } from '@peervisit/platform';
import { z } from 'zod';
import { optionalTranslatableText, translatableText } from '../translation/translatable-text';

/**
 * The JSON form a benchmark is imported and exported in. Further toolkits (anti-discrimination,
 * language courses, ICC Index areas) load through it without code. Unknown fields are refused so a
 * typo never silently drops content. The texts a reader reads are translatable (`"heading": { "en":
 * "…", "fr": "…" }`, or a plain string for English alone): translating a benchmark is an import.
 * The source's credit (source, attribution) stays as the source wrote it.
 */
const text = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);

export const benchmarkDocumentSchema = z.strictObject({
  code: text('code').regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'code must be upper-case letters, digits, - or _ (e.g. EUROCITIES-PCD)'),
  version: z.number().int().positive('version must be a whole number above 0').optional(),
  title: translatableText('title'),
  standard: translatableText('standard'),
  source: z.strictObject(
    {
      title: text('source title'),
      organisation: text('source organisation'),
      year: z.number().int().min(1900).max(2100).optional(),
      attribution: text('attribution'),
    },
    { message: 'source is required: an object with title, organisation, attribution (and year)' },
  ),
  ratingScale: z
    .array(z.strictObject({ value: z.number().int(), label: translatableText('label'), description: translatableText('description') }), {
      message: 'ratingScale is required: a list of { value, label, description }',
    })
    .min(2, 'a rating scale needs at least 2 levels'),
  ratingScaleEditorial: z.boolean().optional(),
  keyFactors: z
    .array(
      z.strictObject({
        number: z.number({ message: 'number is required' }).int().positive('number must be a whole number above 0'),
        code: z.string().trim().min(1).optional(),
        heading: translatableText('heading'),
        headingEditorial: z.boolean().optional(),
        statement: translatableText('statement'),
        rationale: optionalTranslatableText('rationale'),
        guideQuestions: z.array(translatableText('guide question')).default([]),
        examples: z.array(z.strictObject({ city: text('city'), text: translatableText('text') })).default([]),
      }),
      { message: 'keyFactors is required: a list of key factors' },
    )
    .min(1, 'a benchmark needs at least one key factor'),
  contextFactors: z
    .array(
      z.strictObject({
        number: z.number().int().positive(),
        code: text('code'),
        name: translatableText('name'),
        description: translatableText('description'),
      }),
    )
    .default([]),
});

/** A parsed document: every translatable text as `{ en, … }`. */
export type BenchmarkDocument = z.output<typeof benchmarkDocumentSchema>;

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

function duplicates<T>(items: T[], keyOf: (item: T) => unknown, path: string, label: string): Problem[] {
  const seen = new Map<unknown, number>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (seen.has(key))
      problems.push({
        path: `${path}[${index}].${label}`,
        message: `duplicate ${label} ${String(key)} (also at ${path}[${seen.get(key)}])`,
      });
    else seen.set(key, index);
  });
  return problems;
}

/** Validates an uploaded document; returns it parsed, or every problem found (not just the first). */
export function parseBenchmarkDocument(input: unknown): { document?: BenchmarkDocument; problems: Problem[] } {
  const parsed = benchmarkDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: `unknown field "${key}"` }));
      }
      return [{ path: pathOf(issue.path), message: issue.message }];
    });
    // Duplicates are worth reporting even when other fields are wrong.
    const raw = input as { keyFactors?: { number?: unknown }[] } | null;
    if (raw && Array.isArray(raw.keyFactors)) problems.push(...duplicates(raw.keyFactors, (k) => k?.number, 'keyFactors', 'number'));
    return { problems };
  }
  const document = parsed.data;
  const problems = [
    ...duplicates(document.keyFactors, (k) => k.number, 'keyFactors', 'number'),
    ...duplicates(document.contextFactors, (c) => c.number, 'contextFactors', 'number'),
    ...duplicates(document.contextFactors, (c) => c.code, 'contextFactors', 'code'),
    ...duplicates(document.ratingScale, (r) => r.value, 'ratingScale', 'value'),
  ];
  return problems.length ? { problems } : { document, problems };
}
