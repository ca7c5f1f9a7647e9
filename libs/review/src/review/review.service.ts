import { Injectable } from '@nestjs/common';
import { BenchmarkService } from '@peervisit/catalogue';
import { BenchmarkStatus, KeyFactor } from '@peervisit/catalogue/entities';
import { City, Organisation, OrganisationKind, Person } from '@peervisit/directory/entities';
import {
  assertNoProblems,
  badInput,
  Connection,
  CurrentUser,
  DEFAULT_LANGUAGE,
  forbidden,
  invalidTransition,
  isLanguage,
  LANGUAGES,
  PageArgs,
  paginate,
  Problem,
} from '@peervisit/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { ROLE_LABEL } from '../access/review-permissions';
import { AuditLog } from '../audit/audit-log.service';
import { EntryStatus, SelfAssessmentEntry } from '../self-assessment/self-assessment-entry.entity';
import { ReviewRole, TeamMember } from '../team/team-member.entity';
import { CreateReviewInput, TimelineInput, UpdateReviewInput } from './review.inputs';
import { Review, ReviewKind, ReviewStatus } from './review.entity';
import { findTransition, missingFor, REVIEW_TRANSITIONS, ReviewFacts, transitionsFrom } from './review-status-machine';
import { assertAllowed, refusalOf } from './review-capabilities';
import { ReviewChanges } from './review-changes';
import { parseInZone } from './zoned-time';

const TIMELINE_FIELDS = {
  selfAssessmentDue: 'selfAssessmentDueAt',
  visitStart: 'visitStartsAt',
  visitEnd: 'visitEndsAt',
  conclusionsDue: 'conclusionsDueAt',
  reportDue: 'reportDueAt',
} as const;

