import type { BrowserContext, Page } from '@playwright/test';
import { DESKTOP, expect, expectAccessible, fixture, scenario, signIn, sql, test } from './support/fixture';

/**
 * Issue 23, the city's own development plan: Rijeka has a published Index and no review (the Index
 * comes before the expert visit). A city official adds an action to its Index recommendation on the
 * Index page's "Development plan" section and updates its progress; the Index's expert reads it and
 * cannot change it. Uses the icc-index-report scenario (Rijeka's latest Index has one recommendation).
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/icc-index-report.ts made (the part used here). */
interface IccIndexReportScenario {
  expert: { id: string; email: string };
  rijekaReader: { id: string; email: string };
  rijeka: { id: string };
}

const fx = fixture();
const s = scenario<IccIndexReportScenario>('icc-index-report');
const ACTION = 'Run a newsroom workshop with the local broadcaster';

test.describe("the city's development plan on its Index", () => {
  let context: BrowserContext;
  let page: Page;

  test.afterAll(() => context?.close());

  test('a city official adds an action to an Index recommendation and updates its progress', async ({ browser }) => {
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    page = await context.newPage();
    await signIn(page, s.rijekaReader.email);
    await page.goto(`/index/${s.rijeka.id}`);
    const section = page.getByTestId('index-plan');
    await expect(section.getByRole('heading', { name: 'Development plan', level: 2 })).toBeVisible();
    const rec = section.getByTestId('plan-index-recommendation').filter({ hasText: 'Train newsroom staff in intercultural reporting.' });
    await expect(rec.getByText('Media and communication')).toBeVisible();
    await expect(rec.getByText('No action yet.')).toBeVisible();

    await rec.getByRole('button', { name: 'Add an action' }).click();
    const form = rec.getByTestId('add-action-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('say what will be done')).toBeVisible();
    expect(await sql('SELECT id FROM plan_action WHERE review_id IS NULL')).toEqual([]);
    await form.getByLabel('What will be done').fill(ACTION);
    await form.getByLabel('Department or organisation').fill('Communication office');
    await form.getByLabel('Person responsible').selectOption({ label: 'Rina Rijeka Official' });
    await form.getByLabel('Starts on').fill('2027-02-01');
    await form.getByLabel('Due on').fill('2027-06-30');
    await form.getByRole('button', { name: 'Save' }).click();
    const action = rec.getByTestId('plan-action').filter({ hasText: ACTION });
    await expect(action.getByTestId('plan-action-progress')).toHaveText('0 %');

    await action.getByRole('button', { name: 'Update progress' }).click();
    const update = action.getByTestId('update-action-form');
    // No review, so no document to attach.
    await expect(update.getByLabel('Status')).toBeVisible();
    await expect(update.locator('input[type="file"]')).toHaveCount(0);
    await update.getByLabel('Status').selectOption({ label: 'Under way' });
    await update.getByLabel('Progress (%)').fill('40');
    await update.getByRole('button', { name: 'Save' }).click();
    await expect(action.getByTestId('plan-action-progress')).toHaveText('40 %');
    await expect(rec.getByTestId('plan-rec-progress')).toContainText('40 %');
    await expectAccessible(page, "Index page with the city's development plan");
    await page.screenshot({ path: '/tmp/pw-index-plan/index-plan.png', fullPage: true });
    expect(await sql('SELECT review_id, progress, status FROM plan_action WHERE review_id IS NULL')).toEqual([
      { review_id: null, progress: 40, status: 'UNDER_WAY' },
    ]);
  });

  test("the Index's expert reads the plan and cannot change it", async ({ browser }) => {
    await context.close();
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    page = await context.newPage();
    await signIn(page, s.expert.email);
    await page.goto(`/index/${s.rijeka.id}`);
    const section = page.getByTestId('index-plan');
    await expect(section.getByTestId('plan-action').filter({ hasText: ACTION }).getByTestId('plan-action-progress')).toHaveText('40 %');
    await expect(section.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'Update progress' })).toHaveCount(0);
  });
});
