import { Injectable } from '@nestjs/common';
import { City, Person } from '@peervisit/directory/entities';
import { openQuestions } from '@peervisit/icc-index';
import { IndexAnswer, IndexAssessment, IndexDefinition } from '@peervisit/icc-index/entities';
import { DomainEvents, DomainTransaction, EventPhase, OnEvent, OutboxService } from '@peervisit/platform';
import { EntityManager, In } from 'typeorm';
import { indexReminderPrefix, planIndexReminders } from './index-reminder-planner';

/**
 * Keeps each Index assessment's reminders in the outbox in step with it, as ReminderService does for
 * reviews: every change recomputes them in the change's transaction; after commit, the rows it wrote
 * get their jobs.
 */
@Injectable()
export class IndexReminderService {
  /** The keys each transaction planned, for its after-commit handler. */
  private readonly planned = new WeakMap<DomainTransaction, string[]>();

  constructor(private readonly outbox: OutboxService) {}

  @OnEvent('iccIndex.changed', EventPhase.IN_TRANSACTION)
  async onChanged({ assessmentId }: DomainEvents['iccIndex.changed'], transaction: DomainTransaction): Promise<void> {
    const keys = await this.recompute(transaction.manager, assessmentId);
    // A new assessment of the city ends the earlier ones' "next Index is due" reminders.
    const earlier: { id: string }[] = await transaction.manager.query(
      `SELECT e.id FROM icc_index_assessment e JOIN icc_index_assessment a ON a.city_id = e.city_id
        WHERE a.id = $1 AND e.id <> a.id AND e.status = 'PUBLISHED' AND e.published_at < a.created_at`,
      [assessmentId],
    );
    for (const { id } of earlier) keys.push(...(await this.recompute(transaction.manager, id)));
    this.planned.set(transaction, [...(this.planned.get(transaction) ?? []), ...keys]);
  }

  @OnEvent('iccIndex.changed', EventPhase.AFTER_COMMIT)
  async queueJobs(_event: DomainEvents['iccIndex.changed'], transaction: DomainTransaction): Promise<void> {
    const keys = this.planned.get(transaction);
    this.planned.delete(transaction);
    if (keys?.length) await this.outbox.enqueueScheduled({ dedupeKeys: keys }, transaction.manager);
  }

  /** Plans the assessment's reminders again; answers the keys planned. */
  async recompute(manager: EntityManager, assessmentId: string): Promise<string[]> {
    const assessment = await manager.findOneByOrFail(IndexAssessment, { id: assessmentId });
    const city = await manager.findOneByOrFail(City, { id: assessment.cityId });
    const definition = await manager.findOneByOrFail(IndexDefinition, { id: assessment.definitionId });
    const answers = await manager.findBy(IndexAnswer, { assessmentId });
    const open = new Set(openQuestions(definition.content, answers).map((q) => q.code));
    const contributorIds = [...new Set(answers.filter((a) => a.assigneeId && open.has(a.questionCode)).map((a) => a.assigneeId!))];
    const ids = [...new Set([...contributorIds, ...assessment.expertIds, ...(assessment.coordinatorId ? [assessment.coordinatorId] : [])])];
    const people = ids.length ? await manager.findBy(Person, { id: In(ids) }) : [];
    const recipient = (id: string) => {
      const p = people.find((x) => x.id === id);
      return p ? [{ personId: p.id, email: p.email }] : [];
    };
    const [later] = await manager.query('SELECT 1 FROM icc_index_assessment WHERE city_id = $1 AND id <> $2 AND created_at > $3 LIMIT 1', [
      assessment.cityId,
      assessment.id,
      assessment.publishedAt ?? assessment.createdAt,
    ]);
    const plan = planIndexReminders({
      now: new Date(),
      assessment: { ...assessment, timeZone: city.timeZone },
      coordinator: assessment.coordinatorId ? (recipient(assessment.coordinatorId)[0] ?? null) : null,
      anyOpen: open.size > 0,
      contributorsWithOpen: contributorIds.flatMap(recipient),
      experts: assessment.expertIds.flatMap(recipient),
      secretariat: (await manager.findBy(Person, { isAdmin: true })).map((p) => ({ personId: p.id, email: p.email })),
      laterStarted: !!later,
    });
    await this.outbox.scheduleMany(manager, plan);
    const keys = plan.map((m) => m.dedupeKey);
    await this.outbox.cancelOthers(manager, null, indexReminderPrefix(assessmentId), keys);
    return keys;
  }
}