/** Reviews: creation, timeline and scope, and the status machine's transitions. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly benchmarks: BenchmarkService,
    private readonly changes: ReviewChanges,
  ) {}

  /** Reviews the caller takes part in (all, for admins). */
  list(
    user: CurrentUser,
    filter: { status?: ReviewStatus; cityId?: string; kind?: ReviewKind },
    page: PageArgs,
  ): Promise<Connection<Review>> {
    const query = this.dataSource.getRepository(Review).createQueryBuilder('review');
    if (!user.isAdmin) {
      query.where('EXISTS (SELECT 1 FROM team_member m WHERE m.review_id = review.id AND m.person_id = :me AND m.removed_at IS NULL)', {
        me: user.personId,
      });
    }
    if (filter.status) query.andWhere('review.status = :status', { status: filter.status });
    if (filter.cityId) query.andWhere('review.hostCityId = :cityId', { cityId: filter.cityId });
    if (filter.kind) query.andWhere('review.kind = :kind', { kind: filter.kind });
    return paginate(query, page, 'createdAt', 'DESC');
  }

  /** Opens a review in DRAFT: the secretariat's (@AdminOnly on createReview and startReviewFrom). */
  async create(user: CurrentUser, input: CreateReviewInput, within?: EntityManager): Promise<Review> {
    const problems: Problem[] = [];
    if (!input.title?.trim()) problems.push({ path: 'title', message: 'must not be empty' });
    const city = await this.dataSource.getRepository(City).findOneBy({ id: input.hostCityId });
    if (!city) problems.push({ path: 'hostCityId', message: 'no city has this id' });
    const benchmark = await this.benchmarks.find(input.benchmarkCode, input.benchmarkVersion ?? undefined).catch(() => null);
    if (!benchmark)
      problems.push({
        path: 'benchmarkCode',
        message: `no ${input.benchmarkVersion ? `version ${input.benchmarkVersion} of ` : 'published '}benchmark ${input.benchmarkCode}`,
      });
    else if (benchmark.status !== BenchmarkStatus.PUBLISHED)
      problems.push({ path: 'benchmarkVersion', message: 'a review pins a published benchmark version; this one is a draft' });
    const keyFactors = benchmark ? await this.benchmarks.keyFactorsOf([benchmark.id]) : [];
    const scope = this.scopeFrom(input.scopeKeyFactorNumbers, keyFactors, problems);
    const timeline = city ? this.timelineFrom(input.timeline ?? {}, city.timeZone, {}, problems) : {};
    if (input.workingLanguage && !isLanguage(input.workingLanguage))
      problems.push({ path: 'workingLanguage', message: `one of ${LANGUAGES.join(', ')}` });
    assertNoProblems(problems, 'The review was not created');
    const inTransaction = <T>(run: (manager: EntityManager) => Promise<T>) => (within ? run(within) : this.dataSource.transaction(run));
    return inTransaction(async (manager) => {
      const review = await manager.save(
        manager.create(Review, {
          title: input.title.trim(),
          kind: input.kind,
          hostCityId: input.hostCityId,
          benchmarkId: benchmark!.id,
          scopeKeyFactorIds: scope ?? null,
          createdById: user.personId,
          workingLanguage: input.workingLanguage ?? DEFAULT_LANGUAGE,
          ...timeline,
        }),
      );
      await this.audit.record(manager, {
        reviewId: review.id,
        actorId: user.personId,
        action: 'review.create',
        entityType: 'Review',
        entityId: review.id,
        after: review,
      });
      return review;
    });
  }

  async update(user: CurrentUser, reviewId: string, input: UpdateReviewInput): Promise<Review> {
    await this.access.require(user, reviewId, 'review.edit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.lock(manager, reviewId);
      assertAllowed(review, 'editReview');
      const before = { ...review };
      const problems: Problem[] = [];
      if (input.title !== undefined && input.title !== null) {
        if (!input.title.trim()) problems.push({ path: 'title', message: 'must not be empty' });
        else review.title = input.title.trim();
      }
      if (input.scopeKeyFactorNumbers) {
        const refused = refusalOf(review, 'changeScope');
        if (refused) {
          problems.push({ path: 'scopeKeyFactorNumbers', message: refused });
        } else {
          review.scopeKeyFactorIds =
            this.scopeFrom(input.scopeKeyFactorNumbers, await this.benchmarks.keyFactorsOf([review.benchmarkId]), problems) ?? null;
        }
      }
      if (input.timeline) {
        const city = await manager.findOneByOrFail(City, { id: review.hostCityId });
        Object.assign(review, this.timelineFrom(input.timeline, city.timeZone, review, problems));
      }
      if (input.workingLanguage !== undefined && input.workingLanguage !== null) {
        if (!isLanguage(input.workingLanguage)) problems.push({ path: 'workingLanguage', message: `one of ${LANGUAGES.join(', ')}` });
        else review.workingLanguage = input.workingLanguage;
      }
      assertNoProblems(problems, 'The review was not changed');
      const saved = await manager.save(review);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'review.update',
        entityType: 'Review',
        entityId: reviewId,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /**
   * Moves the review to another status if the table has that transition for its kind, the caller has
   * a role that may take it, and every guard is satisfied; otherwise INVALID_TRANSITION naming all
   * that is missing.
   */
  async transition(user: CurrentUser, reviewId: string, to: ReviewStatus, reason?: string): Promise<Review> {
    await this.access.require(user, reviewId, 'review.read');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.lock(manager, reviewId);
      // Who may move a review of this kind to `to` at all: a caller without that role learns no more.
      const mayMoveThere = REVIEW_TRANSITIONS.filter((t) => t.to === to && (!t.kinds || t.kinds.includes(review.kind))).flatMap(
        (t) => t.roles,
      );
      if (!user.isAdmin) {
        const roles = await this.access.myRoles(user, reviewId);
        if (!roles.some((r) => mayMoveThere.includes(r))) {
          throw forbidden(`Only the ${[...new Set(mayMoveThere)].map((r) => ROLE_LABEL[r]).join(' or ')} can move the review to ${to}.`);
        }
      }
      const transition = findTransition(review.status, to, review.kind);
      if (!transition) {
        const possible = transitionsFrom(review.status, review.kind).map((t) => t.to);
        throw invalidTransition(
          `A ${kindLabel(review.kind)} cannot move from ${review.status} to ${to}.${possible.length ? ` From ${review.status} it can move to ${possible.join(' or ')}.` : ''}`,
        );
      }
      if (!user.isAdmin) {
        const roles = await this.access.myRoles(user, reviewId);
        if (!roles.some((r) => transition.roles.includes(r))) {
          throw forbidden(`Only the ${transition.roles.map((r) => ROLE_LABEL[r]).join(' or ')} can move the review to ${to}.`);
        }
      }
      if (transition.needsReason && !reason?.trim())
        throw badInput(`Say why the review moves to ${to}.`, [{ path: 'reason', message: 'required' }]);
      const missing = await missingFor(transition, this.facts(manager, review));
      if (missing.length) throw invalidTransition(`The review cannot move to ${to} yet. It needs ${joinPhrases(missing)}.`, missing);
      const before = { status: review.status };
      review.status = to;
      if (to === ReviewStatus.CANCELLED) review.cancellationReason = reason!.trim();
      const saved = await manager.save(review);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'review.transition',
        entityType: 'Review',
        entityId: reviewId,
        before,
        after: { status: to, ...(reason ? { reason } : {}) },
      });
      return saved;
    });
  }

  /**
   * What each possible next status needs now (for a to-do list in the client). A GraphQL request
   * passes its loader of the key factors in scope, which the other fields of the query share.
   */
  async nextSteps(
    review: Review,
    keyFactorsInScope?: () => Promise<KeyFactor[]>,
  ): Promise<{ to: ReviewStatus; roles: ReviewRole[]; missing: string[] }[]> {
    const facts = this.facts(this.dataSource.manager, review);
    if (keyFactorsInScope) facts.keyFactorsInScope = keyFactorsInScope;
    return Promise.all(
      transitionsFrom(review.status, review.kind).map(async (t) => ({ to: t.to, roles: t.roles, missing: await missingFor(t, facts) })),
    );
  }

  async keyFactorsInScope(review: Review, manager: EntityManager = this.dataSource.manager): Promise<KeyFactor[]> {
    const all = await manager.find(KeyFactor, { where: { benchmarkId: review.benchmarkId }, order: { number: 'ASC' } });
    return review.scopeKeyFactorIds ? all.filter((k) => review.scopeKeyFactorIds!.includes(k.id)) : all;
  }

  byIds(ids: readonly string[]): Promise<Review[]> {
    return this.dataSource.getRepository(Review).findBy({ id: In([...ids]) });
  }

  private facts(manager: EntityManager, review: Review): ReviewFacts {
    const once = <T>(load: () => Promise<T>) => {
      let value: Promise<T> | undefined;
      return () => (value ??= load());
    };
    return {
      review,
      team: once(async () => {
        const rows: { role: ReviewRole; kind: OrganisationKind | null }[] = await manager
          .createQueryBuilder(TeamMember, 'm')
          .innerJoin(Person, 'p', 'p.id = m.personId')
          .leftJoin(Organisation, 'o', 'o.id = p.organisationId')
          .select(['m.role AS role', 'o.kind AS kind'])
          .where('m.reviewId = :id AND m.removedAt IS NULL', { id: review.id })
          .getRawMany();
        return rows.map((r) => ({ role: r.role, organisationKind: r.kind }));
      }),
      keyFactorsInScope: once(() => this.keyFactorsInScope(review, manager)),
      submittedEntryKeyFactorIds: once(async () => {
        const entries = await manager.findBy(SelfAssessmentEntry, { reviewId: review.id, status: EntryStatus.SUBMITTED });
        return new Set(entries.map((e) => e.keyFactorId));
      }),
      agreedConclusionKeyFactorIds: once(async () => {
        const rows: { key_factor_id: string }[] = await manager.query(
          "SELECT key_factor_id FROM conclusion WHERE review_id = $1 AND status = 'AGREED'",
          [review.id],
        );
        return new Set(rows.map((r) => r.key_factor_id));
      }),
      heldFeedbackSession: once(async () => {
        const rows = await manager.query(
          "SELECT 1 FROM visit_session WHERE review_id = $1 AND kind = 'FEEDBACK_SESSION' AND cancelled_at IS NULL AND ends_at <= now() LIMIT 1",
          [review.id],
        );
        return rows.length > 0;
      }),
      // The report table belongs to the reporting lib, which depends on this one; read it by SQL.
      publishedReport: once(
        async () => (await manager.query('SELECT 1 FROM report WHERE review_id = $1 AND published LIMIT 1', [review.id])).length > 0,
      ),
    };
  }

  private async lock(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
    if (!review) throw badInput(`No review has the id ${reviewId}.`);
    return review;
  }

  private scopeFrom(numbers: number[] | undefined | null, keyFactors: KeyFactor[], problems: Problem[]): string[] | undefined {
    if (!numbers) return undefined;
    if (!numbers.length) problems.push({ path: 'scopeKeyFactorNumbers', message: 'choose at least one key factor, or omit it for all' });
    const unknown = numbers.filter((n) => !keyFactors.some((k) => k.number === n));
    if (unknown.length) problems.push({ path: 'scopeKeyFactorNumbers', message: `the benchmark has no key factor ${unknown.join(', ')}` });
    return keyFactors.filter((k) => numbers.includes(k.number)).map((k) => k.id);
  }

  private timelineFrom(input: TimelineInput, timeZone: string, current: Partial<Review>, problems: Problem[]): Partial<Review> {
    const changes: Partial<Record<(typeof TIMELINE_FIELDS)[keyof typeof TIMELINE_FIELDS], Date | null>> & { followUpCheckpoints?: Date[] } =
      {};
    for (const [field, column] of Object.entries(TIMELINE_FIELDS) as [
      keyof typeof TIMELINE_FIELDS,
      (typeof TIMELINE_FIELDS)[keyof typeof TIMELINE_FIELDS],
    ][]) {
      const value = input[field];
      if (value === undefined) continue;
      if (value === null) {
        changes[column] = null;
        continue;
      }
      const date = parseInZone(value, timeZone);
      if (!date)
        problems.push({
          path: `timeline.${field}`,
          message: `"${value}" is not a date; write e.g. 2027-03-10T09:00 (time in ${timeZone}) or an ISO instant`,
        });
      else changes[column] = date;
    }
    if (input.followUpCheckpoints !== undefined) {
      const dates = (input.followUpCheckpoints ?? []).map((v, i) => {
        const date = parseInZone(v, timeZone);
        if (!date) problems.push({ path: `timeline.followUpCheckpoints[${i}]`, message: `"${v}" is not a date` });
        return date;
      });
      changes.followUpCheckpoints = dates.filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime());
    }
    const merged = { ...current, ...changes };
    const order: [keyof Review, keyof Review, string][] = [
      ['selfAssessmentDueAt', 'visitStartsAt', 'the self-assessment must be due before the visit starts'],
      ['visitStartsAt', 'visitEndsAt', 'the visit must end after it starts'],
      ['visitEndsAt', 'conclusionsDueAt', 'conclusions are due after the visit ends'],
      ['conclusionsDueAt', 'reportDueAt', 'the report is due after the conclusions'],
    ];
    for (const [earlier, later, message] of order) {
      const a = merged[earlier] as Date | null | undefined;
      const b = merged[later] as Date | null | undefined;
      if (a && b && a >= b) problems.push({ path: 'timeline', message });
    }
    return changes as Partial<Review>;
  }
}

const kindLabel = (kind: ReviewKind) => kind.toLowerCase().replace(/_/g, ' ');

function joinPhrases(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('; ')}; and ${items[items.length - 1]}`;
}
