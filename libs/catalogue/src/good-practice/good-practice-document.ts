import { z } from 'zod';

/**
 * One good practice in the ICC template's layout ("Guide and template for collection of good
 * practices", Council of Europe Intercultural Cities): contact details, the action, the description,
 * and the six criteria. This is the JSON form of import and export, and what the DOCX reader and
 * writer map to and from.
 */
const text = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} must not be empty`);
const optionalText = z.string().trim().optional();
const criterion = z.strictObject({ met: z.boolean(), justification: z.string().trim().default('') });

export const CRITERIA_KEYS = [
  'goalOriented',
  'customerResponsive',
  'contextSensitive',
  'highlyImpacting',
  'capableOfBeingModelled',
  'canBeGeneralised',
] as const;
export type CriterionKey = (typeof CRITERIA_KEYS)[number];

/** How the template names each criterion. */
export const CRITERIA_LABELS: Record<CriterionKey, string> = {
  goalOriented: 'Goal-oriented',
  customerResponsive: 'Customer-responsive',
  contextSensitive: 'Context-sensitive',
  highlyImpacting: 'Highly impacting',
  capableOfBeingModelled: 'Capable of being modelled',
  canBeGeneralised: 'Can be generalised',
};

/** The texts of a practice a reader reads, which a translation gives in another language. */
export const TRANSLATABLE_PRACTICE_FIELDS = ['title', 'mainPurpose', 'purpose', 'stimulus', 'process', 'impact'] as const;
export type TranslatablePracticeField = (typeof TRANSLATABLE_PRACTICE_FIELDS)[number];

/**
 * Translations of the practice's texts, by language then field (`{ "en": { "title": "…" } }`), the
 * way the catalogue's rows keep them (translation/translatable-text.ts). The practice's own texts,
 * in `language`, are the source; a reader of another language gets its translation, else English's,
 * else the source.
 */
const translations = z.record(
  z.string().regex(/^[a-z]{2}$/, 'a language must be a two-letter code such as en or fr'),
  z.strictObject(
    Object.fromEntries(
      TRANSLATABLE_PRACTICE_FIELDS.map((field) => [field, z.string().trim().min(1, `${field} must not be empty`).optional()]),
    ) as Record<TranslatablePracticeField, z.ZodOptional<z.ZodString>>,
  ),
);

export const goodPracticeDocumentSchema = z.strictObject({
  /**
   * The language it is written in (English when absent): picks its full-text configuration. The
   * shipped LANGUAGES of @peervisit/platform, written out because the Word reader's worker thread loads
   * this file and must not load the platform (server-catalogues.spec.ts checks the two lists agree).
   */
  language: z.enum(['en', 'fr', 'de']).optional(),
  contact: z.strictObject({
    city: text('city'),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'country must be a two-letter ISO code, e.g. NO')
      .optional(),
    department: optionalText,
    /** YYYY-MM-DD; the template writes DD/MM/YYYY. */
    completedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'completedOn must be a date, YYYY-MM-DD')
      .optional(),
    contactPerson: optionalText,
  }),
  action: z.strictObject({
    title: text('title'),
    /** ICC field-of-action code, e.g. "1" or "3a". */
    mainFieldOfAction: text('main field of action'),
    furtherFieldsOfAction: z.array(z.string().trim().min(1)).default([]),
    mainPurpose: optionalText,
    implementationPeriod: optionalText,
  }),
  description: z.strictObject({
    purpose: optionalText,
    stimulus: optionalText,
    process: optionalText,
    impact: optionalText,
    keyReferenceDocuments: z.array(z.strictObject({ title: text('document title'), url: z.string().url().optional() })).default([]),
  }),
  criteria: z
    .strictObject(
      Object.fromEntries(CRITERIA_KEYS.map((k) => [k, criterion.optional()])) as Record<CriterionKey, z.ZodOptional<typeof criterion>>,
    )
    .default({}),
  translations: translations.optional(),
});

export type GoodPracticeDocument = z.infer<typeof goodPracticeDocumentSchema>;
