import type { BrowserContext, Page } from '@playwright/test';
import { mailTo } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, scenario, screenshot, signIn, sql, test } from './support/fixture';

/**
 * Issue 18, the secretariat: the directory and the reviews. A city is added and a review of it
 * created (kind, benchmark, scope, timeline in the city's time) with its expert leader invited by
 * email; reviews listed by status and city; one cancelled with a reason; the next review of Lublin
 * started from its last one; people searched and a duplicate merged; a city's data changed; an
 * organisation added. Someone who is not an administrator is told these pages are the secretariat's.
 */
test.describe.configure({ mode: 'serial' });

interface SecretariatScenario {
  admin: { id: string; email: string };
  outsider: { id: string; email: string };
  keep: { id: string; email: string };
  duplicate: { id: string; email: string };
  lublin: { reviewId: string; cityId: string };
  cascais: { reviewId: string; cityId: string };
}

const fx = fixture();
const s = scenario<SecretariatScenario>('secretariat');
const LEADER_EMAIL = `ines.leader.${Date.now()}@example.org`;
const YEAR = new Date().getFullYear();

test.describe("the network secretariat's directory and reviews", () => {
  let context: BrowserContext;
  let page: Page;
  const tab = (name: string) => page.getByRole('navigation', { name: 'Secretariat' }).getByRole('link', { name, exact: true });
  const reviewCard = (title: string) => page.getByTestId('review').filter({ has: page.getByRole('link', { name: title, exact: true }) });

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    page = await context.newPage();
  });
  test.afterAll(async () => {
    await context?.close();
  });

  test("someone who is not an administrator is told the pages are the secretariat's", async ({ browser }) => {
    const other = await browser.newContext({ ...DESKTOP, baseURL: fx.baseUrl });
    const outsider = await other.newPage();
    await signIn(outsider, s.outsider.email);
    await expect(outsider.getByRole('link', { name: 'Secretariat' })).toHaveCount(0);
    await outsider.goto('/secretariat/people');
    await expect(outsider.getByRole('heading', { name: "These pages are the network secretariat's" })).toBeVisible();
    await expect(outsider.getByRole('link', { name: 'Back to my reviews' })).toBeVisible();
    await expect(outsider.getByText('maria rossi')).toHaveCount(0);
    await expectAccessible(outsider, 'secretariat only');
    await other.close();
  });

  test('adds a city with its data, then creates an expert visit of it with its scope and timeline, and invites the expert leader', async () => {
    await signIn(page, s.admin.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secretariat' }).click();
    await expect(page).toHaveURL(/\/secretariat\/reviews$/);
    await expect(page.getByRole('heading', { name: 'Reviews', level: 1 })).toBeVisible();

    await tab('Cities').click();
    await page.getByRole('button', { name: 'Add a city' }).click();
    const form = page.getByTestId('city-form');
    await form.getByLabel('Name', { exact: true }).fill('Ravenna');
    await form.getByLabel('Country').fill('it');
    await form.getByLabel('Time zone').fill('Europe/Rome');
    await form.getByLabel('Population').fill('155000');
    await form.getByLabel('Member since').fill('2019');
    await form.getByLabel('Has signed the EUROCITIES Integrating Cities Charter').check();
    // A year before the network existed is refused, with the reason beside the field.
    await form.getByLabel('Member since').fill('1999');
    await form.getByRole('button', { name: 'Add the city' }).click();
    await expect(form.getByRole('alert')).toHaveText('This was not saved: correct the fields marked below.');
    await expect(form.getByText(`expected a year between 2008 (when the network started) and ${YEAR}`, { exact: true })).toBeVisible();
    await expect(form.getByLabel('Member since')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Member since').fill('2019');
    await form.getByRole('button', { name: 'Add the city' }).click();
    await expect(page.getByText('Ravenna was added.')).toBeVisible();
    expect(
      await sql(
        'SELECT country, time_zone, population, icc_member_since, eurocities_charter_signatory AS charter FROM city WHERE name = $1',
        ['Ravenna'],
      ),
    ).toEqual([{ country: 'IT', time_zone: 'Europe/Rome', population: 155000, icc_member_since: 2019, charter: true }]);
    await expectAccessible(page, 'secretariat cities');

    await page.getByRole('link', { name: 'Create a review of Ravenna' }).click();
    const review = page.getByTestId('new-review');
    await expect(review.getByLabel('Host city')).toHaveValue(/.+/);
    await expect(review.getByLabel('Title')).toHaveValue(`Review of Ravenna, ${YEAR}`);
    await review.getByLabel('Expert visit').check();
    await expect(review.getByLabel('Benchmark')).toHaveValue(/^EUROCITIES-PCD@\d+$/);
    // Three key factors in scope: the others unticked.
    const boxes = review.locator('.scope-picker input[type=checkbox]');
    await expect(boxes.first()).toBeVisible();
    const total = await boxes.count();
    expect(total).toBeGreaterThan(3);
    for (let i = 3; i < total; i++) await boxes.nth(i).uncheck();
    await expect(review.getByText(`Key factors in scope (3 of ${total})`)).toBeVisible();
    await expect(review.getByText("Times are in the host city's time zone (Europe/Rome).")).toBeVisible();
    await review.getByLabel('Self-assessment due').fill('2027-04-12T12:00');
    await review.getByLabel('Visit starts').fill('2027-05-10T09:00');
    await review.getByLabel('Visit ends').fill('2027-05-12T17:00');
    await expectAccessible(page, 'secretariat new review');
    await screenshot(page, 'secretariat-new-review', review);
    await review.getByRole('button', { name: 'Create the review' }).click();

    const created = page.getByTestId('review-created');
    await expect(created.getByRole('heading', { name: `Review of Ravenna, ${YEAR} is open (draft)` })).toBeVisible();
    const [stored] = await sql<{ id: string; kind: string; status: string; scope: number; visit: string; due: string; benchmark: string }>(
      `SELECT r.id, r.kind, r.status, cardinality(r.scope_key_factor_ids) AS scope, b.code AS benchmark,
              to_char(r.visit_starts_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD HH24:MI') AS visit,
              to_char(r.self_assessment_due_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD HH24:MI') AS due
         FROM review r JOIN city c ON c.id = r.host_city_id JOIN benchmark b ON b.id = r.benchmark_id WHERE c.name = 'Ravenna'`,
    );
    expect(stored).toMatchObject({
      kind: 'EXPERT_VISIT',
      status: 'DRAFT',
      scope: 3,
      benchmark: 'EUROCITIES-PCD',
      visit: '2027-05-10 09:00',
      due: '2027-04-12 12:00',
    });

    // The next step: its expert leader, invited by email.
    await created.getByLabel("The expert leader's email").fill(LEADER_EMAIL);
    await created.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(created.getByText(`An invitation to lead the review was sent to ${LEADER_EMAIL}.`)).toBeVisible();
    expect(
      await sql(
        "SELECT payload->>'role' AS role, payload->>'reviewId' AS review FROM auth_token WHERE email = $1 AND purpose = 'INVITATION'",
        [LEADER_EMAIL],
      ),
    ).toEqual([{ role: 'EXPERT_LEADER', review: stored.id }]);
    const mail = await mailTo(LEADER_EMAIL, /invited you/);
    expect(mail.text).toContain(`Review of Ravenna, ${YEAR}`);
    expect(mail.text).toMatch(/\/accept-invitation\?token=/);
    await expect(created.getByRole('link', { name: 'team page' })).toHaveAttribute('href', `/reviews/${stored.id}/team`);
    await screenshot(page, 'secretariat-review-created', created);
    await created.getByRole('button', { name: 'Back to the list' }).click();
    await expect(created).toHaveCount(0);
  });

  test('lists every review by status and by city, each linked to its workspace', async () => {
    await tab('Reviews').click();
    const drafts = page.getByTestId('filter-DRAFT');
    const [{ n: draftCount }] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM review WHERE status = 'DRAFT'");
    await expect(drafts).toHaveText(`Draft (${draftCount})`);
    await drafts.click();
    await expect(drafts).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/status=DRAFT/);
    await expect(page.getByTestId('review-status')).toHaveText(Array(Math.min(draftCount, 20)).fill('Draft'));
    await expect(reviewCard(`Review of Ravenna, ${YEAR}`)).toBeVisible();

    await page.getByTestId('filter-CLOSED').click();
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'Lublin (NO)' });
    await expect(page.getByRole('heading', { name: '1 review · Closed · Lublin' })).toBeVisible();
    await expect(reviewCard('Review of Lublin, 2023')).toContainText('Lena Leader');
    await expect(reviewCard('Review of Lublin, 2023').getByRole('link', { name: 'Review of Lublin, 2023' })).toHaveAttribute(
      'href',
      `/reviews/${s.lublin.reviewId}/overview`,
    );
    await expectAccessible(page, 'secretariat reviews');

    await page.getByRole('button', { name: /^All \(\d+\)$/ }).click();
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'All cities' });
    await expect(reviewCard(`Review of Ravenna, ${YEAR}`)).toBeVisible();
    await screenshot(page, 'secretariat-reviews');
  });

  test('cancels a review with a reason', async () => {
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'Cascais (NO)' });
    // The list of that city, not the one before it (a card of the earlier list would be replaced mid-action).
    await expect(page.getByRole('heading', { name: /· Cascais$/ })).toBeVisible();
    const card = reviewCard('Review of Cascais');
    await expect(card.getByTestId('review-status')).toHaveText('Preparation');
    await card.getByRole('button', { name: 'Cancel the review Review of Cascais' }).click();
    const form = card.getByTestId('cancel-review');
    await expect(form.getByRole('button', { name: 'Cancel the review' })).toBeDisabled();
    await form.getByLabel('Why is it cancelled?').fill('The city postponed the programme after the local elections.');
    await expectAccessible(page, 'secretariat cancel review');
    await screenshot(page, 'secretariat-cancel-review', form);
    await form.getByRole('button', { name: 'Cancel the review' }).click();
    await expect(page.getByText('Review of Cascais was cancelled.')).toBeVisible();
    await expect(card.getByTestId('review-status')).toHaveText('Cancelled');
    await expect(card).toContainText('Cancelled: The city postponed the programme after the local elections.');
    await expect(card.getByRole('button', { name: /Cancel the review/ })).toHaveCount(0);
    expect(await sql('SELECT status, cancellation_reason FROM review WHERE id = $1', [s.cascais.reviewId])).toEqual([
      { status: 'CANCELLED', cancellation_reason: 'The city postponed the programme after the local elections.' },
    ]);
    expect(
      await sql("SELECT actor_id, after->>'status' AS status FROM audit_entry WHERE review_id = $1 AND action = 'review.transition'", [
        s.cascais.reviewId,
      ]),
    ).toEqual([{ actor_id: s.admin.id, status: 'CANCELLED' }]);
  });

  test("starts Lublin's next review from its last one", async () => {
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'Lublin (NO)' });
    await expect(page.getByRole('heading', { name: /· Lublin$/ })).toBeVisible();
    const card = reviewCard('Review of Lublin, 2023');
    await card.getByRole('button', { name: 'Start the next review Review of Lublin, 2023' }).click();
    const form = card.getByTestId('start-next');
    await expect(form.getByLabel('Title')).toHaveValue(`Review of Lublin, ${YEAR}`);
    await expect(form.getByText("Times are in the host city's time zone (Europe/Warsaw).")).toBeVisible();
    await form.getByLabel('Visit starts').fill('2027-09-20T09:00');
    await form.getByLabel('Visit ends').fill('2027-09-22T16:00');
    await form.getByRole('button', { name: 'Start the next review' }).click();
    await expect(
      page.getByTestId('review-created').getByRole('heading', { name: `Review of Lublin, ${YEAR} is open (draft)` }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: '2 reviews · Lublin' })).toBeVisible();
    const [next] = await sql<{ id: string; kind: string; status: string; visit: string; scope: number }>(
      `SELECT id, kind, status, cardinality(scope_key_factor_ids) AS scope, to_char(visit_starts_at AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD HH24:MI') AS visit
         FROM review WHERE host_city_id = $1 AND id <> $2`,
      [s.lublin.cityId, s.lublin.reviewId],
    );
    expect(next).toMatchObject({ kind: 'PEER_REVIEW', status: 'DRAFT', scope: 2, visit: '2027-09-20 09:00' });
    // The city's self-assessment came along, for it to update.
    expect(
      await sql('SELECT narrative, carried_over_from_id IS NOT NULL AS carried FROM self_assessment_entry WHERE review_id = $1', [next.id]),
    ).toEqual([{ narrative: 'Our council adopted an intercultural strategy in 2021.', carried: true }]);
  });

  test('finds people and their roles, and merges the duplicate "maria rossi" into Maria Rossi', async () => {
    await tab('People').click();
    await page.getByLabel('Find a person').fill('maria rossi');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByText('2 people')).toBeVisible();
    const people = page.getByTestId('person');
    await expect(people).toHaveCount(2);
    const dup = people.filter({ hasText: s.duplicate.email });
    await expect(dup.getByRole('list', { name: 'Roles of maria rossi' })).toContainText('Peer · Review of Lublin, 2023 (Closed)');
    // Search by email too.
    await page.getByLabel('Find a person').fill('comune.example');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(people).toHaveCount(1);
    await expect(people).toContainText('Maria Rossi');
    await expectAccessible(page, 'secretariat people');
    await screenshot(page, 'secretariat-people');

    await people.getByRole('button', { name: /Merge a duplicate into Maria Rossi/ }).click();
    const panel = page.getByTestId('merge-panel');
    await expect(panel.getByRole('heading', { name: 'Merge a duplicate into Maria Rossi' })).toBeVisible();
    await panel.getByLabel(`maria rossi · ${s.duplicate.email}`).check();
    await expect(panel.getByTestId('merge-duplicate')).toContainText('Peer · Review of Lublin, 2023');
    await expect(panel.getByTestId('merge-keep')).toContainText('On no review team now.');
    await expectAccessible(page, 'secretariat merge');
    await screenshot(page, 'secretariat-merge', panel);
    await panel.getByRole('button', { name: 'Merge maria rossi into Maria Rossi' }).click();
    await expect(page.getByTestId('merge-done')).toHaveText(`maria rossi (${s.duplicate.email}) was merged into Maria Rossi.`);
    await expect(page.getByText('team memberships: 1')).toBeVisible();
    await expect(people.filter({ hasText: 'Maria Rossi' }).getByRole('list', { name: 'Roles of Maria Rossi' })).toContainText(
      'Peer · Review of Lublin, 2023',
    );

    // What was stored: the membership is Maria Rossi's, the duplicate account is gone, the merge recorded.
    expect(await sql('SELECT person_id FROM team_member WHERE review_id = $1 AND role = $2', [s.lublin.reviewId, 'PEER'])).toEqual(
      expect.arrayContaining([{ person_id: s.keep.id }]),
    );
    expect(await sql('SELECT count(*)::int AS n FROM team_member WHERE person_id = $1', [s.duplicate.id])).toEqual([{ n: 0 }]);
    expect(await sql('SELECT id FROM person WHERE id = $1', [s.duplicate.id])).toEqual([]);
    expect(
      await sql('SELECT kept_person_id, merged_email, merged_by_id FROM person_merge WHERE merged_person_id = $1', [s.duplicate.id]),
    ).toEqual([{ kept_person_id: s.keep.id, merged_email: s.duplicate.email, merged_by_id: s.admin.id }]);
    await page.getByLabel('Find a person').fill('rossi');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(people).toHaveCount(1);
  });

  test("changes a city's data", async () => {
    await tab('Cities').click();
    await page.getByLabel('Find a city').fill('Ravenna');
    await page.getByRole('button', { name: 'Search' }).click();
    const city = page.getByTestId('city').filter({ hasText: 'Ravenna' });
    await expect(city.getByTestId('city-population')).toHaveText('155,000');
    await city.getByRole('button', { name: 'Edit Ravenna' }).click();
    const form = page.getByTestId('city-form');
    await expect(form.getByRole('heading', { name: 'Edit Ravenna' })).toBeVisible();
    await form.getByLabel('Population').fill('159116');
    await form.getByLabel('Member since').fill('2018');
    await form.getByLabel('Has signed the EUROCITIES Integrating Cities Charter').uncheck();
    await expectAccessible(page, 'secretariat edit city');
    await screenshot(page, 'secretariat-city-edit', form);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Ravenna was saved.')).toBeVisible();
    await expect(city.getByTestId('city-population')).toHaveText('159,116');
    await expect(city.getByTestId('city-member-since')).toHaveText('2018');
    await expect(city.getByTestId('city-charter')).toHaveText('No');
    expect(
      await sql('SELECT population, icc_member_since, eurocities_charter_signatory AS charter FROM city WHERE name = $1', ['Ravenna']),
    ).toEqual([{ population: 159116, icc_member_since: 2018, charter: false }]);
    await page.getByLabel('Find a city').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('city').filter({ hasText: 'Lublin' })).toBeVisible();
    await screenshot(page, 'secretariat-cities');
  });

  test('adds an organisation of the city and renames it', async () => {
    await tab('Organisations').click();
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Name').fill('Comune di Ravenna');
    await form.getByLabel('Kind').selectOption({ label: 'City administration' });
    await form.getByLabel('City').selectOption({ label: 'Ravenna (IT)' });
    await form.getByRole('button', { name: 'Add the organisation' }).click();
    await expect(page.getByText('Comune di Ravenna was added.')).toBeVisible();
    await page.getByLabel('Find an organisation').fill('Ravenna');
    await page.getByRole('button', { name: 'Search' }).click();
    const organisation = page.getByTestId('organisation').filter({ hasText: 'Comune di Ravenna' });
    await expect(organisation).toContainText('City administration');
    await organisation.getByRole('button', { name: 'Edit Comune di Ravenna' }).click();
    await page.getByTestId('organisation-form').getByLabel('Name').fill('Comune di Ravenna – Ufficio Intercultura');
    await page.getByTestId('organisation-form').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Comune di Ravenna – Ufficio Intercultura was saved.')).toBeVisible();
    await expectAccessible(page, 'secretariat organisations');
    expect(
      await sql('SELECT o.kind, c.name AS city FROM organisation o JOIN city c ON c.id = o.city_id WHERE o.name = $1', [
        'Comune di Ravenna – Ufficio Intercultura',
      ]),
    ).toEqual([{ kind: 'CITY_ADMINISTRATION', city: 'Ravenna' }]);
  });
});
