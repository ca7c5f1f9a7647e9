import { Injectable } from '@nestjs/common';
import { Benchmark, KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person, STAKEHOLDER_CATEGORY_PHRASE, StakeholderCategory } from '@peervisit/directory/entities';
import { badInput, CurrentUser, isUuid, notFound } from '@peervisit/platform';
import {
  AnonymisationService,
  AuditLog,
  CrossReviewService,
  formatInZone,
  PARAPHRASE_PENDING,
  QuoteShown,
  readsOnlyAssigned,
  ReviewAccessService,
  statusesAllowing,
  weightedProgress,
} from '@peervisit/review';
import {
  ConclusionStatus,
  Conclusion,
  EvidenceSource,
  EvidenceStance,
  Evidence,
  FollowUpStatus,
  FollowUpUpdate,
  HostResponse,
  Recommendation,
  RecommendationHorizon,
  RecommendationPriority,
  Review,
  SelfAssessmentEntry,
  VisitSession,
  PlanAction,
  PlanActionStatus,
} from '@peervisit/review/entities';
import { DataSource, In, IsNull } from 'typeorm';
import { MIN_PEOPLE_PER_CATEGORY, OTHER_STAKEHOLDER_PHRASE } from '../model/report-model';
import { Cell, Sheet, toCsv, toXlsx } from './spreadsheet';
import { PLAN_STATUS_LABEL, PLAN_TERM_LABEL } from '../render/plan-section';

export type ExportFormat = 'xlsx' | 'csv';
export type ReviewExport = 'ratings' | 'recommendations' | 'evidence';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
}

const PRIORITY: Record<RecommendationPriority, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };
const PRIORITY_ORDER = [RecommendationPriority.HIGH, RecommendationPriority.MEDIUM, RecommendationPriority.LOW];
const HORIZON: Record<RecommendationHorizon, string> = { QUICK_WIN: 'Quick win', MEDIUM_TERM: 'Medium term', LONG_TERM: 'Long term' };
const RESPONSE: Record<HostResponse, string> = {
  ACCEPTED: 'Accepted',
  PARTLY_ACCEPTED: 'Partly accepted',
  NOTED: 'Noted',
  REJECTED: 'Rejected',
};
const FOLLOW_UP: Record<FollowUpStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  IMPLEMENTED: 'Implemented',
  ABANDONED: 'Abandoned',
};
const SOURCE: Record<EvidenceSource, string> = {
  DOCUMENT: 'Document',
  INTERVIEW: 'Interview',
  FOCUS_GROUP: 'Focus group',
  OBSERVATION: 'Observation',
  SELF_ASSESSMENT: 'Self-assessment',
};
const STANCE: Record<EvidenceStance, string> = { SUPPORTS: 'Supports', CONTRADICTS: 'Contradicts', NEUTRAL: 'Neutral' };
const CONCLUSION: Record<ConclusionStatus, string> = { AGREED: 'Agreed', DRAFT: 'Being revised' };

/** Reviews whose findings were shared with the city (the network view counts only those). */
const SHARED = statusesAllowing('readFindingsAsHost');

/** The city's name as a file name's first part: letters and digits, the rest as hyphens. */
export function fileSlug(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'review';
}

