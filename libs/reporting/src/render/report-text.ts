import { formatIcu, formattingLocale, Language, languageOf, LANGUAGES } from '@peervisit/platform';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportModel, ReportRating, ReportRecommendation } from '../model/report-model';

// Wording shared by the HTML, PDF and DOCX renderers.

export const PRIORITY_LABEL: Record<string, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };
export const HORIZON_LABEL: Record<string, string> = { QUICK_WIN: 'Quick win', MEDIUM_TERM: 'Medium term', LONG_TERM: 'Long term' };
export const SOURCE_LABEL: Record<string, string> = {
  DOCUMENT: 'Documents',
  INTERVIEW: 'Interviews',
  FOCUS_GROUP: 'Focus groups',
  OBSERVATION: 'Observation',
  SELF_ASSESSMENT: 'Self-assessment',
};
export const STANCE_LABEL: Record<string, string> = { SUPPORTS: 'Supports', CONTRADICTS: 'Contradicts', NEUTRAL: 'Neutral' };
export const DOCUMENT_TYPE_LABEL: Record<string, string> = {
  MINUTES: 'Minutes',
  BRIEFING: 'Briefing',
  ANNUAL_REPORT: 'Annual report',
  MONITORING_DATA: 'Monitoring data',
  PRESS_RELEASE: 'Press release',
  STRATEGY: 'Strategy',
  OTHER: 'Other',
};

export const CONTENTS = [
  'Executive summary',
  'Method',
  "The city's context",
  'Findings by key factor',
  'Recommendations by priority and horizon',
  'Annex: the visit programme',
  'Credits',
] as const;

export const RECOMMENDATION_TABLE_HEADER = ['Priority', 'Horizon', 'Recommendation', 'Key factors'];

export const ratingText = (r: ReportRating) => (r.value === null ? 'Not rated' : r.label ? `${r.value} – ${r.label}` : String(r.value));

/** "2027-03-10T09:00:00+01:00" → "2027-03-10 09:00" (the model's times are already local). */
export const localTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** Paragraphs of free text: blank lines separate paragraphs; single newlines are kept as line breaks. */
export const paragraphsOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .trim()
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b);

/** Lines of a strengths / areas-to-develop text, for a bullet list (leading "-", "*" or "•" dropped). */
export const bulletsOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\n/)
    .map((l) => l.replace(/^\s*[-*•]\s*/, '').trim())
    .filter((l) => l);

export const recommendationLine = (r: ReportRecommendation) =>
  `${r.ref} (${PRIORITY_LABEL[r.priority]} priority, ${HORIZON_LABEL[r.horizon]}; key factor ${r.keyFactorCodes.join(', ')}): ${r.text}` +
  (r.suggestedOwner ? ` Suggested owner: ${r.suggestedOwner}.` : '') +
  (r.relatedExamples.length ? ` See: ${r.relatedExamples.map((e) => e.city).join(', ')}.` : '');

export const sourcesLines = (s: ReportModel['method']['sources']) => [
  `${s.documents.length} documents`,
  `${s.interviews} interviews`,
  `${s.focusGroups} focus groups`,
  `${s.siteVisits} site visits`,
  `${s.sessionsHeld} sessions in the programme`,
  `${s.stakeholdersMet} stakeholders met`,
];

export const creditSource = (c: ReportModel['credit']) =>
  `Source: ${c.sourceTitle}, ${c.sourceOrganisation}${c.sourceYear ? `, ${c.sourceYear}` : ''}.${c.ratingScaleEditorial ? ' The rating scale was supplied by the editors, not by the source.' : ''}`;

export const visitText = (v: ReportModel['cover']['visit']) => (v ? `${v.startDate} to ${v.endDate}` : 'No visit');

export const programmeRow = (s: ReportModel['annex']['programme'][number]) => [
  `${localTime(s.startsAt)}–${s.endsAt.slice(11, 16)}`,
  `${s.kindLabel}: ${s.title}`,
  s.keyFactorCodes.join(', ') || '—',
  s.stakeholderCategories.map((c) => `${c.label} (${c.count})`).join('; ') || '—',
];

/** A fixed date for the document metadata, taken from the model, so the same model gives the same file. */
export const documentDate = (model: ReportModel): Date => {
  const day = model.cover.visit?.endDate;
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : new Date('2000-01-01T00:00:00.000Z');
};

// ---- languages -----------------------------------------------------------------------------------
// Each report version is written in one language (Report.language): the fixed texts come from
// report-messages/<language>.json (ICU MessageFormat, English the source), dates from Intl. The
// constants above are the English ones, kept for code that shows English only (the web app has its
// own catalogues).

