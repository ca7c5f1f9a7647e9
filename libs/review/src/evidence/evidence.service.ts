import { Injectable } from '@nestjs/common';
import { KeyFactor } from '@peervisit/catalogue';
import { AppError, assertNoProblems, badInput, conflict, Connection, CurrentUser, ErrorCode, forbidden, invalidTransition, notFound, paginate, Problem } from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Document } from '../document/document.entity';
import { Review, ReviewStatus } from '../review/review.entity';
import { ReviewService } from '../review/review.service';
import { ReviewRole } from '../team/team-member.entity';
import { VisitSession, VisitSessionKind } from '../visit/visit-session.entity';
import { Evidence, EVIDENCE_SEARCH_VECTOR, EvidenceRevision, EvidenceSource, EvidenceStance } from './evidence.entity';
import { EvidenceInput, EvidenceListArgs, EvidencePatch } from './evidence.inputs';

export enum LogOutcome {
  CREATED = 'CREATED',
  ALREADY_THERE = 'ALREADY_THERE',
  CONFLICT = 'CONFLICT',
  INVALID = 'INVALID',
}

export interface LogResult {
  id: string;
  outcome: LogOutcome;
  evidence: Evidence | null;
  message: string | null;
  problems: Problem[];
}

export interface KeyFactorCoverage {
  keyFactor: KeyFactor;
  total: number;
  bySource: { source: EvidenceSource; count: number }[];
  byStance: { stance: EvidenceStance; count: number }[];
  lacksInterviewOrFocusGroup: boolean;
}

const LOGGABLE = [ReviewStatus.SELF_ASSESSMENT, ReviewStatus.VISIT, ReviewStatus.DELIBERATION];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Which session kinds a source may come from. */
const SESSION_KINDS: Partial<Record<EvidenceSource, VisitSessionKind[]>> = {
  INTERVIEW: [VisitSessionKind.INTERVIEW],
  FOCUS_GROUP: [VisitSessionKind.FOCUS_GROUP],
  OBSERVATION: [VisitSessionKind.SITE_VISIT, VisitSessionKind.INTERVIEW, VisitSessionKind.FOCUS_GROUP, VisitSessionKind.BRIEFING],
};

/** Content that decides whether a second log with the same id is the same item. */
const contentOf = (e: Pick<Evidence, 'source' | 'sessionId' | 'documentId' | 'stakeholderCategory' | 'keyFactorIds' | 'statement' | 'quote' | 'stance'>) => ({
  source: e.source,
  sessionId: e.sessionId ?? null,
  documentId: e.documentId ?? null,
  stakeholderCategory: e.stakeholderCategory ?? null,
  keyFactorIds: [...e.keyFactorIds].sort(),
  statement: e.statement,
  quote: e.quote ?? null,
  stance: e.stance,
});

export type EvidencePublisher = (reviewId: string, evidence: Evidence) => Promise<void>;

/** Evidence: logging (idempotent by client id), batches, revisions, retraction, search, coverage. */
@Injectable()
export class EvidenceService {
  private publishers: EvidencePublisher[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
  ) {}

  /** Called after each commit that creates or changes an item (the live subscription listens here). */
  onChange(publisher: EvidencePublisher): void {
    this.publishers.push(publisher);
  }

  async log(user: CurrentUser, reviewId: string, input: EvidenceInput): Promise<LogResult> {
    await this.access.require(user, reviewId, 'evidence.log');
    const result = await this.logOne(user, reviewId, input);
    if (result.outcome === LogOutcome.INVALID) throw badInput(result.message as string, result.problems);
    if (result.outcome === LogOutcome.CONFLICT) throw conflict(result.message as string);
    return result;
  }

  /**
   * Many items at once (a phone syncing after being offline). Each item is stored or refused on its
   * own: valid items are kept even when others in the batch are not.
   */
  async logBatch(user: CurrentUser, reviewId: string, items: EvidenceInput[]): Promise<LogResult[]> {
    await this.access.require(user, reviewId, 'evidence.log');
    if (items.length > 500) throw badInput('Send at most 500 items in one batch.', [{ path: 'items', message: `${items.length} items` }]);
    const results: LogResult[] = [];
    for (const item of items) results.push(await this.logOne(user, reviewId, item));
    return results;
  }

