import { Injectable } from '@nestjs/common';
import { KeyFactor, KeyFactorExample } from '@peervisit/catalogue/entities';
import { City } from '@peervisit/directory/entities';
import { assertNoProblems, CurrentUser, GraphqlContext, invalidTransition, isUuid, notFound, Problem } from '@peervisit/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Document } from '../document/document.entity';
import { Review } from '../review/review.entity';
import { assertAllowed, ReviewActivity, statusesAllowing } from '../review/review-capabilities';
import { ReviewService } from '../review/review.service';
import { formatInZone } from '../review/zoned-time';
import { ReviewRole } from '../team/team-member.entity';
import { FollowUpInput, RecommendationInput } from './recommendation.inputs';
import {
  FollowUpStatus,
  FollowUpUpdate,
  HostResponse,
  Recommendation,
  RecommendationHorizon,
  RecommendationPriority,
} from './recommendation.entity';
import {
  asOfProblem,
  byPriority,
  chronological,
  DOCUMENTS_MAX,
  DONE,
  latestUpdate,
  mayReadFindings,
  MISSING_REASON,
  NEEDS_COMMENT,
  TEXT_MAX,
  textProblems,
} from './recommendation.rules';

type Ctx = Pick<GraphqlContext, 'loaders'>;

/** The fields the team writes; an update compares and audits these. */
const EDITABLE = ['text', 'keyFactorIds', 'priority', 'horizon', 'suggestedOwner', 'relatedExampleIds'] as const;
type Editable = Pick<Recommendation, (typeof EDITABLE)[number]>;
const pick = (r: Editable): Editable => Object.fromEntries(EDITABLE.map((k) => [k, r[k]])) as Editable;

