import type { Browser, BrowserContext, Page } from '@playwright/test';
import { gql, tokenOf } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, scenario, signIn, sql, test } from './support/fixture';

/**
 * Issue 23, the Intercultural Cities Index in the web app: a department's contributor answers the
 * questions assigned to them (a conflicting save is refused and said so), the coordinator sees what
 * is missing and submits; an expert analyses another city's results (a comment, a corrected score
 * with its reason, a recommendation), the secretariat publishes, and the city reads its results and
 * the comparison's status. The database says what was stored.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/icc-index.ts made (declared here, as the other tests do, so that no lib is compiled with the browser tests). */
interface IccIndexScenario {
  admin: { id: string; email: string };
  coordinator: { id: string; email: string };
  contributor: { id: string; email: string };
  expert: { id: string; email: string };
  cityReader: { id: string; email: string };
  answering: { id: string; city: string };
  analysing: { id: string; city: string };
}

const fx = fixture();
const s = scenario<IccIndexScenario>('icc-index');

test.describe('the Intercultural Cities Index', () => {
  let context: BrowserContext;
  let page: Page;

  const as = async (browser: Browser, email: string) => {
    await context?.close();
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    page = await context.newPage();
    await signIn(page, email);
  };
  const question = (code: string) => page.locator(`article[data-question="${code}"]`);
  const answerRow = async (assessmentId: string, code: string) =>
    (
      await sql<{ value: unknown; reference: string; version: number }>(
        'SELECT value, reference, version FROM icc_index_answer WHERE assessment_id = $1 AND question_code = $2',
        [assessmentId, code],
      )
    )[0];

  test.afterAll(() => context?.close());

  test("a department's contributor answers its questions; a save over someone else's is refused", async ({ browser }) => {
    await as(browser, s.contributor.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intercultural Cities Index' }).click();
    await page.getByRole('link', { name: 'Intercultural Cities Index of Ljubljana' }).click();
    await expect(page.getByRole('heading', { name: 'Intercultural Cities Index of Ljubljana', level: 1 })).toBeVisible();
    await expect(
      page.getByText('Illustrative questions written by PeerVisit, not the official Intercultural Cities Index questionnaire.'),
    ).toBeVisible();
    // Only the two Education questions are the contributor's.
    await expect(page.locator('article[data-question]')).toHaveCount(2);
    await expect(question('02.2')).toContainText('Department: Education department');

    await question('02.1').getByLabel('None or almost none').check();
    await question('02.1').getByRole('button', { name: 'Save answer' }).click();
    await expect(question('02.1').getByText('Saved.')).toBeVisible();
    await expect.poll(async () => (await answerRow(s.answering.id, '02.1'))?.value).toEqual({ option: 'NONE' });

    await question('02.2').getByLabel('Yes').check();
    await question('02.2').getByLabel('Example or reference').fill('School network plan 2026, section 4');
    await question('02.2').getByRole('button', { name: 'Save answer' }).click();
    await expect(question('02.2').getByText('Saved.')).toBeVisible();
    await expect.poll(async () => (await answerRow(s.answering.id, '02.2'))?.reference).toBe('School network plan 2026, section 4');
    await expectAccessible(page, 'Index questionnaire');

    // The coordinator changes 02.1 while the contributor's page still shows the earlier version.
    const { version } = await answerRow(s.answering.id, '02.1');
    await gql(
      'mutation($a: ID!, $v: Int) { saveIccIndexAnswer(assessmentId: $a, questionCode: "02.1", input: { option: "SOME" }, expectedVersion: $v) { version } }',
      { a: s.answering.id, v: version },
      await tokenOf(s.coordinator.email),
    );
    await question('02.1').getByLabel('Many', { exact: true }).check();
    await question('02.1').getByRole('button', { name: 'Save answer' }).click();
    await expect(question('02.1').getByRole('alert')).toHaveText(
      'Someone saved this answer after you opened it. Reload the page to see their answer, then save again.',
    );
    expect((await answerRow(s.answering.id, '02.1')).value).toEqual({ option: 'SOME' });
    await page.screenshot({ path: '/tmp/pw-index/contributor.png', fullPage: false });
  });

  test('the coordinator assigns an indicator to a department by a colleague’s email, sees nothing missing and submits', async ({
    browser,
  }) => {
    await as(browser, s.coordinator.email);
    await page.goto(`/index/${s.answering.id}`);
    const assign = page.locator('form.index-assign');
    await assign.getByLabel('Indicator').selectOption({ label: 'Media' });
    await assign.getByLabel('Department').fill('Communications office');
    await assign.getByLabel('Contributor’s email').fill('nobody@example.org');
    await assign.getByRole('button', { name: 'Assign its questions' }).click();
    await expect(assign.getByText('nobody in the directory has the email nobody@example.org; the secretariat can add them')).toBeVisible();
    await assign.getByLabel('Contributor’s email').fill(s.contributor.email);
    await assign.getByRole('button', { name: 'Assign its questions' }).click();
    await expect(assign.getByText('1 question assigned.')).toBeVisible();
    await expect(question('10.1')).toContainText('Department: Communications office');
    expect(
      await sql('SELECT department, assignee_id FROM icc_index_answer WHERE assessment_id = $1 AND question_code = $2', [
        s.answering.id,
        '10.1',
      ]),
    ).toEqual([{ department: 'Communications office', assignee_id: s.contributor.id }]);

    await expect(page.getByText('Every question is answered. The coordinator can submit the questionnaire.')).toBeVisible();
    await page.getByRole('button', { name: 'Submit the questionnaire' }).click();
    await expect(page.getByText('In analysis')).toBeVisible();
    await expect
      .poll(async () => (await sql('SELECT status FROM icc_index_assessment WHERE id = $1', [s.answering.id]))[0].status)
      .toBe('ANALYSIS');
  });

  test('an expert comments, corrects a score with its reason and recommends; the secretariat publishes; the city reads its results', async ({
    browser,
  }) => {
    await as(browser, s.expert.email);
    await page.goto(`/index/${s.analysing.id}`);
    await expect(page.getByRole('heading', { name: 'Intercultural Cities Index of Sarajevo', level: 1 })).toBeVisible();
    const table = page.getByTestId('index-results-table');
    await expect(table.getByRole('row', { name: /^Media\s/ })).toBeVisible();
    const computed = (
      await table
        .getByRole('row', { name: /^Media\s/ })
        .getByRole('cell')
        .nth(0)
        .textContent()
    )?.trim();

    const media = page.getByRole('article', { name: 'Media', exact: true });
    await media.getByLabel('Comment on Media').fill('The communication strategy exists but is not applied by the district offices.');
    await media.getByRole('button', { name: 'Save comment' }).click();
    await expect(
      media.getByText('The communication strategy exists but is not applied by the district offices.', { exact: true }).first(),
    ).toBeVisible();

    // A correction without a reason is refused, with the field saying why.
    await media.getByLabel('Corrected score for Media').fill('40');
    await media.getByRole('button', { name: 'Correct the score' }).click();
    await expect(media.getByText('say why the score is corrected (at least 10 characters)')).toBeVisible();
    await media
      .getByLabel('Why the score of Media is corrected')
      .fill('The strategy is on paper only; interviews found no campaign since 2024.');
    await media.getByRole('button', { name: 'Correct the score' }).click();
    await expect(
      media.getByText(`Corrected from ${computed} to 40: The strategy is on paper only; interviews found no campaign since 2024.`),
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /^Media\s/ })).toContainText('40');

    await page.getByLabel('About').selectOption({ label: 'Media' });
    await page.getByLabel('Recommendation', { exact: true }).fill('Train the district offices to apply the communication strategy.');
    await page.getByRole('button', { name: 'Add recommendation' }).click();
    // In the results (the city's development plan below them lists the same recommendation once it loads).
    await expect(
      page.locator('section[aria-labelledby="index-results"]').getByText('Train the district offices to apply the communication strategy.'),
    ).toBeVisible();
    await expectAccessible(page, 'Index analysis');
    await page.screenshot({ path: '/tmp/pw-index/expert.png', fullPage: true });
    const [correction] = await sql<{ score: number; computed_score: number; reason: string }>(
      'SELECT score, computed_score, reason FROM icc_index_score_correction WHERE assessment_id = $1',
      [s.analysing.id],
    );
    expect(correction).toMatchObject({ score: 40, reason: 'The strategy is on paper only; interviews found no campaign since 2024.' });
    expect(String(correction.computed_score)).toBe(computed);

    await as(browser, s.admin.email);
    await page.goto(`/index/${s.analysing.id}`);
    await page.getByRole('button', { name: 'Publish to the city' }).click();
    await expect(page.getByText('Published', { exact: true })).toBeVisible();

    await as(browser, s.cityReader.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intercultural Cities Index' }).click();
    await page.getByRole('link', { name: 'Intercultural Cities Index of Sarajevo' }).click();
    await expect(page.getByTestId('index-results-table').getByRole('row', { name: /^Media\s/ })).toContainText('40');
    await expect(page.getByText(`Corrected from ${computed} to 40`)).toBeVisible();
    // In the results (the city's development plan below them lists the same recommendation once it loads).
    await expect(
      page.locator('section[aria-labelledby="index-results"]').getByText('Train the district offices to apply the communication strategy.'),
    ).toBeVisible();
    await expect(
      page.getByText(
        'The comparison with cities of the network is shown when at least 5 have published an Index on ICC-INDEX version 1; 1 has so far.',
      ),
    ).toBeVisible();
    await expectAccessible(page, 'Index results');
    await page.screenshot({ path: '/tmp/pw-index/city.png', fullPage: true });
  });
});
