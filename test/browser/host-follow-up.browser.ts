import type { BrowserContext, Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql, onePagePdf, pdfText, tokenOf } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, PHONE, scenario, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 18, the host city after its self-assessment: a city reviewed twice, its current review in
 * feedback with a published report. Its coordinator sees the programme and prints it, reads the
 * findings per key factor (a name withheld) and the recommendations, reads and downloads the report,
 * answers each recommendation (one "partly accepted", with its reason), reports progress with a
 * document, sees the reminders coming up and the city's two reviews in a chart. Before the feedback
 * session, another city's coordinator is told when the findings will be shared.
 *
 * Only what other people do goes through the API: the expert leader requesting and publishing the report.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/host-follow-up.ts made (its HostFollowUpScenario; not imported, so this file does not compile the libs it uses). */
interface HostFollowUpScenario {
  reviewId: string;
  city: { id: string; name: string };
  keyFactors: { id: string; number: number; code: string }[];
  people: Record<'leader' | 'coordinator', { id: string; email: string }>;
  recommendations: { id: string; text: string }[];
  unnamed: string;
  interview: string;
}

const fx = fixture();
const s = scenario<HostFollowUpScenario>('host-follow-up');
const CITY = s.city.name;
const [REC_ACCEPT, REC_PARTLY, REC_REJECT] = s.recommendations;
const PARTLY_REASON = 'The council will get the report; the website has no room for it this year.';
const REJECT_REASON = 'Every district has a library bus instead.';
const PROGRESS_NOTE = 'The first yearly summary is on the website.';
const PROGRESS_FILE = 'youth-council-summary-2027.pdf';