/**
 * Spreadsheet exports (XLSX and CSV) of a review's ratings, recommendations and evidence, and of the
 * network's ratings. Each is read with the same rule as the data it holds (ReviewAccessService:
 * findings from the feedback on for the host city and observers, evidence for the team only, the
 * network for admins, marked @AdminOnly on the route), team-written text goes through the
 * anonymiser the GraphQL views use, and each export is written to the review's audit trail.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly anonymisation: AnonymisationService,
    private readonly crossReview: CrossReviewService,
    private readonly audit: AuditLog,
  ) {}

  /** Reads "ratings.xlsx" and the like from the URL; anything else is not there. */
  parseReviewFile(file: string): { kind: ReviewExport; format: ExportFormat } {
    const match = /^(ratings|recommendations|evidence)\.(xlsx|csv)$/.exec(file);
    if (!match) throw notFound(`Export ${file.slice(0, 60)} (exports are ratings, recommendations and evidence, as .xlsx or .csv)`);
    return { kind: match[1] as ReviewExport, format: match[2] as ExportFormat };
  }

  parseFormat(file: string, base: string): ExportFormat {
    const match = new RegExp(`^${base}\\.(xlsx|csv)$`).exec(file);
    if (!match) throw notFound(`Export ${file.slice(0, 60)} (this one is ${base}.xlsx or ${base}.csv)`);
    return match[1] as ExportFormat;
  }

  async reviewExport(user: CurrentUser, reviewId: string, file: string, options: { anonymise?: boolean } = {}): Promise<ExportFile> {
    const { kind, format } = this.parseReviewFile(file);
    if (!isUuid(reviewId)) throw notFound(`Review ${String(reviewId).slice(0, 60)}`);
    if (kind === 'ratings') return this.ratings(user, reviewId, format);
    if (kind === 'recommendations') return this.recommendations(user, reviewId, format);
    return this.evidence(user, reviewId, format, options.anonymise ?? false);
  }

  /** Per key factor in scope: the city's self-assessment rating and the team's rating. Readers of the findings. */
  async ratings(user: CurrentUser, reviewId: string, format: ExportFormat): Promise<ExportFile> {
    const roles = await this.access.requireFindingsRead(user, reviewId);
    const { review, city, benchmark, keyFactors } = await this.reviewFacts(reviewId);
    const conclusions = await this.dataSource.getRepository(Conclusion).findBy({ reviewId });
    let entries = await this.dataSource.getRepository(SelfAssessmentEntry).findBy({ reviewId });
    // A host contributor reads only the entries assigned to them, here as in the self-assessment.
    if (readsOnlyAssigned(user, roles)) entries = entries.filter((e) => e.assigneeId === user.personId);
    const label = (value: number | null | undefined) =>
      value == null ? null : (benchmark.ratingScale.find((l) => l.value === value)?.label ?? null);
    const sheet: Sheet = {
      name: 'Ratings',
      columns: [
        { header: 'Key factor', width: 10 },
        { header: 'Title', width: 50 },
        { header: 'Self-assessment rating', width: 14 },
        { header: 'Self-assessment rating in words', width: 24 },
        { header: "Team's rating", width: 14 },
        { header: "Team's rating in words", width: 24 },
        { header: 'Conclusion', width: 14 },
      ],
      rows: keyFactors.map((k) => {
        const self = entries.find((e) => e.keyFactorId === k.id)?.rating ?? null;
        const conclusion = conclusions.find((c) => c.keyFactorId === k.id);
        const team = conclusion?.rating ?? null;
        return [k.code, k.heading, self, label(self), team, label(team), conclusion ? CONCLUSION[conclusion.status] : 'None yet'];
      }),
    };
    return this.finish(user, review, 'export.ratings', format, `${fileSlug(city.name)}-ratings`, [sheet]);
  }

  /**
   * The recommendations (not withdrawn) with the city's answer, follow-up status, progress reports and
   * development plan (its weighted progress and actions). Readers of the findings.
   */
  async recommendations(user: CurrentUser, reviewId: string, format: ExportFormat): Promise<ExportFile> {
    await this.access.requireFindingsRead(user, reviewId);
    const { review, city, keyFactors, allKeyFactors } = await this.reviewFacts(reviewId);
    const rows = await this.dataSource
      .getRepository(Recommendation)
      .find({ where: { reviewId, withdrawnAt: IsNull() }, order: { createdAt: 'ASC' } });
    rows.sort((a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority));
    const updates = rows.length
      ? await this.dataSource.getRepository(FollowUpUpdate).find({
          where: { recommendationId: In(rows.map((r) => r.id)) },
          order: { asOf: 'ASC', reportedAt: 'ASC' },
        })
      : [];
    // The development plan: actions per recommendation, oldest first; progress by the review lib's rule.
    const actions = rows.length
      ? await this.dataSource
          .getRepository(PlanAction)
          .find({ where: { recommendationId: In(rows.map((r) => r.id)) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const planned: Cell[][] = [];
    const codes = (ids: string[]) =>
      ids
        .map((id) => (keyFactors.find((k) => k.id === id) ?? allKeyFactors.find((k) => k.id === id))?.code)
        .filter(Boolean)
        .join(', ');
    // Team-written text as this reader may read it (the host city and observers: names withheld, like the report).
    const text = (t: string | null) => this.anonymisation.forReader(user, reviewId, t);
    const main: Cell[][] = [];
    const progress: Cell[][] = [];
    for (const [i, r] of rows.entries()) {
      const mine = updates.filter((u) => u.recommendationId === r.id);
      const recommendationText = await text(r.text);
      const ownActions = actions.filter((a) => a.recommendationId === r.id);
      main.push([
        i + 1,
        recommendationText,
        codes(r.keyFactorIds),
        PRIORITY[r.priority],
        HORIZON[r.horizon],
        await text(r.suggestedOwner),
        r.hostResponse ? RESPONSE[r.hostResponse] : null,
        r.hostComment,
        r.respondedAt ? formatInZone(r.respondedAt, city.timeZone).slice(0, 10) : null,
        FOLLOW_UP[r.followUpStatus],
        mine.map((u) => `${u.asOf} (${FOLLOW_UP[u.status]}): ${u.note}`).join('\n') || null,
        weightedProgress(ownActions),
        ownActions.map(planActionLine).join('\n') || null,
      ]);
      for (const a of ownActions)
        planned.push([
          i + 1,
          recommendationText,
          a.description,
          a.owner,
          PLAN_TERM_LABEL[a.term],
          a.startsOn,
          a.dueOn,
          PLAN_STATUS_LABEL[a.status],
          a.dropReason,
          a.status === PlanActionStatus.DONE ? 100 : a.progress,
          a.weight,
        ]);
      for (const u of mine) progress.push([i + 1, recommendationText, u.asOf, FOLLOW_UP[u.status], u.note]);
    }
    const recommendations: Sheet = {
      name: 'Recommendations',
      columns: [
        { header: 'No.', width: 6 },
        { header: 'Recommendation', width: 60 },
        { header: 'Key factors', width: 12 },
        { header: 'Priority', width: 10 },
        { header: 'Horizon', width: 14 },
        { header: 'Owner', width: 24 },
        { header: "City's answer", width: 16 },
        { header: "City's comment", width: 40 },
        { header: 'Answered on', width: 12 },
        { header: 'Follow-up status', width: 14 },
        { header: 'Progress reports', width: 60 },
        { header: 'Plan progress (%)', width: 12 },
        { header: 'Plan actions', width: 60 },
      ],
      rows: main,
    };
    // And the development plan's actions, one row each.
    const plan: Sheet = {
      name: 'Plan actions',
      columns: [
        { header: 'No.', width: 6 },
        { header: 'Recommendation', width: 40 },
        { header: 'Action', width: 50 },
        { header: 'Owner', width: 24 },
        { header: 'Term', width: 12 },
        { header: 'Starts', width: 12 },
        { header: 'Due', width: 12 },
        { header: 'Status', width: 12 },
        { header: 'Why dropped', width: 30 },
        { header: 'Progress (%)', width: 12 },
        { header: 'Weight', width: 8 },
      ],
      rows: planned,
    };
    // In XLSX the progress reports also get a sheet of their own, one row per report.
    const reports: Sheet = {
      name: 'Progress reports',
      columns: [
        { header: 'No.', width: 6 },
        { header: 'Recommendation', width: 50 },
        { header: 'Date', width: 12 },
        { header: 'Status', width: 14 },
        { header: 'Report', width: 60 },
      ],
      rows: progress,
    };
    return this.finish(user, review, 'export.recommendations', format, `${fileSlug(city.name)}-recommendations`, [
      recommendations,
      reports,
      plan,
    ]);
  }

  /**
   * The evidence (not retracted), for the review team only. Anonymised as the report does: every
   * text through the review's NameAnonymiser, and a stakeholder category with fewer than
   * MIN_PEOPLE_PER_CATEGORY people met given as "another stakeholder".
   */
  async evidence(user: CurrentUser, reviewId: string, format: ExportFormat, anonymise: boolean): Promise<ExportFile> {
    await this.access.require(user, reviewId, 'evidence.read');
    const { review, city, allKeyFactors } = await this.reviewFacts(reviewId);
    const items = await this.dataSource
      .getRepository(Evidence)
      .find({ where: { reviewId, retractedAt: IsNull() }, order: { observedAt: 'ASC', recordedAt: 'ASC' } });
    const sessions = await this.dataSource.getRepository(VisitSession).findBy({ reviewId });
    const loggers = items.length
      ? await this.dataSource.getRepository(Person).findBy({ id: In([...new Set(items.map((e) => e.loggedById))]) })
      : [];
    const anonymiser = anonymise ? await this.anonymisation.anonymiserOf(reviewId) : null;
    const words = (t: string | null) => (t && anonymiser ? anonymiser.anonymise(t) : t);
    // Anonymised, a quote follows the quote rule (the paraphrase unless the person agreed to be quoted).
    const quotes = anonymise ? await this.anonymisation.quotesAsShown(items) : items.map((e) => ({ text: e.quote }));
    const quoteOf = (i: number) => ('shown' in quotes[i] && quotes[i].shown === QuoteShown.PENDING ? PARAPHRASE_PENDING : quotes[i].text);
    let category = (c: StakeholderCategory | null): string | null => (c ? STAKEHOLDER_CATEGORY_PHRASE[c] : null);
    if (anonymise) {
      const met: { category: StakeholderCategory; n: number }[] = await this.dataSource.query(
        `SELECT s.category, count(DISTINCT s.id)::int AS n
           FROM visit_session v JOIN session_stakeholder ss ON ss.session_id = v.id JOIN stakeholder s ON s.id = ss.stakeholder_id
          WHERE v.review_id = $1 AND v.cancelled_at IS NULL
          GROUP BY s.category`,
        [reviewId],
      );
      const large = new Set(
        met.filter((m) => m.category !== StakeholderCategory.OTHER && m.n >= MIN_PEOPLE_PER_CATEGORY).map((m) => m.category),
      );
      category = (c) => (c === null ? null : large.has(c) ? STAKEHOLDER_CATEGORY_PHRASE[c] : OTHER_STAKEHOLDER_PHRASE);
    }
    const codes = (ids: string[]) =>
      allKeyFactors
        .filter((k) => ids.includes(k.id))
        .map((k) => k.code)
        .join(', ');
    const sheet: Sheet = {
      name: anonymise ? 'Evidence (anonymised)' : 'Evidence',
      columns: [
        { header: 'Statement', width: 60 },
        { header: 'Quote', width: 40 },
        { header: 'Source', width: 14 },
        { header: 'Stance', width: 12 },
        { header: 'Key factors', width: 12 },
        { header: 'Session', width: 30 },
        { header: 'Stakeholder category', width: 30 },
        { header: 'Logged by', width: 20 },
        { header: `Observed (${city.timeZone})`, width: 18 },
      ],
      rows: items.map((e, i) => [
        words(e.statement),
        words(quoteOf(i)),
        SOURCE[e.source],
        STANCE[e.stance],
        codes(e.keyFactorIds),
        words(sessions.find((s) => s.id === e.sessionId)?.title ?? null),
        category(e.stakeholderCategory),
        loggers.find((p) => p.id === e.loggedById)?.fullName ?? null,
        formatInZone(e.observedAt, city.timeZone).slice(0, 16).replace('T', ' '),
      ]),
    };
    const name = `${fileSlug(city.name)}-evidence${anonymise ? '-anonymised' : ''}`;
    return this.finish(user, review, 'export.evidence', format, name, [sheet], { anonymised: anonymise, items: items.length });
  }

  /**
   * The network's agreed ratings per key factor of a benchmark version (networkRatings: reviews shared
   * with their city), for the secretariat (the route is @AdminOnly). audit_entry belongs to a review,
   * so the export is written to the audit trail of each review whose ratings it counts, as a person
   * merge is.
   */
  async networkRatings(user: CurrentUser, code: string | undefined, version: string | undefined, file: string): Promise<ExportFile> {
    const format = this.parseFormat(file, 'ratings');
    const number = Number(version);
    if (!code || !version || !Number.isInteger(number) || number < 1)
      throw badInput('Say which benchmark version: ?benchmark=<code>&version=<number>.', [
        ...(code ? [] : [{ path: 'benchmark', message: 'is required' }]),
        ...(version && Number.isInteger(number) && number >= 1 ? [] : [{ path: 'version', message: 'must be a whole number from 1' }]),
      ]);
    const benchmark = await this.dataSource.getRepository(Benchmark).findOneBy({ code, version: number });
    if (!benchmark) throw notFound(`Benchmark ${code.slice(0, 60)} version ${number}`);
    const perKeyFactor = await this.crossReview.networkRatings(code, number);
    const values = benchmark.ratingScale.map((l) => l.value).sort((a, b) => a - b);
    const sheet: Sheet = {
      name: 'Network ratings',
      columns: [
        { header: 'Key factor', width: 10 },
        { header: 'Title', width: 50 },
        { header: 'Cities', width: 8 },
        ...values.map((v) => ({ header: `Rated ${v} (${benchmark.ratingScale.find((l) => l.value === v)?.label ?? v})`, width: 14 })),
        { header: 'Average', width: 10 },
      ],
      rows: perKeyFactor.map((k) => [
        k.keyFactor.code,
        k.keyFactor.heading,
        k.cities,
        ...values.map((v) => k.ratings.find((r) => r.rating === v)?.count ?? 0),
        k.average,
      ]),
    };
    const counted: { review_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT c.review_id FROM conclusion c JOIN review r ON r.id = c.review_id
        WHERE r.benchmark_id = $1 AND c.status = 'AGREED' AND c.rating IS NOT NULL AND r.status::text = ANY($2::text[])`,
      [benchmark.id, SHARED],
    );
    const fileName = `network-ratings-${fileSlug(code)}-v${number}.${format}`;
    const body = format === 'xlsx' ? await toXlsx([sheet]) : toCsv(sheet);
    if (counted.length)
      await this.dataSource.transaction((manager) =>
        Promise.all(
          counted.map((r) =>
            this.audit.record(manager, {
              reviewId: r.review_id,
              actorId: user.personId,
              action: 'export.networkRatings',
              entityType: 'Benchmark',
              entityId: benchmark.id,
              after: { format, fileName, benchmark: code, version: number, reviews: counted.length },
            }),
          ),
        ),
      );
    return { fileName, mediaType: EXPORT_MEDIA_TYPES[format], body };
  }

  private async reviewFacts(reviewId: string) {
    const review = await this.access.reviewOrFail(reviewId);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const benchmark = await this.dataSource.getRepository(Benchmark).findOneByOrFail({ id: review.benchmarkId });
    const allKeyFactors = await this.dataSource
      .getRepository(KeyFactor)
      .find({ where: { benchmarkId: review.benchmarkId }, order: { number: 'ASC' } });
    const keyFactors = review.scopeKeyFactorIds ? allKeyFactors.filter((k) => review.scopeKeyFactorIds!.includes(k.id)) : allKeyFactors;
    return { review, city, benchmark, keyFactors, allKeyFactors };
  }

  /** Renders the tables (CSV: the first) and writes the export to the review's audit trail. */
  private async finish(
    user: CurrentUser,
    review: Review,
    action: string,
    format: ExportFormat,
    baseName: string,
    sheets: Sheet[],
    details: Record<string, unknown> = {},
  ): Promise<ExportFile> {
    const body = format === 'xlsx' ? await toXlsx(sheets) : toCsv(sheets[0]);
    const fileName = `${baseName}.${format}`;
    await this.audit.record(this.dataSource.manager, {
      reviewId: review.id,
      actorId: user.personId,
      action,
      entityType: 'Review',
      entityId: review.id,
      after: { format, fileName, rows: sheets[0].rows.length, ...details },
    });
    return { fileName, mediaType: EXPORT_MEDIA_TYPES[format], body };
  }
}

/** One action in a cell: "what (owner; term; start – due; status; progress)". */
function planActionLine(a: PlanAction): string {
  const status = a.status === PlanActionStatus.DROPPED && a.dropReason ? `Dropped: ${a.dropReason}` : PLAN_STATUS_LABEL[a.status];
  const progress = a.status === PlanActionStatus.DONE ? 100 : a.progress;
  return `${a.description} (${a.owner}; ${PLAN_TERM_LABEL[a.term]}; ${a.startsOn} – ${a.dueOn}; ${status}; ${progress}%)`;
}
