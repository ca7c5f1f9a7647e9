import type { BrowserContext, Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql, mailTo, onePagePdf, pdfText, tokenOf } from './support/api';
import {
  DESKTOP,
  expect,
  expectAccessible,
  fixture,
  PHONE,
  ReviewScenario,
  scenario,
  screenshot,
  signIn,
  sql,
  test,
} from './support/fixture';

/**
 * Issue 17: one review, driven by its expert leader from preparation to a published report through
 * the UI alone. The overview's checklist and the timeline; inviting a peer (accepted in a second
 * browser); reading the self-assessment, opening its document and sending an entry back; the
 * programme with a stakeholder who may not be named, a double-booking refusal, the visit moved and
 * the programme as a PDF; the live coverage board while the new peer logs evidence on a phone; the
 * evidence filters; the feedback session; a conclusion written while a peer saves the same one
 * (conflict, merge, nothing lost); a recommendation with a good practice, another withdrawn; the
 * move to feedback with the host's view; the report followed to READY, checked for names, published
 * and downloaded in all three formats.
 *
 * Only what other people do goes through the API: the host city's answers and document (its screens
 * are issue 18) and the secretariat publishing a good practice.
 */
test.describe.configure({ mode: 'serial' });

const fx = fixture();
const review = scenario<ReviewScenario & { secretariat: { email: string } }>('leader-review');
const kf = (i: number) => review.keyFactors[i];

const INVITEE = `noor-${Date.now()}@example.org`;
const INVITEE_NAME = 'Noor Newpeer';
const INVITEE_PASSWORD = 'noor-password-17';
const DOCUMENT_TITLE = 'Intercultural strategy 2024';
const MAYOR_SAID = 'The mayor meets migrant organisations every month.';
const CONTACTS = 'Every department has a diversity contact.';
const LEADER_TEXT = 'The council leads on diversity, as the evidence from the town hall shows.';
const PEER_TEXT = 'Piet heard the mayor describe the monthly meetings with migrant organisations.';
const STRENGTHS_DRAFT = 'A public commitment that every department knows about.';
const RECOMMENDATION =
  'Commission research on structural racism in the city services and discuss the findings with minority ethnic residents.';
const WITHDRAWN = 'Rename the integration office.';

