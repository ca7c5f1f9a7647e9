import type { BrowserContext, Page } from '@playwright/test';
import { gql, tokenOf } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, scenario, screenshot, signIn, sql, test, TEST_PASSWORD } from './support/fixture';

/**
 * Issue 19, good practices in the reader's language: a French-speaking reader (her browser in English)
 * finds a practice written in English by a word of its French translation, reads it in French, is
 * told it is a translation and opens the original; the app asks the API in French (Accept-Language),
 * not in the browser's language. The secretariat translates another practice on its page, and a
 * save refused because the practice changed meanwhile keeps what was typed and shows both.
 * The French texts are fixtures written for this test.
 */
test.describe.configure({ mode: 'serial' });

interface Scenario {
  secretariat: { id: string; email: string };
  reader: { id: string; email: string };
  review: { id: string; keyFactorId: string };
}
const s = scenario<Scenario>('good-practice-translations');

const TITLE = 'Welcome desks for newcomers in Nantes';
const TITLE_FR = 'Des guichets d’accueil pour les nouveaux arrivants à Nantes';
const PURPOSE_FR = 'Les nouveaux arrivants sont accueillis dans les quartiers et aidés pour le logement et l’école.';
const SECOND = 'Intercultural mediators in Nantes schools';

async function publishedPractice(admin: string, title: string, purpose: string) {
  const { importGoodPractice } = await gql(
    'mutation($d: JSON!) { importGoodPractice(document: $d) { id } }',
    {
      d: {
        language: 'en',
        contact: { city: 'Nantes', country: 'FR' },
        action: { title, mainFieldOfAction: '1' },
        description: { purpose },
      },
    },
    admin,
  );
  const id = importGoodPractice.id as string;
  await gql('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id }, admin);
  const { publishGoodPractice } = await gql('mutation($id: ID!) { publishGoodPractice(id: $id) { version } }', { id }, admin);
  return { id, version: publishGoodPractice.version as number };
}

const translate = `mutation($id: ID!, $language: String!, $texts: GoodPracticeTranslationInput!, $v: Int!) {
  translateGoodPractice(id: $id, language: $language, texts: $texts, expectedVersion: $v) { version } }`;

test.describe('good practices in the reader’s language', () => {
  let contexts: BrowserContext[] = [];
  let reader: Page;
  let admin: Page;
  let adminToken: string;
  let translated: string;
  let untranslated: { id: string; version: number };

  test.beforeAll(async ({ browser }) => {
    adminToken = await tokenOf(s.secretariat.email);
    const practice = await publishedPractice(adminToken, TITLE, 'Newcomers get help with housing and schools in their district.');
    await gql(
      translate,
      { id: practice.id, language: 'fr', texts: { title: TITLE_FR, purpose: PURPOSE_FR }, v: practice.version },
      adminToken,
    );
    translated = practice.id;
    untranslated = await publishedPractice(adminToken, SECOND, 'Mediators help families and teachers understand each other.');
    const open = async () => {
      // Both browsers say English: the reader's French comes from her account.
      const context = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl, locale: 'en-GB' });
      contexts.push(context);
      return context.newPage();
    };
    reader = await open();
    admin = await open();
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });

  test('a French-speaking reader finds a practice by a French word, reads its French translation, and opens the original', async () => {
    const languagesAsked: string[] = [];
    reader.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') languagesAsked.push(request.headers()['accept-language']);
    });
    await reader.goto('/sign-in');
    await reader.getByLabel('Email').fill(s.reader.email);
    await reader.getByLabel('Password').fill(TEST_PASSWORD);
    await reader.getByRole('button', { name: 'Sign in' }).click();
    await expect(reader.getByRole('heading', { name: 'Mes évaluations' })).toBeVisible();
    // Signing in was in English (the browser's language, until her account said French); from now on, French.
    languagesAsked.length = 0;

    // "accueillir": an inflection of "accueillis", a word of the French translation only.
    await reader.goto('/practices?q=accueillir');
    const card = reader.getByTestId('practice-card');
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('link', { name: TITLE_FR })).toHaveAttribute('href', `/practices/${translated}`);
    await expect(card.getByText('Traduit de l’original en anglais')).toBeVisible();
    await expect(card.getByText(PURPOSE_FR)).toBeVisible();

    await card.getByRole('link', { name: TITLE_FR }).click();
    await expect(reader.getByRole('heading', { level: 1, name: TITLE_FR })).toBeVisible();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'fr');
    const languages = reader.getByTestId('practice-languages');
    await expect(languages).toContainText('Affichée en français : une traduction de l’original en anglais.');
    await expect(reader.locator('#description')).toContainText(PURPOSE_FR);
    await expectAccessible(reader, 'practice in French');
    await screenshot(reader, 'practice-translated-french');

    await languages.getByRole('button', { name: 'Voir l’original (anglais)' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(languages).toContainText('Affichée telle qu’écrite, en anglais.');
    await expect(reader.locator('#description')).toContainText('Newcomers get help with housing');
    await languages.getByRole('button', { name: 'Français' }).click();
    await expect(reader.getByRole('heading', { level: 1, name: TITLE_FR })).toBeVisible();

    // Every request said French, the app's language, not the browser's English.
    expect(languagesAsked.length).toBeGreaterThan(0);
    expect([...new Set(languagesAsked)]).toEqual(['fr']);
  });

  test('the benchmark’s key factors come in her language too, the API answering the app’s Accept-Language', async () => {
    // A French heading for the review's first key factor: translating a published benchmark is an import.
    // (Only French readers see it; no other browser test reads the benchmark in French.)
    const [{ code, version }] = await sql<{ code: string; version: number }>(
      'SELECT b.code, b.version FROM review r JOIN benchmark b ON b.id = r.benchmark_id WHERE r.id = $1',
      [s.review.id],
    );
    const { benchmarkExport: document } = await gql(
      'query($c: String!, $v: Int) { benchmarkExport(code: $c, version: $v) }',
      { c: code, v: version },
      adminToken,
    );
    const [{ number }] = await sql<{ number: number }>('SELECT number FROM key_factor WHERE id = $1', [s.review.keyFactorId]);
    const keyFactor = (document.keyFactors as { number: number; heading: unknown }[]).find((k) => k.number === number)!;
    const english = typeof keyFactor.heading === 'string' ? keyFactor.heading : (keyFactor.heading as { en: string }).en;
    keyFactor.heading = {
      ...(typeof keyFactor.heading === 'object' ? keyFactor.heading : {}),
      en: english,
      fr: 'Engagement public de la ville',
    };
    const { importBenchmark } = await gql('mutation($d: JSON!) { importBenchmark(document: $d) { outcome } }', { d: document }, adminToken);
    expect(importBenchmark.outcome).toBe('translated');

    await reader.goto(`/reviews/${s.review.id}/host/self-assessment?kf=${s.review.keyFactorId}`);
    await expect(reader.getByText('Engagement public de la ville').first()).toBeVisible();
    await expect(reader.getByText(english, { exact: true })).toHaveCount(0);
    await screenshot(reader, 'self-assessment-key-factor-french', reader.getByText('Engagement public de la ville').first());
  });

  test('the secretariat adds a French translation; a save after someone else’s keeps what was typed and shows both', async () => {
    await signIn(admin, s.secretariat.email);
    await admin.goto(`/practices/${untranslated.id}`);
    await expect(admin.getByRole('heading', { level: 1, name: SECOND })).toBeVisible();
    await expect(admin.getByTestId('practice-languages')).toContainText('Shown as written, in English.');

    await admin.getByRole('button', { name: 'Add or edit a translation' }).click();
    const form = admin.locator('.practice-translate');
    await expect(form.getByLabel('Language of the translation')).toHaveValue('fr');
    await form.getByLabel('Title').fill('Des médiateurs interculturels dans les écoles de Nantes');
    await form.getByLabel('Purpose', { exact: true }).fill('Les médiateurs aident les familles et les enseignants à se comprendre.');
    await screenshot(admin, 'practice-translation-form', form);

    // Meanwhile someone else saves a French title: the form's version is outdated.
    await gql(
      translate,
      { id: untranslated.id, language: 'fr', texts: { title: 'Médiateurs à l’école' }, v: untranslated.version },
      adminToken,
    );
    await form.getByRole('button', { name: 'Save the translation' }).click();
    const merge = admin.getByTestId('merge');
    await expect(merge.getByRole('heading', { name: 'This practice was changed while you were translating' })).toBeVisible();
    await expect(merge.getByTestId('merge-title')).toContainText('Médiateurs à l’école');
    // What was typed is still there.
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue('Des médiateurs interculturels dans les écoles de Nantes');
    await expectAccessible(admin, 'translation conflict');
    await screenshot(admin, 'practice-translation-conflict', merge);

    await form.getByRole('button', { name: 'Save the translation' }).click();
    await expect(admin.getByText('The translation into French is saved.')).toBeVisible();
    // Shown at once in the new translation, and stored as typed.
    await expect(admin.getByRole('heading', { level: 1, name: 'Des médiateurs interculturels dans les écoles de Nantes' })).toBeVisible();
    await expect(admin.getByTestId('practice-languages')).toContainText('Shown in French: a translation of the original in English.');
    const [row] = await sql<{ translations: Record<string, Record<string, string>> }>(
      'SELECT translations FROM good_practice WHERE id = $1',
      [untranslated.id],
    );
    expect(row.translations).toEqual({
      fr: {
        title: 'Des médiateurs interculturels dans les écoles de Nantes',
        purpose: 'Les médiateurs aident les familles et les enseignants à se comprendre.',
      },
    });
  });
});
