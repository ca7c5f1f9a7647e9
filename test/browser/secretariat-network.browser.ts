import type { BrowserContext, Download, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturedMail } from '../../libs/testing/src/mail-capture';
import { DESKTOP, expect, expectAccessible, fixture, scenario, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 18, the secretariat's side of the network: the network view (ratings across cities per key
 * factor as a chart and a table, open recommendations and overdue follow-ups per city), the
 * benchmarks (browse, export JSON, import a changed copy as a new draft version and publish it, a bad
 * import showing every problem), mail and queues (the outbox by status, a failed message sent again
 * and delivered), and the administrators (a person made one, an administrator's sessions seen and
 * one ended). Everything through the UI; the database and the captured mail say what was stored and sent.
 */
test.describe.configure({ mode: 'serial' });

interface NetworkScenario {
  admin: { id: string; email: string };
  nora: { id: string; email: string };
  cities: Record<'botkyrka' | 'reggio' | 'limassol', { id: string; name: string }>;
  followUpReviewId: string;
  overdueRecommendationId: string;
  coordinatorEmail: string;
  failedMessageId: string;
  pilot: { code: string; version: number };
}

const fx = fixture();
const s = scenario<NetworkScenario>('secretariat-network');
const tmp = mkdtempSync(join(tmpdir(), 'pv-secretariat-'));

