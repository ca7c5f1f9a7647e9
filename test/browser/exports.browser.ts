import * as XLSX from '@e965/xlsx';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESKTOP, expect, expectAccessible, scenario, screenshot, signIn, sql, test } from './support/fixture';

/** What support/scenarios/exports.ts made (not imported, so this file does not compile the libs it uses). */
interface ExportsScenario {
  reviewId: string;
  city: { id: string; name: string };
  leader: { email: string };
  ratings: { code: string; self: number; team: number }[];
  unnamed: string;
  evidence: string[];
}

const s = scenario<ExportsScenario>('exports');

/**
 * Issue 20, exports: the expert leader downloads the review's ratings as XLSX from the Feedback and
 * report page and the evidence as CSV, anonymised, from the Evidence page; the files are read back
 * with SheetJS and papaparse and compared with what the database holds.
 */
test.describe('spreadsheet exports', () => {
  const download = async (page: Page, click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'exports-')), file.suggestedFilename());
    await file.saveAs(path);
    return { path, name: file.suggestedFilename() };
  };

  test('the leader downloads the ratings (XLSX) and the anonymised evidence (CSV)', async ({ browser }) => {
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, s.leader.email);

    await page.goto(`/reviews/${s.reviewId}/feedback-report`);
    const ratings = page.getByTestId('export-ratings');
    await expect(ratings).toBeVisible();
    await expectAccessible(page, 'feedback and report with exports');
    await screenshot(page, 'exports-feedback-report', ratings);
    const xlsx = await download(page, () => ratings.getByRole('button', { name: 'Download the ratings as XLSX' }).click());
    expect(xlsx.name).toBe('Kristiansand-ratings.xlsx');
    const book = XLSX.read(readFileSync(xlsx.path));
    const rows = XLSX.utils.sheet_to_json<Record<string, string | number>>(book.Sheets[book.SheetNames[0]]);
    const stored = await sql<{ code: string; self: number; team: number }>(
      `SELECT k.code, e.rating AS self, c.rating AS team FROM conclusion c JOIN key_factor k ON k.id = c.key_factor_id
         LEFT JOIN self_assessment_entry e ON e.review_id = c.review_id AND e.key_factor_id = c.key_factor_id
        WHERE c.review_id = $1 ORDER BY k.number`,
      [s.reviewId],
    );
    expect(rows.map((r) => [r['Key factor'], r['Self-assessment rating'], r["Team's rating"]])).toEqual(
      stored.map((r) => [r.code, r.self, r.team]),
    );
    expect(stored.map((r) => r.code)).toEqual(s.ratings.map((r) => r.code));

    await page.goto(`/reviews/${s.reviewId}/evidence`);
    const evidence = page.getByTestId('export-evidence');
    await expect(evidence).toBeVisible();
    await evidence.getByLabel('anonymise (as the report does)').check();
    await expectAccessible(page, 'evidence with export');
    await screenshot(page, 'exports-evidence', evidence);
    const csv = await download(page, () => evidence.getByRole('button', { name: 'Download the evidence as CSV' }).click());
    expect(csv.name).toBe('Kristiansand-evidence-anonymised.csv');
    const text = readFileSync(csv.path, 'utf8').replace(/^\uFEFF/, '');
    expect(text).not.toContain(s.unnamed);
    const items = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const logged = await sql<{ statement: string }>(
      'SELECT statement FROM evidence WHERE review_id = $1 AND retracted_at IS NULL ORDER BY observed_at',
      [s.reviewId],
    );
    expect(items.map((i) => i.Statement)).toEqual(logged.map((l) => l.statement.replace(s.unnamed, '[name withheld]')));
    expect(items[0]['Stakeholder category']).toBe('another stakeholder');

    // Both downloads are in the review's audit trail.
    const trail = await sql<{ action: string; format: string }>(
      "SELECT action, after->>'format' AS format FROM audit_entry WHERE review_id = $1 AND action LIKE 'export.%' ORDER BY at",
      [s.reviewId],
    );
    expect(trail).toEqual([
      { action: 'export.ratings', format: 'xlsx' },
      { action: 'export.evidence', format: 'csv' },
    ]);
    await context.close();
  });
});
