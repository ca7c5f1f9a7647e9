import { Injectable } from '@nestjs/common';
import { Benchmark, KeyFactor } from '@peervisit/catalogue/entities';
import { Person } from '@peervisit/directory/entities';
import {
  AppError,
  assertNoProblems,
  badInput,
  CurrentUser,
  ErrorCode,
  invalidTransition,
  isUuid,
  notFound,
  Problem,
} from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Evidence } from '../evidence/evidence.entity';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewService } from '../review/review.service';
import { Conclusion, ConclusionRevision, ConclusionStatus } from './conclusion.entity';
import { ConclusionInput } from './findings.inputs';
import { RigourIssue, rigourIssues } from './rigour';

const TEXT_MAX = 20000;

/** Conclusions per key factor: drafted by the team, agreed by the expert leader, never silently overwritten. */
@Injectable()
export class FindingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly reviews: ReviewService,
  ) {}

  conclusionsOf(reviewIds: readonly string[]): Promise<Conclusion[]> {
    return this.dataSource.getRepository(Conclusion).findBy({ reviewId: In([...reviewIds]) });
  }

  revisionsOf(conclusionIds: readonly string[]): Promise<ConclusionRevision[]> {
    return this.dataSource
      .getRepository(ConclusionRevision)
      .find({ where: { conclusionId: In([...conclusionIds]) }, order: { version: 'ASC' } });
  }

  /**
   * Saves the given fields of a key factor's conclusion. Changing an existing conclusion needs the
   * version the editor started from; if someone saved since, the CONFLICT says who and which version.
   */
  async save(
    user: CurrentUser,
    reviewId: string,
    keyFactorId: string,
    input: ConclusionInput,
    expectedVersion?: number,
  ): Promise<Conclusion> {
    await this.access.require(user, reviewId, 'findings.draft');
    return this.dataSource.transaction(async (manager) => {
      const review = await this.draftingReview(manager, reviewId);
      const keyFactor = await this.keyFactorInScope(manager, review, keyFactorId);
      assertNoProblems(
        await this.validate(manager, review, keyFactor, input),
        `The conclusion on key factor ${keyFactor.code} was not saved`,
      );
      let conclusion = await manager.findOne(Conclusion, { where: { reviewId, keyFactorId }, lock: { mode: 'pessimistic_write' } });
      if (conclusion) {
        if (expectedVersion === undefined || expectedVersion === null) {
          throw badInput(
            `Send expectedVersion (the version you started from, now ${conclusion.version}) to change the conclusion on key factor ${keyFactor.code}.`,
            [{ path: 'expectedVersion', message: 'required when the conclusion exists' }],
          );
        }
        await this.checkVersion(manager, conclusion, expectedVersion, keyFactor.code);
        if (conclusion.status === ConclusionStatus.AGREED) {
          throw invalidTransition(
            `The conclusion on key factor ${keyFactor.code} is agreed; the expert leader must reopen it before it can change.`,
          );
        }
      } else {
        // A new conclusion; a concurrent first save of the same key factor hits the unique index.
        await manager.createQueryBuilder().insert().into(Conclusion).values({ reviewId, keyFactorId, version: 0 }).orIgnore().execute();
        conclusion = await manager.findOneOrFail(Conclusion, { where: { reviewId, keyFactorId }, lock: { mode: 'pessimistic_write' } });
        if (conclusion.version !== 0) await this.checkVersion(manager, conclusion, expectedVersion ?? 0, keyFactor.code);
      }
      const before = conclusion.version ? { ...conclusion } : null;
      if (input.rating !== undefined && input.rating !== null) conclusion.rating = input.rating;
      for (const field of ['summary', 'strengths', 'areasToDevelop'] as const) {
        if (input[field] !== undefined && input[field] !== null) conclusion[field] = input[field]!.trim();
      }
      if (input.evidenceIds) conclusion.evidenceIds = [...new Set(input.evidenceIds)];
      return this.commit(manager, conclusion, user, before ? 'conclusion.save' : 'conclusion.create', before);
    });
  }

  /** The expert leader agrees a conclusion: it needs a rating and a summary. */
  async agree(user: CurrentUser, conclusionId: string, expectedVersion: number): Promise<Conclusion> {
    const existing = await this.conclusionOrFail(conclusionId);
    await this.access.require(user, existing.reviewId, 'findings.agree');
    return this.dataSource.transaction(async (manager) => {
      await this.draftingReview(manager, existing.reviewId);
      const conclusion = await manager.findOneOrFail(Conclusion, { where: { id: conclusionId }, lock: { mode: 'pessimistic_write' } });
      const code = (await manager.findOneByOrFail(KeyFactor, { id: conclusion.keyFactorId })).code;
      await this.checkVersion(manager, conclusion, expectedVersion, code);
      if (conclusion.status === ConclusionStatus.AGREED) return conclusion;
      const missing = [conclusion.rating === null ? 'a rating' : null, conclusion.summary ? null : 'a summary'].filter(Boolean);
      if (missing.length)
        throw invalidTransition(
          `The conclusion on key factor ${code} cannot be agreed without ${missing.join(' and ')}.`,
          missing as string[],
        );
      const before = { ...conclusion };
      Object.assign(conclusion, { status: ConclusionStatus.AGREED, agreedAt: new Date(), agreedById: user.personId });
      return this.commit(manager, conclusion, user, 'conclusion.agree', before);
    });
  }

  /** The expert leader reopens an agreed conclusion so the team can change it again. */
  async reopen(user: CurrentUser, conclusionId: string, reason: string): Promise<Conclusion> {
    const existing = await this.conclusionOrFail(conclusionId);
    await this.access.require(user, existing.reviewId, 'findings.agree');
    if (!reason?.trim()) throw badInput('Say why the conclusion is reopened.', [{ path: 'reason', message: 'required' }]);
    return this.dataSource.transaction(async (manager) => {
      await this.draftingReview(manager, existing.reviewId);
      const conclusion = await manager.findOneOrFail(Conclusion, { where: { id: conclusionId }, lock: { mode: 'pessimistic_write' } });
      if (conclusion.status !== ConclusionStatus.AGREED) return conclusion;
      const before = { ...conclusion };
      Object.assign(conclusion, { status: ConclusionStatus.DRAFT, agreedAt: null, agreedById: null });
      return this.commit(manager, conclusion, user, 'conclusion.reopen', before, { reason: reason.trim() });
    });
  }

  /** Rigour issues per conclusion of the review (team only: it is about the evidence). */
  async rigour(user: CurrentUser, reviewId: string): Promise<{ conclusion: Conclusion; issues: RigourIssue[] }[]> {
    await this.access.require(user, reviewId, 'evidence.read');
    const review = await this.access.reviewOrFail(reviewId);
    const benchmark = await this.dataSource.getRepository(Benchmark).findOneByOrFail({ id: review.benchmarkId });
    const conclusions = await this.dataSource.getRepository(Conclusion).findBy({ reviewId });
    const cited = await this.dataSource.getRepository(Evidence).findBy({ id: In(conclusions.flatMap((c) => c.evidenceIds)) });
    const scale = benchmark.ratingScale.map((r) => r.value);
    return conclusions.map((conclusion) => ({
      conclusion,
      issues: rigourIssues(
        conclusion,
        cited.filter((e) => conclusion.evidenceIds.includes(e.id) && !e.retractedAt),
        scale,
      ),
    }));
  }

  async conclusionOrFail(conclusionId: string): Promise<Conclusion> {
    const conclusion = isUuid(conclusionId) ? await this.dataSource.getRepository(Conclusion).findOneBy({ id: conclusionId }) : null;
    if (!conclusion) throw notFound(`Conclusion ${conclusionId}`);
    return conclusion;
  }

  private async commit(
    manager: EntityManager,
    conclusion: Conclusion,
    user: CurrentUser,
    action: string,
    before: object | null,
    extra: object = {},
  ): Promise<Conclusion> {
    conclusion.version += 1;
    conclusion.updatedById = user.personId;
    const saved = await manager.save(conclusion);
    const { rating, summary, strengths, areasToDevelop, evidenceIds, status, version } = saved;
    await manager.insert(ConclusionRevision, {
      conclusionId: saved.id,
      version,
      rating,
      summary,
      strengths,
      areasToDevelop,
      evidenceIds,
      status,
      savedById: user.personId,
    });
    await this.audit.record(manager, {
      reviewId: saved.reviewId,
      actorId: user.personId,
      action,
      entityType: 'Conclusion',
      entityId: saved.id,
      before,
      after: { ...saved, ...extra },
    });
    return saved;
  }

  private async checkVersion(manager: EntityManager, conclusion: Conclusion, expectedVersion: number, code: string) {
    if (conclusion.version === expectedVersion) return;
    const by = conclusion.updatedById ? await manager.findOneBy(Person, { id: conclusion.updatedById }) : null;
    throw new AppError(
      ErrorCode.CONFLICT,
      `${by?.fullName ?? 'Someone'} saved the conclusion on key factor ${code} after you opened it (you started from version ${expectedVersion}; it is now version ${conclusion.version}). Reload it to see their change, then save yours.`,
      {
        currentVersion: conclusion.version,
        updatedBy: by ? { id: by.id, fullName: by.fullName } : null,
        updatedAt: conclusion.updatedAt?.toISOString?.() ?? null,
      },
    );
  }

  private async draftingReview(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOneBy(Review, { id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    assertAllowed(review, 'draftConclusions');
    return review;
  }

  private async keyFactorInScope(manager: EntityManager, review: Review, keyFactorId: string): Promise<KeyFactor> {
    const inScope = await this.reviews.keyFactorsInScope(review, manager);
    const keyFactor = inScope.find((k) => k.id === keyFactorId);
    if (!keyFactor) throw badInput("This key factor is not in the review's scope.", [{ path: 'keyFactorId', message: 'not in scope' }]);
    return keyFactor;
  }

  private async validate(manager: EntityManager, review: Review, keyFactor: KeyFactor, input: ConclusionInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    if (input.rating !== undefined && input.rating !== null) {
      const benchmark = await manager.findOneByOrFail(Benchmark, { id: review.benchmarkId });
      if (!benchmark.ratingScale.some((r) => r.value === input.rating)) {
        problems.push({
          path: 'rating',
          message: `must be one of ${benchmark.ratingScale.map((r) => `${r.value} = ${r.label}`).join(', ')}`,
        });
      }
    }
    for (const field of ['summary', 'strengths', 'areasToDevelop'] as const) {
      if ((input[field]?.length ?? 0) > TEXT_MAX) problems.push({ path: field, message: `must be at most ${TEXT_MAX} characters` });
    }
    if (input.evidenceIds?.length) {
      const uuids = input.evidenceIds.filter(isUuid);
      const found = uuids.length ? await manager.findBy(Evidence, { id: In(uuids) }) : [];
      for (const id of input.evidenceIds) {
        const evidence = found.find((e) => e.id === id.toLowerCase());
        if (!evidence || evidence.reviewId !== review.id)
          problems.push({ path: 'evidenceIds', message: `${id} is not evidence of this review` });
        else if (evidence.retractedAt)
          problems.push({ path: 'evidenceIds', message: `${id} was retracted (${evidence.retractionReason})` });
        else if (!evidence.keyFactorIds.includes(keyFactor.id))
          problems.push({ path: 'evidenceIds', message: `${id} does not bear on key factor ${keyFactor.code}` });
      }
    }
    return problems;
  }
}
