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
