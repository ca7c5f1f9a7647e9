// `npm start`: installs what is missing, finds or starts PostgreSQL and Redis, migrates, loads the
// demo data, and serves the API with the queue workers in-process. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const say = (msg) => process.stderr.write(`[start] ${msg}\n`);

function installIfNeeded() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  say('Installing dependencies (npm ci) ...');
  // npm ci never rewrites package-lock.json, so a start leaves the checkout as it found it.
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Installing dependencies failed (npm ci): see the npm output above.');
}

function run(args, env) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}).`);
}

installIfNeeded();
const { ensureServices } = await import('./services.mjs');
const services = await ensureServices();
const env = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, WORKERS_IN_PROCESS: process.env.WORKERS_IN_PROCESS ?? 'true' };

let api;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('Stopping ...');
  if (api && api.exitCode === null) {
    await new Promise((done) => {
      api.once('exit', done);
      api.kill('SIGTERM');
      setTimeout(() => { api.kill('SIGKILL'); done(); }, 15000).unref();
    });
  }
  await services.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  run(['-r', '@swc-node/register', 'scripts/seed.ts'], env);
} catch (error) {
  say(error.message);
  await shutdown(1);
}

api = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { stdio: 'inherit', env });
api.on('exit', (code) => { if (!stopping) { say(`The API stopped (exit ${code}).`); shutdown(code ?? 1); } });

const port = Number(env.PORT ?? 3000);
const base = `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${port}`;
for (let i = 0; i < 120 && !stopping; i++) {
  const healthy = await fetch(`${base}/health`).then((r) => r.ok, () => false);
  if (healthy) {
    const { DEMO_PASSWORD, DEMO_ACCOUNTS } = await loadDemoAccounts();
    process.stderr.write(
      [
        '',
        'PeerVisit is running.',
        `  GraphQL API:    ${base}/graphql`,
        `  Explorer:       ${base}/explorer   (sign in with the signIn mutation, then set the Authorization header)`,
        `  Health:         ${base}/health`,
        `  Captured mail:  ${env.DATA_DIR ?? '.data'}/mail (set SMTP_URL to send for real)`,
        '',
        `Demo accounts (password "${DEMO_PASSWORD}"):`,
        ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(34)} ${a.fullName} — ${a.role}`),
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}

async function loadDemoAccounts() {
  // The list lives in scripts/demo-data.ts; read it without compiling TypeScript here.
  const { readFileSync } = await import('node:fs');
  const source = readFileSync('scripts/demo-data.ts', 'utf8');
  const password = /DEMO_PASSWORD = '([^']+)'/.exec(source)?.[1] ?? '';
  const accounts = [...source.matchAll(/email: '([^']+)', fullName: '([^']+)', role: '([^']+)'/g)].map((m) => ({ email: m[1], fullName: m[2], role: m[3] }));
  return { DEMO_PASSWORD: password, DEMO_ACCOUNTS: accounts };
}
