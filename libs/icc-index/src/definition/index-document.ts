import { Problem } from '@peervisit/platform';
import { z } from 'zod';

/**
 * The JSON form an Index definition is imported and exported in: indicators with weights, composites,
 * and the questions with their scoring rules. The official questionnaire replaces the shipped
 * illustrative one through this form, without code. Unknown fields are refused so a typo never
 * silently drops content.
 */
export const QUESTION_TYPES = ['YES_NO', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBER', 'PERCENTAGE', 'TEXT'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const DATA_TYPES = ['FACT', 'INPUT', 'IMPACT'] as const;
export type DataType = (typeof DATA_TYPES)[number];

const nonEmpty = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);

/** Translatable text: English is the source and the fallback; other languages by their ISO 639-1 code. */
const translatable = (what: string) =>
  z
    .record(z.string().regex(/^[a-z]{2}$/, `${what}: a language must be a two-letter code such as en or fr`), z.string().trim())
    .refine((text) => typeof text.en === 'string' && text.en.length > 0, { message: `${what} needs its English text ("en")` });
export type TranslatableText = Record<string, string> & { en: string };

const code = (what: string) =>
  nonEmpty(what).regex(/^[A-Z0-9][A-Z0-9._-]*$/, `${what} must be upper-case letters, digits, ".", "-" or "_"`);

const option = z.strictObject({
  code: code('option code'),
  label: translatable('option label'),
  points: z.number({ message: 'points is required' }).min(0, 'points must not be negative'),
});

const question = z.strictObject({
  code: code('question code'),
  text: translatable('question text'),
  type: z.enum(QUESTION_TYPES, { message: `type must be one of ${QUESTION_TYPES.join(', ')}` }),
  dataType: z.enum(DATA_TYPES, { message: `dataType must be one of ${DATA_TYPES.join(', ')}` }),
  /** YES_NO (options YES and NO), SINGLE_CHOICE, MULTIPLE_CHOICE: the points each option gives. */
  options: z.array(option).optional(),
  /** NUMBER, PERCENTAGE: the answer scores the points of the highest threshold it reaches. */
  thresholds: z.array(z.strictObject({ min: z.number(), points: z.number().min(0, 'points must not be negative') })).optional(),
  /** MULTIPLE_CHOICE: a cap on the summed points (defaults to the sum of every option's points). */
  maxPoints: z.number().positive().optional(),
  unit: z.string().trim().optional(),
  /** The method asks for an example or reference with this answer, so it can be cross-checked. */
  requiresReference: z.boolean().default(false),
  /** Text written by PeerVisit to show the shape, not the official questionnaire's wording. */
  illustrative: z.boolean().default(false),
});
export type IndexQuestionDocument = z.infer<typeof question>;

export const indexDocumentSchema = z.strictObject({
  code: code('code'),
  version: z.number().int().positive('version must be a whole number above 0').optional(),
  title: translatable('title'),
  source: z.strictObject(
    { organisation: nonEmpty('source organisation'), attribution: nonEmpty('attribution') },
    { message: 'source is required: an object with organisation and attribution' },
  ),
  /** True while any question text is PeerVisit's own illustration rather than the official questionnaire. */
  illustrative: z.boolean().default(false),
  illustrativeNotice: translatable('illustrativeNotice').optional(),
  indicators: z
    .array(
      z.strictObject({
        code: code('indicator code'),
        number: z.number().int().positive('number must be a whole number above 0'),
        name: translatable('indicator name'),
        weight: z.number({ message: 'weight is required' }).positive('weight must be above 0'),
        questions: z.array(question).default([]),
      }),
      { message: 'indicators is required: a list of indicators' },
    )
    .min(1, 'an Index needs at least one indicator'),
  composites: z
    .array(
      z.strictObject({
        code: code('composite code'),
        name: translatable('composite name'),
        indicators: z.array(code('indicator code')).min(1),
      }),
    )
    .default([]),
});

export type IndexDocument = z.infer<typeof indexDocumentSchema>;

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  );
}