test.describe("the secretariat's network view, benchmarks, mail and queues, and administrators", () => {
  let context: BrowserContext;
  let page: Page;
  const tab = (name: string) => page.getByRole('navigation', { name: 'Secretariat' }).getByRole('link', { name, exact: true });

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl, acceptDownloads: true });
    page = await context.newPage();
    await signIn(page, s.admin.email);
  });
  test.afterAll(() => context?.close());

  test('the network: ratings across cities per key factor as a chart and a table; open and overdue follow-ups per city', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secretariat' }).click();
    await tab('The network').click();
    await expect(page.getByRole('heading', { name: 'The network', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Benchmark')).toHaveValue('EUROCITIES-PCD@1');

    // The chart is drawn (an SVG with a bar per level and key factor), with its figures as a table.
    const chart = page.getByTestId('network-chart');
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart.locator('.chart-svg')).toHaveAttribute(
      'aria-label',
      /Stacked bar chart: for each key factor of EUROCITIES-PCD version 1/,
    );
    expect(await chart.locator('svg path[aria-roledescription="bar"], svg .mark-rect path').count()).toBeGreaterThan(3);
    const table = page.getByTestId('network-ratings-table');
    await expect(table.getByRole('columnheader', { name: '4 Fully in place' })).toBeVisible();
    // The table says what the database holds: agreed ratings of shared reviews, per level, for key factor 01.
    const stored = await sql<{ rating: number; count: number; cities: number }>(
      `SELECT c.rating, count(*)::int AS count, count(DISTINCT r.host_city_id)::int AS cities
         FROM conclusion c JOIN review r ON r.id = c.review_id JOIN key_factor k ON k.id = c.key_factor_id JOIN benchmark b ON b.id = r.benchmark_id
        WHERE b.code = 'EUROCITIES-PCD' AND b.version = 1 AND k.number = 1 AND c.status = 'AGREED'
          AND r.status IN ('FEEDBACK', 'REPORTING', 'FOLLOW_UP', 'CLOSED') GROUP BY ROLLUP (c.rating) ORDER BY c.rating`,
    );
    const row01 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^01 / }) });
    const cells = (await row01.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    const total = stored.find((r) => r.rating === null)!;
    expect(Number(cells[0])).toBe(total.cities);
    expect(total.cities).toBeGreaterThanOrEqual(3); // Botkyrka, Reggio Emilia, Limassol (and other tests' cities)
    for (const level of [1, 2, 3, 4]) expect(Number(cells[level])).toBe(stored.find((r) => r.rating === level)?.count ?? 0);

    // Follow-up per city: Botkyrka has two open recommendations, one overdue; Reggio Emilia one open, none overdue.
    const followUp = page.getByTestId('follow-up-table');
    const cityRow = (name: string) =>
      followUp.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    await expect(cityRow('Botkyrka').getByRole('cell')).toHaveText(['2', '1', '—']);
    await expect(cityRow('Reggio Emilia').getByRole('cell')).toHaveText(['1', '0', '—']);
    await expect(cityRow('Limassol')).toHaveCount(0);
    const overdue = page.getByTestId('overdue-city').filter({ hasText: 'Overdue in Botkyrka (1)' });
    const item = overdue.getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('link')).toHaveText(
      'Publish the diversity statement on the city website and report on it to the council every year.',
    );
    await expect(item.getByRole('link')).toHaveAttribute('href', `/reviews/${s.followUpReviewId}/recommendations`);
    await expect(item).toContainText('no progress report yet');
    await expect(item).toContainText('Peer review of Botkyrka, 2025');
    await expectAccessible(page, 'the network view');
    await screenshot(page, 'secretariat-network');
    await screenshot(page, 'secretariat-network-follow-up', page.getByRole('heading', { name: 'Follow-up per city' }));
  });

  test('benchmarks: browse the shipped one, export a copy, import it changed as a new draft version and publish it; a bad file shows every problem', async () => {
    await tab('Benchmarks').click();
    await expect(page.getByRole('heading', { name: 'Benchmarks', level: 1 })).toBeVisible();
    const versions = page.getByTestId('benchmark-versions');
    await expect(versions.getByRole('row', { name: /EUROCITIES-PCD 1 Promoting cultural diversity Published/ })).toBeVisible();

    // Browse the shipped benchmark: its scale, its 13 key factors with their guide questions, its 7 context factors.
    await page.getByRole('button', { name: 'View EUROCITIES-PCD version 1' }).click();
    const detail = page.getByTestId('benchmark-detail');
    await expect(detail.getByRole('heading', { name: 'Promoting cultural diversity (EUROCITIES-PCD version 1)' })).toBeVisible();
    await expect(detail.getByRole('rowheader', { name: 'Fully in place' })).toBeVisible();
    await expect(detail.getByRole('heading', { name: 'Key factors (13)' })).toBeVisible();
    await expect(detail.getByRole('heading', { name: 'Context factors (7)' })).toBeVisible();
    const strategy = detail.locator('details', { has: page.locator('summary', { hasText: /^02 Strategy$/ }) });
    await strategy.locator('summary').click();
    await expect(strategy.getByRole('heading', { name: /Guide questions \(\d+\)/ })).toBeVisible();
    expect(await strategy.getByRole('listitem').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'a benchmark');
    await screenshot(page, 'secretariat-benchmarks', detail.getByRole('heading', { name: 'Rating scale' }));

    // Export the pilot copy as JSON: a download the browser saves, holding every key factor.
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      page.getByRole('button', { name: `Export ${s.pilot.code} version ${s.pilot.version} as JSON` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('eurocities-pcd-pilot-v1.json');
    const exported = join(tmp, download.suggestedFilename());
    await download.saveAs(exported);
    const document = JSON.parse(readFileSync(exported, 'utf8'));
    expect(document).toMatchObject({ code: s.pilot.code, version: 1, title: 'Promoting cultural diversity (pilot edition)' });
    expect(document.keyFactors).toHaveLength(13);
    expect(document.keyFactors[0].guideQuestions.length).toBeGreaterThan(0);

    // A changed copy: a sharper heading and one more guide question for key factor 02. Imported as the next version, a draft.
    document.keyFactors[1].heading = 'A strategy with targets';
    document.keyFactors[1].guideQuestions.push('Does the strategy set targets the council reviews every year?');
    const changed = join(tmp, 'pilot-changed.json');
    writeFileSync(changed, JSON.stringify(document, null, 2));
    const importForm = page.getByTestId('benchmark-import');
    await importForm.getByLabel('JSON file').setInputFiles(changed);
    await expect(importForm.getByLabel(/Import it as the next version/)).toBeChecked();
    await expect(importForm.getByLabel(/Publish it at once/)).not.toBeChecked();
    await importForm.getByRole('button', { name: 'Import' }).click();
    await expect(importForm.getByRole('status')).toHaveText(
      `Imported as ${s.pilot.code} version 2, a draft: look at it below, then publish it.`,
    );
    const [draft] = await sql<{ id: string; status: string; title: string }>(
      'SELECT id, status, title FROM benchmark WHERE code = $1 AND version = 2',
      [s.pilot.code],
    );
    expect(draft).toMatchObject({ status: 'DRAFT', title: 'Promoting cultural diversity (pilot edition)' });
    const [kf2] = await sql<{ heading: string; questions: number }>(
      `SELECT k.heading, (SELECT count(*)::int FROM guide_question q WHERE q.key_factor_id = k.id) AS questions
         FROM key_factor k WHERE k.benchmark_id = $1 AND k.number = 2`,
      [draft.id],
    );
    expect(kf2).toEqual({ heading: 'A strategy with targets', questions: document.keyFactors[1].guideQuestions.length });
    // The new draft is shown, with the change.
    await expect(
      detail.getByRole('heading', { name: `Promoting cultural diversity (pilot edition) (${s.pilot.code} version 2)` }),
    ).toBeVisible();
    await expect(detail.getByText('A strategy with targets')).toBeVisible();
    await expect(versions.getByRole('row', { name: new RegExp(`${s.pilot.code} 2 .* Draft`) })).toBeVisible();

    // Publish it, after a confirmation: from then on it never changes.
    await page.getByRole('button', { name: `Publish ${s.pilot.code} version 2` }).click();
    await expect(page.getByText(`Once published, ${s.pilot.code} version 2 can never change`)).toBeVisible();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${s.pilot.code} version 2 is published.` })).toBeVisible();
    await expect(versions.getByRole('row', { name: new RegExp(`${s.pilot.code} 2 .* Published`) })).toBeVisible();
    const [published] = await sql<{ status: string; published_at: Date | null }>(
      'SELECT status, published_at FROM benchmark WHERE code = $1 AND version = 2',
      [s.pilot.code],
    );
    expect(published.status).toBe('PUBLISHED');
    expect(published.published_at).not.toBeNull();

    // A bad file: every problem listed, with where it is; nothing written.
    const bad = {
      ...document,
      title: '',
      ratingScale: [{ value: 1, label: 'Only', description: 'One level' }],
      keyFactors: [{ number: 1 }],
    };
    const badFile = join(tmp, 'pilot-bad.json');
    writeFileSync(badFile, JSON.stringify(bad));
    await importForm.getByLabel('JSON file').setInputFiles(badFile);
    await importForm.getByRole('button', { name: 'Import' }).click();
    const problems = importForm.getByTestId('import-problems');
    await expect(problems.getByRole('listitem').filter({ hasText: 'title: title must not be empty' })).toBeVisible();
    const listed = await problems.getByRole('listitem').count();
    await expect(problems.getByRole('alert')).toContainText(
      `The benchmark was not imported: nothing was written. ${listed} problems to fix in the file:`,
    );
    await expect(problems.getByRole('listitem').filter({ hasText: 'ratingScale: a rating scale needs at least 2 levels' })).toBeVisible();
    await expect(problems.getByRole('listitem').filter({ hasText: 'keyFactors[0].heading' })).toBeVisible();
    await expect(problems.getByRole('listitem').filter({ hasText: 'keyFactors[0].statement' })).toBeVisible();
    expect((await sql('SELECT 1 FROM benchmark WHERE code = $1', [s.pilot.code])).length).toBe(2);
    await expectAccessible(page, 'a refused benchmark import');
    await screenshot(page, 'secretariat-benchmarks-import-problems', importForm);
    // Not JSON at all: said plainly, before anything is sent.
    const notJson = join(tmp, 'not.json');
    writeFileSync(notJson, '{ "code": "EUROCITIES-PCD-PILOT", ');
    await importForm.getByLabel('JSON file').setInputFiles(notJson);
    await importForm.getByRole('button', { name: 'Import' }).click();
    await expect(problems.getByRole('alert')).toContainText('This file is not JSON, so nothing was imported');
  });

  test('mail and queues: the outbox filtered by FAILED, one sent again and delivered; the queue counts and dashboard', async () => {
    await tab('Mail and queues').click();
    await expect(page.getByRole('heading', { name: 'Mail and queues', level: 1 })).toBeVisible();
    const filter = page.getByRole('list', { name: 'Show messages by status' });
    await filter.getByRole('button', { name: /^Failed \(\d+\)$/ }).click();
    await expect(filter.getByRole('button', { name: /^Failed/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('outbox-table').locator('caption')).toHaveText('Outbox messages: Failed');
    const rows = page.getByTestId('outbox-row');
    await expect(rows.first()).toBeVisible();
    for (const status of await rows.locator('.status-pill').allInnerTexts()) expect(status).toBe('Failed');
    const failed = rows.filter({ hasText: s.coordinatorEmail });
    await expect(failed).toContainText('follow-up-checkpoint');
    await expect(failed).toContainText('421 4.7.0 smtp.example.org: try again later');
    await expect(page.getByTestId('queue-counts').getByRole('rowheader', { name: 'mail' })).toBeVisible();
    await expectAccessible(page, 'the outbox, failed messages');
    await screenshot(page, 'secretariat-mail');

    await failed.getByRole('button', { name: `Send follow-up-checkpoint to ${s.coordinatorEmail} again` }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `follow-up-checkpoint to ${s.coordinatorEmail} is queued again` }),
    ).toBeVisible();
    // Stored: no longer failed, and once the worker has sent it, SENT with a fresh attempt count.
    const statusOf = async () =>
      (await sql<{ status: string }>('SELECT status FROM outbox_message WHERE id = $1', [s.failedMessageId]))[0].status;
    expect(await statusOf()).not.toBe('FAILED');
    await expect.poll(statusOf, { timeout: 30_000 }).toBe('SENT');
    await expect
      .poll(
        async () =>
          (await capturedMail(fx.dataDir)).some((m) => m.to.includes(s.coordinatorEmail) && /Follow-up checkpoint/.test(m.subject)),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const mail = (await capturedMail(fx.dataDir)).find((m) => m.to.includes(s.coordinatorEmail) && /Follow-up checkpoint/.test(m.subject))!;
    expect(mail.subject).toContain('Peer review of Botkyrka, 2025');
    // The page says so too: gone from the failed ones, among the sent.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(rows.filter({ hasText: s.coordinatorEmail })).toHaveCount(0);
    await filter.getByRole('button', { name: /^Sent/ }).click();
    await expect(rows.filter({ hasText: s.coordinatorEmail }).locator('.status-pill')).toHaveText('Sent');

    // The queue dashboard (bull-board) opens in a new tab through a one-time link.
    const [dashboard] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the queue dashboard' }).click(),
    ]);
    await dashboard.waitForURL(/\/admin\/queues\/?$/);
    await expect(dashboard).toHaveTitle(/PeerVisit queues/);
    await dashboard.close();
  });

  test('administrators: a person made one (recorded), their session seen and ended', async ({ browser }) => {
    // Nora works in her own browser, signed in before she is made an administrator.
    const noraContext = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    const nora = await noraContext.newPage();
    try {
      await signIn(nora, s.nora.email);
      await tab('Administrators').click();
      await expect(page.getByRole('heading', { name: 'Administrators', level: 1 })).toBeVisible();
      const admins = page.getByTestId('admin-list');
      await expect(admins.getByTestId('admin').filter({ hasText: 'Sam Secretariat' })).toContainText('you');
      await expect(admins.getByTestId('admin').filter({ hasText: 'Nora Newadmin' })).toHaveCount(0);

      await page.getByLabel('Find a person').fill('Nora Newadmin');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('button', { name: 'Make Nora Newadmin an administrator' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Nora Newadmin is now an administrator.' })).toBeVisible();
      await expect(admins.getByTestId('admin').filter({ hasText: 'Nora Newadmin' })).toBeVisible();
      const history = page.getByTestId('admin-history');
      await expect(history.getByRole('row').filter({ hasText: 'Nora Newadmin' }).first()).toContainText('Made administrator');
      await expect(history.getByRole('row').filter({ hasText: 'Nora Newadmin' }).first()).toContainText('Sam Secretariat');
      expect((await sql<{ is_admin: boolean }>('SELECT is_admin FROM person WHERE id = $1', [s.nora.id]))[0].is_admin).toBe(true);
      expect(await sql('SELECT granted, changed_by_id FROM admin_rights_change WHERE person_id = $1', [s.nora.id])).toEqual([
        { granted: true, changed_by_id: s.admin.id },
      ]);

      // Her sessions: the browser she signed in with.
      await admins.getByRole('button', { name: 'Sessions of Nora Newadmin' }).click();
      const sessions = page.getByTestId('person-sessions');
      await expect(sessions.getByRole('heading', { name: 'Sessions of Nora Newadmin' })).toBeVisible();
      const session = sessions.getByTestId('session-row');
      await expect(session).toHaveCount(1);
      await expect(session.getByRole('rowheader')).toHaveText('Chrome · Linux');
      await expectAccessible(page, 'the administrators');
      await screenshot(page, 'secretariat-admins', sessions);

      // Ending it signs her out at once.
      await session.getByRole('button', { name: 'End session' }).click();
      await expect(sessions.getByRole('status')).toHaveText('The session of Nora Newadmin has ended: that browser must sign in again.');
      await expect(sessions.getByText('Nora Newadmin has no session that can still be used')).toBeVisible();
      const ended = await sql<{ revoked_reason: string }>(
        'SELECT revoked_reason FROM auth_session WHERE person_id = $1 AND revoked_at IS NOT NULL',
        [s.nora.id],
      );
      expect(ended.map((r) => r.revoked_reason)).toEqual(['ended by an administrator']);
      await nora.reload();
      await expect(nora.getByRole('heading', { name: 'Sign in' })).toBeVisible();

      // Sam's own sessions mark the one he is using.
      await admins.getByRole('button', { name: 'Sessions of Sam Secretariat' }).click();
      await expect(sessions.getByRole('heading', { name: 'Sessions of Sam Secretariat' })).toBeVisible();
      await expect(sessions.getByTestId('session-row').filter({ hasText: 'this session' })).toHaveCount(1);
    } finally {
      await noraContext.close();
    }
  });
});