const REPORT_MESSAGES = Object.fromEntries(
  LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(__dirname, 'report-messages', `${language}.json`), 'utf8'))]),
) as Record<Language, Record<string, string>>;

export interface ReportText {
  language: Language;
  /** The locale of dates and numbers (en-GB, fr-FR, de-DE). */
  locale: string;
  /** A fixed text of the report; a key missing in the language falls back to English (the parity test forbids it). */
  t(key: string, values?: Record<string, unknown>): string;
  /** The label of an enum value: t(`${prefix}.${value}`), or the value itself when there is none. */
  label(prefix: string, value: string): string;
  /** "2027-03-10" → "10 March 2027" / "10 mars 2027" / "10. März 2027" (a calendar day, no zone). */
  day(isoDay: string): string;
  ratingText(r: ReportRating): string;
  recommendationLine(r: ReportRecommendation): string;
  sourcesLines(s: ReportModel['method']['sources']): string[];
  creditSource(c: ReportModel['credit']): string;
  visitText(v: ReportModel['cover']['visit']): string;
  /** "10 Mar 2027, 09:00" from a local ISO time ("2027-03-10T09:00:00+01:00"; the model's times are already local). */
  localTime(iso: string): string;
  programmeRow(s: ReportModel['annex']['programme'][number]): string[];
  contents: string[];
  recommendationTableHeader: string[];
}

const texts = new Map<Language, ReportText>();

export function reportText(language: string | null | undefined): ReportText {
  const lang = languageOf(language);
  const cached = texts.get(lang);
  if (cached) return cached;
  const locale = formattingLocale(lang);
  const t = (key: string, values: Record<string, unknown> = {}) => {
    const source = REPORT_MESSAGES[lang][key] ?? REPORT_MESSAGES.en[key];
    if (source === undefined) throw new Error(`No report text "${key}".`);
    return String(formatIcu(source, locale, values));
  };
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return key in REPORT_MESSAGES.en ? t(key) : value;
  };
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const shortFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  const day = (isoDay: string) =>
    /^\d{4}-\d{2}-\d{2}/.test(isoDay) ? dayFormat.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)) : isoDay;
  const localTimeOf = (iso: string) => `${shortFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))}, ${iso.slice(11, 16)}`;
  const ratingOf = (r: ReportRating) => (r.value === null ? t('notRated') : r.label ? `${r.value} – ${r.label}` : String(r.value));
  const text: ReportText = {
    language: lang,
    locale,
    t,
    label,
    day,
    ratingText: ratingOf,
    recommendationLine: (r) =>
      `${r.ref} (${t('rec.meta', { priority: label('priority', r.priority), horizon: label('horizon', r.horizon), codes: r.keyFactorCodes.join(', ') })}): ${r.text}` +
      (r.suggestedOwner ? ` ${t('rec.owner', { owner: r.suggestedOwner })}` : '') +
      (r.relatedExamples.length ? ` ${t('rec.see', { cities: r.relatedExamples.map((e) => e.city).join(', ') })}` : ''),
    sourcesLines: (s) => [
      t('sources.documents', { count: s.documents.length }),
      t('sources.interviews', { count: s.interviews }),
      t('sources.focusGroups', { count: s.focusGroups }),
      t('sources.siteVisits', { count: s.siteVisits }),
      t('sources.sessions', { count: s.sessionsHeld }),
      t('sources.stakeholders', { count: s.stakeholdersMet }),
    ],
    creditSource: (c) =>
      t('credits.source', { source: [c.sourceTitle, c.sourceOrganisation, c.sourceYear].filter((part) => part).join(', ') }) +
      (c.ratingScaleEditorial ? ` ${t('credits.editorial')}` : ''),
    visitText: (v) => (v ? t('cover.visitRange', { start: day(v.startDate), end: day(v.endDate) }) : t('cover.noVisit')),
    localTime: localTimeOf,
    programmeRow: (s) => [
      `${localTimeOf(s.startsAt)}–${s.endsAt.slice(11, 16)}`,
      `${s.kindLabel}: ${s.title}`,
      s.keyFactorCodes.join(', ') || '—',
      s.stakeholderCategories.map((c) => `${c.label} (${c.count})`).join('; ') || '—',
    ],
    contents: [
      'section.summary',
      'section.method',
      'section.context',
      'section.findings',
      'section.recommendationsLong',
      'section.annex',
      'section.credits',
    ].map((key) => t(key)),
    recommendationTableHeader: ['col.priority', 'col.horizon', 'col.recommendation', 'col.keyFactors'].map((key) => t(key)),
  };
  texts.set(lang, text);
  return text;
}
