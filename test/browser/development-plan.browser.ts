import type { BrowserContext, Page } from '@playwright/test';
import { DESKTOP, expect, expectAccessible, fixture, PHONE, scenario, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 20, the development plan: on a phone, a host city official (the contributor) opens the plan
 * from the review's tabs, adds an action to the accepted recommendation and later updates its
 * progress; the expert leader, on a desktop, reads the same plan and cannot change it.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/development-plan.ts made (not imported, so this file does not compile the libs it uses). */
interface DevelopmentPlanScenario {
  reviewId: string;
  people: Record<'leader' | 'coordinator' | 'contributor', { id: string; email: string }>;
  recommendation: { id: string; text: string };
}

const fx = fixture();
const s = scenario<DevelopmentPlanScenario>('development-plan');
const ACTION = 'Translate the statement into Arabic, Polish and Somali';

test.describe('the development plan', () => {
  let phone: BrowserContext;
  let desktop: BrowserContext;
  let official: Page;

  test.beforeAll(async ({ browser }) => {
    phone = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    desktop = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    official = await phone.newPage();
  });
  test.afterAll(async () => {
    await phone?.close();
    await desktop?.close();
  });

  test('a host official adds an action on a phone', async () => {
    await signIn(official, s.people.contributor.email);
    await official.goto(`/reviews/${s.reviewId}/host/follow-up`);
    await official.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Plan', exact: true }).click();
    await expect(official.getByRole('heading', { name: 'Development plan', level: 1 })).toBeVisible();
    const rec = official.getByTestId('plan-recommendation').filter({ hasText: s.recommendation.text });
    await expect(rec.getByText('No action yet.')).toBeVisible();

    await rec.getByRole('button', { name: 'Add an action' }).click();
    const form = rec.getByTestId('add-action-form');
    // Sent empty: every problem at once, next to its field, and nothing is stored.
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('say what will be done')).toBeVisible();
    await expect(form.getByText('name the person responsible')).toBeVisible();
    expect(await sql('SELECT id FROM plan_action WHERE recommendation_id = $1', [s.recommendation.id])).toEqual([]);

    await form.getByLabel('What will be done').fill(ACTION);
    await form.getByLabel('Department or organisation').fill('Communications department');
    await form.getByLabel('Person responsible').selectOption({ label: 'Carl Contributor' });
    await form.getByLabel('Starts on').fill('2027-01-15');
    await form.getByLabel('Due on').fill('2027-05-31');
    await form.getByLabel('Quick win or longer term').selectOption({ label: 'Quick win' });
    await screenshot(official, 'development-plan-add-phone', form);
    await form.getByRole('button', { name: 'Save' }).click();

    const action = rec.getByTestId('plan-action').filter({ hasText: ACTION });
    await expect(action).toBeVisible();
    await expect(action.getByTestId('plan-action-status')).toHaveText('Planned');
    await expect(action.getByTestId('plan-action-progress')).toHaveText('0 %');
    const [row] = await sql<{ owner: string; responsible_id: string; due_on: string }>(
      "SELECT owner, responsible_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM plan_action WHERE recommendation_id = $1",
      [s.recommendation.id],
    );
    expect(row).toEqual({ owner: 'Communications department', responsible_id: s.people.contributor.id, due_on: '2027-05-31' });
    // Nothing on the page is wider than the phone.
    expect(await official.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(official, 'the development plan on a phone');
  });

  test('and updates its progress', async () => {
    const action = official.getByTestId('plan-action').filter({ hasText: ACTION });
    await action.getByRole('button', { name: 'Update progress' }).click();
    const form = action.getByTestId('update-action-form');
    await form.getByLabel('Status').selectOption({ label: 'Under way' });
    await form.getByLabel('Progress (%)').fill('40');
    await form.getByLabel('Note').fill('Arabic and Polish are done.');
    await form.getByLabel('A document that shows it (optional)').setInputFiles({
      name: 'statement-arabic-polish.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% the statement in Arabic and Polish\n'),
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(action.getByTestId('plan-action-progress')).toHaveText('40 %');
    await expect(action.getByTestId('plan-action-status')).toHaveText('Under way');
    await expect(official.getByTestId('plan-progress')).toHaveText('40 %');
    await action.getByText('2 changes').click();
    await expect(action.getByText('Arabic and Polish are done.')).toBeVisible();
    await expect(action.getByText('statement-arabic-polish')).toBeVisible();
    await screenshot(official, 'development-plan-progress-phone', action);
    const changes = await sql<{ note: string; progress: number; title: string | null }>(
      `SELECT c.note, c.progress, d.title FROM plan_action_change c JOIN plan_action a ON a.id = c.action_id
         LEFT JOIN document d ON d.id = c.document_id WHERE a.recommendation_id = $1 ORDER BY c.changed_at`,
      [s.recommendation.id],
    );
    expect(changes).toEqual([
      { note: '', progress: 0, title: null },
      { note: 'Arabic and Polish are done.', progress: 40, title: 'statement-arabic-polish' },
    ]);
  });

  test('the expert leader sees it, read-only', async () => {
    const leader = await desktop.newPage();
    await signIn(leader, s.people.leader.email);
    await leader.goto(`/reviews/${s.reviewId}/overview`);
    await leader.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Plan', exact: true }).click();
    const action = leader.getByTestId('plan-action').filter({ hasText: ACTION });
    await expect(action.getByTestId('plan-action-progress')).toHaveText('40 %');
    await expect(action).toContainText('Carl Contributor');
    await expect(leader.getByTestId('plan-progress')).toHaveText('40 %');
    await expect(leader.getByRole('button', { name: 'Update progress' })).toHaveCount(0);
    await expect(leader.getByRole('button', { name: 'Add an action' })).toHaveCount(0);
    await screenshot(leader, 'development-plan-leader');
    await expectAccessible(leader, 'the development plan, read by the expert leader');
  });
});