function duplicates<T>(items: T[], keyOf: (item: T) => unknown, path: string, label: string): Problem[] {
  const seen = new Map<unknown, string>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const here = `${path}[${index}]`;
    if (seen.has(key)) problems.push({ path: `${here}.${label}`, message: `duplicate ${label} ${String(key)} (also at ${seen.get(key)})` });
    else seen.set(key, here);
  });
  return problems;
}

/** What the scoring rule of a question needs, given its type. */
function ruleProblems(q: IndexQuestionDocument, path: string): Problem[] {
  const problems: Problem[] = [];
  const choice = q.type === 'YES_NO' || q.type === 'SINGLE_CHOICE' || q.type === 'MULTIPLE_CHOICE';
  if (choice) {
    if (!q.options?.length) problems.push({ path: `${path}.options`, message: `a ${q.type} question needs options with their points` });
    if (q.thresholds)
      problems.push({ path: `${path}.thresholds`, message: `a ${q.type} question is scored by its options, not thresholds` });
    if (
      q.type === 'YES_NO' &&
      q.options &&
      q.options
        .map((o) => o.code)
        .sort()
        .join(',') !== 'NO,YES'
    )
      problems.push({ path: `${path}.options`, message: 'a YES_NO question has exactly the options YES and NO' });
    if (q.options) problems.push(...duplicates(q.options, (o) => o.code, `${path}.options`, 'code'));
  } else if (q.type === 'NUMBER' || q.type === 'PERCENTAGE') {
    if (q.options) problems.push({ path: `${path}.options`, message: `a ${q.type} question is scored by thresholds, not options` });
    if (q.thresholds) problems.push(...duplicates(q.thresholds, (t) => t.min, `${path}.thresholds`, 'min'));
  } else if (q.options || q.thresholds) {
    problems.push({ path, message: 'a TEXT question is not scored: it has neither options nor thresholds' });
  }
  if (q.maxPoints !== undefined && q.type !== 'MULTIPLE_CHOICE')
    problems.push({ path: `${path}.maxPoints`, message: 'maxPoints applies to MULTIPLE_CHOICE questions only' });
  return problems;
}

/** Validates an uploaded document; returns it parsed, or every problem found (not just the first). */
export function parseIndexDocument(input: unknown): { document?: IndexDocument; problems: Problem[] } {
  const parsed = indexDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: `unknown field "${key}"` }));
      return [{ path: pathOf(issue.path), message: issue.message }];
    });
    return { problems };
  }
  const document = parsed.data;
  const indicatorCodes = new Set(document.indicators.map((i) => i.code));
  const problems: Problem[] = [
    ...duplicates(document.indicators, (i) => i.code, 'indicators', 'code'),
    ...duplicates(document.indicators, (i) => i.number, 'indicators', 'number'),
    ...duplicates(document.composites, (c) => c.code, 'composites', 'code'),
  ];
  // Question codes are unique across the whole Index: answers refer to a question by its code.
  const questionAt = new Map<string, string>();
  document.indicators.forEach((indicator, ii) =>
    indicator.questions.forEach((q, qi) => {
      const path = `indicators[${ii}].questions[${qi}]`;
      if (questionAt.has(q.code))
        problems.push({ path: `${path}.code`, message: `duplicate code ${q.code} (also at ${questionAt.get(q.code)})` });
      else questionAt.set(q.code, path);
      problems.push(...ruleProblems(q, path));
    }),
  );
  document.composites.forEach((composite, ci) =>
    composite.indicators.forEach((c, i) => {
      if (!indicatorCodes.has(c)) problems.push({ path: `composites[${ci}].indicators[${i}]`, message: `no indicator has the code ${c}` });
    }),
  );
  return problems.length ? { problems } : { document, problems };
}

/** The text in the reader's language, else English (the source). */
export function localize(text: Record<string, string> | undefined, language = 'en'): string {
  if (!text) return '';
  return text[language] || text.en;
}

/** Fills defaults so that an export and the document it came from compare equal. */
export function normaliseIndexDocument(input: unknown): IndexDocument {
  return indexDocumentSchema.parse(input);
}
