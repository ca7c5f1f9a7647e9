import { DESKTOP, expect, expectAccessible, PHONE, scenario, screenshot, signIn, sql, test } from './support/fixture';

/** What support/scenarios/stakeholder-consent.ts made (not imported, so this file does not compile the libs it uses). */
interface StakeholderConsentScenario {
  reviewId: string;
  leader: { id: string; email: string };
  coordinator: { id: string; email: string };
  carla: { id: string };
  nils: { id: string };
  quoteId: string;
}

const s = scenario<StakeholderConsentScenario>('stakeholder-consent');

/** Issue 21 in the leader's workspace: consent as records (recorded, shown with who recorded it, withdrawn), and the quotes waiting for a paraphrase. */
test.describe('consent and paraphrases', () => {
  test('the expert leader records a consent in writing on a phone, sees who recorded it, and withdraws it', async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await signIn(page, s.leader.email);
    await page.goto(`/reviews/${s.reviewId}/programme`);
    const carla = page.getByTestId('stakeholders').locator('li', { hasText: 'Carla Consent' });
    await expect(carla.getByText('not to be named')).toBeVisible();
    await carla.getByRole('button', { name: 'Consent Carla Consent, youth worker' }).click();
    const panel = page.getByRole('region', { name: 'Consent of Carla Consent, youth worker' });
    await expect(panel.getByText('No consent recorded yet')).toBeVisible();
    const named = panel.getByTestId('consent-current').locator('li[data-kind="NAMED"]');
    await expect(named).toContainText('Not agreed');

    // A note too long is refused at its field, and nothing is written.
    const form = panel.getByRole('form', { name: 'Record a consent' });
    await form.getByLabel('What they agree to').selectOption({ label: 'Named in the report' });
    await form.getByLabel('How it was obtained').selectOption({ label: 'In writing' });
    await form.getByLabel('Note (optional)').fill('x'.repeat(2001));
    await form.getByRole('button', { name: 'Record consent' }).click();
    await expect(form.getByLabel('Note (optional)')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.locator('.field-error')).toHaveText(/2000 characters/);
    expect(await sql('SELECT id FROM stakeholder_consent WHERE stakeholder_id = $1', [s.carla.id])).toEqual([]);

    await form.getByLabel('Note (optional)').fill('Signed form in the visit folder');
    await form.getByRole('button', { name: 'Record consent' }).click();
    await expect(panel.getByRole('status')).toHaveText('Recorded: Named in the report.');
    await expect(form.getByLabel('Note (optional)')).toHaveValue('');
    const records = panel.getByTestId('consent-record');
    await expect(records).toHaveCount(1);
    await expect(records.first()).toContainText('Named in the report: given · In writing');
    await expect(records.first()).toContainText('recorded by Lena Leader');
    await expect(records.first()).toContainText('Signed form in the visit folder');
    await expect(named).toContainText('Agreed');
    await expect(carla.getByText('not to be named')).toHaveCount(0);
    expect(
      await sql(
        'SELECT kind, given, method, note, recorded_by_id FROM stakeholder_consent WHERE stakeholder_id = $1 ORDER BY recorded_at, sequence',
        [s.carla.id],
      ),
    ).toEqual([{ kind: 'NAMED', given: true, method: 'IN_WRITING', note: 'Signed form in the visit folder', recorded_by_id: s.leader.id }]);
    // Nothing wider than the phone: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'consent of a stakeholder (phone)');
    await screenshot(page, 'phone-stakeholder-consent', panel.getByTestId('consent-current'));

    // Withdrawal asks first, and says how it was received.
    await named.getByRole('button', { name: 'Withdraw Named in the report' }).click();
    const confirm = named.getByRole('group', { name: 'Withdraw consent: Named in the report' });
    await expect(confirm).toContainText('Withdraw the consent of Carla Consent, youth worker: Named in the report?');
    await confirm.getByLabel('How the withdrawal was received').selectOption({ label: 'By email' });
    await expectAccessible(page, 'withdrawing a consent (phone)');
    await screenshot(page, 'phone-stakeholder-consent-withdraw', confirm);
    await confirm.getByRole('button', { name: 'Withdraw consent' }).click();
    await expect(panel.getByRole('status')).toHaveText('Withdrawn: Named in the report.');
    await expect(confirm).toHaveCount(0);
    await expect(named).toContainText('Not agreed');
    await expect(records).toHaveCount(2);
    // Newest first.
    await expect(records.first()).toContainText('Named in the report: withdrawn or refused · By email');
    await expect(records.first()).toContainText('recorded by Lena Leader');
    await expect(carla.getByText('not to be named')).toBeVisible();
    expect(
      await sql(
        'SELECT kind, given, method, recorded_by_id FROM stakeholder_consent WHERE stakeholder_id = $1 ORDER BY recorded_at, sequence',
        [s.carla.id],
      ),
    ).toEqual([
      { kind: 'NAMED', given: true, method: 'IN_WRITING', recorded_by_id: s.leader.id },
      { kind: 'NAMED', given: false, method: 'EMAIL', recorded_by_id: s.leader.id },
    ]);
    expect(await sql('SELECT consent_to_be_named FROM stakeholder WHERE id = $1', [s.carla.id])).toEqual([{ consent_to_be_named: false }]);
    await screenshot(page, 'phone-stakeholder-consent-history', panel.getByTestId('consent-history'));
    await context.close();
  });

  test('the expert leader writes the paraphrase of a pending quote, and it leaves the list', async ({ browser }) => {
    const context = await browser.newContext({ ...DESKTOP });
    const page = await context.newPage();
    await signIn(page, s.leader.email);
    await page.goto(`/reviews/${s.reviewId}/evidence`);
    const list = page.getByTestId('quotes-needing-paraphrase');
    await expect(list.getByRole('heading', { name: 'Quotes waiting for a paraphrase (1)' })).toBeVisible();
    const pending = list.getByTestId('pending-quote');
    await expect(pending).toHaveCount(1);
    // The team reads the quote itself, and whose it is.
    await expect(pending.locator('blockquote')).toHaveText('We were never asked what we think');
    await expect(pending).toContainText('Quoted: Nils Nocite');
    const field = pending.getByLabel('Paraphrase of what Nils Nocite said');
    await field.fill('Residents of the harbour feel nobody consults them.');
    await expectAccessible(page, 'quotes waiting for a paraphrase');
    await screenshot(page, 'desktop-quotes-needing-paraphrase', list);
    await pending.getByRole('button', { name: 'Save the paraphrase' }).click();

    await expect(list.getByRole('status')).toHaveText(/Paraphrase saved/);
    await expect(pending).toHaveCount(0);
    await expect(list.getByRole('heading', { name: 'Quotes waiting for a paraphrase (0)' })).toBeVisible();
    expect(await sql('SELECT paraphrase, quote, revision FROM evidence WHERE id = $1', [s.quoteId])).toEqual([
      { paraphrase: 'Residents of the harbour feel nobody consults them.', quote: 'We were never asked what we think', revision: 2 },
    ]);
    // Read again from the server: nothing waits any more.
    await page.reload();
    await expect(page.getByTestId('evidence-count')).toHaveText('1 item');
    await expect(page.getByTestId('quotes-needing-paraphrase')).toHaveCount(0);
    await context.close();
  });

  test('the host coordinator sees the history in the visit’s list of people to invite and records a consent there', async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE });
    const page = await context.newPage();
    await signIn(page, s.coordinator.email);
    await page.goto(`/reviews/${s.reviewId}/host/visit`);
    // Carla withdrew her consent to be named in the first test: outside the team her name and position are withheld.
    const invite = page.getByTestId('stakeholders-to-invite');
    await expect(invite).not.toContainText('Carla');
    await expect(invite).not.toContainText('youth worker');
    const carla = invite.locator('tr', { hasText: '[name withheld]' });
    await carla.getByRole('button', { name: 'Consent [name withheld]' }).click();
    const panel = page.getByRole('region', { name: 'Consent of [name withheld]' });
    const records = panel.getByTestId('consent-record');
    // What the expert leader recorded in the first test, with who did it.
    await expect(records).toHaveCount(2);
    await expect(records.first()).toContainText('recorded by Lena Leader');
    const form = panel.getByRole('form', { name: 'Record a consent' });
    await form.getByLabel('What they agree to').selectOption({ label: 'Contacted again after the visit' });
    await form.getByLabel('How it was obtained').selectOption({ label: 'In person' });
    await form.getByRole('button', { name: 'Record consent' }).click();
    await expect(panel.getByRole('status')).toHaveText('Recorded: Contacted again after the visit.');
    await expect(records).toHaveCount(3);
    await expect(records.first()).toContainText('Contacted again after the visit: given · In person');
    await expect(records.first()).toContainText('recorded by Coco Coordinator');
    await expect(panel.getByTestId('consent-current').locator('li[data-kind="CONTACTED"]')).toContainText('Agreed');
    expect(await sql('SELECT consent_to_be_contacted FROM stakeholder WHERE id = $1', [s.carla.id])).toEqual([
      { consent_to_be_contacted: true },
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'consent in the host city’s visit page (phone)');
    await screenshot(page, 'phone-host-stakeholder-consent', panel);
    await context.close();
  });
});
