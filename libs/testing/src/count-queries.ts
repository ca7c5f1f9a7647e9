import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface QueryCount<T> {
  /** SQL statements sent to PostgreSQL while fn ran (one per round trip, BEGIN and COMMIT included). */
  count: number;
  /** Their text, in the order they were sent. */
  statements: string[];
  /** What fn returned. */
  result: T;
}

type Recorder = (sql: string) => void;
const INSTRUMENTED = Symbol('peervisit.countQueries');
const recordersOf = new WeakMap<Pool, Set<Recorder>>();

/**
 * Counts the SQL statements the DataSource's connections send to PostgreSQL while fn runs, e.g.
 * while `await t.gql.request(...)` is served by the test app (`t.dataSource`): a client's query()
 * is one statement over the network, whoever issued it (repositories, query builders, DataLoaders,
 * transactions). Everything on that DataSource counts, so nothing else should use it meanwhile;
 * other DataSources (and other processes) are not counted.
 */
export async function countQueries<T>(dataSource: DataSource, fn: () => Promise<T> | T): Promise<QueryCount<T>> {
  if (dataSource.driver.options.type !== 'postgres') throw new Error('countQueries: only PostgreSQL DataSources are supported.');
  const driver = dataSource.driver as PostgresDriver;
  const pools = [driver.master, ...(driver.slaves ?? [])].filter(Boolean) as Pool[];
  if (!pools.length) throw new Error('countQueries: the DataSource is not initialized.');

  const statements: string[] = [];
  const record: Recorder = (sql) => statements.push(sql);
  const onAcquire = (pool: Pool) => (client: PoolClient) => instrument(pool, client);
  const listeners = pools.map((pool) => {
    if (!recordersOf.has(pool)) recordersOf.set(pool, new Set());
    recordersOf.get(pool)!.add(record);
    // Clients already connected (idle, or held by a transaction that started before fn), then every checkout.
    for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) instrument(pool, client);
    const listener = onAcquire(pool);
    pool.on('acquire', listener);
    return { pool, listener };
  });
  try {
    const result = await fn();
    return { count: statements.length, statements, result };
  } finally {
    for (const { pool, listener } of listeners) {
      pool.off('acquire', listener);
      recordersOf.get(pool)?.delete(record);
    }
  }
}

/** Wraps the client's query() once; the wrapper reports to whoever counts on its pool at the time. */
function instrument(pool: Pool, client: PoolClient): void {
  const marked = client as PoolClient & { [INSTRUMENTED]?: true };
  if (marked[INSTRUMENTED]) return;
  marked[INSTRUMENTED] = true;
  const query = client.query;
  client.query = function (this: PoolClient, ...args: unknown[]) {
    const recorders = recordersOf.get(pool);
    if (recorders?.size) {
      const sql = textOf(args[0]);
      for (const record of recorders) record(sql);
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as PoolClient['query'];
}

function textOf(config: unknown): string {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && typeof (config as { text?: unknown }).text === 'string')
    return (config as { text: string }).text;
  return String(config);
}