  private async logOne(user: CurrentUser, reviewId: string, input: EvidenceInput): Promise<LogResult> {
    const id = input.id?.trim().toLowerCase();
    try {
      const { evidence, created } = await this.dataSource.transaction(async (manager) => {
        const review = await this.loggableReview(manager, reviewId);
        const problems = await this.validate(manager, review, input);
        assertNoProblems(problems, 'The evidence was not logged');
        const row = {
          id,
          reviewId,
          source: input.source,
          sessionId: input.sessionId ?? null,
          documentId: input.documentId ?? null,
          stakeholderCategory: input.stakeholderCategory ?? null,
          keyFactorIds: [...new Set(input.keyFactorIds)],
          statement: input.statement.trim(),
          quote: input.quote?.trim() || null,
          stance: input.stance,
          loggedById: user.personId,
          observedAt: input.observedAt ? new Date(input.observedAt) : new Date(),
        };
        const inserted = await manager.createQueryBuilder().insert().into(Evidence).values(row).orIgnore().returning('id').execute();
        const stored = await manager.findOneByOrFail(Evidence, { id });
        if (inserted.raw.length) {
          await this.audit.record(manager, { reviewId, actorId: user.personId, action: 'evidence.log', entityType: 'Evidence', entityId: id, after: stored });
          return { evidence: stored, created: true };
        }
        if (stored.reviewId !== reviewId || !isDeepStrictEqual(contentOf(stored), contentOf(row as Evidence))) {
          throw conflict(`Evidence ${id} already exists with different content. To change it, edit it (editEvidence); to log something new, use a new id.`);
        }
        return { evidence: stored, created: false };
      });
      if (created) await this.publish(reviewId, evidence);
      return { id, outcome: created ? LogOutcome.CREATED : LogOutcome.ALREADY_THERE, evidence, message: null, problems: [] };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const outcome = error.code === ErrorCode.CONFLICT ? LogOutcome.CONFLICT : LogOutcome.INVALID;
      if (error.code === ErrorCode.FORBIDDEN) throw error;
      return { id: input.id, outcome, evidence: null, message: error.message, problems: error.details.problems ?? [] };
    }
  }