test.describe("the host city's visit, findings, report and follow-up", () => {
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let coordinator: Page;
  const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });
  const card = (text: string) => coordinator.getByTestId('follow-up-recommendation').filter({ hasText: text });
  const download = async (page: Page, click: () => Promise<void>, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'host-follow-up-')), name);
    await file.saveAs(path);
    return { path, suggested: file.suggestedFilename() };
  };

  test.beforeAll(async ({ browser }) => {
    // The expert leader requests the report, waits until it is ready, and publishes it.
    const leader = await tokenOf(s.people.leader.email);
    const requested = (await gql('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: s.reviewId }, leader)).requestReport;
    await expect
      .poll(async () => (await gql('query($id: ID!) { report(id: $id) { status } }', { id: requested.id }, leader)).report.status, {
        timeout: 60_000,
      })
      .toBe('READY');
    await gql('mutation($id: ID!) { publishReport(reportId: $id) { id published } }', { id: requested.id }, leader);

    desktop = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl, acceptDownloads: true });
    phone = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    coordinator = await desktop.newPage();
  });
  test.afterAll(async () => {
    await desktop?.close();
    await phone?.close();
  });

  test('before the feedback session, the findings are not shown: the city is told when they will be', async ({ browser }) => {
    // The shared review of the browser tests is in its visit; its coordinator looks at the findings tab.
    const context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    const page = await context.newPage();
    try {
      await signIn(page, fx.review.people.coordinator.email);
      await page.goto(`/reviews/${fx.review.reviewId}/host/findings`);
      const notYet = page.getByTestId('not-yet-shared');
      await expect(notYet.getByRole('heading', { name: 'Shared at the feedback session' })).toBeVisible();
      await expect(notYet).toContainText('The review team shares its findings and recommendations with Bergen at the feedback session.');
      await expect(page.getByTestId('host-finding')).toHaveCount(0);
      await expectAccessible(page, 'host findings before feedback');
    } finally {
      await context.close();
    }
  });

  test('the coordinator sees the programme in the city’s time, whom the team meets, and prints it', async () => {
    await signIn(coordinator, s.people.coordinator.email);
    await coordinator.goto(`/reviews/${s.reviewId}`);
    // A host official lands on the host city's home; the tabs lead to the visit.
    await tab(coordinator, 'The visit').click();
    await expect(coordinator.getByRole('heading', { name: 'The visit', level: 1 })).toBeVisible();
    await expect(coordinator.getByText(`Times are in ${CITY}'s time (Europe/Oslo).`)).toBeVisible();
    // The visit is history now; the next step is the findings.
    await expect(coordinator.getByTestId('visit-next')).toContainText('The visit is over, and the team has shared its findings.');
    await expect(coordinator.getByRole('link', { name: 'Read the findings and the report' })).toBeVisible();
    const interview = coordinator.getByTestId('host-session').filter({ hasText: s.interview });
    // 08:00 UTC is 09:00 or 10:00 in Oslo, whatever the browser's zone.
    await expect(interview.locator('.session-time')).toContainText(/(09|10):00/);
    await expect(interview).toContainText('Rådhuset, room 3');
    await expect(interview).toContainText('Piet Peer (interviewer)');
    // The city organises the meetings: it sees whom the team meets, and who may not be named in the report.
    await expect(interview.getByRole('listitem').filter({ hasText: s.unnamed })).toContainText('not to be named');
    await expect(coordinator.getByTestId('host-session').filter({ hasText: 'Feedback to the city' })).toContainText('Council chamber');
    const invite = coordinator.getByTestId('stakeholders-to-invite');
    await expect(invite.getByRole('row', { name: new RegExp(s.unnamed) })).toContainText('No, by category only');
    await expect(invite.getByRole('row', { name: /Ingrid Berg/ })).toContainText(s.interview);
    // No evidence of the team anywhere on the page.
    await expect(coordinator.getByText(/evidence/i)).toHaveCount(0);
    await expectAccessible(coordinator, 'host visit');
    await screenshot(coordinator, 'host-visit');

    const pdf = await download(
      coordinator,
      () => coordinator.getByRole('button', { name: 'Download the printable programme (PDF)' }).click(),
      'programme.pdf',
    );
    expect(pdf.suggested).toBe(`${CITY}-programme.pdf`);
    const text = pdfText(readFileSync(pdf.path));
    expect(text).toContain(`Visit programme: ${CITY}`);
    expect(text).toContain(s.interview);
    expect(text).toContain('Feedback to the city');
  });

  test('after the feedback: the findings per key factor, a name withheld, and the recommendations', async () => {
    await tab(coordinator, 'Findings and report').click();
    await expect(coordinator.getByRole('heading', { name: 'Findings and report', level: 1 })).toBeVisible();
    await expect(coordinator.getByTestId('findings-next')).toHaveText("3 recommendations still need the city's answer.");
    const findings = coordinator.getByTestId('host-finding');
    await expect(findings).toHaveCount(3);
    const kf1 = coordinator.locator(`[data-testid="host-finding"][data-code="${s.keyFactors[0].code}"]`);
    await expect(kf1).toContainText('[name withheld] told us the youth council meets the mayor every month.');
    await expect(kf1).not.toContainText(s.unnamed);
    await expect(kf1.getByTestId('host-rating')).toContainText('Rated 3 of 4');
    await expect(kf1).toContainText('Strengths');
    await expect(kf1).toContainText('A standing youth council with a budget of its own.');
    await expect(kf1).toContainText('Areas to develop');
    const recommendations = coordinator.getByTestId('host-recommendation');
    await expect(recommendations).toHaveCount(3);
    await expect(recommendations.nth(0)).toContainText(REC_ACCEPT.text);
    await expect(recommendations.nth(0)).toContainText('High priority');
    await expect(recommendations.nth(0)).toContainText("Suggested for: Mayor's office");
    await expect(recommendations.nth(2)).toContainText(REC_REJECT.text);
    await expect(coordinator.locator('body')).not.toContainText(s.unnamed);
    await expectAccessible(coordinator, 'host findings');
    await screenshot(coordinator, 'host-findings', coordinator.getByRole('heading', { name: 'Findings per key factor' }));
  });

  test('reads the published report in the page and downloads it as PDF, Word and HTML', async () => {
    await expect(coordinator.getByTestId('report-published')).toContainText('Version 1, published on');
    const frame = coordinator.getByTestId('published-report');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(frame.contentFrame().locator('body')).toContainText(CITY);
    await expect(frame.contentFrame().locator('body')).toContainText(REC_PARTLY.text);
    await expect(frame.contentFrame().locator('body')).not.toContainText(s.unnamed);
    await screenshot(coordinator, 'host-report', frame);

    const pdf = await download(coordinator, () => coordinator.getByRole('button', { name: 'Download PDF' }).click(), 'report.pdf');
    expect(pdf.suggested).toMatch(/\.pdf$/);
    const text = pdfText(readFileSync(pdf.path)).replace(/\s+/g, ' ');
    expect(text).toContain(CITY);
    expect(text).toContain(REC_ACCEPT.text);
    expect(text).not.toContain(s.unnamed);

    const word = await download(coordinator, () => coordinator.getByRole('button', { name: 'Download Word' }).click(), 'report.docx');
    expect(word.suggested).toMatch(/\.docx$/);
    const documentXml = execFileSync('unzip', ['-p', word.path, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain(CITY);
    expect(documentXml).toContain(REC_REJECT.text);

    const html = await download(coordinator, () => coordinator.getByRole('button', { name: 'Download HTML' }).click(), 'report.html');
    expect(readFileSync(html.path, 'utf8')).toContain(REC_PARTLY.text);
  });

  test('answers each recommendation: accepted, partly accepted (a reason is asked for, then given), rejected', async () => {
    await coordinator.getByRole('link', { name: 'Go to the follow-up' }).click();
    await expect(coordinator.getByRole('heading', { name: 'Follow-up', level: 1 })).toBeVisible();
    await expect(coordinator.getByTestId('follow-up-next')).toContainText("3 of 3 recommendations still need the city's answer");

    const accept = card(REC_ACCEPT.text);
    await accept.getByText('Accepted', { exact: true }).click();
    await accept.getByRole('button', { name: 'Save the answer' }).click();
    await expect(accept.getByTestId('answer')).toContainText('Accepted');

    const partly = card(REC_PARTLY.text);
    await partly.getByText('Partly accepted', { exact: true }).click();
    await expect(partly.getByLabel('Reason (required)')).toBeVisible();
    // Sent without a reason (the browser's own check is bypassed so the API's answer shows).
    await partly.getByTestId('answer-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await partly.getByRole('button', { name: 'Save the answer' }).click();
    await expect(partly.getByText('say which part the city accepts, and why not the rest', { exact: true })).toBeVisible();
    await partly.getByLabel('Reason (required)').fill(PARTLY_REASON);
    await partly.getByRole('button', { name: 'Save the answer' }).click();
    await expect(partly.getByTestId('answer')).toContainText('Partly accepted');
    await expect(partly.getByTestId('answer')).toContainText(PARTLY_REASON);

    const reject = card(REC_REJECT.text);
    await reject.getByText('Rejected', { exact: true }).click();
    await reject.getByLabel('Reason (required)').fill(REJECT_REASON);
    await reject.getByRole('button', { name: 'Save the answer' }).click();
    await expect(reject.getByTestId('answer')).toContainText('Rejected');

    await expect(coordinator.getByTestId('follow-up-next')).toContainText('Every recommendation has its answer.');
    const rows = await sql<{ id: string; host_response: string; host_comment: string | null; responded_by_id: string }>(
      'SELECT id, host_response::text, host_comment, responded_by_id FROM recommendation WHERE review_id = $1',
      [s.reviewId],
    );
    const stored = (id: string) => rows.find((r) => r.id === id);
    expect(stored(REC_ACCEPT.id)).toMatchObject({
      host_response: 'ACCEPTED',
      host_comment: null,
      responded_by_id: s.people.coordinator.id,
    });
    expect(stored(REC_PARTLY.id)).toMatchObject({ host_response: 'PARTLY_ACCEPTED', host_comment: PARTLY_REASON });
    expect(stored(REC_REJECT.id)).toMatchObject({ host_response: 'REJECTED', host_comment: REJECT_REASON });
  });

  test('reports progress on one with a document; the history shows it and the file can be downloaded', async () => {
    const accept = card(REC_ACCEPT.text);
    await accept.getByRole('button', { name: /^Report progress/ }).click();
    const form = accept.getByTestId('progress-form');
    await form.getByLabel('Where it stands').selectOption('IN_PROGRESS');
    await form.getByLabel('What was done, or why not').fill(PROGRESS_NOTE);
    await form.getByLabel('A document that shows it (optional)').setInputFiles({
      name: PROGRESS_FILE,
      mimeType: 'application/pdf',
      buffer: onePagePdf('Youth council summary 2027'),
    });
    await form.getByRole('button', { name: 'Save the progress' }).click();
    const update = accept.getByTestId('progress-update');
    await expect(update).toHaveCount(1);
    await expect(update).toContainText(PROGRESS_NOTE);
    await expect(update).toContainText('In progress');
    await expect(update).toContainText('reported by Coco Coordinator');
    await expect(accept.getByTestId('follow-up-status')).toHaveText('In progress');

    const [stored] = await sql<{ status: string; note: string; document_ids: string[]; reported_by_id: string }>(
      'SELECT status::text, note, document_ids, reported_by_id FROM follow_up_update WHERE recommendation_id = $1',
      [REC_ACCEPT.id],
    );
    expect(stored).toMatchObject({ status: 'IN_PROGRESS', note: PROGRESS_NOTE, reported_by_id: s.people.coordinator.id });
    expect(stored.document_ids).toHaveLength(1);
    const [document] = await sql<{ title: string; file_name: string; review_id: string; sha256: string }>(
      'SELECT title, file_name, review_id, sha256 FROM document WHERE id = $1',
      [stored.document_ids[0]],
    );
    expect(document).toMatchObject({ title: 'youth-council-summary-2027', file_name: PROGRESS_FILE, review_id: s.reviewId });
    const [followUpStatus] = await sql<{ follow_up_status: string }>('SELECT follow_up_status::text FROM recommendation WHERE id = $1', [
      REC_ACCEPT.id,
    ]);
    expect(followUpStatus.follow_up_status).toBe('IN_PROGRESS');

    const file = await download(
      coordinator,
      () => update.getByRole('button', { name: 'Download “youth-council-summary-2027”' }).click(),
      PROGRESS_FILE,
    );
    expect(file.suggested).toBe(PROGRESS_FILE);
    expect(pdfText(readFileSync(file.path))).toContain('Youth council summary 2027');
  });

  test('sees the reminders coming up: the follow-up checkpoints after publication and the next review', async () => {
    const reminders = coordinator.getByTestId('upcoming-reminders');
    const checkpoints = reminders.getByTestId('reminder').filter({ hasText: 'Follow-up checkpoint' });
    await expect(checkpoints).toHaveCount(2);
    await expect(checkpoints.first()).toContainText('to Coco Coordinator');
    await expect(reminders.getByTestId('reminder').filter({ hasText: 'Time to plan the next review' })).toHaveCount(1);
    // Six months after today's publication, in Oslo.
    const [due] = await sql<{ day: string }>(
      `SELECT to_char(due_at AT TIME ZONE 'Europe/Oslo', 'FMDD FMMonth YYYY') AS day FROM outbox_message
        WHERE review_id = $1 AND template = 'follow-up-checkpoint' AND status = 'SCHEDULED' ORDER BY due_at LIMIT 1`,
      [s.reviewId],
    );
    await expect(checkpoints.first()).toContainText(due.day);
    await expect(coordinator.getByTestId('next-reminder')).toContainText('Next reminder:');
    await expectAccessible(coordinator, 'host follow-up');
    await screenshot(coordinator, 'host-follow-up', card(REC_PARTLY.text));
  });

  test("the city's timeline shows its two reviews, with the ratings as a chart and as a table", async () => {
    const timeline = coordinator.getByTestId('city-timeline');
    await expect(timeline.getByTestId('timeline-review')).toHaveText([/Review of Drammen, 2023/, /Review of Drammen\b.*this review/]);
    const chart = timeline.getByTestId('city-ratings-chart');
    await expect(chart.locator('svg')).toBeVisible();
    await chart.getByText('The figures as a table').click();
    const table = chart.getByTestId('city-ratings-table');
    await expect(table.getByRole('columnheader')).toHaveText(['Key factor', 'Review of Drammen, 2023', 'Review of Drammen']);
    await expect(table.getByRole('row', { name: new RegExp(`^${s.keyFactors[0].code} `) }).getByRole('cell')).toHaveText(['1', '3']);
    await expectAccessible(coordinator, 'host timeline');
    await screenshot(coordinator, 'host-timeline', timeline);
  });

  test('on a phone: the follow-up reads in one column', async () => {
    const page = await phone.newPage();
    await signIn(page, s.people.coordinator.email);
    await page.goto(`/reviews/${s.reviewId}/host/follow-up`);
    await expect(page.getByTestId('follow-up-next')).toContainText('Every recommendation has its answer.');
    await expect(page.getByTestId('follow-up-recommendation')).toHaveCount(3);
    await expectAccessible(page, 'host follow-up on a phone');
    await screenshot(page, 'host-follow-up-phone');
  });
});
