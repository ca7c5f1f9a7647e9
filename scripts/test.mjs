// `npm test`: finds or starts PostgreSQL and Redis (scripts/services.mjs), runs every jest test
// against them (each test file on its own fresh database), and ends with a plain summary line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServices } from './services.mjs';

const services = await ensureServices();
const resultsDir = mkdtempSync(join(tmpdir(), 'peervisit-jest-'));
const resultsFile = join(resultsDir, 'results.json');
const jestBin = join('node_modules', 'jest', 'bin', 'jest.js');
const child = spawn(process.execPath, [jestBin, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: services.databaseUrl, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`);
  if (results.numTotalTests === 0) console.log('No test ran.');
} catch {
  console.log('tests: no results were written (jest did not finish).');
}
rmSync(resultsDir, { recursive: true, force: true });
await services.stop();
process.exit(code);
