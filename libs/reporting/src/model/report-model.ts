import { createHash } from 'node:crypto';
import { translated } from '@peervisit/catalogue';
import { ContextFactor, KeyFactor, KeyFactorExample } from '@peervisit/catalogue/entities';
import { Stakeholder, StakeholderCategory } from '@peervisit/directory/entities';
import {
  formatInZone,
  loadNetworkDistribution,
  NameAnonymiser,
  nameAnonymiser,
  PlanProgressPoint,
  planProgress,
  progressHistory,
  quoteAsShown,
  statusesAllowing,
  weightedProgress,
  WITHHELD_NAME,
} from '@peervisit/review';
import {
  Conclusion,
  ConclusionStatus,
  ContextNote,
  Document,
  Evidence,
  EvidenceSource,
  PlanAction,
  PlanActionChange,
  PlanActionStatus,
  PlanActionTerm,
  EvidenceStance,
  Recommendation,
  RecommendationHorizon,
  RecommendationPriority,
  Review,
  REVIEW_TEAM_ROLES,
  ReviewKind,
  SelfAssessmentEntry,
  SessionStakeholder,
  TeamMember,
  VisitSession,
  VisitSessionKind,
} from '@peervisit/review/entities';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { reportText } from '../render/report-text';

// ---------------------------------------------------------------------------------------------
// Input: plain data as loaded from the database (ISO strings, no Date objects, no entities).
// ---------------------------------------------------------------------------------------------

export interface ReportInput {
  review: {
    title: string;
    kind: ReviewKind;
    /** ISO instants, or null when the visit window is not set. */
    visitStartsAt: string | null;
    visitEndsAt: string | null;
    /** Key factors in scope; null means all of the benchmark's. */
    scopeKeyFactorIds: string[] | null;
  };
  hostCity: { name: string; country: string; timeZone: string };
  benchmark: {
    code: string;
    version: number;
    title: string;
    standard: string;
    sourceTitle: string;
    sourceOrganisation: string;
    sourceYear: number | null;
    attribution: string;
    ratingScale: { value: number; label: string; description: string }[];
    ratingScaleEditorial: boolean;
  };
  /** Every key factor of the benchmark (the scope is applied by buildReportModel). */
  keyFactors: { id: string; number: number; code: string; heading: string; statement: string }[];
  contextFactors: { id: string; number: number; code: string; name: string }[];
  contextNotes: { contextFactorId: string; note: string }[];
  /** Current members of the review team (expert leader and peers). */
  team: { fullName: string; role: string; cityName: string | null; organisationName: string | null }[];
  selfAssessment: { keyFactorId: string; rating: number | null; narrative: string; status: string }[];
  documents: { id: string; title: string; type: string; retractedAt?: string | null }[];
  sessions: {
    id: string;
    kind: VisitSessionKind;
    title: string;
    startsAt: string;
    endsAt: string;
    cancelledAt: string | null;
    keyFactorIds: string[];
    stakeholderIds: string[];
  }[];
  /** The stakeholders met in the programme and the host city's other registered stakeholders. */
  stakeholders: {
    id: string;
    name: string | null;
    position: string | null;
    organisationName: string | null;
    category: StakeholderCategory;
    consentToBeNamed: boolean;
    /** Absent: not agreed (quotes from them are shown as the team's paraphrase). */
    consentToBeQuoted?: boolean;
  }[];
  evidence: {
    id: string;
    source: EvidenceSource;
    stakeholderCategory: StakeholderCategory | null;
    keyFactorIds: string[];
    statement: string;
    quote: string | null;
    quotedStakeholderId?: string | null;
    paraphrase?: string | null;
    stance: EvidenceStance;
    observedAt: string;
    retractedAt?: string | null;
  }[];
  /** Agreed conclusions (others are ignored). */
  conclusions: {
    keyFactorId: string;
    status: ConclusionStatus;
    rating: number | null;
    summary: string;
    strengths: string;
    areasToDevelop: string;
    evidenceIds: string[];
  }[];
  recommendations: {
    id: string;
    text: string;
    keyFactorIds: string[];
    priority: RecommendationPriority;
    horizon: RecommendationHorizon;
    suggestedOwner: string | null;
    relatedExampleIds: string[];
    createdAt: string;
    withdrawnAt?: string | null;
    /** The host city's answer; only ACCEPTED and PARTLY_ACCEPTED ones carry a development plan. */
    hostResponse?: string | null;
  }[];
  /** The host city's development plan: its actions and their history (absent means none). */
  plan?: {
    actions: ReportPlanActionInput[];
    /** Every change of an action: the status, progress and weight after it, and when (ISO). */
    changes: { actionId: string; status: PlanActionStatus; progress: number; weight: number; changedAt: string }[];
  };
  /** The benchmark's city examples. */
  examples: { id: string; keyFactorId: string; position: number; city: string; text: string }[];
  /**
   * The city's agreed ratings in this review and in its earlier reviews shared with it, on the same
   * benchmark (any version, matched by key factor code); absent means none.
   */
  cityHistory?: ReportHistoryPoint[];
  /**
   * The network's agreed ratings per key factor, counted per rating across cities, with this review's
   * (libs/review's loadNetworkDistribution: only key factors with at least `minCities` cities); absent means none.
   */
  networkDistribution?: { minCities: number; keyFactors: ReportDistribution[] };
}

