import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { DomainEventHandler, DomainEventName, DomainEvents, DomainTransaction, EventPhase } from './domain-events';
import { DOMAIN_EVENT_HANDLER, OnEventOptions } from './on-event.decorator';

/** What a transaction carries until it ends: its handle, and the events waiting for its commit. */
interface Carried {
  transaction: DomainTransaction;
  pending: { event: DomainEventName; payload: unknown; depth: number }[];
}

interface Registered {
  name: string;
  run: (payload: unknown, transaction: DomainTransaction) => Promise<void> | void;
}

/** TypeORM keeps its nesting depth protected; a savepoint rolled back must drop only its own events. */
const depthOf = (runner: QueryRunner) => (runner as unknown as { transactionDepth: number }).transactionDepth;
const CARRIED = 'domainEvents';

/**
 * Publishes domain events (the DomainEvents map) to their handlers in two phases. An event published
 * in a transaction rides on that transaction (TypeORM's QueryRunner, in its `data`): the in-transaction
 * handlers run at once on the same EntityManager, and the after-commit handlers run when TypeORM
 * reports that very transaction committed, with its handle; a rollback drops them. So any transaction
 * works, opened by a service or by a test, and nothing outside it has to remember what it did.
 */
@Injectable()
export class DomainEventBus implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('DomainEventBus');
  private readonly registry = new Map<string, Registered[]>();

  constructor(
    dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {
    dataSource.subscribers.push(this);
  }

  /** Every @OnEvent method of every provider. */
  onModuleInit() {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const marks = Reflect.getMetadata(DOMAIN_EVENT_HANDLER, prototype[method]) as OnEventOptions[] | undefined;
        for (const { event, phase } of marks ?? []) {
          const run = (instance[method] as DomainEventHandler<DomainEventName>).bind(instance);
          this.add(event, phase, `${prototype.constructor.name}.${method}`, run as Registered['run']);
        }
      }
    }
  }

  /** A handler added at run time (e.g. for one kind of invitation); `name` says whose it is in handlers(). */
  on<E extends DomainEventName>(event: E, phase: EventPhase, name: string, handler: DomainEventHandler<E>): void {
    this.add(event, phase, name, handler as Registered['run']);
  }

  /** Who handles what, in the order they run: `event phase Owner.method`. */
  handlers(): string[] {
    return [...this.registry.entries()].flatMap(([key, list]) => list.map((h) => `${key} ${h.name}`)).sort();
  }

  /**
   * Tells the handlers of `event`. Give the manager of the transaction that made the change; outside a
   * transaction the change is already committed, so in-transaction handlers (if any) get a
   * transaction of their own and after-commit handlers run when it ends.
   */
  async publish<E extends DomainEventName>(event: E, payload: DomainEvents[E], manager: EntityManager): Promise<void> {
    const runner = manager.queryRunner;
    const inTransaction = this.list(event, EventPhase.IN_TRANSACTION);
    if (!runner?.isTransactionActive) {
      if (inTransaction.length) return manager.transaction((m) => this.publish(event, payload, m));
      return this.runAfterCommit(new DomainTransaction(manager, false), [{ event, payload }]);
    }
    const carried = this.carriedBy(runner);
    for (const handler of inTransaction) await handler.run(payload, carried.transaction);
    if (this.list(event, EventPhase.AFTER_COMMIT).length) carried.pending.push({ event, payload, depth: depthOf(runner) });
  }

  /** TypeORM, after COMMIT (or after a savepoint is released, which commits nothing yet). */
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return;
    const carried = queryRunner.data[CARRIED] as Carried | undefined;
    if (!carried) return;
    delete queryRunner.data[CARRIED];
    await this.runAfterCommit(carried.transaction, carried.pending);
  }

  /** TypeORM, after ROLLBACK: nothing published in what was rolled back may run after commit. */
  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const carried = queryRunner.data[CARRIED] as Carried | undefined;
    if (!carried) return;
    if (!queryRunner.isTransactionActive) delete queryRunner.data[CARRIED];
    else carried.pending = carried.pending.filter((p) => p.depth <= depthOf(queryRunner));
  }

  private carriedBy(runner: QueryRunner): Carried {
    const carried = runner.data[CARRIED] as Carried | undefined;
    if (carried) return carried;
    const fresh: Carried = { transaction: new DomainTransaction(runner.manager, true), pending: [] };
    runner.data[CARRIED] = fresh;
    return fresh;
  }

  /** In publishing order; a failure is logged and the rest still run (the outbox sweeper catches up on reminders). */
  private async runAfterCommit(transaction: DomainTransaction, events: { event: DomainEventName; payload: unknown }[]): Promise<void> {
    for (const { event, payload } of events) {
      for (const handler of this.list(event, EventPhase.AFTER_COMMIT)) {
        try {
          await handler.run(payload, transaction);
        } catch (error) {
          this.logger.error(`After-commit handler ${handler.name} of ${event} failed: ${error instanceof Error ? error.message : error}`);
        }
      }
    }
  }

  private add(event: DomainEventName, phase: EventPhase, name: string, run: Registered['run']) {
    const key = `${event} ${phase}`;
    this.registry.set(key, [...(this.registry.get(key) ?? []), { name, run }]);
  }

  private list(event: DomainEventName, phase: EventPhase): Registered[] {
    return this.registry.get(`${event} ${phase}`) ?? [];
  }
}
