import type { BrowserContext, Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from './support/global-setup';
import { DESKTOP, expect, expectAccessible, fixture, screenshot, signIn, sql, test, TEST_PASSWORD } from './support/fixture';

const RECOMMENDATION =
  'Commission research on structural racism in the city services and discuss the findings with minority ethnic residents.';
const LEADER_TEXT = 'The council leads on diversity, as the evidence from the town hall shows.';
const PEER_TEXT = 'Piet saw the mayor open the forum with the diversity statement.';
const STRENGTHS_DRAFT = 'A public commitment that every department knows about.';

const gql = (query: string, variables: Record<string, unknown>, token?: string) => graphql(fixture().baseUrl, query, variables, token);
const tokenOf = async (email: string) =>
  (await gql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', { e: email, p: TEST_PASSWORD }))
    .signIn.accessToken as string;

/**
 * The expert leader's findings and report (issue 17), through the UI alone once the review is in
 * deliberation: a conclusion written while a peer saves the same one (conflict, merge, nothing lost,
 * a reload mid-draft), a recommendation with a linked good practice, the move to feedback and the
 * host's view, the report requested, followed until READY, checked for names, published and
 * downloaded in all three formats.
 */
test.describe.serial("the expert leader's findings and report", () => {
  let leaderContext: BrowserContext;
  let peerContext: BrowserContext;
  let leader: Page;
  let peer: Page;
  const r = () => fixture().findingsReview;
  const kf = (i: number) => r().keyFactors[i];
  /** The catalogue's example practice (libs/catalogue/src/data), published in beforeAll. */
  let practice: string;

  test.beforeAll(async ({ browser }) => {
    // Setup through the API: the visit's evidence and its feedback session, the review into
    // deliberation, two of the three conclusions agreed, and a published good practice.
    const f = r();
    const leaderToken = await tokenOf(f.people.leader.email);
    const peerToken = await tokenOf(f.people.peer.email);
    const yesterday = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(Date.now() - 24 * 3600 * 1000));
    await gql(
      'mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id } }',
      {
        r: f.reviewId,
        input: {
          kind: 'FEEDBACK_SESSION',
          title: 'Feedback to the city',
          start: `${yesterday}T14:00`,
          end: `${yesterday}T15:00`,
          location: 'City hall',
        },
      },
      leaderToken,
    );
    const items = [
      [0, 'SUPPORTS', 'The mayor opened the forum by reading the diversity statement.'],
      [0, 'SUPPORTS', 'Every department has a diversity contact.'],
      [1, 'NEUTRAL', 'A strategy is being drafted.'],
      [2, 'CONTRADICTS', 'Migrant organisations are not consulted on the budget.'],
    ] as const;
    for (const [k, stance, statement] of items) {
      await gql(
        'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome } }',
        {
          r: f.reviewId,
          input: { id: crypto.randomUUID(), source: 'OBSERVATION', keyFactorIds: [f.keyFactors[k].id], stance, statement },
        },
        peerToken,
      );
    }
    await gql('mutation($r: ID!) { startDeliberation(reviewId: $r) { status } }', { r: f.reviewId }, leaderToken);
    for (const [k, rating, summary] of [
      [1, 2, 'Amira Haddad told us a strategy is being drafted.'],
      [2, 1, 'Migrant organisations are not consulted.'],
    ] as const) {
      const saved = (
        await gql(
          'mutation($r: ID!, $k: ID!, $input: ConclusionInput!) { saveConclusion(reviewId: $r, keyFactorId: $k, input: $input) { id version } }',
          { r: f.reviewId, k: f.keyFactors[k].id, input: { rating, summary } },
          peerToken,
        )
      ).saveConclusion;
      await gql(
        'mutation($c: ID!, $v: Int!) { agreeConclusion(conclusionId: $c, expectedVersion: $v) { id } }',
        { c: saved.id, v: saved.version },
        leaderToken,
      );
    }
    // The catalogue's example practice, imported and published by the secretariat.
    const [admin] = await sql<{ email: string }>(
      "INSERT INTO person (email, full_name, is_admin, password_hash) SELECT 'secretariat-' || gen_random_uuid() || '@example.org', 'Sam Secretariat', true, password_hash FROM person WHERE id = $1 RETURNING email",
      [f.people.leader.id],
    );
    const adminToken = await tokenOf(admin.email);
    const bergen = JSON.parse(readFileSync('libs/catalogue/src/data/icc-good-practice-bergen.json', 'utf8'));
    practice = bergen.action.title;
    const imported = (await gql('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', { d: bergen }, adminToken))
      .importGoodPractice.id;
    await gql('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id: imported }, adminToken);
    await gql('mutation($id: ID!) { publishGoodPractice(id: $id) { id } }', { id: imported }, adminToken);

    leaderContext = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl, acceptDownloads: true });
    peerContext = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl });
    leader = await leaderContext.newPage();
    peer = await peerContext.newPage();
  });
  test.afterAll(async () => {
    await leaderContext?.close();
    await peerContext?.close();
  });

  const editor = (page: Page) => page.getByTestId('conclusion-editor');

  test('a conclusion written while a peer saves the same one: the conflict is shown, merged and saved, nothing lost', async () => {
    await signIn(leader, r().people.leader.email);
    await leader.goto(`/reviews/${r().reviewId}/conclusions?kf=${kf(0).id}`);
    await expect(editor(leader).getByRole('heading', { name: new RegExp(`Key factor ${kf(0).code}`) })).toBeVisible();
    await expect(leader.getByRole('link', { name: 'Conclusions' })).toBeVisible();
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
    await signIn(peer, r().people.peer.email);
    await peer.goto(`/reviews/${r().reviewId}/conclusions?kf=${kf(0).id}`);
    await editor(peer).getByRole('textbox', { name: 'Summary' }).fill(PEER_TEXT);
    await editor(peer).getByRole('combobox', { name: 'Rating' }).selectOption('2');
    await editor(peer).getByLabel('The mayor opened the forum by reading the diversity statement.').check();
    await editor(peer).getByRole('button', { name: 'Save the conclusion' }).click();
    await expect(editor(peer)).toContainText('Saved (version 1).');

    // The leader's save is refused by the API; both versions are shown side by side.
    await editor(leader).getByRole('combobox', { name: 'Rating' }).selectOption('3');
    await editor(leader).getByLabel('Every department has a diversity contact.').check();
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
      [r().reviewId, kf(0).id],
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
      [r().reviewId, kf(0).id],
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

  test('a recommendation with a suggested good practice linked in one click', async () => {
    await leader.getByRole('link', { name: 'Recommendations' }).click();
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
    await expect(card.getByTestId('suggested-practice').first()).toContainText(practice);
    await card.getByRole('button', { name: `Link ${practice}` }).click();
    await expect(card.getByTestId('linked-practice')).toContainText(practice);
    const [link] = await sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM recommendation_good_practice l JOIN recommendation r ON r.id = l.recommendation_id WHERE r.review_id = $1 AND r.text = $2',
      [r().reviewId, RECOMMENDATION],
    );
    expect(link.n).toBe(1);
    await expectAccessible(leader, 'recommendations');
    await screenshot(leader, 'leader-recommendations');
  });

  test('moves to feedback and sees the findings as the host city will', async () => {
    await leader.getByRole('link', { name: 'Feedback & report' }).click();
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
    await expect(host).toContainText('Stavanger reads this now.');
    await expect(host).toContainText('[name withheld] told us a strategy is being drafted.');
    await expect(host).not.toContainText('Amira');
    await expect(host).toContainText(RECOMMENDATION);
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
      [r().reviewId],
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
    const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Stavanger');
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
