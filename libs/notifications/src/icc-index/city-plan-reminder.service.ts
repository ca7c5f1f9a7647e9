import { Injectable } from '@nestjs/common';
import { City, Person } from '@peervisit/directory/entities';
import { IndexAssessment, IndexAssessmentStatus } from '@peervisit/icc-index/entities';
import { DomainEvents, DomainTransaction, EventPhase, MessageToSchedule, OnEvent, OutboxService } from '@peervisit/platform';
import { allows, statusesAllowing } from '@peervisit/review';
import { ReviewKind, ReviewRole } from '@peervisit/review/entities';
import { EntityManager, In } from 'typeorm';
import { planReminders, reminderPrefix } from '../reminders/reminder-planner';
import { defaultRules, ReminderRuleKind } from '../reminders/reminder-rules';

/** A status in which the review table lets plan reminders go out: the planner's stand-in for "no review". */
const PLAN_REMINDING_STATUS = statusesAllowing('remindPlan').find((status) => allows(status, 'remind'))!;

export const cityPlanReminderPrefix = (cityId: string) => `city-plan:${cityId}:`;

const PLAN_RULES = [
  ReminderRuleKind.PLAN_ACTION_DUE,
  ReminderRuleKind.PLAN_ACTION_ESCALATE_HOST,
  ReminderRuleKind.PLAN_ACTION_ESCALATE_SECRETARIAT,
];

/**
 * The reminders of a city's own development plan (actions on the Index's recommendations without a
 * review): the review planner's plan-action rules, with their default delays, the city's time zone,
 * the latest published Index's coordinator in the host coordinator's place and the secretariat. The
 * rows are about no review; their keys have their own prefix.
 */
@Injectable()
export class CityPlanReminderService {
  /** The keys each transaction planned, for its after-commit handler. */
  private readonly planned = new WeakMap<DomainTransaction, string[]>();

  constructor(private readonly outbox: OutboxService) {}

  @OnEvent('plan.cityChanged', EventPhase.IN_TRANSACTION)
  async onCityPlanChanged({ cityId }: DomainEvents['plan.cityChanged'], transaction: DomainTransaction): Promise<void> {
    const keys = await this.recompute(transaction.manager, cityId);
    this.planned.set(transaction, [...(this.planned.get(transaction) ?? []), ...keys]);
  }

  @OnEvent('plan.cityChanged', EventPhase.AFTER_COMMIT)
  async queueCityPlanJobs(_event: DomainEvents['plan.cityChanged'], transaction: DomainTransaction): Promise<void> {
    const keys = this.planned.get(transaction);
    this.planned.delete(transaction);
    if (keys?.length) await this.outbox.enqueueScheduled({ dedupeKeys: keys }, transaction.manager);
  }

  /** Plans the city's own plan's reminders again; answers the keys planned. */
  async recompute(manager: EntityManager, cityId: string): Promise<string[]> {
    const city = await manager.findOneByOrFail(City, { id: cityId });
    // The plan's recommendations are the latest published Index's (as the city's plan shows them).
    const latest = await manager.findOne(IndexAssessment, {
      where: { cityId, status: IndexAssessmentStatus.PUBLISHED },
      order: { publishedAt: 'DESC', id: 'ASC' },
    });
    const actions: { id: string; responsible_id: string; due_on: string }[] = latest
      ? await manager.query(
          `SELECT a.id, a.responsible_id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on FROM plan_action a
             JOIN icc_index_recommendation r ON r.id = a.external_recommendation_id
            WHERE a.review_id IS NULL AND r.assessment_id = $1 AND a.status NOT IN ('DONE', 'DROPPED')`,
          [latest.id],
        )
      : [];
    const ids = [...new Set([...actions.map((a) => a.responsible_id), ...(latest?.coordinatorId ? [latest.coordinatorId] : [])])];
    const people = ids.length ? await manager.findBy(Person, { id: In(ids) }) : [];
    const member = (p: Person) => ({
      personId: p.id,
      email: p.email,
      role: p.id === latest?.coordinatorId ? ReviewRole.HOST_COORDINATOR : ReviewRole.HOST_CONTRIBUTOR,
    });
    const planned = planReminders({
      now: new Date(),
      // No review: the planner reads only the plan's rules, the city's zone and a status in which the
      // capability table (review-capabilities.ts) lets reminders, and those of the plan, go out.
      review: {
        id: cityId,
        status: PLAN_REMINDING_STATUS,
        timeZone: city.timeZone,
        selfAssessmentDueAt: null,
        selfAssessmentSubmittedAt: null,
        visitStartsAt: null,
        conclusionsDueAt: null,
        followUpCheckpoints: [],
        reportPublishedAt: null,
        reportDueAt: null,
      },
      planActions: actions.map((a) => ({ id: a.id, responsibleId: a.responsible_id, dueOn: a.due_on })),
      secretariat: (await manager.findBy(Person, { isAdmin: true })).map((p) => ({ personId: p.id, email: p.email })),
      members: people.map(member),
      sessions: [],
      sentInvites: [],
      rules: defaultRules(ReviewKind.EXPERT_VISIT).filter((r) => PLAN_RULES.includes(r.kind)),
    });
    const plan: MessageToSchedule[] = planned.map((m) => ({
      ...m,
      dedupeKey: cityPlanReminderPrefix(cityId) + m.dedupeKey.slice(reminderPrefix(cityId).length),
      reviewId: null,
    }));
    await this.outbox.scheduleMany(manager, plan);
    const keys = plan.map((m) => m.dedupeKey);
    await this.outbox.cancelOthers(manager, null, cityPlanReminderPrefix(cityId), keys);
    return keys;
  }
}
