import type { Browser, BrowserContext, Download, Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfText } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, scenario, signIn, sql, test } from './support/fixture';

/**
 * Issue 23 in the web app, the Index's start and its report: the secretariat starts an assessment
 * with its form (a wrong date is refused and said so, nothing is written), and a city official sees
 * the published results in charts (the network's anonymous scores, six cities having published;
 * the city's own history) and downloads the Index report as PDF and Word.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/icc-index-report.ts made. */
interface IccIndexReportScenario {
  admin: { id: string; email: string };
  expert: { id: string; email: string };
  coordinator: { id: string; email: string };
  rijekaReader: { id: string; email: string };
  rijeka: { id: string };
  zadar: { id: string };
}

const fx = fixture();
const s = scenario<IccIndexReportScenario>('icc-index-report');

test.describe('the Index: starting an assessment, and its report', () => {
  let context: BrowserContext;
  let page: Page;

  const as = async (browser: Browser, email: string) => {
    await context?.close();
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, email);
  };
  const download = async (click: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'index-report-')), name);
    await file.saveAs(path);
    return { bytes: readFileSync(path), suggested: file.suggestedFilename() };
  };

  test.afterAll(() => context?.close());

  test('the secretariat starts an assessment: city, definition version, dates, coordinator and expert', async ({ browser }) => {
    await as(browser, s.admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intercultural Cities Index' }).click();
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    const form = page.getByTestId('start-index');
    await form.getByLabel('City').selectOption({ label: 'Zadar (HR)' });
    await form
      .getByLabel('Index definition (published version)')
      .selectOption({ label: 'Report test Index (REPORT-INDEX, version 1, illustrative questions)' });
    await form.getByLabel('Questionnaire due').fill('2027-09-30');
    await form.getByLabel('Experts’ analysis due (optional)').fill('2027-09-01');
    await form.getByLabel('Find the coordinator').fill('Zora Zadar');
    await form.getByRole('button', { name: `Zora Zadar-Coordinator (${s.coordinator.email})` }).click();
    await expect(form.getByTestId('start-index-coordinator')).toContainText('Zora Zadar-Coordinator');
    await form.getByLabel('Add an expert').fill('Xaver');
    await form.getByRole('button', { name: `Xaver Index-Expertise (${s.expert.email})` }).click();
    await expect(form.getByTestId('start-index-experts')).toContainText('Xaver Index-Expertise');
    await expectAccessible(page, 'Index start form');

    // The analysis before the questionnaire: refused at the field, nothing started.
    await form.getByRole('button', { name: 'Start the assessment' }).click();
    await expect(form.getByText("must be after the questionnaire's due date (2027-09-30)")).toBeVisible();
    expect(await sql('SELECT id FROM icc_index_assessment WHERE city_id = $1', [s.zadar.id])).toEqual([]);
    await page.screenshot({ path: '/tmp/pw-index-report/start-refused.png', fullPage: true });

    await form.getByLabel('Experts’ analysis due (optional)').fill('2027-12-15');
    await form.getByRole('button', { name: 'Start the assessment' }).click();
    await expect(page.getByRole('heading', { name: 'Intercultural Cities Index of Zadar', level: 1 })).toBeVisible();
    const rows = await sql<{ id: string; coordinator_person_id: string; expert_person_ids: string[]; status: string }>(
      `SELECT id, coordinator_person_id, expert_person_ids, status, to_char(due_date, 'YYYY-MM-DD') AS due
         FROM icc_index_assessment WHERE city_id = $1`,
      [s.zadar.id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        coordinator_person_id: s.coordinator.id,
        expert_person_ids: [s.expert.id],
        status: 'IN_PROGRESS',
        due: '2027-09-30',
      }),
    ]);
    expect(page.url()).toContain(`/index/${rows[0].id}`);
  });

  test('the city sees its results in charts and downloads the Index report as PDF and Word', async ({ browser }) => {
    await as(browser, s.rijekaReader.email);
    await page.goto(`/index/${s.rijeka.id}`);
    const panel = page.getByTestId('index-report-panel');
    const scores = panel.getByTestId('index-scores-chart');
    // The chart is drawn (SVG) with its legend: this city, the network, the median; and no other city.
    await expect(scores.locator('svg')).toBeVisible();
    await expect(scores.locator('svg')).toContainText('Cities of the network');
    await expect(scores.locator('svg')).toContainText('Rijeka');
    await expect(scores).toContainText('the scores of 6 cities of the network');
    await expect(scores.locator('svg')).not.toContainText('Split');
    await expect(panel.getByTestId('index-history-chart').locator('svg')).toBeVisible();
    await expectAccessible(page, 'Index results with charts');
    await page.screenshot({ path: '/tmp/pw-index-report/charts.png', fullPage: true });

    const pdf = await download(() => panel.getByRole('button', { name: 'Download the Index report (PDF)' }).click(), 'index.pdf');
    expect(pdf.suggested).toMatch(/^Rijeka - Intercultural Cities Index .* v1\.pdf$/);
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Intercultural Cities Index: Rijeka');
    expect(text).toContain('Illustrative questions written by PeerVisit for this test, not the official questionnaire.');
    expect(text).toContain('1 Media and communication');
    expect(text).toContain("Rijeka's scores against the network's, per indicator");
    expect(text).not.toContain('Split');

    const word = await download(() => panel.getByRole('button', { name: 'Download the Index report (Word)' }).click(), 'index.docx');
    expect(word.suggested).toMatch(/\.docx$/);
    expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(word.bytes.includes('word/media/')).toBe(true);
    await expect(panel.getByTestId('index-report-latest')).toContainText('Version 2');
    expect(await sql('SELECT version, language FROM icc_index_report WHERE assessment_id = $1 ORDER BY version', [s.rijeka.id])).toEqual([
      { version: 1, language: 'en' },
      { version: 2, language: 'en' },
    ]);
  });
});
