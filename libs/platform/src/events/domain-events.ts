import type { EntityManager } from 'typeorm';

/**
 * The one map of domain events: event name → payload. Each lib adds the events it publishes by
 * augmenting this interface (`declare module '@peervisit/platform'`), because platform may not
 * import the feature libs' types. Every event, who publishes it and every handler, in both phases,
 * are listed in docs/architecture.md, "What happens after a change"; at run time
 * `DomainEventBus.handlers()` lists them too (and event-bus-handlers.spec.ts keeps the two equal).
 *
 *   invitation.accepted   libs/directory/src/auth/invitation.events.ts
 *   review.changed        libs/review/src/review/review-changes.ts
 *   review.carriedOver    libs/review/src/review/review-changes.ts
 *   evidence.changed      libs/review/src/review/review-changes.ts
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents;

/**
 * IN_TRANSACTION handlers run inside the publisher's transaction, on its EntityManager: what they
 * write commits or rolls back with the change, and a handler that throws rolls the change back.
 * AFTER_COMMIT handlers run once that transaction has committed (never after a rollback); their
 * failures are logged, not thrown, since the change is saved.
 */
export enum EventPhase {
  IN_TRANSACTION = 'IN_TRANSACTION',
  AFTER_COMMIT = 'AFTER_COMMIT',
}

/**
 * The transaction an event was published in, handed to both phases. After commit, `manager` is the
 * same connection, now outside any transaction, so an after-commit handler needs no second pooled
 * connection while the first is still held (with every connection held that way, none would come).
 */
export class DomainTransaction {
  private startedAt?: Promise<string>;

  constructor(
    readonly manager: EntityManager,
    /** False when the event was published outside a transaction (a one-statement change, already committed). */
    readonly transactional: boolean,
  ) {}

  /**
   * PostgreSQL's now() for this transaction, in microseconds since the epoch: the `updated_at` of
   * every row it wrote with now(). Ask first inside the transaction; after commit it answers what
   * was read then (and refuses when nobody asked, as a new statement's now() would be another time).
   */
  startedAtMicros(): Promise<string> {
    if (!this.startedAt) {
      if (!this.manager.queryRunner?.isTransactionActive) throw new Error('startedAtMicros() must first be asked inside the transaction.');
      this.startedAt = this.manager
        .query(`SELECT (extract(epoch FROM now()) * 1000000)::bigint::text AS started`)
        .then((rows: { started: string }[]) => rows[0].started);
    }
    return this.startedAt;
  }
}

export type DomainEventHandler<E extends DomainEventName> = (
  payload: DomainEvents[E],
  transaction: DomainTransaction,
) => Promise<void> | void;
