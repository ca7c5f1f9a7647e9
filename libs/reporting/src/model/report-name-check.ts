import { excerptAround, NameReason, NameStatus } from '@peervisit/review';
import { buildUnanonymisedModel, REPORT_STRUCTURAL_KEYS, ReportInput, ReportModel, reportAnonymiser } from './report-model';

/** One place in the report where a name was withheld, or where a known person's name may still stand. */
export interface ReportNamePlace {
  /** Where, for a person: "Key factor 02, conclusion: summary", "Recommendation R1: text". */
  where: string;
  /** The path in the report model: keyFactors[1].conclusion.summary. */
  field: string;
  /** The words as the team wrote them. */
  found: string;
  /** Whose name it is (or resembles). */
  name: string;
  status: NameStatus;
  reason: NameReason;
  /** The text around it as the host city will read it. */
  excerpt: string;
}

/** Where names are by design: the team on the cover, the stakeholders who consented in the method. */
const NAMED_BY_DESIGN = ['cover.team', 'method.sources.namedStakeholders'];
/**
 * Text no one on the review wrote (the benchmark's, the directory's, the report's own labels): still
 * anonymised in the report like everything else, but not listed in the check.
 */
const NOT_TEAM_TEXT = new Set([
  'hostCity',
  'benchmark',
  'reviewKindLabel',
  'kindLabel',
  'ratingScale',
  'label',
  'heading',
  'statement',
  'description',
  'standard',
  'stakeholderCategories',
  'goodPractices',
  'relatedExamples',
  'credit',
]);

const FIELD_LABEL: Record<string, string> = {
  summary: 'summary',
  strengths: 'strengths',
  areasToDevelop: 'areas to develop',
  narrative: 'self-assessment narrative',
  suggestedOwner: 'suggested owner',
};

type Path = (string | number)[];
const pathText = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

/** A place a person can find in the report, from its path in the model. */
function placeOf(model: ReportModel, path: Path): string {
  const at = (p: Path): unknown => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], model);
  const field = String(path[path.length - 1]);
  const fieldLabel = FIELD_LABEL[field] ?? field;
  // A recommendation appears in the summary, under each key factor and in the table: one place, by its ref.
  const recommendationAt = path.findIndex(
    (p, i) => (p === 'recommendations' || p === 'highPriorityRecommendations') && typeof path[i + 1] === 'number',
  );
  if (recommendationAt >= 0 && !path.includes('relatedExamples')) {
    const ref = (at(path.slice(0, recommendationAt + 2)) as { ref?: string })?.ref;
    if (ref) return `Recommendation ${ref}: ${fieldLabel}`;
  }
  if (path[0] === 'keyFactors' && typeof path[1] === 'number') {
    const code = model.keyFactors[path[1]]?.code;
    if (path[2] === 'conclusion') return `Key factor ${code}, conclusion: ${fieldLabel}`;
    if (path[2] === 'evidence' && path[3] === 'quotes') return `Key factor ${code}, quote ${Number(path[4]) + 1}: ${fieldLabel}`;
    if (path[2] === 'selfAssessment') return `Key factor ${code}: ${fieldLabel}`;
    return `Key factor ${code}: ${pathText(path.slice(2))}`;
  }
  if (path[0] === 'annex' && path[1] === 'programme' && typeof path[2] === 'number') {
    const session = model.annex.programme[path[2]];
    return `Programme, ${session.kindLabel.toLowerCase()} of ${session.startsAt.slice(0, 16).replace('T', ' ')}: ${fieldLabel}`;
  }
  if (path[0] === 'context' && typeof path[1] === 'number') return `Context factor ${model.context[path[1]].code}: ${fieldLabel}`;
  if (path[0] === 'method' && path[2] === 'documents' && typeof path[3] === 'number')
    return `Documents consulted, number ${path[3] + 1}: ${fieldLabel}`;
  return pathText(path);
}

/**
 * The expert leader's check before publishing: every place in the report's text where a name was
 * withheld, and every place where a known person's name (a consenting stakeholder, a team member, an
 * ordinary word left at a sentence start, a near miss such as a typo) still stands. The same
 * anonymiser as the report and the host city's views; it reads the model before names are withheld,
 * so it never changes the model or its hash.
 */
export function reportNameCheck(input: ReportInput): ReportNamePlace[] {
  const anonymiser = reportAnonymiser(input);
  const model = buildUnanonymisedModel(input);
  const places: ReportNamePlace[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      for (const finding of anonymiser.scan(value)) {
        const where = placeOf(model, path);
        const key = `${where}\u0000${finding.start}\u0000${finding.found}`;
        if (seen.has(key)) continue;
        seen.add(key);
        places.push({
          where,
          field: pathText(path),
          found: finding.found,
          name: finding.name,
          status: finding.status,
          reason: finding.reason,
          excerpt: excerptAround(anonymiser, value, finding),
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const next = [...path, k];
        if (!REPORT_STRUCTURAL_KEYS.has(k) && !NOT_TEAM_TEXT.has(k) && !NAMED_BY_DESIGN.includes(pathText(next))) walk(v, next);
      }
    }
  };
  walk(model, []);
  return places;
}
