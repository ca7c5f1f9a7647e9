import type { Download, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { DESKTOP, expect, expectAccessible, PHONE, scenario, screenshot, signIn, sql, test } from './support/fixture';

/** What support/scenarios/personal-data.ts made (not imported, so this file does not compile the libs it uses). */
interface PersonalDataScenario {
  reviewId: string;
  peer: { id: string; email: string; fullName: string };
  admin: { email: string };
  leaving: { id: string; email: string };
}

const s = scenario<PersonalDataScenario>('personal-data');

/** Saves a download and reads the archive's JSON back with yauzl. */
async function archiveJson(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const zip = await yauzl.fromBufferPromise(readFileSync((await file.path()) as string), { lazyEntries: true });
  const names: string[] = [];
  let json: { subject: { id: string }; records: { table: string; column: string; rows: { id: string }[] }[] } | undefined;
  for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
    names.push(entry.fileName);
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    if (entry.fileName === 'personal-data.json') json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  }
  return { name: file.suggestedFilename(), names, json: json! };
}

/** Issue 21, the right of access: a peer downloads their data from the profile on a phone; the secretariat downloads a person's. */
test.describe('personal data', () => {
  test('a peer downloads everything held about them from their profile', async ({ browser }) => {
    const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, s.peer.email);
    await page.goto('/profile');
    await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
    await expectAccessible(page, 'profile with personal data');
    await screenshot(page, 'personal-data-profile', page.getByTestId('personal-data-download'));
    const { name, names, json } = await archiveJson(page, () => page.getByRole('button', { name: 'Download my data' }).click());
    expect(name).toBe(`personal-data-${s.peer.id}.zip`);
    expect(names).toEqual(['personal-data.json']);
    expect(json.subject.id).toBe(s.peer.id);
    const logged = json.records.find((g) => g.table === 'evidence' && g.column === 'logged_by_id')!;
    const stored = await sql<{ id: string }>('SELECT id FROM evidence WHERE logged_by_id = $1 ORDER BY id', [s.peer.id]);
    expect(logged.rows.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id));
    expect(stored).toHaveLength(2);
    await context.close();
  });

  test('the secretariat downloads a person’s data from the directory', async ({ browser }) => {
    const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, s.admin.email);
    await page.goto('/secretariat/people');
    await page.getByLabel('Find a person').fill('Petra Portabel');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('person')).toHaveCount(1);
    const { json } = await archiveJson(page, () =>
      page.getByRole('button', { name: 'Download the data held about Petra Portabel' }).click(),
    );
    expect(json.subject.id).toBe(s.peer.id);
    await context.close();
  });

  test('the secretariat erases a person who asked, giving the reason', async ({ browser }) => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, s.admin.email);
    await page.goto('/secretariat/people');
    await page.getByLabel('Find a person').fill('Erik Eraseme');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Erase Erik Eraseme' }).click();
    const panel = page.getByTestId('erase-panel');
    await expect(panel).toContainText('cannot be undone');
    // Without a reason: refused, with what to fix, and nothing changed.
    await panel.getByRole('button', { name: 'Erase Erik Eraseme now' }).click();
    await expect(panel.getByText(/say why/i)).toBeVisible();
    expect(await sql('SELECT full_name FROM person WHERE id = $1', [s.leaving.id])).toEqual([{ full_name: 'Erik Eraseme' }]);
    await panel.getByLabel('Why').fill('Request by email of 27 November, ref. DP-4');
    await expectAccessible(page, 'erase a person');
    await screenshot(page, 'personal-data-erase', panel);
    await panel.getByRole('button', { name: 'Erase Erik Eraseme now' }).click();
    await expect(page.getByTestId('erase-done')).toContainText('they now appear as Former member');
    const [row] = await sql<{ full_name: string; email: string }>('SELECT full_name, email FROM person WHERE id = $1', [s.leaving.id]);
    expect(row.full_name).toMatch(/^Former member [0-9A-F]{8}$/);
    expect(row.email).toBe(`erased-${s.leaving.id}@erased.invalid`);
    expect(await sql('SELECT reason FROM personal_data_erasure WHERE subject_id = $1', [s.leaving.id])).toEqual([
      { reason: 'Request by email of 27 November, ref. DP-4' },
    ]);
    await context.close();
  });
});
