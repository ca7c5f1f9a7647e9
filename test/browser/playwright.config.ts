import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/**
 * Browser tests (`npm test`, or `npm run test:browser` alone): Debian's chromium against a real API
 * that global-setup.ts starts on its own database, with PostgreSQL, Redis and captured mail.
 * One worker, one API: the scenarios share it and run in order.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.browser.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: join(__dirname, 'support', 'global-setup.ts'),
  outputDir: process.env.PW_OUTPUT_DIR ?? join(__dirname, '..', '..', 'node_modules', '.cache', 'playwright-results'),
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PW_JSON_OUTPUT ?? join(__dirname, '..', '..', 'node_modules', '.cache', 'playwright-results.json') },
    ],
  ],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
