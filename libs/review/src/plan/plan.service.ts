import { Injectable } from '@nestjs/common';
import { City } from '@peervisit/directory/entities';
import {
  AppError,
  assertNoProblems,
  badInput,
  CurrentUser,
  ErrorCode,
  forbidden,
  GraphqlContext,
  invalidTransition,
  isUuid,
  notFound,
  Problem,
} from '@peervisit/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Document } from '../document/document.entity';
import { Recommendation } from '../recommendation/recommendation.entity';
import { byPriority } from '../recommendation/recommendation.rules';
import { allows, assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { Review } from '../review/review.entity';
import { formatInZone } from '../review/zoned-time';
import { ReviewRole } from '../team/team-member.entity';
import { TeamMember } from '../team/team-member.entity';
import { PlanAction, PlanActionChange, PlanActionStatus } from './plan-action.entity';
import { PlanActionInput } from './plan.inputs';
import {
  ACTION_FIELDS,
  ActionFields,
  differences,
  isOverdue,
  NOTE_MAX,
  PLANNED_ANSWERS,
  planProgress,
  progressHistory,
  resolveAction,
  weightedProgress,
} from './plan.rules';
import { ExternalRecommendation, PlanSources } from './plan-sources';
import { CityDevelopmentPlan, DevelopmentPlan, PlanSummary } from './plan.types';

type Ctx = Pick<GraphqlContext, 'loaders'>;

const HOST_ROLES = [ReviewRole.HOST_COORDINATOR, ReviewRole.HOST_CONTRIBUTOR];
const fieldsOf = (a: ActionFields): ActionFields => Object.fromEntries(ACTION_FIELDS.map((k) => [k, a[k]])) as unknown as ActionFields;

/**
 * The host city's development plan (issue 20): actions on its accepted and partly accepted
 * recommendations. The host coordinator and contributors add and change them while the capability
 * table allows it (editPlan); whoever reads the findings reads the plan. Nothing is deleted: every
 * change is a PlanActionChange row (with an optional document of the review) and an audit entry, and
 * publishes review.changed (the city's own plan: plan.cityChanged), so the plan's reminders follow at once.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly changes: ReviewChanges,
    private readonly sources: PlanSources,
  ) {}

  /**
   * Adds an action to a recommendation of the review, or to an external one of the review's city (the
   * Index's), which names the review whose plan takes it (`reviewId`), or without `reviewId` goes to
   * the city's own plan (a city with an Index and no review yet). Same rules each way.
   */
  async addAction(user: CurrentUser, recommendationId: string, input: PlanActionInput, reviewId?: string | null): Promise<PlanAction> {
    const id = isUuid(recommendationId) ? recommendationId.toLowerCase() : null;
    const found = id ? await this.dataSource.getRepository(Recommendation).findOneBy({ id }) : null;
    if (found)
      return this.add(user, found.reviewId, input, async (manager) => {
        const recommendation = await manager.findOneOrFail(Recommendation, { where: { id: found.id }, lock: { mode: 'pessimistic_read' } });
        if (recommendation.withdrawnAt) throw invalidTransition('The team withdrew this recommendation; it takes no actions.');
        if (!recommendation.hostResponse || !PLANNED_ANSWERS.includes(recommendation.hostResponse))
          throw invalidTransition(
            'Only a recommendation the city accepted or partly accepted takes actions; answer it first (respondToRecommendation).',
          );
        return { recommendationId: recommendation.id, externalRecommendationId: null };
      });
    const external = id ? await this.sources.byId(id) : null;
    if (!external) throw notFound(`Recommendation ${recommendationId}`);
    if (!reviewId?.trim()) return this.addToCityPlan(user, external, input);
    return this.add(user, reviewId.trim().toLowerCase(), input, async (_manager, review) => {
      if (external.cityId !== review.hostCityId)
        throw badInput('The action was not added: the recommendation is about another city than this review.', [
          { path: 'reviewId', message: "must be a review of the recommendation's city" },
        ]);
      return { recommendationId: null, externalRecommendationId: external.id };
    });
  }

  /** The rules of adding, whatever the recommendation: `link` checks it and says which it is. */
  private async add(
    user: CurrentUser,
    reviewId: string,
    input: PlanActionInput,
    link: (manager: EntityManager, review: Review) => Promise<{ recommendationId: string | null; externalRecommendationId: string | null }>,
  ): Promise<PlanAction> {
    await this.access.require(user, reviewId, 'plan.edit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.reviewAllowing(manager, reviewId);
      const recommendation = await link(manager, review);
      const { fields, problems } = resolveAction(null, input, await this.hostMembers(manager, review.id));
      const documentId = await this.document(manager, review.id, input.documentId, problems);
      const note = noteOf(input.note, problems);
      if (input.expectedVersion != null) problems.push({ path: 'expectedVersion', message: 'only when changing an action' });
      assertNoProblems(problems, 'The action was not added');
      const { identifiers } = await manager.insert(PlanAction, {
        ...fields,
        ...recommendation,
        reviewId: review.id,
        createdById: user.personId,
      });
      const saved = await manager.findOneByOrFail(PlanAction, { id: identifiers[0].id as string });
      await this.keep(manager, user, saved, differences(null, fields), note, documentId, 'plan.addAction', null);
      return saved;
    });
  }

  /**
   * An action of the city's own plan: no review, so the source says who may add it and who may be
   * responsible, and there is no document to attach (documents belong to a review). Its reminders
   * follow `plan.cityChanged` (notifications' CityPlanReminderService).
   */
  private async addToCityPlan(user: CurrentUser, external: ExternalRecommendation, input: PlanActionInput): Promise<PlanAction> {
    if (!(await this.sources.cityPlanAccess(user, external.cityId)).edit)
      throw forbidden("Only the city's staff, its Index coordinator and the secretariat change the city's development plan.");
    const people = new Set((await this.sources.cityPlanPeople(external.cityId)).map((p) => p.id));
    return this.dataSource.transaction(async (manager) => {
      const { fields, problems } = resolveAction(null, input, (id) => people.has(id));
      const note = noteOf(input.note, problems);
      noDocumentWithoutReview(input.documentId, problems);
      if (input.expectedVersion != null) problems.push({ path: 'expectedVersion', message: 'only when changing an action' });
      assertNoProblems(problems, 'The action was not added');
      const { identifiers } = await manager.insert(PlanAction, {
        ...fields,
        recommendationId: null,
        externalRecommendationId: external.id,
        reviewId: null,
        createdById: user.personId,
      });
      const saved = await manager.findOneByOrFail(PlanAction, { id: identifiers[0].id as string });
      await this.keep(manager, user, saved, differences(null, fields), note, null, 'plan.addAction', null);
      await this.changes.cityPlanChanged(manager, external.cityId);
      return saved;
    });
  }

  /** Merges the fields given; a change that changes nothing and says nothing is not recorded. */
  async updateAction(user: CurrentUser, actionId: string, input: PlanActionInput): Promise<PlanAction> {
    const found = isUuid(actionId) ? await this.dataSource.getRepository(PlanAction).findOneBy({ id: actionId.toLowerCase() }) : null;
    if (!found) throw notFound(`Plan action ${actionId}`);
    const reviewId = found.reviewId;
    if (!reviewId) return this.updateInCityPlan(user, found, input);
    await this.access.require(user, reviewId, 'plan.edit');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.reviewAllowing(manager, reviewId);
      return this.change(manager, user, found.id, input, await this.hostMembers(manager, review.id), (id, problems) =>
        this.document(manager, review.id, id, problems),
      );
    });
  }

  private async updateInCityPlan(user: CurrentUser, found: PlanAction, input: PlanActionInput): Promise<PlanAction> {
    const external = found.externalRecommendationId ? await this.sources.byId(found.externalRecommendationId) : null;
    if (!external || !(await this.sources.cityPlanAccess(user, external.cityId)).edit)
      throw forbidden("Only the city's staff, its Index coordinator and the secretariat change the city's development plan.");
    const people = new Set((await this.sources.cityPlanPeople(external.cityId)).map((p) => p.id));
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.change(
        manager,
        user,
        found.id,
        input,
        (id) => people.has(id),
        async (id, problems) => noDocumentWithoutReview(id, problems),
      );
      await this.changes.cityPlanChanged(manager, external.cityId);
      return saved;
    });
  }

  /** The rules of changing, whatever the plan: `document` checks the document the change names. */
  private async change(
    manager: EntityManager,
    user: CurrentUser,
    actionId: string,
    input: PlanActionInput,
    mayBeResponsible: (personId: string) => boolean,
    document: (id: string | null | undefined, problems: Problem[]) => Promise<string | null>,
  ): Promise<PlanAction> {
    const action = await manager.findOneOrFail(PlanAction, { where: { id: actionId }, lock: { mode: 'pessimistic_write' } });
    if (input.expectedVersion != null && input.expectedVersion !== action.version)
      throw new AppError(
        ErrorCode.CONFLICT,
        `Someone changed this action since you opened it (now version ${action.version}); reload it and change it again.`,
        { currentVersion: action.version },
      );
    const before = fieldsOf(action);
    const { fields, problems } = resolveAction(before, input, mayBeResponsible);
    const documentId = await document(input.documentId, problems);
    const note = noteOf(input.note, problems);
    assertNoProblems(problems, 'The action was not changed');
    const changed = differences(before, fields);
    if (!Object.keys(changed).length && !note && !documentId) return action;
    Object.assign(action, fields);
    const saved = await manager.save(action);
    await this.keep(manager, user, saved, changed, note, documentId, 'plan.updateAction', before);
    return saved;
  }

  /**
   * The city's own plan: its external recommendations (the latest published Index's) with the actions
   * taken on them without a review. Read and edited as the source allows (PlanSources).
   */
  async cityPlan(user: CurrentUser, cityId: string, language?: string): Promise<CityDevelopmentPlan> {
    const city = isUuid(cityId) ? await this.dataSource.getRepository(City).findOneBy({ id: cityId.toLowerCase() }) : null;
    if (!city) throw notFound(`City ${cityId}`);
    const access = await this.sources.cityPlanAccess(user, city.id);
    if (!access.read) throw forbidden("The city's development plan is read by the city and the readers of its published Index.");
    const recommendations = await this.sources.forCity(city.id, language);
    const actions = recommendations.length
      ? await this.dataSource.getRepository(PlanAction).find({
          where: { reviewId: IsNull(), externalRecommendationId: In(recommendations.map((r) => r.id)) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const perExternal = recommendations.map((recommendation) => {
      const own = actions.filter((a) => a.externalRecommendationId === recommendation.id);
      return { recommendation, actions: own, progress: weightedProgress(own) };
    });
    return {
      cityId: city.id,
      progress: planProgress(perExternal.map((r) => r.progress)),
      canEdit: access.edit,
      today: formatInZone(new Date(), city.timeZone).slice(0, 10),
      externalRecommendations: perExternal,
      people: await this.sources.cityPlanPeople(city.id),
    };
  }

  /** The plan as the reader may see it: the team and admins always, the host city and observers from the feedback on. */
  async plan(user: CurrentUser, reviewId: string, ctx?: Ctx, language?: string): Promise<DevelopmentPlan> {
    const roles = await this.access.requireFindingsRead(user, reviewId, ctx);
    const review = await this.access.reviewOrFail(reviewId);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const recommendations = (
      await this.dataSource
        .getRepository(Recommendation)
        .findBy({ reviewId, withdrawnAt: IsNull(), hostResponse: In([...PLANNED_ANSWERS]) })
    ).sort(byPriority);
    const actions = await this.dataSource.getRepository(PlanAction).find({ where: { reviewId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const history = await this.historyOfReview(reviewId);
    const perRecommendation = recommendations.map((recommendation) => {
      const own = actions.filter((a) => a.recommendationId === recommendation.id);
      return { recommendation, actions: own, progress: weightedProgress(own) };
    });
    // The city's recommendations from outside the review (the Index's), with this review's actions on them.
    const perExternal = (await this.sources.forCity(review.hostCityId, language)).map((recommendation) => {
      const own = actions.filter((a) => a.externalRecommendationId === recommendation.id);
      return { recommendation, actions: own, progress: weightedProgress(own) };
    });
    const mayEdit = user.isAdmin || roles.some((r) => HOST_ROLES.includes(r));
    return {
      reviewId,
      progress: planProgress([...perRecommendation, ...perExternal].map((r) => r.progress)),
      canEdit: mayEdit && allows(review.status, 'editPlan'),
      today: formatInZone(new Date(), city.timeZone).slice(0, 10),
      recommendations: perRecommendation,
      externalRecommendations: perExternal,
      progressHistory: progressHistory(
        history.map((c) => ({ ...c, recommendationId: recommendationOf(actions.find((a) => a.id === c.actionId)) })),
        (instant) => formatInZone(instant, city.timeZone).slice(0, 10),
      ),
    };
  }

  /** The plan in figures, or null when the reader may not read it (the city's timeline lists reviews of every status). */
  async summary(user: CurrentUser, reviewId: string, ctx?: Ctx): Promise<PlanSummary | null> {
    try {
      await this.access.requireFindingsRead(user, reviewId, ctx);
    } catch {
      return null;
    }
    const review = await this.access.reviewOrFail(reviewId);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const today = formatInZone(new Date(), city.timeZone).slice(0, 10);
    const actions = await this.dataSource
      .getRepository(PlanAction)
      .createQueryBuilder('a')
      .leftJoin(Recommendation, 'r', 'r.id = a.recommendationId')
      .where('a.reviewId = :reviewId AND r.withdrawnAt IS NULL', { reviewId })
      .getMany();
    if (!actions.length) return null;
    const byRecommendation = new Map<string, PlanAction[]>();
    for (const a of actions) byRecommendation.set(recommendationOf(a), [...(byRecommendation.get(recommendationOf(a)) ?? []), a]);
    return {
      progress: planProgress([...byRecommendation.values()].map(weightedProgress)),
      actions: actions.filter((a) => a.status !== PlanActionStatus.DROPPED).length,
      done: actions.filter((a) => a.status === PlanActionStatus.DONE).length,
      overdue: actions.filter((a) => isOverdue(a, today)).length,
    };
  }

  /** Each action's changes, oldest first (for a DataLoader; reached only through a plan the reader may read). */
  async historyOf(actionIds: readonly string[]): Promise<PlanActionChange[]> {
    return this.dataSource
      .getRepository(PlanActionChange)
      .find({ where: { actionId: In([...actionIds]) }, order: { changedAt: 'ASC', id: 'ASC' } });
  }

  historyOfReview(reviewId: string): Promise<PlanActionChange[]> {
    return this.dataSource.getRepository(PlanActionChange).find({ where: { reviewId }, order: { changedAt: 'ASC', id: 'ASC' } });
  }

  private async keep(
    manager: EntityManager,
    user: CurrentUser,
    action: PlanAction,
    changed: Record<string, { from: unknown; to: unknown }>,
    note: string,
    documentId: string | null,
    auditAction: string,
    before: ActionFields | null,
  ): Promise<void> {
    await manager.insert(PlanActionChange, {
      actionId: action.id,
      reviewId: action.reviewId,
      changes: changed as never,
      status: action.status,
      progress: action.progress,
      weight: action.weight,
      note,
      documentId,
      changedById: user.personId,
    });
    // The audit trail is a review's; the city's own plan keeps its history in PlanActionChange alone.
    if (action.reviewId)
      await this.audit.record(manager, {
        reviewId: action.reviewId,
        actorId: user.personId,
        action: auditAction,
        entityType: 'PlanAction',
        entityId: action.id,
        before,
        after: { ...fieldsOf(action), note, documentId },
      });
  }

  /** Who may be responsible: the review's current host coordinators and contributors. */
  private async hostMembers(manager: EntityManager, reviewId: string): Promise<(personId: string) => boolean> {
    const members = await manager.findBy(TeamMember, { reviewId, removedAt: IsNull(), role: In(HOST_ROLES) });
    const ids = new Set(members.map((m) => m.personId));
    return (personId) => ids.has(personId);
  }

  /** The document a change names: one of the review's, not retracted; a problem otherwise. */
  private async document(
    manager: EntityManager,
    reviewId: string,
    id: string | null | undefined,
    problems: Problem[],
  ): Promise<string | null> {
    if (!id?.trim()) return null;
    const wanted = id.trim().toLowerCase();
    const document = isUuid(wanted) ? await manager.findOneBy(Document, { id: wanted, reviewId }) : null;
    if (!document) problems.push({ path: 'documentId', message: `${id} is not a document of this review` });
    else if (document.retractedAt) problems.push({ path: 'documentId', message: `"${document.title}" was retracted` });
    return wanted;
  }

  /** The review, share-locked so its status cannot change under this transaction, if it allows plan changes. */
  private async reviewAllowing(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_read' } });
    if (!review) throw notFound(`Review ${reviewId}`);
    assertAllowed(review, 'editPlan');
    return review;
  }
}

/** The recommendation an action answers, the review's or an external one. */
const recommendationOf = (action?: Pick<PlanAction, 'recommendationId' | 'externalRecommendationId'>): string =>
  action?.recommendationId ?? action?.externalRecommendationId ?? '';

/** Documents belong to a review: the city's own plan takes none (a problem, with the input's others). */
function noDocumentWithoutReview(id: string | null | undefined, problems: Problem[]): null {
  if (id?.trim())
    problems.push({ path: 'documentId', message: "the city's own plan has no documents (they belong to a review); leave it out" });
  return null;
}

function noteOf(note: string | null | undefined, problems: Problem[]): string {
  const value = note?.trim() ?? '';
  if (value.length > NOTE_MAX) problems.push({ path: 'note', message: `must be at most ${NOTE_MAX} characters` });
  return value;
}
