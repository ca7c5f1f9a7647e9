// `npm run bench [-- name ...]`: finds or starts PostgreSQL and Redis (scripts/services.mjs), then runs
// the benchmark suite (scripts/bench/main.ts), which prints a table and writes bench/results/*.json.
import { spawn } from 'node:child_process';
import { ensureServices } from './services.mjs';

const services = await ensureServices();
const child = spawn(process.execPath, ['--expose-gc', '-r', '@swc-node/register', 'scripts/bench/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await services.stop();
process.exit(code);
