import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import Redis from 'ioredis';

/** A redis-server of the test's own (never the shared one), which the test may stop and start again. */
export interface OwnRedis {
  port: number;
  url: string;
  /** Running now? */
  running(): boolean;
  /** Starts it again on the same port (after `stop`), empty: it runs without persistence. */
  start(): Promise<void>;
  /** SHUTDOWN NOSAVE, as a crash or a restart without persistence would: every key is gone. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answersPing(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Starts `redis-server` (it must be on PATH) on a free local port, without persistence, with the queues' eviction policy. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    if (child && child.exitCode === null && child.signalCode === null) throw new Error(`redis-server on ${port} is already running`);
    let output = '';
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    started.stdout?.on('data', (c) => (output += c));
    started.stderr?.on('data', (c) => (output += c));
    exited = new Promise((resolve) => started.on('exit', () => resolve()));
    child = started;
    const deadline = Date.now() + 10000;
    while (!(await answersPing(url))) {
      if (started.exitCode !== null) throw new Error(`redis-server on ${port} exited: ${output.slice(-1000)}`);
      if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer within 10 s: ${output.slice(-1000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.call('SHUTDOWN', 'NOSAVE').catch(() => undefined); // the connection closes instead of answering
    } catch {
      child.kill('SIGKILL');
    } finally {
      redis.disconnect();
    }
    const killer = setTimeout(() => child?.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };

  await start();
  return { port, url, running: () => !!child && child.exitCode === null && child.signalCode === null, start, stop };
}