export interface ReportPlanActionInput {
  id: string;
  recommendationId: string;
  description: string;
  owner: string;
  startsOn: string;
  dueOn: string;
  term: PlanActionTerm;
  status: PlanActionStatus;
  dropReason: string | null;
  progress: number;
  weight: number;
  createdAt: string;
}

export interface ReportDistribution {
  keyFactorCode: string;
  /** Cities with a comparable agreed rating, this one included. */
  cities: number;
  ratings: { rating: number; count: number }[];
  /** This review's agreed rating. */
  cityRating: number | null;
}

export interface ReportHistoryPoint {
  /** The review's title. */
  review: string;
  /** When the conclusion was agreed, ISO. */
  agreedAt: string;
  keyFactorCode: string;
  rating: number | null;
}

// ---------------------------------------------------------------------------------------------
// Output: the report's content. Plain JSON: strings, numbers, booleans, null, arrays, objects.
// ---------------------------------------------------------------------------------------------

export interface ReportRating {
  value: number | null;
  label: string | null;
}

export interface ReportRecommendation {
  /** Stable reference within the report, R1, R2, ... in the report's order (priority, then horizon). */
  ref: string;
  text: string;
  priority: RecommendationPriority;
  horizon: RecommendationHorizon;
  suggestedOwner: string | null;
  keyFactorCodes: string[];
  relatedExamples: { keyFactorCode: string; city: string; text: string }[];
}

/** One action of the development plan as the report shows it (no person's name: the owner is a department). */
export interface ReportPlanAction {
  description: string;
  owner: string;
  term: PlanActionTerm;
  status: PlanActionStatus;
  dropReason: string | null;
  startsOn: string;
  dueOn: string;
  progress: number;
  weight: number;
}

/** The development plan (issue 20): per accepted recommendation, its actions and weighted progress. */
export interface ReportPlan {
  /** The mean of the recommendations' progress (libs/review plan.rules.ts), null before any counted action. */
  progress: number | null;
  recommendations: {
    ref: string;
    text: string;
    /** Weighted from its actions, dropped ones left out; null without any. */
    progress: number | null;
    actions: ReportPlanAction[];
    /** This recommendation's progress over time. */
    progressHistory: PlanProgressPoint[];
  }[];
}

export interface ReportKeyFactor {
  number: number;
  code: string;
  heading: string;
  statement: string;
  selfAssessment: { rating: ReportRating; narrative: string; submitted: boolean } | null;
  evidence: {
    total: number;
    bySource: { source: EvidenceSource; count: number }[];
    byStance: { stance: EvidenceStance; count: number }[];
    quotes: { text: string; attribution: string; stance: EvidenceStance }[];
  };
  conclusion: { rating: ReportRating; summary: string; strengths: string; areasToDevelop: string } | null;
  recommendations: ReportRecommendation[];
  goodPractices: { city: string; text: string; referencedByRecommendations: string[] }[];
}

