import { Injectable } from '@nestjs/common';
import { DomainEventBus } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { Evidence } from '../evidence/evidence.entity';

/**
 * The review lib's domain events. Who handles them, in which phase: docs/architecture.md, "What
 * happens after a change".
 */
declare module '@peervisit/platform' {
  interface DomainEvents {
    /** Any change to a review's data (team, timeline, status, sessions, self-assessment, report…), in its transaction. */
    'review.changed': { reviewId: string };
    /** A new review was started from an earlier one (CarryOverService), in the transaction creating it. */
    'review.carriedOver': { fromReviewId: string; toReviewId: string };
    /** An evidence item was logged, edited or retracted. */
    'evidence.changed': { reviewId: string; evidence: Evidence };
    /** An action of a city's own development plan (one without a review) was added or changed, in its transaction. */
    'plan.cityChanged': { cityId: string };
  }
}

/**
 * How the review lib's services publish `review.changed`: a service runs its change in
 * transaction(), or calls changed() inside a transaction of its own. The handlers (reminders, live
 * streams) are the event bus's; this class only names the event.
 */
@Injectable()
export class ReviewChanges {
  constructor(private readonly events: DomainEventBus) {}

  /** A transaction that publishes `review.changed` once its work is done: in it, and after its commit. */
  async transaction<T>(dataSource: DataSource, reviewId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await this.changed(manager, reviewId);
      return value;
    });
  }

  /** Publishes `review.changed` in the caller's transaction; its after-commit handlers run at that commit. */
  changed(manager: EntityManager, reviewId: string): Promise<void> {
    return this.events.publish('review.changed', { reviewId }, manager);
  }

  /** Publishes `plan.cityChanged` (the city's own plan, without a review) in the caller's transaction. */
  cityPlanChanged(manager: EntityManager, cityId: string): Promise<void> {
    return this.events.publish('plan.cityChanged', { cityId }, manager);
  }

  carriedOver(manager: EntityManager, fromReviewId: string, toReviewId: string): Promise<void> {
    return this.events.publish('review.carriedOver', { fromReviewId, toReviewId }, manager);
  }
}