  /** Changes the given fields, keeping what they were as a revision. Author or expert leader. */
  async edit(user: CurrentUser, evidenceId: string, patch: EvidencePatch, expectedRevision?: number): Promise<Evidence> {
    const existing = await this.evidenceOrFail(evidenceId);
    const roles = await this.access.require(user, existing.reviewId, 'evidence.log');
    this.requireAuthorOrLeader(user, roles, existing, 'edit');
    const saved = await this.dataSource.transaction(async (manager) => {
      const review = await this.loggableReview(manager, existing.reviewId);
      const evidence = await manager.findOneOrFail(Evidence, { where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } });
      if (evidence.retractedAt) throw invalidTransition('This evidence was retracted; log a new item instead.');
      if (expectedRevision != null && evidence.revision !== expectedRevision) {
        throw conflict(`Someone edited this evidence after you opened it (your revision ${expectedRevision}, now ${evidence.revision}). Reload it, then edit again.`);
      }
      const next = {
        ...evidence,
        ...(patch.stakeholderCategory !== undefined ? { stakeholderCategory: patch.stakeholderCategory } : {}),
        ...(patch.keyFactorIds ? { keyFactorIds: [...new Set(patch.keyFactorIds)] } : {}),
        ...(patch.statement !== undefined && patch.statement !== null ? { statement: patch.statement.trim() } : {}),
        ...(patch.quote !== undefined ? { quote: patch.quote?.trim() || null } : {}),
        ...(patch.stance ? { stance: patch.stance } : {}),
      };
      const problems = await this.validate(manager, review, {
        id: evidence.id,
        source: next.source,
        sessionId: next.sessionId ?? undefined,
        documentId: next.documentId ?? undefined,
        keyFactorIds: next.keyFactorIds,
        statement: next.statement,
        quote: next.quote ?? undefined,
        stance: next.stance,
      });
      assertNoProblems(problems, 'The evidence was not changed');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['stakeholderCategory', 'keyFactorIds', 'statement', 'quote', 'stance'] as const) {
        if (!isDeepStrictEqual(evidence[field], next[field])) changes[field] = { from: evidence[field], to: next[field] };
      }
      if (!Object.keys(changes).length) return evidence;
      const revision = evidence.revision + 1;
      await manager.insert(EvidenceRevision, { evidenceId, revision, editedById: user.personId, changes: changes as never });
      Object.assign(evidence, next, { revision });
      const updated = await manager.save(evidence);
      await this.audit.record(manager, { reviewId: evidence.reviewId, actorId: user.personId, action: 'evidence.edit', entityType: 'Evidence', entityId: evidenceId, before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from])), after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])) });
      return updated;
    });
    await this.publish(saved.reviewId, saved);
    return saved;
  }

  /** Hides the item from conclusions and reports, keeping it with the reason. Author or expert leader. */
  async retract(user: CurrentUser, evidenceId: string, reason: string): Promise<Evidence> {
    const existing = await this.evidenceOrFail(evidenceId);
    const roles = await this.access.require(user, existing.reviewId, 'evidence.log');
    this.requireAuthorOrLeader(user, roles, existing, 'retract');
    if (!reason?.trim()) throw badInput('Say why the evidence is retracted.', [{ path: 'reason', message: 'required' }]);
    const saved = await this.dataSource.transaction(async (manager) => {
      const evidence = await manager.findOneOrFail(Evidence, { where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } });
      if (evidence.retractedAt) throw invalidTransition(`This evidence was already retracted on ${evidence.retractedAt.toISOString()}.`);
      Object.assign(evidence, { retractedAt: new Date(), retractedById: user.personId, retractionReason: reason.trim() });
      const updated = await manager.save(evidence);
      await this.audit.record(manager, { reviewId: evidence.reviewId, actorId: user.personId, action: 'evidence.retract', entityType: 'Evidence', entityId: evidenceId, after: { retractionReason: updated.retractionReason } });
      return updated;
    });
    await this.publish(saved.reviewId, saved);
    return saved;
  }

  async list(user: CurrentUser, reviewId: string, args: EvidenceListArgs): Promise<Connection<Evidence>> {
    await this.access.require(user, reviewId, 'evidence.read');
    const query = this.dataSource.getRepository(Evidence).createQueryBuilder('evidence').where('evidence.reviewId = :reviewId', { reviewId });
    if (!args.includeRetracted) query.andWhere('evidence.retractedAt IS NULL');
    if (args.keyFactorId) query.andWhere('evidence.keyFactorIds @> ARRAY[:kf]::uuid[]', { kf: args.keyFactorId });
    if (args.sessionId) query.andWhere('evidence.sessionId = :sessionId', { sessionId: args.sessionId });
    if (args.source) query.andWhere('evidence.source = :source', { source: args.source });
    if (args.stance) query.andWhere('evidence.stance = :stance', { stance: args.stance });
    if (args.loggedById) query.andWhere('evidence.loggedById = :by', { by: args.loggedById });
    if (args.search?.trim()) {
      query.andWhere(`${EVIDENCE_SEARCH_VECTOR.replace(/statement|quote/g, (c) => `evidence.${c}`)} @@ websearch_to_tsquery('english', :search)`, { search: args.search.trim() });
    }
    return paginate(query, args, 'recordedAt', 'DESC');
  }

  async revisions(evidenceIds: readonly string[]): Promise<EvidenceRevision[]> {
    return this.dataSource.getRepository(EvidenceRevision).find({ where: { evidenceId: In([...evidenceIds]) }, order: { revision: 'ASC' } });
  }

  /**
   * Per key factor in scope: evidence by source and by stance, and whether it lacks interview or
   * focus-group evidence. Three statements, whatever the number of key factors and items.
   */
  async coverage(user: CurrentUser, reviewId: string): Promise<{ review: Review; keyFactors: KeyFactorCoverage[] }> {
    await this.access.require(user, reviewId, 'evidence.read');
    const review = await this.access.reviewOrFail(reviewId);
    const inScope = await this.reviews.keyFactorsInScope(review);
    const rows: { key_factor_id: string; source: EvidenceSource; stance: EvidenceStance; n: number }[] = await this.dataSource.query(
      `SELECT kf AS key_factor_id, e.source, e.stance, count(*)::int AS n
         FROM evidence e, unnest(e.key_factor_ids) AS kf
        WHERE e.review_id = $1 AND e.retracted_at IS NULL
        GROUP BY kf, e.source, e.stance`,
      [reviewId],
    );
    const keyFactors = inScope.map((keyFactor) => {
      const mine = rows.filter((r) => r.key_factor_id === keyFactor.id);
      const sum = (pick: (r: (typeof mine)[number]) => boolean) => mine.filter(pick).reduce((n, r) => n + r.n, 0);
      return {
        keyFactor,
        total: sum(() => true),
        bySource: Object.values(EvidenceSource).map((source) => ({ source, count: sum((r) => r.source === source) })),
        byStance: Object.values(EvidenceStance).map((stance) => ({ stance, count: sum((r) => r.stance === stance) })),
        lacksInterviewOrFocusGroup: sum((r) => r.source === EvidenceSource.INTERVIEW || r.source === EvidenceSource.FOCUS_GROUP) === 0,
      };
    });
    return { review, keyFactors };
  }

  async evidenceOrFail(evidenceId: string): Promise<Evidence> {
    if (!UUID.test(evidenceId)) throw notFound(`Evidence ${evidenceId}`);
    const evidence = await this.dataSource.getRepository(Evidence).findOneBy({ id: evidenceId.toLowerCase() });
    if (!evidence) throw notFound(`Evidence ${evidenceId}`);
    return evidence;
  }

  private requireAuthorOrLeader(user: CurrentUser, roles: ReviewRole[], evidence: Evidence, what: string) {
    if (user.isAdmin || evidence.loggedById === user.personId || roles.includes(ReviewRole.EXPERT_LEADER)) return;
    throw forbidden(`Only the peer who logged this evidence or the expert leader can ${what} it.`);
  }

  private async publish(reviewId: string, evidence: Evidence) {
    for (const publisher of this.publishers) await publisher(reviewId, evidence);
  }

  private async loggableReview(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOneBy(Review, { id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    if (!LOGGABLE.includes(review.status)) {
      throw invalidTransition(`Evidence can be logged while the review is in self-assessment, visit or deliberation; it is ${review.status}.`);
    }
    return review;
  }

  private async validate(manager: EntityManager, review: Review, input: EvidenceInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (!input.id || !UUID.test(input.id.trim())) problems.push({ path: 'id', message: 'must be a UUID the client generated (e.g. crypto.randomUUID())' });
    if (!input.statement?.trim()) problems.push({ path: 'statement', message: 'must not be empty' });
    else if (input.statement.length > 10000) problems.push({ path: 'statement', message: 'must be at most 10000 characters' });
    if (input.quote && input.quote.length > 10000) problems.push({ path: 'quote', message: 'must be at most 10000 characters' });
    if (input.observedAt && Number.isNaN(new Date(input.observedAt).getTime())) problems.push({ path: 'observedAt', message: 'expected an ISO instant, e.g. 2027-03-10T10:15:00+01:00' });
    const keyFactorIds = input.keyFactorIds ?? [];
    if (!keyFactorIds.length) problems.push({ path: 'keyFactorIds', message: 'name at least one key factor the evidence bears on' });
    else {
      const inScope = new Set((await this.reviews.keyFactorsInScope(review, manager)).map((k) => k.id));
      const outside = keyFactorIds.filter((id) => !inScope.has(id));
      if (outside.length) problems.push({ path: 'keyFactorIds', message: `not key factors in the review's scope: ${outside.join(', ')}` });
    }
    const allowedKinds = SESSION_KINDS[input.source];
    if (input.sessionId) {
      const session = UUID.test(input.sessionId) ? await manager.findOneBy(VisitSession, { id: input.sessionId, reviewId: review.id }) : null;
      if (!session) problems.push({ path: 'sessionId', message: 'not a session of this review' });
      else if (!allowedKinds?.includes(session.kind)) problems.push({ path: 'sessionId', message: `${input.source.toLowerCase().replace('_', ' ')} evidence cannot come from a ${session.kind.toLowerCase().replace('_', ' ')}` });
    } else if (input.source === EvidenceSource.INTERVIEW || input.source === EvidenceSource.FOCUS_GROUP) {
      problems.push({ path: 'sessionId', message: `say which ${input.source === EvidenceSource.INTERVIEW ? 'interview' : 'focus group'} it came from` });
    }
    if (input.documentId) {
      const document = UUID.test(input.documentId) ? await manager.findOneBy(Document, { id: input.documentId, reviewId: review.id, retractedAt: IsNull() }) : null;
      if (!document) problems.push({ path: 'documentId', message: 'not a document of this review' });
    } else if (input.source === EvidenceSource.DOCUMENT) {
      problems.push({ path: 'documentId', message: 'say which document it came from' });
    }
    return problems;
  }
}