export interface ReportModel {
  schemaVersion: 1;
  /** The language the version is written in (en, fr, de): its labels here, its fixed texts in the renderers (render/report-text.ts). */
  language?: string;
  cover: {
    title: string;
    hostCity: { name: string; country: string };
    benchmark: { code: string; version: number; title: string };
    reviewKind: ReviewKind;
    reviewKindLabel: string;
    /** Local dates (YYYY-MM-DD) in the host city's time zone. */
    visit: { startDate: string; endDate: string } | null;
    team: { name: string; role: string; city: string | null }[];
  };
  executiveSummary: {
    ratingScale: { value: number; label: string; description: string }[];
    keyFactors: { code: string; heading: string; rating: ReportRating }[];
    highPriorityRecommendations: ReportRecommendation[];
  };
  method: {
    description: string;
    standard: string;
    sources: {
      documents: { title: string; type: string }[];
      interviews: number;
      focusGroups: number;
      siteVisits: number;
      sessionsHeld: number;
      stakeholdersMet: number;
      /** Categories with at least three people met; the rest under "other stakeholders", last. */
      stakeholderCategories: { label: string; count: number }[];
      /** Only people who consented to be named. */
      namedStakeholders: { name: string; position: string | null; organisation: string | null }[];
    };
  };
  context: { number: number; code: string; name: string; note: string | null }[];
  keyFactors: ReportKeyFactor[];
  /** The city's agreed ratings over its reviews (this one included), key factors in scope only, oldest first. */
  ratingsHistory: ReportHistoryPoint[];
  /** The network's distribution for the key factors in scope that enough cities rated; null when none did. */
  networkDistribution: { minCities: number; keyFactors: (ReportDistribution & { heading: string })[] } | null;
  recommendationTable: {
    priority: RecommendationPriority;
    horizon: RecommendationHorizon;
    recommendations: { ref: string; text: string; keyFactorCodes: string[] }[];
  }[];
  /** The host city's development plan; null while it has no action. */
  plan: ReportPlan | null;
  /** The plan's progress at the end of each day it changed, oldest first (the plan-progress chart); empty without a plan. */
  planProgress: PlanProgressPoint[];
  annex: {
    programme: {
      kind: VisitSessionKind;
      kindLabel: string;
      title: string;
      /** ISO 8601 local date-times with the offset, in the host city's time zone. */
      startsAt: string;
      endsAt: string;
      keyFactorCodes: string[];
      stakeholderCategories: { label: string; count: number }[];
    }[];
  };
  credit: {
    attribution: string;
    sourceTitle: string;
    sourceOrganisation: string;
    sourceYear: number | null;
    ratingScaleEditorial: boolean;
  };
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/** Fewer people than this of one category are counted (and quoted) as "other stakeholders". */
export const MIN_PEOPLE_PER_CATEGORY = 3;
export const OTHER_STAKEHOLDERS_LABEL = 'other stakeholders';
/** How a quote from a small (or unknown) category is attributed. */
export const OTHER_STAKEHOLDER_PHRASE = 'another stakeholder';
export const QUOTES_PER_KEY_FACTOR = 3;
export { WITHHELD_NAME };

const PRIORITY_ORDER = [RecommendationPriority.HIGH, RecommendationPriority.MEDIUM, RecommendationPriority.LOW];
const HORIZON_ORDER = [RecommendationHorizon.QUICK_WIN, RecommendationHorizon.MEDIUM_TERM, RecommendationHorizon.LONG_TERM];
const SOURCE_ORDER = [
  EvidenceSource.DOCUMENT,
  EvidenceSource.INTERVIEW,
  EvidenceSource.FOCUS_GROUP,
  EvidenceSource.OBSERVATION,
  EvidenceSource.SELF_ASSESSMENT,
];
const STANCE_ORDER = [EvidenceStance.SUPPORTS, EvidenceStance.CONTRADICTS, EvidenceStance.NEUTRAL];
const TEAM_ROLE_ORDER = ['EXPERT_LEADER', 'PEER'];

export const SESSION_KIND_LABEL: Record<VisitSessionKind, string> = {
  INTERVIEW: 'Interview',
  FOCUS_GROUP: 'Focus group',
  SITE_VISIT: 'Site visit',
  TEAM_MEETING: 'Team meeting',
  BRIEFING: 'Briefing',
  FEEDBACK_SESSION: 'Feedback session',
};

const CATEGORY_ORDER = Object.values(StakeholderCategory);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The people the report's anonymiser knows: the stakeholders and the expert leader and peers, the
 * same people AnonymisationService gives the GraphQL views of the same review.
 */
export function reportAnonymiser(input: Pick<ReportInput, 'stakeholders' | 'team'>): NameAnonymiser {
  return nameAnonymiser({
    stakeholders: input.stakeholders,
    team: input.team.filter((m) => (REVIEW_TEAM_ROLES as string[]).includes(m.role)).map((m) => ({ name: m.fullName })),
  });
}

/** Keys of the model whose values are codes, enum values or dates, never anyone's words. */
export const REPORT_STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'schemaVersion',
  'language',
  'reviewKind',
  'kind',
  'code',
  'keyFactorCode',
  'keyFactorCodes',
  'priority',
  'horizon',
  'source',
  'stance',
  'ref',
  'referencedByRecommendations',
  'startsAt',
  'endsAt',
  'startDate',
  'endDate',
  'agreedAt',
  'term',
  'status',
  'startsOn',
  'dueOn',
  'date',
]);

/** The pure step: every rule of the report's content, no I/O. Same input, same model. */
export function buildReportModel(input: ReportInput, language = 'en'): ReportModel {
  // Free text (session titles, narratives, quotes, conclusions) may still name someone who did not
  // consent: every string of the model goes through the anonymiser the host city's views use.
  const model = reportAnonymiser(input).anonymiseDeep(buildUnanonymisedModel(input, language), REPORT_STRUCTURAL_KEYS);
  // The anonymiser's mark, in the report's language.
  const withheld = reportText(language).t('withheldName');
  return withheld === WITHHELD_NAME ? model : (replaceDeep(model, WITHHELD_NAME, withheld) as ReportModel);
}

function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)]));
  return value;
}

