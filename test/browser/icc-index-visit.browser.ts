import type { BrowserContext, Page } from '@playwright/test';
import { DESKTOP, expect, expectAccessible, fixture, scenario, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 23, the expert visit sees the Index: on the review's "Index" tab the team reads the city's
 * latest published Intercultural Cities Index per indicator and records whether the visit confirms
 * each result; a verdict short of confirmed without a note is refused and said so. The database says
 * what was stored, and by whom.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/icc-index-visit.ts made (declared here, so that no lib is compiled with the browser tests). */
interface IccIndexVisitScenario {
  reviewId: string;
  people: Record<'leader' | 'peer', { id: string; email: string }>;
}

const fx = fixture();
const s = scenario<IccIndexVisitScenario>('icc-index-visit');

test.describe("the city's Index beside the expert visit", () => {
  let context: BrowserContext;
  let page: Page;
  const row = (code: string) => page.locator(`tr[data-indicator="${code}"]`);

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
  });
  test.afterAll(() => context?.close());

  test('a peer reads the published results per indicator and records what the visit saw', async () => {
    page = await context.newPage();
    await signIn(page, s.people.peer.email);
    await page.goto(`/reviews/${s.reviewId}`);
    await page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Index', exact: true }).click();
    await expect(page.getByRole('heading', { name: "The city's Intercultural Cities Index", level: 1 })).toBeVisible();
    await expect(page.getByTestId('visit-index-table').locator('tbody tr')).toHaveCount(14);
    const [published] = await sql<{ scores: { indicators: { code: string; final: number }[] } }>(
      "SELECT a.published_scores AS scores FROM icc_index_assessment a JOIN review r ON r.host_city_id = a.city_id WHERE r.id = $1 AND a.status = 'PUBLISHED'",
      [s.reviewId],
    );
    const final = (code: string) => published.scores.indicators.find((i) => i.code === code)!.final;
    await expect(row('EDUCATION').locator('td').first()).toHaveText(String(final('EDUCATION')));
    await expect(row('COMMITMENT').locator('td').first()).toHaveText(String(final('COMMITMENT')));

    // Not confirmed, without saying why: refused, and the form says what to add.
    const education = row('EDUCATION');
    await education.getByLabel('Does the visit confirm Education system?').selectOption('NOT_CONFIRMED');
    await education.getByRole('button', { name: 'Save' }).click();
    await expect(education.getByText('say what the visit saw that differs from the Index result')).toBeVisible();
    expect(await sql('SELECT id FROM icc_index_visit_confirmation WHERE review_id = $1', [s.reviewId])).toEqual([]);

    await education.getByLabel('Note on Education system').fill('Schools we visited run no intercultural projects yet.');
    await education.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('visit-confirmation-EDUCATION')).toContainText('Not confirmed');
    await expect(page.getByTestId('visit-confirmation-EDUCATION')).toContainText('Recorded by Piet Peer');
    expect(await sql('SELECT verdict, note, recorded_by_id FROM icc_index_visit_confirmation WHERE review_id = $1', [s.reviewId])).toEqual([
      { verdict: 'NOT_CONFIRMED', note: 'Schools we visited run no intercultural projects yet.', recorded_by_id: s.people.peer.id },
    ]);
  });

  test('the expert leader confirms another result on the same tab', async () => {
    page = await context.newPage();
    await signIn(page, s.people.leader.email);
    await page.goto(`/reviews/${s.reviewId}/icc-index`);
    const commitment = row('COMMITMENT');
    await commitment.getByLabel(/^Does the visit confirm /).selectOption('CONFIRMED');
    await commitment.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('visit-confirmation-COMMITMENT')).toContainText('Recorded by Lena Leader');
    await expect(page.getByTestId('visit-confirmation-EDUCATION')).toContainText('Recorded by Piet Peer');
    await screenshot(page, 'icc-index-visit');
    await expectAccessible(page, "the city's Index beside the visit");
  });
});
