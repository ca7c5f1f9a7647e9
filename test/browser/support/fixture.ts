import { AxeBuilder } from '@axe-core/playwright';
import { expect, Locator, Page, test as base } from '@playwright/test';
import { Client } from 'pg';

interface Person {
  id: string;
  email: string;
}

/** What global-setup.ts made for the tests. */
export interface BrowserFixture {
  baseUrl: string;
  databaseUrl: string;
  dataDir: string;
  jwtSecret: string;
  review: {
    reviewId: string;
    keyFactors: { id: string; number: number; code: string }[];
    people: Record<'leader' | 'peer' | 'peer2' | 'coordinator' | 'contributor' | 'observer', Person>;
  };
  sessions: { id: string; title: string }[];
  /** What each test's own scenario made (support/scenarios/<name>.ts), by name. */
  scenarios: Record<string, unknown>;
}

export const fixture = (): BrowserFixture => JSON.parse(process.env.PV_BROWSER_FIXTURE as string);
/** What support/scenarios/<name>.ts made for one test file. */
export const scenario = <T>(name: string): T => fixture().scenarios[name] as T;
/** A review made by createReviewFixture (libs/testing): its id, city, key factors in scope and a person per role. */
export type ReviewScenario = BrowserFixture['review'] & { city: { id: string; name: string } };
export const TEST_PASSWORD = 'correct-horse-battery';

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 860 } };

export const test = base.extend<{ fx: BrowserFixture }>({
  baseURL: async ({}, use) => use(fixture().baseUrl),
  fx: async ({}, use) => use(fixture()),
});
export { expect };

/** Rows of the test database (what the server really stored). */
export async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: fixture().databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  // Only violations are wanted: skipping the passes and incomplete results makes a run several times faster.
  // Legacy mode runs axe in the page itself: the default finishes in a new blank page of the context,
  // which Chromium refused to open once the report preview (a sandboxed iframe) was on the page.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** Saves a screenshot for the README (docs/screenshots/<name>.png): the top of the page, or `focus` in view. */
export async function screenshot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  else await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: false });
}

export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My reviews' })).toBeVisible();
}