/** The model with the team's own words, before any name is withheld (for the expert leader's name check). */
export function buildUnanonymisedModel(input: ReportInput, language = 'en'): ReportModel {
  const tz = input.hostCity.timeZone;
  const text = reportText(language);
  const ratingOf = (value: number | null): ReportRating => ({
    value,
    label: value === null ? null : (input.benchmark.ratingScale.find((l) => l.value === value)?.label ?? null),
  });

  // Scope, ordered by key factor number.
  const scopeIds = input.review.scopeKeyFactorIds ? new Set(input.review.scopeKeyFactorIds) : null;
  const keyFactors = input.keyFactors.filter((k) => !scopeIds || scopeIds.has(k.id)).sort((a, b) => a.number - b.number);
  const kfById = new Map(input.keyFactors.map((k) => [k.id, k]));
  const inScope = new Set(keyFactors.map((k) => k.id));
  const codesOf = (ids: string[]) =>
    [...new Set(ids)]
      .map((id) => kfById.get(id))
      .filter((k): k is NonNullable<typeof k> => !!k && inScope.has(k.id))
      .sort((a, b) => a.number - b.number)
      .map((k) => k.code);

  // Who was met: distinct stakeholders across the sessions that took place.
  const heldSessions = input.sessions
    .filter((s) => !s.cancelledAt)
    .sort((a, b) => compareText(a.startsAt, b.startsAt) || compareText(a.title, b.title));
  const stakeholderById = new Map(input.stakeholders.map((s) => [s.id, s]));
  const metIds = new Set(heldSessions.flatMap((s) => s.stakeholderIds).filter((id) => stakeholderById.has(id)));
  const metPerCategory = new Map<StakeholderCategory, number>();
  for (const id of metIds) {
    const c = stakeholderById.get(id)!.category;
    metPerCategory.set(c, (metPerCategory.get(c) ?? 0) + 1);
  }
  const isLargeCategory = (c: StakeholderCategory | null): c is StakeholderCategory =>
    c !== null && c !== StakeholderCategory.OTHER && (metPerCategory.get(c) ?? 0) >= MIN_PEOPLE_PER_CATEGORY;
  const categoryCounts = (ids: Iterable<string>) => {
    const counts = new Map<string, number>();
    let other = 0;
    for (const id of new Set(ids)) {
      const s = stakeholderById.get(id);
      if (!s) continue;
      if (isLargeCategory(s.category)) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
      else other++;
    }
    const rows = CATEGORY_ORDER.filter((c) => counts.has(c)).map((c) => ({ label: text.label('category', c), count: counts.get(c)! }));
    if (other) rows.push({ label: text.t('category.OTHER'), count: other });
    return rows;
  };
  const attribution = (c: StakeholderCategory | null) =>
    isLargeCategory(c) ? text.label('attribution', c) : text.t('attribution.another');

  // Recommendations: not withdrawn, in scope, by priority, horizon, first key factor, then creation.
  const examplesById = new Map(input.examples.map((e) => [e.id, e]));
  const sortedRecommendations = input.recommendations
    .filter((r) => !r.withdrawnAt)
    .map((r) => ({ r, codes: codesOf(r.keyFactorIds) }))
    .filter(({ codes }) => codes.length > 0)
    .sort(
      (a, b) =>
        PRIORITY_ORDER.indexOf(a.r.priority) - PRIORITY_ORDER.indexOf(b.r.priority) ||
        HORIZON_ORDER.indexOf(a.r.horizon) - HORIZON_ORDER.indexOf(b.r.horizon) ||
        compareText(a.codes[0], b.codes[0]) ||
        compareText(a.r.createdAt, b.r.createdAt) ||
        compareText(a.r.text, b.r.text),
    );
  const refById = new Map<string, string>();
  const recommendations: ReportRecommendation[] = sortedRecommendations.map(({ r, codes }, i) => {
    refById.set(r.id, `R${i + 1}`);
    return {
      ref: `R${i + 1}`,
      text: r.text,
      priority: r.priority,
      horizon: r.horizon,
      suggestedOwner: r.suggestedOwner,
      keyFactorCodes: codes,
      relatedExamples: [...new Set(r.relatedExampleIds)]
        .map((id) => examplesById.get(id))
        .filter((e): e is NonNullable<typeof e> => !!e && kfById.has(e.keyFactorId))
        .sort((a, b) => kfById.get(a.keyFactorId)!.number - kfById.get(b.keyFactorId)!.number || a.position - b.position)
        .map((e) => ({ keyFactorCode: kfById.get(e.keyFactorId)!.code, city: e.city, text: e.text })),
    };
  });

  const evidence = input.evidence.filter((e) => !e.retractedAt);
  const agreed = input.conclusions.filter((c) => c.status === ConclusionStatus.AGREED);

  const sections: ReportKeyFactor[] = keyFactors.map((k) => {
    const entry = input.selfAssessment.find((e) => e.keyFactorId === k.id);
    const conclusion = agreed.find((c) => c.keyFactorId === k.id);
    const items = evidence.filter((e) => e.keyFactorIds.includes(k.id));
    const cited = new Set(conclusion?.evidenceIds ?? []);
    const quotes = items
      .filter((e) => e.quote && e.quote.trim())
      .sort(
        (a, b) =>
          Number(cited.has(b.id)) - Number(cited.has(a.id)) || compareText(a.observedAt, b.observedAt) || compareText(a.quote!, b.quote!),
      )
      .slice(0, QUOTES_PER_KEY_FACTOR)
      // The quote rule: the paraphrase (or a placeholder) unless the person quoted agreed to be quoted.
      .map((e) => ({
        text: quoteAsShown(e, (id) => stakeholderById.get(id)?.consentToBeQuoted ?? false).text ?? text.t('paraphrasePending'),
        attribution: attribution(e.stakeholderCategory),
        stance: e.stance,
      }));
    const related = recommendations.filter((r) => r.keyFactorCodes.includes(k.code));
    const examples = input.examples.filter((e) => e.keyFactorId === k.id).sort((a, b) => a.position - b.position);
    return {
      number: k.number,
      code: k.code,
      heading: k.heading,
      statement: k.statement,
      selfAssessment: entry
        ? { rating: ratingOf(entry.rating), narrative: entry.narrative, submitted: entry.status === 'SUBMITTED' }
        : null,
      evidence: {
        total: items.length,
        bySource: SOURCE_ORDER.map((source) => ({ source, count: items.filter((e) => e.source === source).length })),
        byStance: STANCE_ORDER.map((stance) => ({ stance, count: items.filter((e) => e.stance === stance).length })),
        quotes,
      },
      conclusion: conclusion
        ? {
            rating: ratingOf(conclusion.rating),
            summary: conclusion.summary,
            strengths: conclusion.strengths,
            areasToDevelop: conclusion.areasToDevelop,
          }
        : null,
      recommendations: related,
      goodPractices: examples.map((e) => ({
        city: e.city,
        text: e.text,
        referencedByRecommendations: sortedRecommendations
          .filter(({ r }) => r.relatedExampleIds.includes(e.id))
          .map(({ r }) => refById.get(r.id)!),
      })),
    };
  });

  const visit =
    input.review.visitStartsAt && input.review.visitEndsAt
      ? {
          startDate: formatInZone(new Date(input.review.visitStartsAt), tz).slice(0, 10),
          endDate: formatInZone(new Date(input.review.visitEndsAt), tz).slice(0, 10),
        }
      : null;

  const model: ReportModel = {
    schemaVersion: 1,
    language: text.language,
    cover: {
      title: input.review.title,
      hostCity: { name: input.hostCity.name, country: input.hostCity.country },
      benchmark: { code: input.benchmark.code, version: input.benchmark.version, title: input.benchmark.title },
      reviewKind: input.review.kind,
      reviewKindLabel: text.label('reviewKind', input.review.kind),
      visit,
      team: input.team
        .filter((m) => TEAM_ROLE_ORDER.includes(m.role))
        .sort((a, b) => TEAM_ROLE_ORDER.indexOf(a.role) - TEAM_ROLE_ORDER.indexOf(b.role) || compareText(a.fullName, b.fullName))
        .map((m) => ({
          name: m.fullName,
          role: text.label('teamRole', m.role === 'EXPERT_LEADER' ? 'EXPERT_LEADER' : 'PEER'),
          city: m.cityName,
        })),
    },
    executiveSummary: {
      ratingScale: [...input.benchmark.ratingScale]
        .sort((a, b) => a.value - b.value)
        .map((l) => ({ value: l.value, label: l.label, description: l.description })),
      keyFactors: sections.map((s) => ({ code: s.code, heading: s.heading, rating: s.conclusion?.rating ?? ratingOf(null) })),
      highPriorityRecommendations: recommendations.filter((r) => r.priority === RecommendationPriority.HIGH),
    },
    method: {
      description: text.label('methodText', input.review.kind),
      standard: input.benchmark.standard,
      sources: {
        documents: input.documents
          .filter((d) => !d.retractedAt)
          .map((d) => ({ title: d.title, type: d.type }))
          .sort((a, b) => compareText(a.title, b.title) || compareText(a.type, b.type)),
        interviews: heldSessions.filter((s) => s.kind === VisitSessionKind.INTERVIEW).length,
        focusGroups: heldSessions.filter((s) => s.kind === VisitSessionKind.FOCUS_GROUP).length,
        siteVisits: heldSessions.filter((s) => s.kind === VisitSessionKind.SITE_VISIT).length,
        sessionsHeld: heldSessions.length,
        stakeholdersMet: metIds.size,
        stakeholderCategories: categoryCounts(metIds),
        namedStakeholders: [...metIds]
          .map((id) => stakeholderById.get(id)!)
          .filter((s) => s.consentToBeNamed && s.name && s.name.trim())
          .map((s) => ({ name: s.name!.trim(), position: s.position, organisation: s.organisationName }))
          .sort((a, b) => compareText(a.name, b.name)),
      },
    },
    context: [...input.contextFactors]
      .sort((a, b) => a.number - b.number)
      .map((c) => ({
        number: c.number,
        code: c.code,
        name: c.name,
        note: input.contextNotes.find((n) => n.contextFactorId === c.id)?.note ?? null,
      })),
    keyFactors: sections,
    ratingsHistory: (input.cityHistory ?? [])
      .filter((p) => sections.some((s) => s.code === p.keyFactorCode))
      .sort((a, b) => compareText(a.agreedAt, b.agreedAt) || compareText(a.keyFactorCode, b.keyFactorCode))
      .map((p) => ({ review: p.review, agreedAt: p.agreedAt, keyFactorCode: p.keyFactorCode, rating: p.rating })),
    networkDistribution: networkDistributionOf(input.networkDistribution, sections),
    ...planOf(input, refById, recommendations, tz),
    recommendationTable: PRIORITY_ORDER.flatMap((priority) =>
      HORIZON_ORDER.map((horizon) => ({
        priority,
        horizon,
        recommendations: recommendations
          .filter((r) => r.priority === priority && r.horizon === horizon)
          .map((r) => ({ ref: r.ref, text: r.text, keyFactorCodes: r.keyFactorCodes })),
      })),
    ),
    annex: {
      programme: heldSessions.map((s) => ({
        kind: s.kind,
        kindLabel: text.label('sessionKind', s.kind),
        title: s.title,
        startsAt: formatInZone(new Date(s.startsAt), tz),
        endsAt: formatInZone(new Date(s.endsAt), tz),
        keyFactorCodes: codesOf(s.keyFactorIds),
        stakeholderCategories: categoryCounts(s.stakeholderIds),
      })),
    },
    credit: {
      attribution: input.benchmark.attribution,
      sourceTitle: input.benchmark.sourceTitle,
      sourceOrganisation: input.benchmark.sourceOrganisation,
      sourceYear: input.benchmark.sourceYear,
      ratingScaleEditorial: input.benchmark.ratingScaleEditorial,
    },
  };

  return model;
}

