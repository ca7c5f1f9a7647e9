import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { DomainEventBus } from './domain-event-bus';
import { DomainTransaction, EventPhase } from './domain-events';

/** The two phases on a real PostgreSQL: which transaction the handlers see, and when they run. */
describe('DomainEventBus', () => {
  let dataSource: DataSource;
  let bus: DomainEventBus;
  /** What each phase saw, per label: the row as the handler's own manager reads it, and as another connection does. */
  const seen: { phase: EventPhase; label: string; own: boolean; elsewhere: boolean; transactional: boolean }[] = [];
  const failing = new Set<string>();

  // A test-only event: the app's map (DomainEvents) does not list it, so names and payloads are cast.
  const publish = (label: string, manager: EntityManager) => bus.publish('probe' as never, { label } as never, manager);
  const insert = (manager: EntityManager, label: string) => manager.query('INSERT INTO probe (label) VALUES ($1)', [label]);
  const exists = async (manager: EntityManager, label: string) =>
    (await manager.query('SELECT 1 FROM probe WHERE label = $1', [label])).length > 0;
  const seenBy = (phase: EventPhase) => seen.filter((s) => s.phase === phase).map((s) => s.label);

  beforeAll(async () => {
    // The bus on the file's own database; handlers are added with on() (discovering @OnEvent methods
    // needs a Nest app, which test/contract/domain-events.spec.ts boots).
    dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL as string, [])).initialize();
    bus = new DomainEventBus(dataSource, { getProviders: () => [] } as unknown as DiscoveryService, new MetadataScanner());
    await dataSource.query('CREATE TABLE probe (label text PRIMARY KEY)');
    for (const phase of [EventPhase.IN_TRANSACTION, EventPhase.AFTER_COMMIT]) {
      bus.on('probe' as never, phase, `spec ${phase}`, async ({ label }: { label: string }, tx: DomainTransaction) => {
        seen.push({
          phase,
          label,
          own: await exists(tx.manager, label),
          elsewhere: await exists(dataSource.manager, label),
          transactional: tx.transactional,
        });
        if (phase === EventPhase.IN_TRANSACTION) await insert(tx.manager, `${label}:by-handler`);
        if (phase === EventPhase.AFTER_COMMIT && failing.has(label)) throw new Error(`after-commit failure for ${label}`);
      });
    }
    // A second after-commit handler, to show one failure does not stop the others.
    bus.on('probe' as never, EventPhase.AFTER_COMMIT, 'spec second', ({ label }: { label: string }) => {
      seen.push({ phase: 'second' as EventPhase, label, own: false, elsewhere: false, transactional: false });
    });
  });
  afterAll(() => dataSource?.destroy());

  it('in-transaction handlers run on the publisher’s transaction: they see its uncommitted rows and commit with it', async () => {
    await dataSource.transaction(async (manager) => {
      await insert(manager, 'a');
      await publish('a', manager);
      // Published, not committed: only the in-transaction phase has run.
      expect(seenBy(EventPhase.AFTER_COMMIT)).not.toContain('a');
    });
    expect(seen.find((s) => s.phase === EventPhase.IN_TRANSACTION && s.label === 'a')).toEqual({
      phase: EventPhase.IN_TRANSACTION,
      label: 'a',
      own: true,
      elsewhere: false,
      transactional: true,
    });
    expect(await exists(dataSource.manager, 'a:by-handler')).toBe(true);
  });

  it('after-commit handlers run once the transaction committed, seeing what it wrote, before transaction() returns', async () => {
    await dataSource.transaction(async (manager) => {
      await insert(manager, 'b');
      await publish('b', manager);
    });
    expect(seen.filter((s) => s.label === 'b' && s.phase === EventPhase.AFTER_COMMIT)).toEqual([
      { phase: EventPhase.AFTER_COMMIT, label: 'b', own: true, elsewhere: true, transactional: true },
    ]);
  });

  it('a rolled-back transaction runs no after-commit handler, now or at a later commit of the same connection', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await insert(runner.manager, 'c');
      await publish('c', runner.manager);
      await runner.rollbackTransaction();
      expect(seenBy(EventPhase.IN_TRANSACTION)).toContain('c');
      expect(await exists(dataSource.manager, 'c:by-handler')).toBe(false);
      // The same connection commits another change: its event runs after commit, the rolled-back one still does not.
      await runner.startTransaction();
      await insert(runner.manager, 'd');
      await publish('d', runner.manager);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(seenBy(EventPhase.AFTER_COMMIT)).toContain('d');
    expect(seenBy(EventPhase.AFTER_COMMIT)).not.toContain('c');
  });

  it('a savepoint rolled back drops only the events published inside it', async () => {
    await dataSource.transaction(async (manager) => {
      await insert(manager, 'outer');
      await publish('outer', manager);
      await expect(
        manager.transaction(async (inner) => {
          await insert(inner, 'inner');
          await publish('inner', inner);
          throw new Error('savepoint rolled back on purpose');
        }),
      ).rejects.toThrow('on purpose');
    });
    expect(seenBy(EventPhase.AFTER_COMMIT)).toContain('outer');
    expect(seenBy(EventPhase.AFTER_COMMIT)).not.toContain('inner');
  });

  it('published outside a transaction, the in-transaction handlers get one of their own and after-commit follows its commit', async () => {
    await insert(dataSource.manager, 'e');
    await publish('e', dataSource.manager);
    expect(seen.filter((s) => s.label === 'e').map((s) => [s.phase, s.transactional])).toEqual([
      [EventPhase.IN_TRANSACTION, true],
      [EventPhase.AFTER_COMMIT, true],
      ['second', false],
    ]);
    expect(await exists(dataSource.manager, 'e:by-handler')).toBe(true);
  });

  it('a failing after-commit handler is logged, not thrown: the change stays committed and the next handler still runs', async () => {
    failing.add('f');
    await dataSource.transaction(async (manager) => {
      await insert(manager, 'f');
      await publish('f', manager);
    });
    expect(await exists(dataSource.manager, 'f')).toBe(true);
    expect(seen.filter((s) => s.label === 'f').map((s) => s.phase)).toEqual([EventPhase.IN_TRANSACTION, EventPhase.AFTER_COMMIT, 'second']);
  });

  it('an in-transaction handler that throws rolls the change back', async () => {
    bus.on('refused' as never, EventPhase.IN_TRANSACTION, 'spec refusing', () => {
      throw new Error('refused by a handler');
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await insert(manager, 'g');
        await bus.publish('refused' as never, {} as never, manager);
      }),
    ).rejects.toThrow('refused by a handler');
    expect(await exists(dataSource.manager, 'g')).toBe(false);
  });

  it('the handle tells the after-commit phase when its transaction started, as read inside it', async () => {
    let inside = '';
    let after = '';
    bus.on('clock' as never, EventPhase.IN_TRANSACTION, 'spec clock in', async (_: unknown, tx: DomainTransaction) => {
      inside = await tx.startedAtMicros();
    });
    bus.on('clock' as never, EventPhase.AFTER_COMMIT, 'spec clock after', async (_: unknown, tx: DomainTransaction) => {
      after = await tx.startedAtMicros();
    });
    const written = await dataSource.transaction(async (manager) => {
      // A pause, so that a now() read after commit could not equal the transaction's start.
      await manager.query('SELECT pg_sleep(0.01)');
      await bus.publish('clock' as never, {} as never, manager);
      const [row] = await manager.query('SELECT (extract(epoch FROM now()) * 1000000)::bigint::text AS started');
      return row.started as string;
    });
    expect(inside).toBe(written);
    expect(after).toBe(written);
  });
});
