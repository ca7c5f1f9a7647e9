// `npm start`: installs the dependencies when node_modules does not match the lockfile (npm ci, which
// never rewrites package-lock.json), finds or starts PostgreSQL and Redis, migrates, loads the catalogue
// (and, outside production, the demo data), and serves the API with the queue workers in-process.
// SIGINT or SIGTERM (Ctrl-C, or a supervisor signalling npm, which passes it on: package.json runs this
// file with `exec`, so npm's child is this process, not a shell) stops the step running, the API and
// whatever this script started, then exits.
import { spawn } from 'node:child_process';
import { dependencyDrift } from './installed-dependencies.mjs';

const say = (msg) => process.stderr.write(`[start] ${msg}\n`);
const production = process.env.NODE_ENV === 'production';
const demo = !production && !process.argv.includes('--no-demo');
/** Longer than the API's own graceful-shutdown limit (30 s), so that it can finish and exit 0 first. */
const KILL_AFTER_MS = 35_000;

let stopSignal;
let current;
const onSignal = (signal) => {
  if (!stopSignal) say(`${signal} received: stopping ...`);
  stopSignal ??= signal;
  current?.kill('SIGTERM');
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** Runs one child to its end; a stop signal is passed on to it (SIGKILL if it outlives KILL_AFTER_MS). */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    current = child;
    if (stopSignal) child.kill('SIGTERM');
    let killer;
    const escalate = () => (killer ??= setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS));
    if (stopSignal) escalate();
    process.once('SIGINT', escalate).once('SIGTERM', escalate);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      current = undefined;
      clearTimeout(killer);
      process.off('SIGINT', escalate).off('SIGTERM', escalate);
      resolve({ code, signal });
    });
  });
}

async function installIfNeeded() {
  const drift = dependencyDrift('.', { omitDev: production });
  if (!drift) return;
  say(`Installing dependencies (npm ci): ${drift} ...`);
  const result = await run('npm', ['ci', '--no-audit', '--no-fund']);
  if (result.code !== 0 && !stopSignal) throw new Error('Installing dependencies failed (npm ci): see the npm output above.');
}

async function announceWhenHealthy(base, api) {
  for (let i = 0; i < 240 && !stopSignal && api.exitCode === null; i++) {
    if (
      await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      process.stderr.write(
        [
          '',
          'PeerVisit is running.',
          `  Web app:        ${base}/`,
          `  GraphQL API:    ${base}/graphql`,
          ...(production
            ? []
            : [`  Explorer:       ${base}/explorer   (sign in with the signIn mutation, then set the Authorization header)`]),
          `  Health:         ${base}/health`,
          `  Captured mail:  ${process.env.DATA_DIR ?? '.data'}/mail (set SMTP_URL to send for real)`,
          '',
          ...(demo
            ? await demoAccountLines()
            : ['No demo data. Create the first administrator with: npm run admin:create -- --email <address> --name "<name>"']),
          '',
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function demoAccountLines() {
  // The list lives in libs/directory/src/demo/demo-accounts.ts; read it without compiling TypeScript here.
  const { readFileSync } = await import('node:fs');
  const source = readFileSync('libs/directory/src/demo/demo-accounts.ts', 'utf8');
  const password = /DEMO_PASSWORD = '([^']+)'/.exec(source)?.[1] ?? '';
  const accounts = [...source.matchAll(/email: '([^']+)', fullName: '([^']+)', role: '([^']+)'/g)];
  return [
    `Demo accounts (development only; password "${password}"):`,
    ...accounts.map(([, email, fullName, role]) => `  ${email.padEnd(34)} ${fullName} — ${role}`),
  ];
}

let services;
let exitCode = 0;
try {
  await installIfNeeded();
  // The API serves the web app from apps/web/dist: build it when it is missing or older than its sources.
  if (!stopSignal) (await import('./web-app-build.mjs')).buildWebAppIfStale(say);
  if (!stopSignal) {
    const { ensureServices } = await import('./services.mjs');
    services = await ensureServices();
  }
  const env = {
    ...process.env,
    DATABASE_URL: services?.databaseUrl,
    REDIS_URL: services?.redisUrl,
    WORKERS_IN_PROCESS: process.env.WORKERS_IN_PROCESS ?? 'true',
  };
  if (!stopSignal) {
    if (!demo)
      say(production ? 'NODE_ENV=production: loading the catalogue only, no demo data.' : '--no-demo: loading the catalogue only.');
    const seeded = await run(process.execPath, ['-r', '@swc-node/register', 'scripts/seed.ts', ...(demo ? ['--demo'] : [])], env);
    if (seeded.code !== 0 && !stopSignal)
      throw new Error(`Migrating and loading the data failed (scripts/seed.ts exit ${seeded.code ?? seeded.signal}).`);
  }
  if (!stopSignal) {
    const port = Number(env.PORT ?? 3000);
    const base = `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${port}`;
    const api = run(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], env);
    void announceWhenHealthy(base, current);
    const { code, signal } = await api;
    if (!stopSignal) say(`The API stopped (exit ${code ?? signal}).`);
    else if (code !== 0) say(`The API did not stop cleanly (exit ${code ?? signal}).`);
    exitCode = code === 0 ? 0 : 1;
  }
} catch (error) {
  say(error.message);
  exitCode = 1;
}
await services?.stop();
if (stopSignal) say('Stopped.');
process.exit(exitCode);