/**
 * The development plan: the report's recommendations the city accepted or partly accepted that have
 * actions, in the report's order; actions oldest first; progress by the review lib's rules (plan.rules.ts).
 */
function planOf(
  input: ReportInput,
  refById: Map<string, string>,
  recommendations: ReportRecommendation[],
  tz: string,
): Pick<ReportModel, 'plan' | 'planProgress'> {
  const actions = input.plan?.actions ?? [];
  const order = recommendations.map((r) => r.ref);
  const planned = input.recommendations
    .filter((r) => refById.has(r.id) && (r.hostResponse === 'ACCEPTED' || r.hostResponse === 'PARTLY_ACCEPTED'))
    .map((r) => ({ id: r.id, ref: refById.get(r.id)!, own: actions.filter((a) => a.recommendationId === r.id) }))
    .filter((p) => p.own.length)
    .sort((a, b) => order.indexOf(a.ref) - order.indexOf(b.ref));
  if (!planned.length) return { plan: null, planProgress: [] };
  const dayOf = (instant: Date) => formatInZone(instant, tz).slice(0, 10);
  const byAction = new Map(actions.map((a) => [a.id, a]));
  const ids = new Set(planned.map((p) => p.id));
  const changes = (input.plan?.changes ?? []).flatMap((c) => {
    const action = byAction.get(c.actionId);
    return action && ids.has(action.recommendationId)
      ? [{ ...c, recommendationId: action.recommendationId, changedAt: new Date(c.changedAt) }]
      : [];
  });
  const rows = planned.map(({ id, ref, own }) => ({
    ref,
    text: recommendations.find((r) => r.ref === ref)!.text,
    progress: weightedProgress(own),
    actions: [...own]
      .sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id))
      .map((a) => ({
        description: a.description,
        owner: a.owner,
        term: a.term,
        status: a.status,
        dropReason: a.dropReason,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        progress: a.progress,
        weight: a.weight,
      })),
    progressHistory: progressHistory(
      changes.filter((c) => c.recommendationId === id),
      dayOf,
    ),
  }));
  return {
    plan: { progress: planProgress(rows.map((r) => r.progress)), recommendations: rows },
    planProgress: progressHistory(changes, dayOf),
  };
}

