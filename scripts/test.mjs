// `npm test`: finds or starts PostgreSQL and Redis (scripts/services.mjs), runs every jest test
// against them (each test file on its own fresh database), then the browser tests (Playwright, on a
// full run or with --browser-only), and ends with one plain summary line for both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServices } from './services.mjs';

const jestArgs = process.argv.slice(2).filter((arg) => arg !== '--browser-only');
const paths = jestArgs.filter((arg) => !arg.startsWith('-'));
// Browser tests run on a full run (no test paths or patterns given), when test/browser is named,
// and alone with --browser-only.
const browserOnly = process.argv.includes('--browser-only') || (paths.length > 0 && paths.every((p) => p.includes('test/browser')));
const runBrowser = browserOnly || !paths.length || paths.some((p) => p.includes('test/browser'));
const chromium = runBrowser
  ? findSystemTool(
      'chromium',
      [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
      'chromium',
      'set CHROMIUM_PATH to a Chromium binary',
    )
  : undefined;
// The browser tests read the PDFs they download with pdftotext, as a person's PDF reader would see the text.
if (runBrowser)
  findSystemTool('pdftotext', ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'], 'poppler-utils', 'put pdftotext on /usr/bin');

// The calendar tests read invites back with an iCalendar parser nobody here wrote: python's icalendar.
if (!browserOnly)
  findSystemTool('python3 with icalendar', [], 'python3-icalendar', 'put a python3 with the icalendar module on /usr/bin/python3', () =>
    spawnSync('/usr/bin/python3', ['-c', 'import icalendar']).status === 0 ? '/usr/bin/python3' : undefined,
  );

const services = await ensureServices();
const resultsDir = mkdtempSync(join(tmpdir(), 'peervisit-jest-'));
const env = { ...process.env, TEST_DATABASE_URL: services.databaseUrl, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
let child;
const forward = (signal) => child?.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const run = (args, extraEnv = {}) =>
  new Promise((resolve) => {
    child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });

let passed = 0;
let failed = 0;
let code = 0;
let complete = true;
if (!browserOnly) {
  const resultsFile = join(resultsDir, 'results.json');
  code = await run([join('node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${resultsFile}`, ...jestArgs]);
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    if (results.numTotalTests === 0) console.log('No jest test ran.');
  } catch {
    complete = false;
    console.log('jest: no results were written (jest did not finish).');
  }
}
if (runBrowser) {
  const resultsFile = join(resultsDir, 'playwright.json');
  const browserCode = await run(
    [join('node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', join('test', 'browser', 'playwright.config.ts')],
    {
      PW_JSON_OUTPUT: resultsFile,
      PW_OUTPUT_DIR: join(resultsDir, 'playwright'),
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      CHROMIUM_PATH: chromium,
    },
  );
  code ||= browserCode;
  try {
    const { stats } = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    if (stats.skipped) console.log(`${stats.skipped} browser test(s) did not run.`);
  } catch {
    complete = false;
    console.log('playwright: no results were written (the browser tests did not finish).');
  }
}
console.log(`tests: ${passed} passed, ${failed} failed`);
if (!complete) console.log('Some tests did not finish: see above.');
rmSync(resultsDir, { recursive: true, force: true });
await services.stop();
process.exit(code || (complete ? 0 : 1));

/**
 * A system program the browser tests need: Debian's chromium, which Playwright drives through
 * executablePath (its own browser downloads are not reachable here), and pdftotext. Installed with
 * apt-get when missing and we may; otherwise a clear stop naming the package.
 */
function findSystemTool(name, paths, debianPackage, otherwise, found = () => paths.filter(Boolean).find((path) => existsSync(path))) {
  if (found()) return found();
  const aptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (process.getuid?.() === 0 && aptGet) {
    console.error(`[test] Installing ${debianPackage} for the tests (apt-get install -y ${debianPackage}) ...`);
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const installed = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (installed.status === 0 && found()) return found();
  }
  console.error(
    `The tests need ${name}: install the Debian package \`${debianPackage}\` (sudo apt-get install ${debianPackage}), or ${otherwise}.`,
  );
  process.exit(1);
}
