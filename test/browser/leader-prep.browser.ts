import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { capturedMail } from '../../libs/testing/src/mail-capture';
import { BrowserFixture, DESKTOP, expect, expectAccessible, fixture, PHONE, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 17, the expert leader's preparation and visit screens, through the UI alone: the overview,
 * inviting a peer (accepted in a second browser), sending a self-assessment entry back, the
 * programme with a double-booking refusal, moving the visit, the programme as a PDF, and the live
 * coverage board while the new peer logs evidence in the other browser.
 */
test.describe.configure({ mode: 'serial' });

const invitee = `noor-${Date.now()}@example.org`;
const INVITEE_NAME = 'Noor Newpeer';
const INVITEE_PASSWORD = 'noor-password-17';

async function mailTo(fx: BrowserFixture, to: string, subject: RegExp) {
  await expect
    .poll(async () => (await capturedMail(fx.dataDir)).some((m) => m.to.includes(to) && subject.test(m.subject)), { timeout: 30_000 })
    .toBe(true);
  return (await capturedMail(fx.dataDir)).find((m) => m.to.includes(to) && subject.test(m.subject))!;
}

test.describe("the expert leader's workspace", () => {
  let leaderContext: BrowserContext;
  let peerContext: BrowserContext;
  let leader: Page;
  let peer: Page;
  const fx = fixture();
  const review = fx.leaderReview;
  const tab = (name: string) => leader.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });

  test.beforeAll(async ({ browser }) => {
    leaderContext = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl, acceptDownloads: true });
    peerContext = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    leader = await leaderContext.newPage();
    peer = await peerContext.newPage();
    leader.on('dialog', (dialog) => void dialog.accept());
  });
  test.afterAll(async () => {
    await leaderContext?.close();
    await peerContext?.close();
  });

  test('the overview shows the status, what is missing, the timeline in the host time zone and the scope', async () => {
    await signIn(leader, review.people.leader.email);
    await leader.goto(`/reviews/${review.reviewId}/overview`);
    await expect(leader.getByRole('heading', { name: 'Review of Tromsø' })).toBeVisible();
    // The leader's tabs, not the peer's.
    for (const name of ['Overview', 'Team', 'Self-assessment', 'Programme', 'Coverage', 'Evidence']) await expect(tab(name)).toBeVisible();
    await expect(leader.getByTestId('review-status')).toHaveText('Self-assessment');
    await expect(leader.getByText("Times are in the host city's time zone (Europe/Oslo).")).toBeVisible();
    // 06:00 UTC is 07:00 or 08:00 in Oslo, whatever the browser's own zone.
    await expect(leader.getByTestId('timeline-visitStart')).toContainText(/0[78]:00/);
    await expect(leader.getByRole('heading', { name: 'Key factors in scope (4)' })).toBeVisible();
    await expect(leader.getByTestId('next-VISIT')).toBeVisible();
    await expectAccessible(leader, 'leader overview');
    await screenshot(leader, 'leader-overview');
  });

  test('invites a peer by email; the invitation is accepted in a second browser and the peer joins the team', async () => {
    await tab('Team').click();
    await expect(leader.getByRole('heading', { name: 'Who the team needs' })).toBeVisible();
    await leader.getByLabel('Email').fill(invitee);
    await leader.getByLabel('Role', { exact: true }).selectOption('PEER');
    await leader.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(leader.getByText(`An invitation was sent to ${invitee}`)).toBeVisible();
    await expect(leader.getByTestId('invitation').filter({ hasText: invitee })).toBeVisible();
    await expectAccessible(leader, 'leader team');
    await screenshot(leader, 'leader-team');

    const mail = await mailTo(fx, invitee, /invited you/);
    const link = /https?:\/\/[^\s<>"]+\/accept-invitation\?token=[^\s<>"]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    await peer.goto(link!);
    await peer.getByLabel('Your name').fill(INVITEE_NAME);
    await peer.getByLabel('Password', { exact: true }).fill(INVITEE_PASSWORD);
    await peer.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect(peer.getByRole('link', { name: 'Review of Tromsø' })).toBeVisible();

    await leader.reload();
    await expect(leader.getByTestId('member').filter({ hasText: INVITEE_NAME })).toBeVisible();
    await expect(leader.getByTestId('invitation').filter({ hasText: invitee })).toHaveCount(0);
    await expect(leader.getByRole('heading', { name: 'Pending invitations (0)' })).toBeVisible();
  });

  test('reads the self-assessment by key factor and sends an entry back with a reason; the assignee is emailed', async () => {
    await tab('Self-assessment').click();
    const entry = leader.getByTestId('sa-entry');
    await expect(entry).toContainText('We consult migrant organisations before every budget.');
    await expect(entry).toContainText('The council adopted an intercultural strategy in 2024.');
    const reason = 'Say which budget lines the consultation covered, and give the year.';
    await leader.getByLabel('What should the host city change?').fill(reason);
    await expectAccessible(leader, 'leader self-assessment');
    await screenshot(leader, 'leader-self-assessment');
    await leader.getByRole('button', { name: 'Send back with this reason' }).click();
    await expect(leader.getByText('The entry was sent back and the host city was told by email.')).toBeVisible();
    await expect(leader.getByTestId('sent-back')).toContainText(reason);
    await expect(leader.getByRole('navigation', { name: 'Key factors' })).toContainText('Sent back');

    const mail = await mailTo(fx, review.people.contributor.email, /sent back for changes/);
    expect(mail.text).toContain(reason);
    const [row] = await sql<{ status: string; submitted: Date | null }>(
      'SELECT e.status, r.self_assessment_submitted_at AS submitted FROM self_assessment_entry e JOIN review r ON r.id = e.review_id WHERE e.review_id = $1 AND e.key_factor_id = $2',
      [review.reviewId, review.keyFactors[0].id],
    );
    expect(row).toEqual({ status: 'DRAFT', submitted: null });
  });

  test('schedules a session, and a second one that double-books the peer is refused inline, naming the clash', async () => {
    await tab('Programme').click();
    await expect(leader.getByRole('heading', { name: 'Visit programme' })).toBeVisible();
    await leader.getByRole('button', { name: 'New session' }).click();
    let form = leader.getByRole('form', { name: 'New session' });
    await form.getByLabel('Title').fill('Interview with the mayor');
    await form.getByLabel('Place').fill('Rådhuset, room 2');
    await form.getByLabel('From').fill('09:00');
    await form.getByLabel('To').fill('10:00');
    await form.getByRole('checkbox', { name: new RegExp(INVITEE_NAME) }).check();
    await form.getByRole('checkbox', { name: /^01 / }).check();
    await form.getByRole('button', { name: 'Schedule the session' }).click();
    const mayor = leader.getByTestId('session').filter({ hasText: 'Interview with the mayor' });
    await expect(mayor).toContainText('09:00–10:00');
    await expect(mayor).toContainText('Rådhuset, room 2');
    await expect(mayor).toContainText(INVITEE_NAME);
    await expect(leader.getByTestId('uncovered')).not.toContainText('01');

    await leader.getByRole('button', { name: 'New session' }).click();
    form = leader.getByRole('form', { name: 'New session' });
    await form.getByLabel('Kind').selectOption('FOCUS_GROUP');
    await form.getByLabel('Title').fill('Focus group with librarians');
    await form.getByLabel('From').fill('09:30');
    await form.getByLabel('To').fill('11:00');
    await form.getByRole('checkbox', { name: new RegExp(INVITEE_NAME) }).check();
    await form.getByRole('button', { name: 'Schedule the session' }).click();
    const refusal = form.getByTestId('session-refusal');
    await expect(refusal).toContainText('Double booking');
    await expect(refusal).toContainText(`${INVITEE_NAME} is already in "Interview with the mayor"`);
    await expectAccessible(leader, 'leader programme (refusal)');
    await screenshot(leader, 'leader-programme', refusal);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(leader.getByTestId('session')).toHaveCount(1);
  });

  test('moves the whole visit by two days in one action', async () => {
    const before = await sql<{ starts_at: Date }>('SELECT starts_at FROM visit_session WHERE review_id = $1', [review.reviewId]);
    const day = await leader.getByTestId('session').locator('xpath=ancestor::section[@data-day]').getAttribute('data-day');
    await leader.getByText('Move the whole visit…').click();
    await leader.getByLabel('Move the whole visit by days').fill('2');
    await leader.getByRole('button', { name: 'Move the visit' }).click();
    await expect(leader.getByText('The visit was moved by 2 days.')).toBeVisible();
    const after = await sql<{ starts_at: Date }>('SELECT starts_at FROM visit_session WHERE review_id = $1', [review.reviewId]);
    expect(new Date(after[0].starts_at).getTime() - new Date(before[0].starts_at).getTime()).toBe(2 * 24 * 3600 * 1000);
    const moved = new Date(`${day}T12:00:00Z`);
    moved.setUTCDate(moved.getUTCDate() + 2);
    await expect(leader.locator(`section[data-day="${moved.toISOString().slice(0, 10)}"]`).getByTestId('session')).toContainText(
      'Interview with the mayor',
    );
    const [audit] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE review_id = $1 AND action = 'programme.move'",
      [review.reviewId],
    );
    expect(audit.n).toBe(1);
  });

  test('downloads the programme as a PDF with each session, its place and who attends', async () => {
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('button', { name: 'Download the programme (PDF)' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'pv-programme-')), 'programme.pdf');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('Tromsø-programme.pdf');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Visit programme: Tromsø');
    expect(text).toContain('Interview with the mayor');
    expect(text).toContain('Rådhuset, room 2');
    expect(text).toContain(`${INVITEE_NAME} (interviewer)`);
  });

  test('the coverage board changes live while the new peer logs evidence in the other browser', async () => {
    await tab('Coverage').click();
    const row = leader.locator('.board-row[data-key-factor="01"]');
    await expect(row).toHaveAttribute('data-total', '0');
    await expect(row.locator('[data-flag="noEvidence"]')).toBeVisible();

    await peer.getByRole('link', { name: 'Review of Tromsø' }).click();
    await peer.locator('.sessions button', { hasText: 'Interview with the mayor' }).click();
    await peer.getByLabel('What did you hear or see?').fill('The mayor meets migrant organisations every month.');
    await peer.getByLabel('Stakeholder category').selectOption('POLITICIAN');
    if (!(await peer.getByRole('button', { name: /^Remove key factor 01 / }).count())) {
      await peer.getByPlaceholder('Find a key factor by code or words').fill('01');
      await peer.locator('.kf-list label', { hasText: '01' }).first().click();
    }
    // As the notebook's own test does: on a phone the sticky Log button sits under the form while it scrolls.
    await peer.locator('.btn-log').evaluate((button) => (button as HTMLButtonElement).click());
    await expect(peer.locator('ol.item-list > li[data-state=synced]')).toHaveCount(1);

    // Live, without a reload: the count, who contributed, and the flag that it rests on one source type.
    await expect(row).toHaveAttribute('data-total', '1');
    await expect(row.getByTestId('contributors')).toHaveText(`By ${INVITEE_NAME} (1)`);
    await expect(row.locator('[data-flag="oneSource"]')).toBeVisible();
    await expect(row.locator('[data-flag="noEvidence"]')).toHaveCount(0);
    await expectAccessible(leader, 'leader coverage');
    await screenshot(leader, 'leader-coverage');
  });

  test('filters the evidence of a key factor by session, category, stance and peer, with full-text search', async () => {
    await tab('Evidence').click();
    const [session] = await sql<{ id: string }>(
      "SELECT id FROM visit_session WHERE review_id = $1 AND title = 'Interview with the mayor'",
      [review.reviewId],
    );
    const [newPeer] = await sql<{ id: string }>('SELECT id FROM person WHERE email = $1', [invitee]);
    await leader.getByLabel('Key factor').selectOption(review.keyFactors[0].id);
    await expect(leader.getByTestId('evidence-item')).toHaveCount(1);
    await leader.getByLabel('Stakeholder category').selectOption('POLITICIAN');
    await leader.getByLabel('Logged by').selectOption(newPeer.id);
    await leader.getByLabel('Session').selectOption(session.id);
    await expect(leader.getByTestId('evidence-item')).toHaveCount(1);
    await leader.getByLabel('Stance').selectOption('CONTRADICTS');
    await expect(leader.getByTestId('evidence-count')).toHaveText('No item matches.');
    await leader.getByLabel('Stance').selectOption('');
    await leader.getByLabel('Words').fill('migrant organisations');
    await leader.getByRole('button', { name: 'Search' }).click();
    await expect(leader.getByTestId('evidence-item')).toContainText('The mayor meets migrant organisations every month.');
    await leader.getByLabel('Words').fill('library');
    await leader.getByRole('button', { name: 'Search' }).click();
    await expect(leader.getByTestId('evidence-count')).toHaveText('No item matches.');
    await expectAccessible(leader, 'leader evidence');
    await screenshot(leader, 'leader-evidence');
  });

  test('the visit-time screens work on a phone', async ({ browser }) => {
    const phone = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    const page = await phone.newPage();
    try {
      await signIn(page, review.people.leader.email);
      for (const [path, name] of [
        ['programme', 'leader-phone-programme'],
        ['board', 'leader-phone-coverage'],
        ['evidence', 'leader-phone-evidence'],
      ]) {
        await page.goto(`/reviews/${review.reviewId}/${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        // Nothing wider than the phone: the page never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectAccessible(page, `${path} (phone)`);
        await screenshot(page, name);
      }
    } finally {
      await phone.close();
    }
  });
});
