import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use and keyed by name, so one request batches its relation
 * loads; and per-request values (`memo`) that, once loaded, are handed back without a promise.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly memos = new Map<string, Memo<unknown>>();
  private readonly scoped = new Map<string, unknown>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The value `load` gives for `key`, loaded once per request: a promise until it has arrived, the
   * value itself after. Thousands of fields of one answer read the same few values (a review's key
   * factors, its people); handed back as values, graphql-js completes those fields without a promise each.
   */
  memo<T>(key: string, load: () => Promise<T>): T | Promise<T> {
    let memo = this.memos.get(key) as Memo<T> | undefined;
    if (!memo) {
      const entry: Memo<T> = { settled: false, promise: load() };
      entry.promise.then(
        (value) => Object.assign(entry, { settled: true, value }),
        () => undefined,
      );
      this.memos.set(key, entry as Memo<unknown>);
      memo = entry;
    }
    return memo.settled ? (memo.value as T) : memo.promise;
  }

  /** One object per request for `key` (e.g. a set of loaders built on this registry), made on first use. */
  once<T>(key: string, make: () => T): T {
    if (!this.scoped.has(key)) this.scoped.set(key, make());
    return this.scoped.get(key) as T;
  }
}

interface Memo<T> {
  settled: boolean;
  promise: Promise<T>;
  value?: T;
}

/** `then` that stays synchronous for a value: a field resolver that can answer now does, without a promise. */
export function whenLoaded<T, R>(value: T | Promise<T>, next: (loaded: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Groups rows by a key in the order DataLoader asked for them. */
export function groupInOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/** One row per key (or null), in the order DataLoader asked for them. */
export function oneInOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}