/** The distribution of the key factors in scope, in the report's order; null when none is left. */
function networkDistributionOf(
  distribution: ReportInput['networkDistribution'],
  sections: { code: string; heading: string }[],
): ReportModel['networkDistribution'] {
  const keyFactors = sections.flatMap((s) => {
    const k = distribution?.keyFactors.find((d) => d.keyFactorCode === s.code);
    if (!k || k.cities < distribution!.minCities) return [];
    const ratings = [...k.ratings].sort((a, b) => a.rating - b.rating).map((r) => ({ rating: r.rating, count: r.count }));
    return [{ keyFactorCode: s.code, heading: s.heading, cities: k.cities, ratings, cityRating: k.cityRating }];
  });
  return keyFactors.length ? { minCities: distribution!.minCities, keyFactors } : null;
}

/** JSON with object keys sorted at every level; undefined properties are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareText(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the model's canonical JSON: the same content gives the same hash. */
export function contentHash(model: ReportModel): string {
  return createHash('sha256').update(canonicalJson(model)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Loading: a fixed number of statements, whatever the number of key factors, sessions or items.
// ---------------------------------------------------------------------------------------------

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** The review statuses in which the findings were shared with the host city. */
const SHARED_WITH_CITY = statusesAllowing('readFindingsAsHost')
  .map((s) => `'${s}'`)
  .join(', ');

/**
 * Loads everything the report needs for one review, then builds the model. The benchmark's texts
 * (title, standard, rating scale, key factors, context factors, examples) come in `language` where
 * the benchmark has a translation, else in English.
 */
export async function loadReportInput(manager: EntityManager, reviewId: string, language = 'en'): Promise<ReportInput> {
  const review = await manager.findOne(Review, { where: { id: reviewId }, relations: { hostCity: true, benchmark: true } });
  if (!review || !review.hostCity || !review.benchmark) throw new Error(`Review ${reviewId} not found.`);
  const benchmarkId = review.benchmarkId;
  const [
    keyFactors,
    contextFactors,
    contextNotes,
    team,
    entries,
    documents,
    sessions,
    sessionStakeholders,
    cityStakeholders,
    evidence,
    conclusions,
    recommendations,
    examples,
    history,
    distribution,
    planActions,
    planChanges,
  ] = await Promise.all([
    manager.find(KeyFactor, { where: { benchmarkId }, order: { number: 'ASC' } }),
    manager.find(ContextFactor, { where: { benchmarkId }, order: { number: 'ASC' } }),
    manager.find(ContextNote, { where: { reviewId } }),
    manager.find(TeamMember, {
      where: { reviewId, removedAt: IsNull(), role: In(REVIEW_TEAM_ROLES) },
      relations: { person: { organisation: { city: true } } },
    }),
    manager.find(SelfAssessmentEntry, { where: { reviewId } }),
    manager.find(Document, { where: { reviewId, retractedAt: IsNull() } }),
    manager.find(VisitSession, { where: { reviewId } }),
    manager
      .createQueryBuilder(SessionStakeholder, 'ss')
      .innerJoin('ss.session', 's')
      .innerJoinAndSelect('ss.stakeholder', 'st')
      .leftJoinAndSelect('st.organisation', 'o')
      .where('s.reviewId = :reviewId', { reviewId })
      .getMany(),
    manager.find(Stakeholder, { where: { cityId: review.hostCityId }, relations: { organisation: true } }),
    manager.find(Evidence, { where: { reviewId, retractedAt: IsNull() } }),
    manager.find(Conclusion, { where: { reviewId, status: ConclusionStatus.AGREED } }),
    manager.find(Recommendation, { where: { reviewId, withdrawnAt: IsNull() } }),
    manager
      .createQueryBuilder(KeyFactorExample, 'e')
      .innerJoin('e.keyFactor', 'k')
      .where('k.benchmarkId = :benchmarkId', { benchmarkId })
      .getMany(),
    // The city's agreed ratings on the same benchmark (any version): this review's and its earlier
    // reviews' whose findings were shared with the city.
    manager.query(
      `SELECT r.title AS review, c.agreed_at, kf.code, c.rating
         FROM review cur
         JOIN benchmark cb ON cb.id = cur.benchmark_id
         JOIN review r ON r.host_city_id = cur.host_city_id
                      AND (r.id = cur.id OR (r.created_at < cur.created_at AND r.status IN (${SHARED_WITH_CITY})))
         JOIN benchmark b ON b.id = r.benchmark_id AND b.code = cb.code
         JOIN conclusion c ON c.review_id = r.id AND c.status = 'AGREED'
         JOIN key_factor kf ON kf.id = c.key_factor_id
        WHERE cur.id = $1
        ORDER BY c.agreed_at, kf.number`,
      [reviewId],
    ) as Promise<{ review: string; agreed_at: Date | null; code: string; rating: number | null }[]>,
    // The network's distribution per key factor (one statement; the ≥ 5 cities rule is in it).
    loadNetworkDistribution(manager, reviewId),
    // The actions on the review's own recommendations (those on the city's Index recommendations are not in this report yet).
    manager.find(PlanAction, { where: { reviewId, recommendationId: Not(IsNull()) } }),
    manager.find(PlanActionChange, { where: { reviewId }, order: { changedAt: 'ASC', id: 'ASC' } }),
  ]);

  const stakeholders = new Map<string, Stakeholder>();
  for (const s of cityStakeholders) stakeholders.set(s.id, s);
  for (const ss of sessionStakeholders) if (ss.stakeholder) stakeholders.set(ss.stakeholder.id, ss.stakeholder);
  const b = review.benchmark;
  return {
    review: {
      title: review.title,
      kind: review.kind,
      visitStartsAt: iso(review.visitStartsAt),
      visitEndsAt: iso(review.visitEndsAt),
      scopeKeyFactorIds: review.scopeKeyFactorIds,
    },
    hostCity: { name: review.hostCity.name, country: review.hostCity.country, timeZone: review.hostCity.timeZone },
    benchmark: {
      code: b.code,
      version: b.version,
      title: translated(b.title, b.translations, 'title', language),
      standard: translated(b.standard, b.translations, 'standard', language),
      sourceTitle: b.sourceTitle,
      sourceOrganisation: b.sourceOrganisation,
      sourceYear: b.sourceYear,
      attribution: b.attribution,
      ratingScale: b.ratingScale.map((l) => ({
        value: l.value,
        label: translated(l.label, l.translations, 'label', language),
        description: translated(l.description, l.translations, 'description', language),
      })),
      ratingScaleEditorial: b.ratingScaleEditorial,
    },
    keyFactors: keyFactors.map((k) => ({
      id: k.id,
      number: k.number,
      code: k.code,
      heading: translated(k.heading, k.translations, 'heading', language),
      statement: translated(k.statement, k.translations, 'statement', language),
    })),
    contextFactors: contextFactors.map((c) => ({
      id: c.id,
      number: c.number,
      code: c.code,
      name: translated(c.name, c.translations, 'name', language),
    })),
    contextNotes: contextNotes.map((n) => ({ contextFactorId: n.contextFactorId, note: n.note })),
    team: team.map((m) => ({
      fullName: m.person?.fullName ?? '',
      role: m.role,
      cityName: m.person?.organisation?.city?.name ?? null,
      organisationName: m.person?.organisation?.name ?? null,
    })),
    selfAssessment: entries.map((e) => ({ keyFactorId: e.keyFactorId, rating: e.rating, narrative: e.narrative, status: e.status })),
    documents: documents.map((d) => ({ id: d.id, title: d.title, type: d.type, retractedAt: iso(d.retractedAt) })),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      startsAt: iso(s.startsAt)!,
      endsAt: iso(s.endsAt)!,
      cancelledAt: iso(s.cancelledAt),
      keyFactorIds: s.keyFactorIds,
      stakeholderIds: sessionStakeholders.filter((ss) => ss.sessionId === s.id).map((ss) => ss.stakeholderId),
    })),
    stakeholders: [...stakeholders.values()].map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      organisationName: s.organisation?.name ?? null,
      category: s.category,
      consentToBeNamed: s.consentToBeNamed,
      consentToBeQuoted: s.consentToBeQuoted,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      source: e.source,
      stakeholderCategory: e.stakeholderCategory,
      keyFactorIds: e.keyFactorIds,
      statement: e.statement,
      quote: e.quote,
      quotedStakeholderId: e.quotedStakeholderId,
      paraphrase: e.paraphrase,
      stance: e.stance,
      observedAt: iso(e.observedAt)!,
      retractedAt: iso(e.retractedAt),
    })),
    conclusions: conclusions.map((c) => ({
      keyFactorId: c.keyFactorId,
      status: c.status,
      rating: c.rating,
      summary: c.summary,
      strengths: c.strengths,
      areasToDevelop: c.areasToDevelop,
      evidenceIds: c.evidenceIds,
    })),
    recommendations: recommendations.map((r) => ({
      id: r.id,
      text: r.text,
      keyFactorIds: r.keyFactorIds,
      priority: r.priority,
      horizon: r.horizon,
      suggestedOwner: r.suggestedOwner,
      relatedExampleIds: r.relatedExampleIds,
      createdAt: iso(r.createdAt)!,
      withdrawnAt: iso(r.withdrawnAt),
      hostResponse: r.hostResponse,
    })),
    plan: {
      actions: planActions.map((a) => ({
        id: a.id,
        recommendationId: a.recommendationId!,
        description: a.description,
        owner: a.owner,
        startsOn: a.startsOn,
        dueOn: a.dueOn,
        term: a.term,
        status: a.status,
        dropReason: a.dropReason,
        progress: a.progress,
        weight: a.weight,
        createdAt: iso(a.createdAt)!,
      })),
      changes: planChanges.map((c) => ({
        actionId: c.actionId,
        status: c.status,
        progress: c.progress,
        weight: c.weight,
        changedAt: iso(c.changedAt)!,
      })),
    },
    examples: examples.map((e) => ({
      id: e.id,
      keyFactorId: e.keyFactorId,
      position: e.position,
      city: e.city,
      text: translated(e.text, e.translations, 'text', language),
    })),
    cityHistory: history.map((h) => ({ review: h.review, agreedAt: iso(h.agreed_at) ?? '', keyFactorCode: h.code, rating: h.rating })),
    networkDistribution: {
      minCities: distribution.minCities,
      keyFactors: distribution.shown.map((k) => ({
        keyFactorCode: k.code,
        cities: k.cities,
        ratings: k.ratings,
        cityRating: k.cityRating,
      })),
    },
  };
}

/** Loads the review's data (a fixed number of statements) and applies the report's rules. */
export async function assembleReportModel(manager: EntityManager, reviewId: string, language = 'en'): Promise<ReportModel> {
  return buildReportModel(await loadReportInput(manager, reviewId, language), language);
}
