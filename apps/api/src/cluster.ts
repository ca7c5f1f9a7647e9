import cluster, { Worker } from 'node:cluster';

/** One JSON log line, in the format of the API's JsonLogger (the primary runs no Nest app to log with). */
function log(level: 'log' | 'warn' | 'error', msg: string, extra: Record<string, unknown> = {}) {
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level, context: 'Cluster', msg, pid: process.pid, ...extra }) + '\n',
  );
}

/** A worker that dies this soon after starting is taken to be failing at start-up, not crashing under use. */
const EARLY_EXIT_MS = 10_000;
/** After this many early exits in a row the primary gives up instead of restarting forever. */
const MAX_EARLY_EXITS = 5;

/**
 * Runs the API in `count` worker processes sharing one port (node:cluster: the primary accepts the
 * connections and hands them to the workers in turn). The primary only supervises: it restarts a
 * worker that dies unexpectedly, and on SIGTERM/SIGINT passes the signal on, waits for every worker's
 * graceful shutdown and exits 0 when all of them did.
 *
 * Nothing here runs once per installation that would break when run N times: migrations are not run
 * by the API, BullMQ's schedulers are upserted (idempotent), in-process queue workers compete for jobs
 * safely, and live events cross processes through Redis pub-sub.
 */
export function runPrimary(count: number): void {
  let stopping = false;
  let clean = true;
  let earlyExits = 0;
  const startedAt = new Map<number, number>();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  cluster.on('exit', (worker: Worker, code: number | null, signal: NodeJS.Signals | null) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (code !== 0) {
        clean = false;
        log('error', `API process ${worker.process.pid} did not stop cleanly (code ${code}, signal ${signal})`);
      }
      if (startedAt.size === 0) finish();
      return;
    }
    earlyExits = lived < EARLY_EXIT_MS ? earlyExits + 1 : 0;
    if (earlyExits >= MAX_EARLY_EXITS) {
      log('error', `API processes keep exiting right after start (${earlyExits} in a row; last code ${code}, signal ${signal}): giving up`);
      stopping = true;
      clean = false;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      if (startedAt.size === 0) finish();
      return;
    }
    log('warn', `API process ${worker.process.pid} exited unexpectedly (code ${code}, signal ${signal}); starting another`);
    fork();
  });

  const finish = () => {
    log(clean ? 'log' : 'error', clean ? 'All API processes stopped cleanly' : 'Not every API process stopped cleanly');
    process.exit(clean ? 0 : 1);
  };

  // `on`, not `once`: a Ctrl-C in a terminal reaches the workers directly too, and a second signal
  // must not kill the primary before the workers are done.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('log', `${signal} received: stopping ${startedAt.size} API processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (startedAt.size === 0) finish();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  log('log', `Starting ${count} API processes`, { processes: count });
  for (let i = 0; i < count; i++) fork();
}

export const isClusterWorker = () => cluster.isWorker;
export const clusterWorkerId = () => cluster.worker?.id;
