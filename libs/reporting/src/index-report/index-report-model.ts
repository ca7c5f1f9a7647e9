/**
 * What the Index report shows, as plain data: built from the published results and the comparison
 * exactly as the API gives them to the reader (IndexResultsService), so the report never shows more
 * than the results page (the network's scores come anonymous, and only from 5 comparable cities on).
 */
export interface IndexReportModel {
  /** en, fr or de: the fixed texts' language and the definition's texts' language. */
  language: string;
  city: { name: string; country: string };
  definition: {
    code: string;
    version: number;
    title: string;
    /** True when some question text is PeerVisit's own illustration, not the official questionnaire. */
    illustrative: boolean;
    illustrativeNotice: string | null;
    attribution: string;
  };
  /** Publication day (YYYY-MM-DD): the report's date. */
  publishedOn: string;
  overall: number | null;
  overallComputed: number | null;
  composites: { code: string; name: string; score: number | null }[];
  indicators: IndexReportIndicator[];
  /** Recommendations for the Index as a whole. */
  recommendations: string[];
  network: IndexReportGroup;
  similarSize: IndexReportGroup;
  /** Cities whose share of foreign-born residents is within 5 points of the city's (the directory's figures). */
  similarForeignBorn: IndexReportGroup;
  /** The city's published assessments, oldest first, this one included. */
  history: { publishedOn: string; definitionVersion: number; overall: number | null; current: boolean }[];
}

export interface IndexReportIndicator {
  code: string;
  number: number;
  name: string;
  weight: number;
  computedScore: number | null;
  /** The final score: the experts' latest correction when there is one. */
  score: number | null;
  /** Every correction, oldest first, with the score computed at the time and its reason. */
  corrections: { score: number; computedScore: number | null; reason: string; on: string }[];
  comment: string | null;
  recommendations: string[];
}

/** A comparison group: rows only while at least `minimumCities` cities are comparable. */
export interface IndexReportGroup {
  available: boolean;
  comparableCities: number;
  minimumCities: number;
  /** Per indicator, then the overall Index: the city's score and the group's (anonymous) scores. */
  rows: {
    code: string;
    name: string;
    cityScore: number | null;
    scores: number[];
    min: number | null;
    median: number | null;
    max: number | null;
  }[];
}

/** The results and comparison as IndexResultsService gives them (the GraphQL views' shape). */
export interface IndexReportInput {
  language: string;
  city: { name: string; country: string };
  definition: { code: string; version: number; illustrative: boolean; content: IndexDefinitionContent };
  assessmentId: string;
  publishedAt: Date;
  results: {
    indicators: {
      code: string;
      number: number;
      name: string;
      weight: number;
      computedScore: number | null;
      score: number | null;
      comment: string | null;
      corrections: { score: number; computedScore: number | null; reason: string; createdAt: Date }[];
    }[];
    composites: { code: string; name: string; score: number | null }[];
    overall: number | null;
    overallComputed: number | null;
    recommendations: { indicatorCode: string | null; text: string; createdAt: Date }[];
  };
  comparison: IndexComparisonInput & {
    minimumCities: number;
    similarSize: IndexComparisonInput;
    similarForeignBorn: IndexComparisonInput;
    history: { assessmentId: string; publishedAt: Date; definitionVersion: number; overall: number | null }[];
  };
}

interface IndexDefinitionContent {
  title: Record<string, string>;
  source: { organisation: string; attribution: string };
  illustrativeNotice?: Record<string, string>;
}

interface IndexComparisonInput {
  available: boolean;
  comparableCities: number;
  message: string;
  indicators: IndexDistributionInput[];
  overall: IndexDistributionInput | null;
}

interface IndexDistributionInput {
  code: string;
  name: string;
  cityScore: number | null;
  scores: number[];
  min: number | null;
  median: number | null;
  max: number | null;
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
const localized = (text: Record<string, string> | undefined, language: string) => (text ? text[language] || text.en || '' : '');

/** The report's model: pure, so that the same results give the same report (and the same hash). */
export function buildIndexReportModel(input: IndexReportInput): IndexReportModel {
  const { results, comparison, definition, language } = input;
  const group = (g: IndexComparisonInput): IndexReportGroup => ({
    available: g.available,
    comparableCities: g.comparableCities,
    minimumCities: comparison.minimumCities,
    rows: g.available
      ? [...g.indicators, ...(g.overall ? [g.overall] : [])].map((d) => ({
          code: d.code,
          name: d.name,
          cityScore: d.cityScore,
          scores: [...d.scores],
          min: d.min,
          median: d.median,
          max: d.max,
        }))
      : [],
  });
  const byOldest = [...results.recommendations].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  return {
    language,
    city: input.city,
    definition: {
      code: definition.code,
      version: definition.version,
      title: localized(definition.content.title, language),
      illustrative: definition.illustrative,
      illustrativeNotice: definition.illustrative ? localized(definition.content.illustrativeNotice, language) || null : null,
      attribution: definition.content.source.attribution,
    },
    publishedOn: day(input.publishedAt),
    overall: results.overall,
    overallComputed: results.overallComputed,
    composites: results.composites.map((c) => ({ code: c.code, name: c.name, score: c.score })),
    indicators: [...results.indicators]
      .sort((a, b) => a.number - b.number)
      .map((i) => ({
        code: i.code,
        number: i.number,
        name: i.name,
        weight: i.weight,
        computedScore: i.computedScore,
        score: i.score,
        corrections: i.corrections.map((c) => ({ score: c.score, computedScore: c.computedScore, reason: c.reason, on: day(c.createdAt) })),
        comment: i.comment,
        recommendations: byOldest.filter((r) => r.indicatorCode === i.code).map((r) => r.text),
      })),
    recommendations: byOldest.filter((r) => r.indicatorCode === null).map((r) => r.text),
    network: group(comparison),
    similarSize: group(comparison.similarSize),
    similarForeignBorn: group(comparison.similarForeignBorn),
    history: comparison.history.map((h) => ({
      publishedOn: day(h.publishedAt),
      definitionVersion: h.definitionVersion,
      overall: h.overall,
      current: h.assessmentId === input.assessmentId,
    })),
  };
}
