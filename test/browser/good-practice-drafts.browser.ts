import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql, tokenOf } from './support/api';
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
 * Issue 18, good practices drafted by members: the expert leader drafts one from an evidence item and
 * a peer from a recommendation, on the review's screens; a city official imports one filled in with
 * Word; the secretariat publishes the submitted one, which an anonymous visitor then finds. Drafts
 * stay private all along.
 */
test.describe.configure({ mode: 'serial' });

const fx = fixture();
const review = scenario<ReviewScenario & { secretariat: { id: string; email: string } }>('good-practice-drafts');
const STATEMENT = 'Drammen runs a mentoring scheme pairing newcomers with long-settled residents in every district.';
const RECOMMENDATION = 'Extend the Drammen mentoring scheme to the city’s schools and publish its yearly results.';

test.describe('good practices drafted from a review, imported from Word, and published', () => {
  let contexts: BrowserContext[] = [];
  let leader: Page;
  let peer: Page;
  let official: Page;
  let admin: Page;
  /** The peer's draft, made from the recommendation. */
  let fromRecommendation: string;

  test.beforeAll(async ({ browser }) => {
    const peerToken = await tokenOf(review.people.peer.email);
    await gql(
      'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome } }',
      {
        r: review.reviewId,
        input: {
          id: crypto.randomUUID(),
          source: 'OBSERVATION',
          keyFactorIds: [review.keyFactors[0].id],
          stance: 'SUPPORTS',
          statement: STATEMENT,
        },
      },
      peerToken,
    );
    await gql(
      'mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { id } }',
      {
        r: review.reviewId,
        input: { text: RECOMMENDATION, priority: 'HIGH', horizon: 'MEDIUM_TERM', keyFactorIds: [review.keyFactors[0].id] },
      },
      await tokenOf(review.people.leader.email),
    );
    const open = async (options: object) => {
      const context = await browser.newContext({ ...options, baseURL: fx.baseUrl, acceptDownloads: true });
      contexts.push(context);
      return context.newPage();
    };
    leader = await open(DESKTOP);
    peer = await open(PHONE);
    official = await open(DESKTOP);
    admin = await open(DESKTOP);
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test('the expert leader drafts a good practice from an evidence item', async () => {
    await signIn(leader, review.people.leader.email);
    await leader.goto(`/reviews/${review.reviewId}/evidence`);
    const item = leader.getByTestId('evidence-item').filter({ hasText: STATEMENT });
    await item.getByRole('button', { name: 'Draft a good practice from this…' }).click();
    // No field of action chosen: said on the spot, nothing made.
    await item.getByRole('button', { name: 'Create the draft' }).click();
    await expect(item.getByText('Choose the field of action the practice belongs to.')).toBeVisible();
    await item.getByLabel('Main field of action').selectOption('5');
    await expectAccessible(leader, 'promote evidence');
    await item.getByRole('button', { name: 'Create the draft' }).click();
    await expect(item.getByRole('status')).toContainText('A draft good practice was made');
    await item.getByRole('link', { name: /^Open the draft/ }).click();
    await expect(leader.getByText('On its way to publication')).toBeVisible();
    const [row] = await sql<{ status: string; created_by_id: string; city: string }>(
      'SELECT status, created_by_id, city FROM good_practice WHERE source_evidence_id IS NOT NULL AND created_by_id = $1',
      [review.people.leader.id],
    );
    expect(row).toEqual({ status: 'DRAFT', created_by_id: review.people.leader.id, city: 'Drammen' });
  });

  test('a peer drafts one from a recommendation on a phone, and submits it for publication', async () => {
    await signIn(peer, review.people.peer.email);
    await peer.goto(`/reviews/${review.reviewId}/recommendations`);
    const card = peer.getByTestId('recommendation').filter({ hasText: RECOMMENDATION });
    await card.getByRole('button', { name: 'Draft a good practice from this…' }).click();
    await card.getByLabel('Main field of action').selectOption('5');
    await card.getByRole('button', { name: 'Create the draft' }).click();
    await card.getByRole('link', { name: /^Open the draft/ }).click();
    await expect(peer).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
    fromRecommendation = peer.url().split('/').pop()!;
    await peer.getByRole('button', { name: 'Submit for publication' }).click();
    await expect(peer.getByText('Submitted: the network secretariat publishes it')).toBeVisible();
    await expectAccessible(peer, 'draft practice (phone)');
    await screenshot(peer, 'catalogue-draft-phone');
    const [row] = await sql<{ status: string }>('SELECT status FROM good_practice WHERE id = $1', [fromRecommendation]);
    expect(row.status).toBe('SUBMITTED');
  });

  test('a city official imports a practice filled in with Word; a document that is not the template is refused with what to fix', async () => {
    // The template's layout: the secretariat's Word export of the submitted practice.
    const exported = await fetch(`${fx.baseUrl}/good-practices/${fromRecommendation}/export.docx`, {
      headers: { authorization: `Bearer ${await tokenOf(review.secretariat.email)}` },
    });
    expect(exported.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pv-word-'));
    const docx = join(dir, 'our-practice.docx');
    writeFileSync(docx, Buffer.from(await exported.arrayBuffer()));
    const notWord = join(dir, 'notes.docx');
    writeFileSync(notWord, 'not a Word document');

    await signIn(official, review.people.coordinator.email);
    await official.goto('/practices');
    const drafts = official.getByTestId('my-drafts');
    await expect(drafts.getByRole('heading', { name: 'Your drafts (0)' })).toBeVisible();
    await drafts.getByLabel('Import a practice from Word (.docx)').setInputFiles(notWord);
    await expect(drafts.getByRole('alert')).toContainText('The Word document was not imported');
    await drafts.getByLabel('Import a practice from Word (.docx)').setInputFiles(docx);
    await expect(official).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
    await expect(official.getByRole('button', { name: 'Submit for publication' })).toBeVisible();
    await official.goto('/practices');
    await expect(drafts.getByRole('heading', { name: 'Your drafts (1)' })).toBeVisible();
    await expectAccessible(official, 'catalogue with drafts');
    await screenshot(official, 'catalogue-my-drafts', drafts);
    const [row] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM good_practice WHERE created_by_id = $1 AND status = 'DRAFT'", [
      review.people.coordinator.id,
    ]);
    expect(row.n).toBe(1);
  });

  test('the secretariat publishes the submitted practice, and an anonymous visitor finds it', async () => {
    await signIn(admin, review.secretariat.email);
    await admin.goto('/practices');
    // The official's imported copy is a draft with the same title; the submitted one waits for publication.
    await admin
      .getByTestId('my-drafts')
      .getByRole('listitem')
      .filter({ hasText: 'Waiting to be published' })
      .getByRole('link', { name: /Drammen mentoring scheme/ })
      .click();
    await admin.getByRole('button', { name: 'Publish in the public catalogue' }).click();
    await expect(admin.getByText('On its way to publication')).toHaveCount(0);
    const [row] = await sql<{ status: string; title: string }>('SELECT status, title FROM good_practice WHERE id = $1', [
      fromRecommendation,
    ]);
    expect(row.status).toBe('PUBLISHED');

    const anonymous = await admin
      .context()
      .browser()!
      .newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    try {
      const page = await anonymous.newPage();
      await page.goto('/practices');
      await page.getByRole('searchbox', { name: 'Search' }).fill('Drammen mentoring');
      await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
      await expect(page.getByTestId('practice-card')).toHaveCount(1);
      await expect(page.getByTestId('practice-card')).toContainText(row.title);
      // The leader's and the official's drafts are nobody else's business.
      await expect(page.getByTestId('my-drafts')).toHaveCount(0);
    } finally {
      await anonymous.close();
    }
  });
});
