import { Injectable } from '@nestjs/common';
import { Benchmark, ContextFactor, GuideQuestion, KeyFactor } from '@peervisit/catalogue/entities';
import {
  assertNoProblems,
  badInput,
  conflict,
  CurrentUser,
  forbidden,
  GraphqlContext,
  invalidTransition,
  notFound,
  Problem,
} from '@peervisit/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Document } from '../document/document.entity';
import { Review } from '../review/review.entity';
import { allows, assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { loadPerReview } from '../review/review-loaders';
import { ReviewService } from '../review/review.service';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { ContextNote } from './context-note.entity';
import { EntryStatus, SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentEntryInput } from './self-assessment.inputs';
import { KeyFactorSelfAssessmentProgress, SelfAssessmentProgress } from './self-assessment.types';

/**
 * Who reads which entries. A host contributor (with no other role in the review) reads only the
 * entries assigned to them: the coordinator shares an entry with a contributor by assigning it.
 * Everyone else who may read the self-assessment (the coordinator, the review team, observers, the
 * secretariat) reads all of them.
 */
export function readsOnlyAssigned(user: CurrentUser, roles: readonly ReviewRole[]): boolean {
  return !user.isAdmin && roles.includes(ReviewRole.HOST_CONTRIBUTOR) && roles.every((r) => r === ReviewRole.HOST_CONTRIBUTOR);
}

/** The host city's self-assessment: one entry per key factor in scope, and notes on the context factors. */
@Injectable()
export class SelfAssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
    private readonly changes: ReviewChanges,
  ) {}

  entries(reviewIds: readonly string[]): Promise<SelfAssessmentEntry[]> {
    return this.dataSource.getRepository(SelfAssessmentEntry).findBy({ reviewId: In([...reviewIds]) });
  }

  /** The entries of a review the caller may read (see readsOnlyAssigned); batched per request. */
  async visibleEntries(user: CurrentUser, review: Review, ctx: GraphqlContext): Promise<SelfAssessmentEntry[]> {
    const roles = await this.access.require(user, review.id, 'selfAssessment.read', ctx);
    const entries = await loadPerReview(ctx, 'Review.selfAssessment', (ids) => this.entries(ids), review.id);
    return readsOnlyAssigned(user, roles) ? entries.filter((e) => e.assigneeId === user.personId) : entries;
  }

  /**
   * Per key factor in scope, what its entry still needs: the same facts that submit() refuses with,
   * shown before anyone tries. A host contributor sees only the key factors assigned to them.
   */
  async progress(user: CurrentUser, reviewId: string, ctx?: Pick<GraphqlContext, 'loaders'>): Promise<SelfAssessmentProgress> {
    const roles = await this.access.require(user, reviewId, 'selfAssessment.read', ctx);
    const review = await this.access.reviewOrFail(reviewId);
    const all = await this.completeness(review);
    const onlyAssigned = readsOnlyAssigned(user, roles);
    return {
      reviewId,
      submittedAt: review.selfAssessmentSubmittedAt,
      readyToSubmit: allows(review.status, 'submitSelfAssessment') && !review.selfAssessmentSubmittedAt && all.every((k) => k.complete),
      onlyAssigned,
      keyFactors: onlyAssigned ? all.filter((k) => k.assigneeId === user.personId) : all,
    };
  }

  contextNotes(reviewIds: readonly string[]): Promise<ContextNote[]> {
    return this.dataSource.getRepository(ContextNote).findBy({ reviewId: In([...reviewIds]) });
  }

  /**
   * Saves the given fields of one entry. With expectedVersion, refuses (CONFLICT) when someone saved
   * in between, so nobody overwrites a change they have not seen. Different entries never conflict.
   */
  async save(
    user: CurrentUser,
    reviewId: string,
    keyFactorId: string,
    input: SelfAssessmentEntryInput,
    expectedVersion?: number,
  ): Promise<SelfAssessmentEntry> {
    const roles = await this.access.require(user, reviewId, 'selfAssessment.edit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.editableReview(manager, reviewId);
      const keyFactor = await this.keyFactorInScope(manager, review, keyFactorId);
      const problems = await this.validate(manager, review, keyFactor, input);
      assertNoProblems(problems, `The entry for key factor ${keyFactor.code} was not saved`);

      await manager.createQueryBuilder().insert().into(SelfAssessmentEntry).values({ reviewId, keyFactorId }).orIgnore().execute();
      const entry = await manager.findOneOrFail(SelfAssessmentEntry, {
        where: { reviewId, keyFactorId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user.isAdmin && !roles.includes(ReviewRole.HOST_COORDINATOR) && entry.assigneeId !== user.personId) {
        throw forbidden(
          `The entry for key factor ${keyFactor.code} is assigned to someone else; the host coordinator can assign it to you.`,
        );
      }
      if (entry.status === EntryStatus.SUBMITTED)
        throw invalidTransition('The self-assessment has been submitted; it can no longer change.');
      if (expectedVersion !== undefined && expectedVersion !== null && entry.version !== expectedVersion) {
        throw conflict(
          `Someone saved the entry for key factor ${keyFactor.code} after you opened it (your version ${expectedVersion}, now ${entry.version}). Reload it, then save again.`,
        );
      }
      const before = { ...entry, answers: [...entry.answers] };
      if (input.answers) {
        const answers = new Map(entry.answers.map((a) => [a.guideQuestionId, a.answer]));
        for (const { guideQuestionId, answer } of input.answers) {
          if (answer.trim()) answers.set(guideQuestionId, answer.trim());
          else answers.delete(guideQuestionId);
        }
        entry.answers = [...answers].map(([guideQuestionId, answer]) => ({ guideQuestionId, answer }));
      }
      if (input.rating !== undefined && input.rating !== null) entry.rating = input.rating;
      if (input.narrative !== undefined && input.narrative !== null) entry.narrative = input.narrative;
      if (input.documentIds) entry.documentIds = [...new Set(input.documentIds)];
      entry.version += 1;
      entry.updatedById = user.personId;
      const saved = await manager.save(entry);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'selfAssessment.save',
        entityType: 'SelfAssessmentEntry',
        entityId: entry.id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  async assign(user: CurrentUser, reviewId: string, keyFactorId: string, assigneeId: string | null): Promise<SelfAssessmentEntry> {
    await this.access.require(user, reviewId, 'selfAssessment.assign');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.editableReview(manager, reviewId);
      await this.keyFactorInScope(manager, review, keyFactorId);
      if (assigneeId) {
        const member = await manager.findOneBy(TeamMember, { reviewId, personId: assigneeId, removedAt: IsNull() });
        if (!member || ![ReviewRole.HOST_CONTRIBUTOR, ReviewRole.HOST_COORDINATOR].includes(member.role)) {
          throw badInput("Entries can be assigned only to the host city's people on this review (host contributors or the coordinator).", [
            { path: 'assigneeId', message: 'not a host member of this review' },
          ]);
        }
      }
      await manager.createQueryBuilder().insert().into(SelfAssessmentEntry).values({ reviewId, keyFactorId }).orIgnore().execute();
      const entry = await manager.findOneOrFail(SelfAssessmentEntry, {
        where: { reviewId, keyFactorId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = { assigneeId: entry.assigneeId };
      entry.assigneeId = assigneeId;
      entry.version += 1;
      const saved = await manager.save(entry);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'selfAssessment.assign',
        entityType: 'SelfAssessmentEntry',
        entityId: entry.id,
        before,
        after: { assigneeId },
      });
      return saved;
    });
  }

  /** What keeps each in-scope key factor's entry from being complete (the complete ones left out). */
  async incompleteness(review: Review, manager: EntityManager = this.dataSource.manager): Promise<{ code: string; missing: string[] }[]> {
    return (await this.completeness(review, manager))
      .filter((k) => !k.complete)
      .map((k) => ({ code: k.keyFactor.code, missing: k.missing }));
  }

  /** Every in-scope key factor with what its entry lacks: unanswered guide questions, the rating (or the whole entry). */
  async completeness(review: Review, manager: EntityManager = this.dataSource.manager): Promise<KeyFactorSelfAssessmentProgress[]> {
    const keyFactors = await this.reviews.keyFactorsInScope(review, manager);
    const ids = keyFactors.map((k) => k.id);
    const questions = ids.length ? await manager.find(GuideQuestion, { where: { keyFactorId: In(ids) }, order: { position: 'ASC' } }) : [];
    const entries = await manager.findBy(SelfAssessmentEntry, { reviewId: review.id });
    return keyFactors.map((keyFactor) => {
      const entry = entries.find((e) => e.keyFactorId === keyFactor.id);
      const own = questions.filter((q) => q.keyFactorId === keyFactor.id);
      const answered = new Set((entry?.answers ?? []).filter((a) => a.answer.trim()).map((a) => a.guideQuestionId));
      const unanswered = own.filter((q) => !answered.has(q.id));
      const ratingMissing = entry?.rating === null || entry?.rating === undefined;
      const missing: string[] = [];
      if (!entry) missing.push('no entry');
      else {
        if (unanswered.length)
          missing.push(`guide question${unanswered.length > 1 ? 's' : ''} ${unanswered.map((q) => q.position).join(', ')} unanswered`);
        if (ratingMissing) missing.push('no rating');
      }
      return {
        keyFactorId: keyFactor.id,
        keyFactor,
        complete: missing.length === 0,
        hasEntry: !!entry,
        unansweredGuideQuestions: unanswered,
        ratingMissing,
        missing,
        status: entry?.status ?? null,
        assigneeId: entry?.assigneeId ?? null,
      };
    });
  }

  /** Submits the whole self-assessment, refusing with the list of incomplete key factors. */
  async submit(user: CurrentUser, reviewId: string): Promise<Review> {
    await this.access.require(user, reviewId, 'selfAssessment.submit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'submitSelfAssessment');
      if (review.selfAssessmentSubmittedAt) throw invalidTransition('The self-assessment has already been submitted.');
      const incomplete = await this.incompleteness(review, manager);
      if (incomplete.length) {
        throw badInput(
          `The self-assessment was not submitted: key factor${incomplete.length > 1 ? 's' : ''} ${incomplete.map((k) => k.code).join(', ')} ${incomplete.length > 1 ? 'are' : 'is'} incomplete (${incomplete.map((k) => `${k.code}: ${k.missing.join(', ')}`).join('; ')}).`,
          incomplete.map((k) => ({ path: `keyFactor ${k.code}`, message: k.missing.join(', ') })),
        );
      }
      await manager.update(SelfAssessmentEntry, { reviewId }, { status: EntryStatus.SUBMITTED });
      review.selfAssessmentSubmittedAt = new Date();
      const saved = await manager.save(review);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'selfAssessment.submit',
        entityType: 'Review',
        entityId: reviewId,
        after: { selfAssessmentSubmittedAt: saved.selfAssessmentSubmittedAt },
      });
      return saved;
    });
  }

  async saveContextNote(user: CurrentUser, reviewId: string, contextFactorId: string, note: string): Promise<ContextNote> {
    await this.access.require(user, reviewId, 'contextNote.edit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.editableReview(manager, reviewId);
      const factor = await manager.findOneBy(ContextFactor, { id: contextFactorId, benchmarkId: review.benchmarkId });
      if (!factor)
        throw badInput("The review's benchmark has no context factor with this id.", [
          { path: 'contextFactorId', message: 'unknown context factor' },
        ]);
      await manager.createQueryBuilder().insert().into(ContextNote).values({ reviewId, contextFactorId, note: '' }).orIgnore().execute();
      const row = await manager.findOneOrFail(ContextNote, { where: { reviewId, contextFactorId }, lock: { mode: 'pessimistic_write' } });
      const before = { note: row.note };
      row.note = note;
      row.updatedById = user.personId;
      const saved = await manager.save(row);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'contextNote.save',
        entityType: 'ContextNote',
        entityId: row.id,
        before,
        after: { note },
      });
      return saved;
    });
  }

  private async editableReview(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOneBy(Review, { id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    assertAllowed(review, 'editSelfAssessment');
    return review;
  }

  private async keyFactorInScope(manager: EntityManager, review: Review, keyFactorId: string): Promise<KeyFactor> {
    const keyFactor = await manager.findOneBy(KeyFactor, { id: keyFactorId, benchmarkId: review.benchmarkId });
    if (!keyFactor || (review.scopeKeyFactorIds && !review.scopeKeyFactorIds.includes(keyFactorId))) {
      throw badInput("This key factor is not in the review's scope.", [{ path: 'keyFactorId', message: 'not in scope' }]);
    }
    return keyFactor;
  }

  private async validate(
    manager: EntityManager,
    review: Review,
    keyFactor: KeyFactor,
    input: SelfAssessmentEntryInput,
  ): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (input.answers?.length) {
      const questions = await manager.findBy(GuideQuestion, { keyFactorId: keyFactor.id });
      input.answers.forEach((a, i) => {
        if (!questions.some((q) => q.id === a.guideQuestionId))
          problems.push({ path: `answers[${i}].guideQuestionId`, message: `not a guide question of key factor ${keyFactor.code}` });
        if (a.answer.length > 20000) problems.push({ path: `answers[${i}].answer`, message: 'must be at most 20000 characters' });
      });
    }
    if (input.rating !== undefined && input.rating !== null) {
      const benchmark = await manager.findOneByOrFail(Benchmark, { id: review.benchmarkId });
      const values = benchmark.ratingScale.map((r) => r.value);
      if (!values.includes(input.rating))
        problems.push({
          path: 'rating',
          message: `must be one of ${values.join(', ')} (${benchmark.ratingScale.map((r) => `${r.value} = ${r.label}`).join(', ')})`,
        });
    }
    if (input.narrative && input.narrative.length > 50000)
      problems.push({ path: 'narrative', message: 'must be at most 50000 characters' });
    if (input.documentIds?.length) {
      const documents = await manager.findBy(Document, { id: In(input.documentIds), reviewId: review.id, retractedAt: IsNull() });
      const unknown = input.documentIds.filter((id) => !documents.some((d) => d.id === id));
      if (unknown.length) problems.push({ path: 'documentIds', message: `not documents of this review: ${unknown.join(', ')}` });
    }
    return problems;
  }
}