/**
 * Recommendations: the team drafts them (visit to reporting), the host city answers them and reports
 * progress from the feedback session on; the ones still open carry over into the city's next review.
 * Nothing is deleted: a withdrawal keeps the row with its reason, every follow-up report is a row,
 * and every change is in the audit trail with before and after.
 */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
  ) {}

  async add(user: CurrentUser, reviewId: string, input: RecommendationInput): Promise<Recommendation> {
    await this.access.require(user, reviewId, 'findings.draft');
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviewAllowing(manager, reviewId, 'draftRecommendations');
      const { problems, fields } = await this.validate(manager, review, input);
      assertNoProblems(problems, 'The recommendation was not added');
      const { identifiers } = await manager.insert(Recommendation, { ...fields, reviewId, createdById: user.personId });
      const saved = await manager.findOneByOrFail(Recommendation, { id: identifiers[0].id as string });
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'recommendation.add',
        entityType: 'Recommendation',
        entityId: saved.id,
        after: saved,
      });
      return saved;
    });
  }

  /** Replaces what the team wrote; the audit trail keeps what it was. */
  async update(user: CurrentUser, recommendationId: string, input: RecommendationInput): Promise<Recommendation> {
    const existing = await this.recommendationOrFail(recommendationId);
    await this.access.require(user, existing.reviewId, 'findings.draft');
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviewAllowing(manager, existing.reviewId, 'draftRecommendations');
      const recommendation = await this.lock(manager, existing.id);
      if (recommendation.withdrawnAt)
        throw invalidTransition(`This recommendation was withdrawn on ${day(recommendation.withdrawnAt)}; add a new one instead.`);
      const { problems, fields } = await this.validate(manager, review, input);
      assertNoProblems(problems, 'The recommendation was not changed');
      const before = pick(recommendation);
      if (isDeepStrictEqual(before, pick(fields))) return recommendation;
      Object.assign(recommendation, fields);
      const saved = await manager.save(recommendation);
      await this.audit.record(manager, {
        reviewId: review.id,
        actorId: user.personId,
        action: 'recommendation.update',
        entityType: 'Recommendation',
        entityId: saved.id,
        before,
        after: pick(saved),
      });
      return saved;
    });
  }

  /** A retraction, not a deletion: the row stays with the reason and is hidden from lists. */
  async withdraw(user: CurrentUser, recommendationId: string, reason: string): Promise<Recommendation> {
    const existing = await this.recommendationOrFail(recommendationId);
    await this.access.require(user, existing.reviewId, 'findings.draft');
    return this.dataSource.transaction(async (manager) => {
      await this.reviewAllowing(manager, existing.reviewId, 'draftRecommendations');
      const problems: Problem[] = [];
      if (!reason?.trim()) problems.push({ path: 'reason', message: 'say why the recommendation is withdrawn' });
      else if (reason.trim().length > TEXT_MAX) problems.push({ path: 'reason', message: `must be at most ${TEXT_MAX} characters` });
      assertNoProblems(problems, 'The recommendation was not withdrawn');
      const recommendation = await this.lock(manager, existing.id);
      if (recommendation.withdrawnAt)
        throw invalidTransition(`This recommendation was already withdrawn on ${day(recommendation.withdrawnAt)}.`);
      Object.assign(recommendation, { withdrawnAt: new Date(), withdrawalReason: reason.trim() });
      const saved = await manager.save(recommendation);
      await this.audit.record(manager, {
        reviewId: saved.reviewId,
        actorId: user.personId,
        action: 'recommendation.withdraw',
        entityType: 'Recommendation',
        entityId: saved.id,
        before: { withdrawnAt: null, withdrawalReason: null },
        after: { withdrawnAt: saved.withdrawnAt, withdrawalReason: saved.withdrawalReason },
      });
      return saved;
    });
  }

  /** The host coordinator's answer, from the feedback session on; it can be changed later (audited). */
  async respond(user: CurrentUser, recommendationId: string, response: HostResponse, comment?: string | null): Promise<Recommendation> {
    const existing = await this.recommendationOrFail(recommendationId);
    await this.access.require(user, existing.reviewId, 'recommendation.respond');
    return this.dataSource.transaction(async (manager) => {
      await this.reviewAllowing(manager, existing.reviewId, 'answerRecommendations');
      const recommendation = await this.lock(manager, existing.id);
      if (recommendation.withdrawnAt) throw invalidTransition('The team withdrew this recommendation; there is nothing to answer.');
      const problems: Problem[] = [];
      if (!Object.values(HostResponse).includes(response))
        problems.push({ path: 'response', message: `must be one of ${Object.values(HostResponse).join(', ')}` });
      if (NEEDS_COMMENT.includes(response) && !comment?.trim()) problems.push({ path: 'comment', message: MISSING_REASON[response] });
      if (comment && comment.trim().length > TEXT_MAX)
        problems.push({ path: 'comment', message: `must be at most ${TEXT_MAX} characters` });
      assertNoProblems(problems, 'The answer was not saved');
      const answerOf = (r: Recommendation) => ({
        hostResponse: r.hostResponse,
        hostComment: r.hostComment,
        respondedAt: r.respondedAt,
        respondedById: r.respondedById,
      });
      const before = answerOf(recommendation);
      const hostComment = comment?.trim() || null;
      if (recommendation.hostResponse === response && recommendation.hostComment === hostComment) return recommendation;
      Object.assign(recommendation, { hostResponse: response, hostComment, respondedAt: new Date(), respondedById: user.personId });
      const saved = await manager.save(recommendation);
      await this.audit.record(manager, {
        reviewId: saved.reviewId,
        actorId: user.personId,
        action: 'recommendation.respond',
        entityType: 'Recommendation',
        entityId: saved.id,
        before,
        after: answerOf(saved),
      });
      return saved;
    });
  }

  /**
   * One progress report: a new FollowUpUpdate row (the history is never overwritten); the
   * recommendation's followUpStatus becomes that of the latest report by asOf, then by when reported.
   */
  async reportFollowUp(user: CurrentUser, recommendationId: string, input: FollowUpInput): Promise<Recommendation> {
    const existing = await this.recommendationOrFail(recommendationId);
    await this.access.require(user, existing.reviewId, 'recommendation.followUp');
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviewAllowing(manager, existing.reviewId, 'reportProgress');
      const recommendation = await this.lock(manager, existing.id);
      if (recommendation.withdrawnAt) throw invalidTransition('The team withdrew this recommendation; there is no progress to report.');
      if (!recommendation.hostResponse)
        throw invalidTransition('Answer the recommendation (accept, note or reject) before reporting progress.');
      const city = await manager.findOneByOrFail(City, { id: review.hostCityId });
      const today = formatInZone(new Date(), city.timeZone).slice(0, 10);
      const problems: Problem[] = [];
      if (!Object.values(FollowUpStatus).includes(input.status))
        problems.push({ path: 'status', message: `must be one of ${Object.values(FollowUpStatus).join(', ')}` });
      if (!input.note?.trim()) problems.push({ path: 'note', message: 'say what was done, or why not' });
      else if (input.note.trim().length > TEXT_MAX) problems.push({ path: 'note', message: `must be at most ${TEXT_MAX} characters` });
      const asOf = asOfProblem(input.asOf, today);
      if (asOf) problems.push({ path: 'asOf', message: asOf });
      const documentIds = await this.progressDocuments(manager, recommendation.reviewId, input.documentIds, problems);
      assertNoProblems(problems, 'The progress was not reported');
      const { identifiers } = await manager.insert(FollowUpUpdate, {
        recommendationId: recommendation.id,
        status: input.status,
        note: input.note.trim(),
        asOf: input.asOf.trim(),
        documentIds,
        reportedById: user.personId,
      });
      const update = await manager.findOneByOrFail(FollowUpUpdate, { id: identifiers[0].id as string });
      const latest = latestUpdate(await manager.findBy(FollowUpUpdate, { recommendationId: recommendation.id }))!;
      const before = { followUpStatus: recommendation.followUpStatus };
      recommendation.followUpStatus = latest.status;
      const saved = await manager.save(recommendation);
      await this.audit.record(manager, {
        reviewId: saved.reviewId,
        actorId: user.personId,
        action: 'recommendation.followUp',
        entityType: 'Recommendation',
        entityId: saved.id,
        before,
        after: { followUpStatus: saved.followUpStatus, update },
      });
      return saved;
    });
  }

  /**
   * A review's recommendations, HIGH priority first, then oldest first. The team always; the host
   * city and observers from the feedback session on. Withdrawn ones only when asked, and only for
   * the team (one withdrawn before the feedback was never given to the city).
   */
  async list(user: CurrentUser, reviewId: string, includeWithdrawn = false, ctx?: Ctx): Promise<Recommendation[]> {
    const roles = await this.access.requireFindingsRead(user, reviewId, ctx);
    const team = user.isAdmin || roles.some((r) => r === ReviewRole.EXPERT_LEADER || r === ReviewRole.PEER);
    const rows = await this.dataSource.getRepository(Recommendation).find({
      where: { reviewId, ...(includeWithdrawn && team ? {} : { withdrawnAt: IsNull() }) },
      order: { createdAt: 'ASC' },
    });
    return rows.sort(byPriority);
  }

  /**
   * What is still open from the host city's earlier reviews: reviews of the same city created before
   * this one whose recommendations were given (feedback or later, so never a cancelled review or
   * another team's drafts), recommendations not withdrawn and not implemented or abandoned.
   * Newest review first, then by priority.
   */
  async openFromEarlierReviews(user: CurrentUser, reviewId: string, ctx?: Ctx): Promise<Recommendation[]> {
    await this.access.require(user, reviewId, 'review.read', ctx);
    const review = await this.access.reviewOrFail(reviewId);
    const rows = await this.dataSource
      .getRepository(Recommendation)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.review', 'v')
      .where('v.hostCityId = :city AND v.createdAt < :created AND v.id <> :id', {
        city: review.hostCityId,
        created: review.createdAt,
        id: review.id,
      })
      .andWhere('v.status IN (:...given)', { given: statusesAllowing('readFindingsAsHost') })
      .andWhere('r.withdrawnAt IS NULL')
      .andWhere('r.followUpStatus NOT IN (:...done)', { done: DONE })
      .getMany();
    return rows.sort((a, b) => b.review!.createdAt.getTime() - a.review!.createdAt.getTime() || byPriority(a, b));
  }

  /**
   * Every recommendation (not withdrawn) of the city's reviews the caller reads: all for admins;
   * otherwise reviews where the caller is a member and either on the team or past the feedback.
   * Newest review first, then by priority.
   */
  async ofCity(user: CurrentUser, cityId: string, ctx?: Ctx): Promise<Recommendation[]> {
    const city = isUuid(cityId) ? await this.dataSource.getRepository(City).findOneBy({ id: cityId }) : null;
    if (!city) throw notFound(`City ${cityId}`);
    const reviews = await this.dataSource.getRepository(Review).findBy({ hostCityId: city.id });
    const roles = await Promise.all(reviews.map((r) => (user.isAdmin ? Promise.resolve([]) : this.access.myRoles(user, r.id, ctx))));
    const readable = reviews.filter((r, i) => mayReadFindings(user.isAdmin, roles[i], r.status));
    if (!readable.length) return [];
    const created = new Map(readable.map((r) => [r.id, r.createdAt.getTime()]));
    const rows = await this.dataSource
      .getRepository(Recommendation)
      .findBy({ reviewId: In(readable.map((r) => r.id)), withdrawnAt: IsNull() });
    return rows.sort((a, b) => created.get(b.reviewId)! - created.get(a.reviewId)! || byPriority(a, b));
  }

  /**
   * The documents a progress report names: documents of the same review, not retracted, each once.
   * Adds a problem for each one that is not.
   */
  private async progressDocuments(
    manager: EntityManager,
    reviewId: string,
    ids: string[] | null | undefined,
    problems: Problem[],
  ): Promise<string[]> {
    const wanted = [...new Set((ids ?? []).map((id) => id.trim().toLowerCase()))];
    if (wanted.length > DOCUMENTS_MAX) {
      problems.push({ path: 'documentIds', message: `name at most ${DOCUMENTS_MAX} documents` });
      return [];
    }
    const wellFormed = wanted.filter(isUuid);
    const found = wellFormed.length ? await manager.findBy(Document, { id: In(wellFormed), reviewId }) : [];
    wanted.forEach((id, i) => {
      const document = found.find((d) => d.id === id);
      if (!document) problems.push({ path: `documentIds[${i}]`, message: `${id} is not a document of this review` });
      else if (document.retractedAt) problems.push({ path: `documentIds[${i}]`, message: `"${document.title}" was retracted` });
    });
    return wanted;
  }

  /** Documents by id (for a DataLoader); the caller reads them through a recommendation it may read. */
  documentsByIds(ids: readonly string[]): Promise<Document[]> {
    return this.dataSource.getRepository(Document).findBy({ id: In([...ids]) });
  }

  /** Follow-up reports of many recommendations, oldest first (for a DataLoader). */
  async followUpUpdatesOf(recommendationIds: readonly string[]): Promise<FollowUpUpdate[]> {
    const rows = await this.dataSource.getRepository(FollowUpUpdate).findBy({ recommendationId: In([...recommendationIds]) });
    return rows.sort(chronological);
  }

  examplesByIds(ids: readonly string[]): Promise<KeyFactorExample[]> {
    return this.dataSource.getRepository(KeyFactorExample).findBy({ id: In([...ids]) });
  }

  async recommendationOrFail(recommendationId: string): Promise<Recommendation> {
    const recommendation = isUuid(recommendationId)
      ? await this.dataSource.getRepository(Recommendation).findOneBy({ id: recommendationId.toLowerCase() })
      : null;
    if (!recommendation) throw notFound(`Recommendation ${recommendationId}`);
    return recommendation;
  }

  private lock(manager: EntityManager, id: string): Promise<Recommendation> {
    return manager.findOneOrFail(Recommendation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The review, share-locked so its status cannot change under this transaction. */
  private async reviewIn(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_read' } });
    if (!review) throw notFound(`Review ${reviewId}`);
    return review;
  }

  private async reviewAllowing(manager: EntityManager, reviewId: string, activity: ReviewActivity): Promise<Review> {
    const review = await this.reviewIn(manager, reviewId);
    assertAllowed(review, activity);
    return review;
  }

  /** Every problem with the input at once, and the fields to store. */
  private async validate(
    manager: EntityManager,
    review: Review,
    input: RecommendationInput,
  ): Promise<{ problems: Problem[]; fields: Editable }> {
    const problems = textProblems(input);
    if (!Object.values(RecommendationPriority).includes(input.priority))
      problems.push({ path: 'priority', message: `must be one of ${Object.values(RecommendationPriority).join(', ')}` });
    if (!Object.values(RecommendationHorizon).includes(input.horizon))
      problems.push({ path: 'horizon', message: `must be one of ${Object.values(RecommendationHorizon).join(', ')}` });
    const keyFactorIds = [...new Set((input.keyFactorIds ?? []).map((id) => id.trim().toLowerCase()))];
    if (!keyFactorIds.length) problems.push({ path: 'keyFactorIds', message: 'name at least one key factor the recommendation serves' });
    else {
      const inScope = new Set((await this.reviews.keyFactorsInScope(review, manager)).map((k) => k.id));
      const outside = keyFactorIds.filter((id) => !inScope.has(id));
      if (outside.length) problems.push({ path: 'keyFactorIds', message: `not key factors in the review's scope: ${outside.join(', ')}` });
    }
    const relatedExampleIds = [...new Set((input.relatedExampleIds ?? []).map((id) => id.trim().toLowerCase()))];
    const candidates = relatedExampleIds.filter(isUuid);
    const found = candidates.length
      ? await manager
          .createQueryBuilder(KeyFactorExample, 'e')
          .innerJoin(KeyFactor, 'k', 'k.id = e.keyFactorId')
          .where('k.benchmarkId = :benchmark', { benchmark: review.benchmarkId })
          .andWhere('e.id IN (:...ids)', { ids: candidates })
          .getMany()
      : [];
    const unknown = relatedExampleIds.filter((id) => !found.some((e) => e.id === id));
    if (unknown.length)
      problems.push({ path: 'relatedExampleIds', message: `not examples of the review's benchmark: ${unknown.join(', ')}` });
    return {
      problems,
      fields: {
        text: input.text?.trim() ?? '',
        keyFactorIds,
        priority: input.priority,
        horizon: input.horizon,
        suggestedOwner: input.suggestedOwner?.trim() || null,
        relatedExampleIds,
      },
    };
  }
}

const day = (d: Date) => d.toISOString().slice(0, 10);
