import { Injectable } from '@nestjs/common';
import { City, Person } from '@peervisit/directory/entities';
import { badInput, CurrentUser, DomainEvents, DomainTransaction, EventPhase, OnEvent, OutboxService } from '@peervisit/platform';
import { ReviewAccessService, ReviewChanges } from '@peervisit/review';
import { Review, SessionAssignment, TeamMember, VisitSession } from '@peervisit/review/entities';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { planReminders, reminderPrefix } from './reminder-planner';
import { ReminderRule } from './reminder-rule.entity';
import { defaultRules, EffectiveRule, MONTH_RULES, ReminderRuleKind } from './reminder-rules';

/**
 * Keeps each review's reminders in the outbox in step with its data: every change recomputes them
 * inside the change's own transaction; after that transaction commits, their jobs are queued.
 */
@Injectable()
export class ReminderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly changes: ReviewChanges,
    private readonly access: ReviewAccessService,
  ) {}

  /** Any change of the review: its reminders are planned again, in the change's transaction. */
  @OnEvent('review.changed', EventPhase.IN_TRANSACTION)
  async onReviewChanged({ reviewId }: DomainEvents['review.changed'], transaction: DomainTransaction): Promise<void> {
    await this.recompute(transaction.manager, reviewId);
    // Read now, for after commit: every row the transaction wrote has this time as updated_at.
    await transaction.startedAtMicros();
  }

  /**
   * After that transaction committed: jobs for the rows it wrote (reminders and any message written
   * alongside them, e.g. "report published"). Queuing only those, rather than every scheduled row of
   * the review, keeps a programme change cheap: a visit of 60 sessions has about a thousand reminders
   * and one change rewrites a handful. A rolled-back transaction never gets here.
   */
  @OnEvent('review.changed', EventPhase.AFTER_COMMIT)
  async queueJobsOfCommit({ reviewId }: DomainEvents['review.changed'], transaction: DomainTransaction): Promise<void> {
    await this.outbox.enqueueScheduled(
      { reviewId, writtenByTransactionsStartedAt: [await transaction.startedAtMicros()] },
      transaction.manager,
    );
  }

  /** A review started from an earlier one keeps that review's reminder rules. */
  @OnEvent('review.carriedOver', EventPhase.IN_TRANSACTION)
  async copyRules({ fromReviewId, toReviewId }: DomainEvents['review.carriedOver'], { manager }: DomainTransaction): Promise<void> {
    await manager.query(
      `INSERT INTO reminder_rule (review_id, kind, enabled, offsets, updated_by_id)
       SELECT $2, kind, enabled, offsets, updated_by_id FROM reminder_rule WHERE review_id = $1`,
      [fromReviewId, toReviewId],
    );
  }

  async rulesOf(manager: EntityManager, review: Pick<Review, 'id' | 'kind'>): Promise<EffectiveRule[]> {
    const overrides = await manager.findBy(ReminderRule, { reviewId: review.id });
    return defaultRules(review.kind).map((rule) => {
      const own = overrides.find((o) => o.kind === rule.kind);
      return own ? { kind: rule.kind, enabled: own.enabled, offsets: own.offsets } : rule;
    });
  }

  async recompute(manager: EntityManager, reviewId: string): Promise<void> {
    const review = await manager.findOneByOrFail(Review, { id: reviewId });
    const city = await manager.findOneByOrFail(City, { id: review.hostCityId });
    const members = await manager.findBy(TeamMember, { reviewId, removedAt: IsNull() });
    const people = members.length ? await manager.findBy(Person, { id: In(members.map((m) => m.personId)) }) : [];
    const sessions = await manager.findBy(VisitSession, { reviewId });
    const assignments = sessions.length ? await manager.findBy(SessionAssignment, { sessionId: In(sessions.map((s) => s.id)) }) : [];
    const sentInvites: { session_id: string; person_id: string; sent_at: Date }[] = await manager.query(
      `SELECT data->>'sessionId' AS session_id, recipient_id AS person_id, sent_at FROM outbox_message
        WHERE review_id = $1 AND status = 'SENT' AND template IN ('session-reminder', 'session-updated')`,
      [reviewId],
    );
    // The report table belongs to the reporting lib; only its publication date matters here.
    const [published] = await manager.query('SELECT min(published_at) AS at FROM report WHERE review_id = $1 AND published', [reviewId]);
    // The development plan's open actions (of recommendations not withdrawn, or external ones: the
    // Index's), and the secretariat (every administrator).
    const planActions: { id: string; responsible_id: string; due_on: string }[] = await manager.query(
      `SELECT a.id, a.responsible_id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on FROM plan_action a
         LEFT JOIN recommendation r ON r.id = a.recommendation_id
        WHERE a.review_id = $1 AND a.status NOT IN ('DONE', 'DROPPED') AND r.withdrawn_at IS NULL`,
      [reviewId],
    );
    const secretariat = await manager.findBy(Person, { isAdmin: true });
    const plan = planReminders({
      now: new Date(),
      review: {
        ...review,
        timeZone: city.timeZone,
        followUpCheckpoints: (review.followUpCheckpoints ?? []).map((d) => new Date(d)),
        reportPublishedAt: published?.at ? new Date(published.at) : null,
      },
      planActions: planActions.map((a) => ({ id: a.id, responsibleId: a.responsible_id, dueOn: a.due_on })),
      secretariat: secretariat.map((p) => ({ personId: p.id, email: p.email })),
      members: members.flatMap((m) => {
        const person = people.find((p) => p.id === m.personId);
        return person ? [{ personId: m.personId, email: person.email, role: m.role, timeZone: person.timeZone }] : [];
      }),
      sessions: sessions.map((s) => ({ ...s, assignees: assignments.filter((a) => a.sessionId === s.id).map((a) => a.personId) })),
      sentInvites: sentInvites.map((i) => ({ sessionId: i.session_id, personId: i.person_id, sentAt: new Date(i.sent_at) })),
      rules: await this.rulesOf(manager, review),
    });
    await this.outbox.scheduleMany(manager, plan);
    await this.outbox.cancelOthers(
      manager,
      reviewId,
      reminderPrefix(reviewId),
      plan.map((m) => m.dedupeKey).filter((k) => k.startsWith(reminderPrefix(reviewId))),
    );
  }

  /** The expert leader changes one rule for this review; the reminders follow at once. */
  async setRule(
    user: CurrentUser,
    reviewId: string,
    kind: ReminderRuleKind,
    enabled: boolean,
    offsets: number[],
  ): Promise<EffectiveRule[]> {
    await this.access.require(user, reviewId, 'review.edit');
    // An admin passes require() for any id: a review that does not exist is NOT_FOUND, not a foreign-key error.
    await this.access.reviewOrFail(reviewId);
    // Days may be negative (after the date: overdue reminders, escalations); months may not.
    const months = MONTH_RULES.includes(kind);
    const bad = offsets.filter((o) => !Number.isFinite(o) || o < (months ? 0 : -1200) || o > 1200);
    if (bad.length) {
      throw badInput(
        months
          ? 'Offsets of this rule are months after the date: numbers from 0 to 1200.'
          : 'Offsets are days before the date, negative for days after it: numbers from -1200 to 1200.',
        [{ path: 'offsets', message: `out of range: ${bad.join(', ')}` }],
      );
    }
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      await manager.query(
        `INSERT INTO reminder_rule (review_id, kind, enabled, offsets, updated_by_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (review_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, offsets = EXCLUDED.offsets, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
        [reviewId, kind, enabled, [...new Set(offsets)].sort((a, b) => b - a), user.personId],
      );
      const review = await manager.findOneByOrFail(Review, { id: reviewId });
      return this.rulesOf(manager, review);
    });
  }

  async rules(user: CurrentUser, reviewId: string): Promise<EffectiveRule[]> {
    await this.access.require(user, reviewId, 'review.read');
    const review = await this.access.reviewOrFail(reviewId);
    return this.rulesOf(this.dataSource.manager, review);
  }
}
