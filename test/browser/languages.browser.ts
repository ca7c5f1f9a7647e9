import type { Page } from '@playwright/test';
import { DESKTOP, expect, expectAccessible, fixture, scenario, screenshot, sql, test, TEST_PASSWORD } from './support/fixture';

/**
 * Issue 19, the web app in the reader's language: a French-speaking host coordinator signs in from a
 * browser set to English and gets the app in French (her account's language), with French dates and
 * `<html lang="fr">`; on her profile she sets her time zone and switches to German: the page follows
 * at once, the choice is saved to her account (and stays after a reload), and the sign-in page after
 * signing out stays in German. Someone not signed in, with a browser in French, gets the sign-in page
 * in French and can switch it to German from the header.
 */
test.describe.configure({ mode: 'serial' });

/** What support/scenarios/languages.ts made (not imported, so this file does not compile the libs it uses). */
interface LanguagesScenario {
  francophone: { id: string; email: string };
  review: { id: string; title: string };
}

const s = scenario<LanguagesScenario>('languages');
const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
/** A date as the active locale's medium style writes it ("29 nov. 2026", "29.11.2026"): day, month and year. */
const FRENCH_MEDIUM_DATE = /\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/;
const GERMAN_MEDIUM_DATE = /\d{2}\.\d{2}\.\d{4}/;

test.describe('the web app in French and German', () => {
  test('a French-speaking coordinator reads the app in French, switches to German, and the page and <html lang> follow', async ({
    browser,
  }) => {
    // The browser says English: the French comes from her account.
    const context = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      expect(await htmlLang(page)).toBe('en');
      await page.getByLabel('Email').fill(s.francophone.email);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Her reviews, in French: the heading, the status, her role and the visit's dates.
      await expect(page.getByRole('heading', { name: 'Mes évaluations' })).toBeVisible();
      await expect.poll(() => htmlLang(page)).toBe('fr');
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: s.review.title }) });
      await expect(card).toContainText('Lyon · Préparation');
      await expect(card).toContainText('Coordinateur de la ville hôte');
      await expect(card).toContainText('Visite du 10 mars 2027 au 12 mars 2027');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

      // Her profile: French labels and a French date for this session.
      await page.getByRole('link', { name: 'Mon profil' }).click();
      await expect(page.getByRole('heading', { name: 'Mon profil' })).toBeVisible();
      const session = page.getByRole('listitem').filter({ hasText: 'Cet appareil' });
      await expect(session).toContainText(/Dernière utilisation : /);
      await expect(session).toContainText(FRENCH_MEDIUM_DATE);
      const language = page.getByLabel('Langue');
      await expect(language).toHaveValue('fr');
      await expectAccessible(page, 'profile in French');
      await screenshot(page, 'profile-french');

      // Her time zone is on the same page, saved as soon as it is chosen.
      const zone = page.getByLabel('Fuseau horaire');
      await expect(zone).toHaveValue('Europe/Paris');
      await zone.selectOption('Europe/Lisbon');
      await expect
        .poll(async () => (await sql<{ time_zone: string }>('SELECT time_zone FROM person WHERE id = $1', [s.francophone.id]))[0].time_zone)
        .toBe('Europe/Lisbon');

      // She switches to German: the page follows at once, and her account keeps it.
      await language.selectOption('de');
      await expect(page.getByRole('heading', { name: 'Mein Profil' })).toBeVisible();
      await expect.poll(() => htmlLang(page)).toBe('de');
      await expect(page.getByLabel('Sprache')).toHaveValue('de');
      await expect(page.getByRole('listitem').filter({ hasText: 'Dieses Gerät' })).toContainText(GERMAN_MEDIUM_DATE);
      await expect
        .poll(async () => (await sql<{ locale: string }>('SELECT locale FROM person WHERE id = $1', [s.francophone.id]))[0].locale)
        .toBe('de');
      await expectAccessible(page, 'profile in German');

      // After a reload, and on her reviews, still German (with German dates).
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Mein Profil' })).toBeVisible();
      await page.getByRole('link', { name: 'Meine Reviews' }).click();
      await expect(page.getByRole('heading', { name: 'Meine Reviews' })).toBeVisible();
      await expect(card).toContainText('Besuch 10. März 2027 – 12. März 2027');
      expect(await htmlLang(page)).toBe('de');
      await screenshot(page, 'my-reviews-german');

      // Signed out, this browser remembers her language for the sign-in page.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
      expect(await htmlLang(page)).toBe('de');
    } finally {
      await context.close();
    }
  });

  test('someone not signed in gets the sign-in page in their browser’s language, and can choose another', async ({ browser }) => {
    const context = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl, locale: 'fr-BE' });
    const page = await context.newPage();
    try {
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
      await expect(page.getByLabel('Mot de passe')).toBeVisible();
      await expect(page.getByRole('link', { name: 'Mot de passe oublié ?' })).toBeVisible();
      expect(await htmlLang(page)).toBe('fr');
      await expectAccessible(page, 'sign-in in French');
      await screenshot(page, 'sign-in-french');

      // The switch in the header changes the pages' language, and this browser keeps the choice.
      await page.getByLabel('Afficher les pages en').selectOption('de');
      await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
      await expect.poll(() => htmlLang(page)).toBe('de');
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
      await expect(page.getByLabel('Seiten anzeigen auf')).toHaveValue('de');
    } finally {
      await context.close();
    }
  });
});
