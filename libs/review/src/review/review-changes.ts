import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

type InTransaction = (manager: EntityManager, reviewId: string) => Promise<void>;
type AfterCommit = (reviewId: string) => Promise<void>;
type CarryOver = (manager: EntityManager, fromReviewId: string, toReviewId: string) => Promise<void>;

/**
 * Lets later capabilities react to any change of a review's data without the review lib knowing
 * them (reminders recompute their outbox rows here). Services call changed() inside the
 * transaction of the change, and committed() once it has committed.
 */
@Injectable()
export class ReviewChanges {
  private readonly logger = new Logger('ReviewChanges');
  private readonly inTransaction: InTransaction[] = [];
  private readonly afterCommit: AfterCommit[] = [];
  private readonly carryOver: CarryOver[] = [];

  /** What else a new review takes over from the one it starts from (e.g. its reminder rules). */
  onCarryOver(handler: CarryOver): void {
    this.carryOver.push(handler);
  }

  async carriedOver(manager: EntityManager, fromReviewId: string, toReviewId: string): Promise<void> {
    for (const handler of this.carryOver) await handler(manager, fromReviewId, toReviewId);
  }

  onChange(handler: InTransaction): void {
    this.inTransaction.push(handler);
  }

  onCommit(handler: AfterCommit): void {
    this.afterCommit.push(handler);
  }

  /** A transaction that tells the listeners about the review's change, inside it and after commit. */
  async transaction<T>(dataSource: DataSource, reviewId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await this.changed(manager, reviewId);
      return value;
    });
    await this.committed(reviewId);
    return result;
  }

  async changed(manager: EntityManager, reviewId: string): Promise<void> {
    for (const handler of this.inTransaction) await handler(manager, reviewId);
  }

  /** After commit, failures are logged, not thrown: the change is already saved (and the outbox sweeper catches up). */
  async committed(reviewId: string): Promise<void> {
    for (const handler of this.afterCommit) {
      await handler(reviewId).catch((error) => this.logger.error(`After-commit work for review ${reviewId} failed: ${error instanceof Error ? error.message : error}`));
    }
  }
}
