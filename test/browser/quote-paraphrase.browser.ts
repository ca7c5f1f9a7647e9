import { expect, expectAccessible, PHONE, scenario, screenshot, signIn, sql, test } from './support/fixture';

/** What support/scenarios/quote-paraphrase.ts made (not imported, so this file does not compile the libs it uses). */
interface QuoteParaphraseScenario {
  reviewId: string;
  peer: { id: string; email: string };
  nadia: { id: string };
  quentin: { id: string };
}

const s = scenario<QuoteParaphraseScenario>('quote-paraphrase');

/**
 * Issue 21, the quote rule in the notebook, on a phone: choosing a quoted stakeholder who has not
 * agreed to be quoted asks for a paraphrase and says why; one who agreed does not. What was typed
 * reaches the server, and a quote synced without a paraphrase is kept and flagged.
 */
test('a peer on a phone is asked for a paraphrase when quoting someone who did not agree to be quoted', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE });
  const page = await context.newPage();
  await signIn(page, s.peer.email);
  await page.getByRole('link', { name: /^Review of Quimper/ }).click();
  await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible();

  const paraphrase = page.getByLabel('Paraphrase', { exact: true });
  await page.getByLabel('What did you hear or see?').fill('Residents say the city rarely answers letters.');
  await page.getByLabel('Quote (optional)').fill('The mayor never answers our letters');
  await expect(paraphrase).toHaveCount(0);
  await page.getByLabel('Who is quoted (optional)').selectOption({ label: 'Quentin Quotable' });
  await expect(paraphrase).toHaveCount(0);
  await page.getByLabel('Who is quoted (optional)').selectOption({ label: 'Nadia Nocite' });
  await expect(paraphrase).toBeVisible();
  await expect(page.getByText('Nadia Nocite has not agreed to be quoted word for word.')).toBeVisible();
  await paraphrase.fill('Residents feel the city rarely replies to them.');
  await page.getByPlaceholder('Find a key factor by code or words').fill('01');
  await page.locator('.kf-list label', { hasText: '01' }).first().click();
  await expectAccessible(page, 'notebook with the paraphrase prompt (phone)');
  await screenshot(page, 'phone-paraphrase-prompt', page.locator('form.evidence-form'));
  await page.locator('.btn-log').click();

  const items = page.locator('ol.item-list > li');
  await expect(items.filter({ hasText: 'rarely answers letters' })).toHaveAttribute('data-state', 'synced');
  expect(
    await sql('SELECT quote, quoted_stakeholder_id, paraphrase FROM evidence WHERE review_id = $1 AND logged_by_id = $2', [
      s.reviewId,
      s.peer.id,
    ]),
  ).toEqual([
    {
      quote: 'The mayor never answers our letters',
      quoted_stakeholder_id: s.nadia.id,
      paraphrase: 'Residents feel the city rarely replies to them.',
    },
  ]);

  // Without a paraphrase the quote is still kept (never lost), and flagged until one is written.
  await page.getByLabel('What did you hear or see?').fill('Nobody from the town hall came to the street party.');
  await page.getByLabel('Quote (optional)').fill('Nobody came to our street party');
  await page.getByLabel('Who is quoted (optional)').selectOption({ label: 'Nadia Nocite' });
  await expect(paraphrase).toHaveValue('');
  await page.locator('.btn-log').click();
  const flagged = items.filter({ hasText: 'street party' });
  await expect(flagged).toHaveAttribute('data-state', 'synced');
  await expect(flagged.getByRole('note')).toHaveText(/Paraphrase needed/);
  await screenshot(page, 'phone-paraphrase-needed', flagged);
  await context.close();
});