test.describe("the expert leader's workspace, one review from preparation to the published report", () => {
  let leaderContext: BrowserContext;
  let noorContext: BrowserContext;
  let pietContext: BrowserContext;
  let leader: Page;
  /** The invited peer, on a phone. */
  let noor: Page;
  /** The fixture's peer, on a laptop, for the conclusion written at the same time. */
  let piet: Page;
  const tab = (name: string) => leader.getByRole('navigation', { name: 'Review' }).getByRole('link', { name, exact: true });
  const editor = (page: Page) => page.getByTestId('conclusion-editor');

  test.beforeAll(async ({ browser }) => {
    // The host city's strategy, uploaded by its coordinator for key factor 01.
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(onePagePdf('Tromso intercultural strategy 2024'))], { type: 'application/pdf' }),
      'strategy-2024.pdf',
    );
    form.append('title', DOCUMENT_TITLE);
    form.append('type', 'STRATEGY');
    form.append('keyFactorIds', kf(0).id);
    const upload = await fetch(`${fx.baseUrl}/reviews/${review.reviewId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(review.people.coordinator.email)}` },
      body: form,
    });
    expect(upload.status).toBe(201);

    leaderContext = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl, acceptDownloads: true });
    noorContext = await browser.newContext({ ...PHONE, baseURL: fx.baseUrl });
    pietContext = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    leader = await leaderContext.newPage();
    noor = await noorContext.newPage();
    piet = await pietContext.newPage();
    leader.on('dialog', (dialog) => void dialog.accept());
  });
  test.afterAll(async () => {
    await leaderContext?.close();
    await noorContext?.close();
    await pietContext?.close();
  });

  test('the overview shows what is missing before the self-assessment opens; the leader sets the date and opens it', async () => {
    await signIn(leader, review.people.leader.email);
    await leader.goto(`/reviews/${review.reviewId}/overview`);
    await expect(leader.getByRole('heading', { name: 'Review of Tromsø' })).toBeVisible();
    // The leader's tabs, not the peer's.
    for (const name of ['Overview', 'Team', 'Self-assessment', 'Programme', 'Coverage', 'Evidence', 'Conclusions']) {
      await expect(tab(name)).toBeVisible();
    }
    await expect(leader.getByTestId('review-status')).toHaveText('Preparation');
    const next = leader.getByTestId('next-SELF_ASSESSMENT');
    await expect(next).toContainText('Missing: a self-assessment due date in the timeline');
    await expect(next.getByRole('button', { name: 'Move to Self-assessment' })).toBeDisabled();
    await expect(leader.getByText("Times are in the host city's time zone (Europe/Oslo).").first()).toBeVisible();
    // 06:00 UTC is 07:00 or 08:00 in Oslo, whatever the browser's own zone.
    await expect(leader.getByTestId('timeline-visitStart')).toContainText(/0[78]:00/);
    await expect(leader.getByRole('heading', { name: 'Key factors in scope (3)' })).toBeVisible();

    // Due two days before the visit starts, at noon in Tromsø.
    const visitStart = await sql<{ day: string }>(
      "SELECT to_char(visit_starts_at AT TIME ZONE 'Europe/Oslo' - interval '2 days', 'YYYY-MM-DD') AS day FROM review WHERE id = $1",
      [review.reviewId],
    );
    await leader.getByRole('button', { name: 'Change the dates' }).click();
    await leader.getByLabel('Self-assessment due').fill(`${visitStart[0].day}T12:00`);
    await leader.getByRole('button', { name: 'Save the dates' }).click();
    await expect(leader.getByTestId('timeline-selfAssessmentDue')).toContainText('12:00');
    await expect(next).toContainText('Nothing is missing.');
    await next.getByRole('button', { name: 'Move to Self-assessment' }).click();
    await expect(leader.getByTestId('review-status')).toHaveText('Self-assessment');
    await expect(leader.getByTestId('next-VISIT')).toBeVisible();
    await expectAccessible(leader, 'leader overview');
    await screenshot(leader, 'leader-overview');
  });

  test('invites a peer by email; the invitation is accepted in a second browser and the peer joins the team', async () => {
    await tab('Team').click();
    await expect(leader.getByRole('heading', { name: 'Who the team needs' })).toBeVisible();
    await leader.getByLabel('Email').fill(INVITEE);
    await leader.getByLabel('Role', { exact: true }).selectOption('PEER');
    await leader.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(leader.getByText(`An invitation was sent to ${INVITEE}`)).toBeVisible();
    await expect(leader.getByTestId('invitation').filter({ hasText: INVITEE })).toBeVisible();
    await expectAccessible(leader, 'leader team');
    await screenshot(leader, 'leader-team');

    const mail = await mailTo(INVITEE, /invited you/);
    const link = /https?:\/\/[^\s<>"]+\/accept-invitation\?token=[^\s<>"]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    await noor.goto(link!);
    await noor.getByLabel('Your name').fill(INVITEE_NAME);
    await noor.getByLabel('Password', { exact: true }).fill(INVITEE_PASSWORD);
    await noor.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect(noor.getByRole('link', { name: 'Review of Tromsø' })).toBeVisible();

    await leader.reload();
    await expect(leader.getByTestId('member').filter({ hasText: INVITEE_NAME })).toBeVisible();
    await expect(leader.getByTestId('invitation').filter({ hasText: INVITEE })).toHaveCount(0);
    await expect(leader.getByRole('heading', { name: 'Pending invitations (0)' })).toBeVisible();
  });

  test('reads the self-assessment by key factor, opens its document, and sends an entry back with a reason; the assignee is emailed', async () => {
    await tab('Self-assessment').click();
    const entry = leader.getByTestId('sa-entry');
    await expect(entry).toContainText('We consult migrant organisations before every budget.');
    await expect(entry).toContainText('The council adopted an intercultural strategy in 2024.');

    // The document opens in a new tab of the browser, as the file the city uploaded.
    const [opened] = await Promise.all([leaderContext.waitForEvent('page'), leader.getByRole('button', { name: DOCUMENT_TITLE }).click()]);
    await expect.poll(() => opened.url()).toMatch(/^blob:/);
    const bytes = await leader.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), opened.url());
    expect(pdfText(Buffer.from(bytes))).toContain('Tromso intercultural strategy 2024');
    await opened.close();

    const reason = 'Say which budget lines the consultation covered, and give the year.';
    await leader.getByLabel('What should the host city change?').fill(reason);
    await expectAccessible(leader, 'leader self-assessment');
    await screenshot(leader, 'leader-self-assessment');
    await leader.getByRole('button', { name: 'Send back with this reason' }).click();
    await expect(leader.getByText('The entry was sent back and the host city was told by email.')).toBeVisible();
    await expect(leader.getByTestId('sent-back')).toContainText(reason);
    await expect(leader.getByRole('navigation', { name: 'Key factors' })).toContainText('Sent back');

    const mail = await mailTo(review.people.contributor.email, /sent back for changes/);
    expect(mail.text).toContain(reason);
    const [row] = await sql<{ status: string; submitted: Date | null }>(
      'SELECT e.status, r.self_assessment_submitted_at AS submitted FROM self_assessment_entry e JOIN review r ON r.id = e.review_id WHERE e.review_id = $1 AND e.key_factor_id = $2',
      [review.reviewId, kf(0).id],
    );
    expect(row).toEqual({ status: 'DRAFT', submitted: null });

    // The host city changes the entry and submits again (its own screens are issue 18's).
    const host = await tokenOf(review.people.coordinator.email);
    await gql(
      'mutation($r: ID!, $k: ID!, $input: SelfAssessmentEntryInput!) { saveSelfAssessmentEntry(reviewId: $r, keyFactorId: $k, input: $input) { id } }',
      {
        r: review.reviewId,
        k: kf(0).id,
        input: { narrative: 'We consult migrant organisations before every budget: in 2025 on housing, schools and culture.' },
      },
      host,
    );
    await gql('mutation($r: ID!) { submitSelfAssessment(reviewId: $r) { id } }', { r: review.reviewId }, host);
  });

  test('registers a stakeholder who may not be named, schedules a session, and a double booking is refused inline, naming the clash', async () => {
    await tab('Programme').click();
    await expect(leader.getByRole('heading', { name: 'Visit programme' })).toBeVisible();
    const stakeholders = leader.getByRole('region', { name: /^Stakeholders \(/ });
    await stakeholders.getByLabel('Name', { exact: true }).fill('Amira Haddad');
    await stakeholders.getByLabel('Position').fill('Chair of the migrant council');
    await stakeholders.getByLabel('Category').selectOption('MIGRANT_ORGANISATION');
    await stakeholders.getByRole('button', { name: 'Register' }).click();
    await expect(stakeholders.getByTestId('stakeholders')).toContainText('Amira Haddad');
    await expect(stakeholders.getByTestId('stakeholders')).toContainText('not to be named');
    const [amira] = await sql<{ consent_to_be_named: boolean }>(
      'SELECT consent_to_be_named FROM stakeholder WHERE name = $1 AND city_id = $2',
      ['Amira Haddad', review.city.id],
    );
    expect(amira.consent_to_be_named).toBe(false);

    await leader.getByRole('button', { name: 'New session' }).click();
    let form = leader.getByRole('form', { name: 'New session' });
    await form.getByLabel('Title').fill('Interview with the mayor');
    await form.getByLabel('Place').fill('Rådhuset, room 2');
    await form.getByLabel('From', { exact: true }).fill('09:00');
    await form.getByLabel('To', { exact: true }).fill('10:00');
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
    await form.getByLabel('From', { exact: true }).fill('09:30');
    await form.getByLabel('To', { exact: true }).fill('11:00');
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
    const text = pdfText(readFileSync(file), true);
    expect(text).toContain('Visit programme: Tromsø');
    expect(text).toContain('Interview with the mayor');
    expect(text).toContain('Rådhuset, room 2');
    expect(text).toContain(`${INVITEE_NAME} (interviewer)`);
  });

  test('starts the visit once the host city has submitted again', async () => {
    await tab('Overview').click();
    const next = leader.getByTestId('next-VISIT');
    await expect(next).toContainText('Nothing is missing.');
    await next.getByRole('button', { name: 'Move to Visit' }).click();
    await expect(leader.getByTestId('review-status')).toHaveText('Visit');
  });

  test('the coverage board changes live while the new peer logs evidence on a phone', async () => {
    await tab('Coverage').click();
    const row = leader.locator('.board-row[data-key-factor="01"]');
    await expect(row).toHaveAttribute('data-total', '0');
    await expect(row.locator('[data-flag="noEvidence"]')).toBeVisible();

    await noor.getByRole('link', { name: 'Review of Tromsø' }).click();
    await noor.locator('.sessions button', { hasText: 'Interview with the mayor' }).click();
    const log = async (statement: string, category: string, count: number) => {
      await noor.getByLabel('What did you hear or see?').fill(statement);
      await noor.getByLabel('Stakeholder category').selectOption(category);
      if (!(await noor.getByRole('button', { name: /^Remove key factor 01 / }).count())) {
        await noor.getByPlaceholder('Find a key factor by code or words').fill('01');
        await noor.locator('.kf-list label', { hasText: '01' }).first().click();
      }
      // As the notebook's own test does: on a phone the sticky Log button sits under the form while it scrolls.
      await noor.locator('.btn-log').evaluate((button) => (button as HTMLButtonElement).click());
      await expect(noor.locator('ol.item-list > li[data-state=synced]')).toHaveCount(count);
    };
    await log(MAYOR_SAID, 'POLITICIAN', 1);

    // Live, without a reload: the count, who contributed, and the flag that it rests on one source type.
    await expect(row).toHaveAttribute('data-total', '1');
    await expect(row.getByTestId('contributors')).toHaveText(`By ${INVITEE_NAME} (1)`);
    await expect(row.locator('[data-flag="oneSource"]')).toBeVisible();
    await expect(row.locator('[data-flag="noEvidence"]')).toHaveCount(0);
    await expectAccessible(leader, 'leader coverage');
    await screenshot(leader, 'leader-coverage');

    await log(CONTACTS, 'CITY_OFFICIAL', 2);
    await expect(row).toHaveAttribute('data-total', '2');
    await expect(row.getByTestId('contributors')).toHaveText(`By ${INVITEE_NAME} (2)`);
  });

  test('filters the evidence of a key factor by session, category, stance and peer, with full-text search', async () => {
    await tab('Evidence').click();
    // The filters by their role: the chart above them names "Key factor" in its own labels, once drawn.
    const filter = (name: string) => leader.getByRole('combobox', { name, exact: true });
    const [session] = await sql<{ id: string }>(
      "SELECT id FROM visit_session WHERE review_id = $1 AND title = 'Interview with the mayor'",
      [review.reviewId],
    );
    const [newPeer] = await sql<{ id: string }>('SELECT id FROM person WHERE email = $1', [INVITEE]);
    await filter('Key factor').selectOption(kf(0).id);
    await expect(leader.getByTestId('evidence-item')).toHaveCount(2);
    await filter('Logged by').selectOption(newPeer.id);
    await filter('Session').selectOption(session.id);
    await expect(leader.getByTestId('evidence-item')).toHaveCount(2);
    await filter('Stakeholder category').selectOption('POLITICIAN');
    await expect(leader.getByTestId('evidence-item')).toHaveCount(1);
    await expect(leader.getByTestId('evidence-item')).toContainText(MAYOR_SAID);
    await filter('Stance').selectOption('CONTRADICTS');
    await expect(leader.getByTestId('evidence-count')).toHaveText('No item matches.');
    await filter('Stance').selectOption('');
    await filter('Stakeholder category').selectOption('');
    await leader.getByLabel('Words').fill('diversity contact');
    await leader.getByRole('button', { name: 'Search' }).click();
    await expect(leader.getByTestId('evidence-item')).toHaveCount(1);
    await expect(leader.getByTestId('evidence-item')).toContainText(CONTACTS);
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
        // The coverage page's chart is drawn after the page: measure once it is there.
        if (path === 'board') await expect(page.locator('.chart-svg svg').first()).toBeVisible();
        // Nothing wider than the phone: the page never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await expectAccessible(page, `${path} (phone)`);
        await screenshot(page, name);
      }
    } finally {
      await phone.close();
    }
  });

  test('holds the feedback session on the first day of the visit, then starts the deliberation', async () => {
    await tab('Programme').click();
    await leader.getByRole('button', { name: 'New session' }).click();
    const form = leader.getByRole('form', { name: 'New session' });
    await form.getByLabel('Kind').selectOption('FEEDBACK_SESSION');
    await form.getByLabel('Title').fill('Feedback to the city');
    await form.getByLabel('Place').fill('Rådhuset, council chamber');
    await form.getByLabel('From', { exact: true }).fill('14:00');
    await form.getByLabel('To', { exact: true }).fill('15:00');
    await form.getByRole('button', { name: 'Schedule the session' }).click();
    await expect(leader.getByTestId('session').filter({ hasText: 'Feedback to the city' })).toContainText('14:00–15:00');
    // The first day of the visit is two days ago since the move: the session has taken place.
    const [held] = await sql<{ past: boolean }>(
      "SELECT ends_at < now() AS past FROM visit_session WHERE review_id = $1 AND title = 'Feedback to the city'",
      [review.reviewId],
    );
    expect(held.past).toBe(true);

    await tab('Overview').click();
    const next = leader.getByTestId('next-DELIBERATION');
    await next.getByRole('button', { name: 'Move to Deliberation' }).click();
    await expect(leader.getByTestId('review-status')).toHaveText('Deliberation');
  });

  test('a conclusion written while a peer saves the same one: the conflict is shown, merged and saved, nothing lost', async () => {
    await tab('Conclusions').click();
    await leader.getByTestId(`kf-${kf(0).code}`).click();
    await expect(editor(leader).getByRole('heading', { name: new RegExp(`Key factor ${kf(0).code}`) })).toBeVisible();
    await editor(leader).getByRole('textbox', { name: 'Summary' }).fill(LEADER_TEXT);
    await editor(leader).getByRole('textbox', { name: 'Strengths' }).fill(STRENGTHS_DRAFT);
    await expect(editor(leader).getByTestId('unsaved-draft')).toBeVisible();

    // A reload mid-draft: the draft is still there, from this device.
    await leader.reload();
    await expect(editor(leader).getByRole('textbox', { name: 'Summary' })).toHaveValue(LEADER_TEXT);
    await expect(editor(leader).getByRole('textbox', { name: 'Strengths' })).toHaveValue(STRENGTHS_DRAFT);
    await expect(leader.getByTestId(`kf-${kf(0).code}`)).toContainText('Unsaved draft');
    await expect(editor(leader).getByTestId('rigour')).toContainText('No evidence is cited.');

    // Meanwhile a peer writes and saves the same conclusion first.
    await signIn(piet, review.people.peer.email);
    await piet.goto(`/reviews/${review.reviewId}/conclusions?kf=${kf(0).id}`);
    await editor(piet).getByRole('textbox', { name: 'Summary' }).fill(PEER_TEXT);
    await editor(piet).getByRole('combobox', { name: 'Rating' }).selectOption('2');
    await editor(piet).getByLabel(MAYOR_SAID).check();
    await editor(piet).getByRole('button', { name: 'Save the conclusion' }).click();
    await expect(editor(piet)).toContainText('Saved (version 1).');

    // The leader's save is refused by the API; both versions are shown side by side.
    await editor(leader).getByRole('combobox', { name: 'Rating' }).selectOption('3');
    await editor(leader).getByLabel(CONTACTS).check();
    await expect(editor(leader).getByTestId('rigour')).toContainText('All cited evidence is of one kind.');
    await editor(leader).getByRole('button', { name: 'Save the conclusion' }).click();
    const merge = editor(leader).getByTestId('merge');
    await expect(merge).toContainText('Someone else saved this conclusion while you were writing');
    await expect(merge).toContainText('Piet Peer saved version 1.');
    await expect(merge.getByTestId('merge-summary')).toContainText(LEADER_TEXT);
    await expect(merge.getByTestId('merge-summary')).toContainText(PEER_TEXT);
    await expect(merge.getByTestId('merge-rating')).toContainText('Your version');
    // Nothing typed was lost by the refusal, on screen or on the device.
    await expect(editor(leader).getByRole('textbox', { name: 'Summary' })).toHaveValue(LEADER_TEXT);
    expect(await leader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('peervisit.conclusion-draft.')).length)).toBe(
      1,
    );
    const [stored] = await sql<{ version: number; summary: string }>(
      'SELECT version, summary FROM conclusion WHERE review_id = $1 AND key_factor_id = $2',
      [review.reviewId, kf(0).id],
    );
    expect(stored).toEqual({ version: 1, summary: PEER_TEXT });
    await expectAccessible(leader, 'conclusion conflict');
    await screenshot(leader, 'leader-conclusion-conflict', merge);

    // Merge: both summaries, both cited items, the leader's rating and strengths.
    await merge.getByRole('button', { name: 'Keep both: Summary' }).click();
    await merge.getByRole('button', { name: 'Keep both: Cited evidence' }).click();
    await editor(leader).getByRole('button', { name: 'Save the merged version' }).click();
    await expect(editor(leader)).toContainText('Saved (version 2).');
    await expect(editor(leader).getByTestId('merge')).toHaveCount(0);
    await expect(editor(leader).getByTestId('unsaved-draft')).toHaveCount(0);
    const [merged] = await sql<{ version: number; summary: string; strengths: string; rating: number; cited: number }>(
      'SELECT version, summary, strengths, rating, cardinality(evidence_ids) AS cited FROM conclusion WHERE review_id = $1 AND key_factor_id = $2',
      [review.reviewId, kf(0).id],
    );
    expect(merged).toEqual({ version: 2, summary: `${LEADER_TEXT}\n\n${PEER_TEXT}`, strengths: STRENGTHS_DRAFT, rating: 3, cited: 2 });
    expect(await leader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('peervisit.conclusion-draft.')).length)).toBe(
      0,
    );

    // Agree, reopen with a reason, agree again.
    await editor(leader).getByRole('button', { name: 'Agree this conclusion' }).click();
    await expect(editor(leader).getByTestId('conclusion-state')).toContainText(/Agreed, version \d+/);
    await editor(leader).getByLabel('Why reopen it?').fill('The peer wants to add a quote.');
    await editor(leader).getByRole('button', { name: 'Reopen' }).click();
    await expect(editor(leader).getByTestId('conclusion-state')).toContainText(/Draft, version \d+/);
    await editor(leader).getByRole('button', { name: 'Agree this conclusion' }).click();
    await expect(editor(leader).getByTestId('conclusion-state')).toContainText(/Agreed, version \d+/);
    await expect(leader.getByTestId(`kf-${kf(0).code}`)).toContainText('Agreed');
    await expectAccessible(leader, 'conclusions');
    await screenshot(leader, 'leader-conclusions');
  });

  test('writes and agrees the conclusions of the other key factors', async () => {
    for (const [i, rating, summary] of [
      [1, '2', 'Amira Haddad told us a strategy is being drafted.'],
      [2, '1', 'Migrant organisations are not consulted on the budget.'],
    ] as const) {
      await leader.getByTestId(`kf-${kf(i).code}`).click();
      await expect(editor(leader).getByRole('heading', { name: new RegExp(`Key factor ${kf(i).code}`) })).toBeVisible();
      await editor(leader).getByRole('textbox', { name: 'Summary' }).fill(summary);
      await editor(leader).getByRole('combobox', { name: 'Rating' }).selectOption(rating);
      await editor(leader).getByRole('button', { name: 'Save the conclusion' }).click();
      await expect(editor(leader)).toContainText('Saved (version 1).');
      await editor(leader).getByRole('button', { name: 'Agree this conclusion' }).click();
      await expect(leader.getByTestId(`kf-${kf(i).code}`)).toContainText('Agreed');
    }
  });

  test('a recommendation with a suggested good practice linked in one click', async () => {
    // The secretariat publishes the catalogue's example practice (libs/catalogue/src/data).
    const adminToken = await tokenOf(review.secretariat.email);
    const bergen = JSON.parse(readFileSync('libs/catalogue/src/data/icc-good-practice-bergen.json', 'utf8'));
    const practice: string = bergen.action.title;
    const imported = (await gql('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', { d: bergen }, adminToken))
      .importGoodPractice.id;
    await gql('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id: imported }, adminToken);
    await gql('mutation($id: ID!) { publishGoodPractice(id: $id) { id } }', { id: imported }, adminToken);

    await tab('Recommendations').click();
    const form = leader.getByRole('region', { name: 'Add a recommendation' });
    await form.getByLabel('Recommendation').fill(RECOMMENDATION);
    await form.getByLabel('Priority').selectOption('HIGH');
    await form.getByLabel('Horizon').selectOption('QUICK_WIN');
    await form.getByLabel('Suggested owner').fill("The mayor's office");
    await form.getByLabel(new RegExp(`^${kf(0).code} `)).check();
    await form.getByRole('button', { name: 'Add the recommendation' }).click();
    const card = leader.getByTestId('recommendation').filter({ hasText: RECOMMENDATION });
    await expect(card).toContainText('High priority');
    await expect(card).toContainText('Quick win');
    await expect(card.getByTestId('suggested-practice').filter({ hasText: practice })).toBeVisible();
    await card.getByRole('button', { name: `Link ${practice}` }).click();
    await expect(card.getByTestId('linked-practice')).toContainText(practice);
    const [link] = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM recommendation_good_practice l JOIN recommendation r ON r.id = l.recommendation_id WHERE r.review_id = $1 AND r.text = $2',
      [review.reviewId, RECOMMENDATION],
    );
    expect(link.n).toBe(1);
    await expectAccessible(leader, 'recommendations');
    await screenshot(leader, 'leader-recommendations');
  });

  test('withdraws a recommendation with a reason; it is kept, out of the list', async () => {
    const form = leader.getByRole('region', { name: 'Add a recommendation' });
    await form.getByLabel('Recommendation').fill(WITHDRAWN);
    await form.getByLabel(new RegExp(`^${kf(2).code} `)).check();
    await form.getByRole('button', { name: 'Add the recommendation' }).click();
    const card = leader.getByTestId('recommendation').filter({ hasText: WITHDRAWN });
    await card.getByRole('button', { name: 'Withdraw…' }).click();
    // No reason: refused on the spot, nothing sent.
    await card.getByRole('button', { name: 'Withdraw the recommendation' }).click();
    await expect(card.getByText('Say why the recommendation is withdrawn.')).toBeVisible();
    const reason = 'The office was renamed last year.';
    await card.getByLabel('Why withdraw it?').fill(reason);
    await card.getByRole('button', { name: 'Withdraw the recommendation' }).click();
    await expect(leader.getByTestId('recommendation').filter({ hasText: WITHDRAWN })).toHaveCount(0);
    await leader.getByRole('button', { name: 'Show withdrawn (1)' }).click();
    await expect(leader.getByTestId('withdrawn-recommendation')).toContainText(reason);
    await expect(leader.getByTestId('recommendation').filter({ hasText: RECOMMENDATION })).toBeVisible();
    const [row] = await sql<{ withdrawn: boolean; reason: string }>(
      'SELECT withdrawn_at IS NOT NULL AS withdrawn, withdrawal_reason AS reason FROM recommendation WHERE review_id = $1 AND text = $2',
      [review.reviewId, WITHDRAWN],
    );
    expect(row).toEqual({ withdrawn: true, reason });
    await expectAccessible(leader, 'recommendations with a withdrawn one');
  });

  test('moves to feedback and sees the findings as the host city will', async () => {
    await tab('Feedback & report').click();
    await expect(leader.getByTestId('review-status')).toContainText('Deliberation');
    // Ratings as a picture, with the figures as a table, and the history of the city's reviews.
    await expect(leader.getByTestId('ratings-chart').locator('svg')).toBeVisible();
    await expect(leader.getByTestId('ratings-history').locator('svg')).toBeVisible();
    await leader.getByTestId('ratings-chart').getByText('The figures as a table').click();
    await expect(leader.getByTestId('ratings-table').getByRole('row', { name: new RegExp(`^${kf(0).code} `) })).toContainText('3');
    await screenshot(leader, 'leader-ratings', leader.getByTestId('ratings-chart'));

    await leader.getByRole('button', { name: 'Move to feedback' }).click();
    await expect(leader.getByTestId('review-status')).toContainText('Feedback');
    await leader.getByRole('button', { name: 'View as host' }).click();
    const host = leader.getByTestId('host-preview');
    await expect(host).toContainText('Tromsø reads this now.');
    await expect(host).toContainText('[name withheld] told us a strategy is being drafted.');
    await expect(host).not.toContainText('Amira');
    await expect(host).toContainText(RECOMMENDATION);
    await expect(host).not.toContainText(WITHDRAWN);
    await expectAccessible(leader, 'feedback and host view');
    await screenshot(leader, 'leader-host-view', host);
  });

  test('requests the report, follows it to READY, checks the names, publishes and downloads all three formats', async () => {
    await leader.getByRole('button', { name: 'Request the report' }).click();
    const version = leader.getByTestId('report-version').first();
    await expect(version.getByTestId('report-status')).toHaveText(/Queued|Generating|Ready/);
    await expect(version.getByTestId('report-status')).toHaveText('Ready', { timeout: 60_000 });
    await expect(version.getByTestId('report-preview')).toBeVisible();
    await expect(version.getByTestId('report-preview')).toHaveAttribute('sandbox', '');
    expect(await version.getByTestId('report-preview').contentFrame().locator('body').innerText()).toContain(RECOMMENDATION);

    const names = version.getByTestId('name-check');
    await expect(names.getByTestId('name-check-summary')).toContainText('where a name was withheld');
    await expect(names.getByRole('row').filter({ hasText: 'Amira Haddad' }).first()).toContainText('Withheld');
    await expectAccessible(leader, 'report');
    await screenshot(leader, 'leader-report', names);

    await version.getByRole('button', { name: 'Publish this version' }).click();
    await expect(version).toContainText('Published');
    const [report] = await sql<{ published_at: Date | null }>(
      'SELECT published_at FROM report WHERE review_id = $1 ORDER BY version DESC LIMIT 1',
      [review.reviewId],
    );
    expect(report.published_at).not.toBeNull();

    const dir = mkdtempSync(join(tmpdir(), 'leader-report-'));
    const fetchFile = async (label: string, name: string) => {
      const [download] = await Promise.all([
        leader.waitForEvent('download') as Promise<Download>,
        version.getByRole('button', { name: label }).click(),
      ]);
      const path = join(dir, name);
      await download.saveAs(path);
      return { path, suggested: download.suggestedFilename() };
    };
    const pdf = await fetchFile('Download PDF', 'report.pdf');
    expect(pdf.suggested).toMatch(/\.pdf$/);
    const text = pdfText(readFileSync(pdf.path)).replace(/\s+/g, ' ');
    expect(text).toContain('Tromsø');
    expect(text).toContain(RECOMMENDATION);

    const word = await fetchFile('Download Word', 'report.docx');
    expect(word.suggested).toMatch(/\.docx$/);
    expect(readFileSync(word.path).subarray(0, 2).toString()).toBe('PK');
    const documentXml = execFileSync('unzip', ['-p', word.path, 'word/document.xml'], { encoding: 'utf8' });
    expect(documentXml).toContain(RECOMMENDATION);

    const html = await fetchFile('Download HTML', 'report.html');
    expect(readFileSync(html.path, 'utf8')).toContain(RECOMMENDATION);
  });
});
