import type { BrowserContext, Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from './support/api';
import { DESKTOP, expect, expectAccessible, fixture, PHONE, screenshot, sql, test, TEST_PASSWORD } from './support/fixture';

/**
 * Issue 18, the public good-practice catalogue: an anonymous visitor (a fresh browser, never signed
 * in) browses, searches, filters and pages the published practices, reads one in the ICC template's
 * sections, exports it to Word, and cannot see a draft or a submitted one, neither listed nor by its
 * address; on a phone too. The practices are this test's own (its word "Quillfeather" is in each of
 * them, drafts included, so a leak would show in the counts).
 */
const MARK = 'Quillfeather';

interface Practice {
  city: string;
  country: string;
  title: string;
  main: string;
  further?: string[];
  period: string;
  criteria?: Record<string, { met: boolean; justification: string }>;
}

const practiceDocument = (p: Practice, extra: { contact?: object; description?: object } = {}) => ({
  contact: { city: p.city, country: p.country, ...extra.contact },
  action: {
    title: p.title,
    mainFieldOfAction: p.main,
    furtherFieldsOfAction: p.further ?? [],
    mainPurpose: `${p.title}, to bring residents of every background together`,
    implementationPeriod: p.period,
  },
  description: {
    purpose: `${p.city} started "${p.title}" so that newcomers and long-time residents meet as neighbours, and the city's services learn from both.`,
    stimulus: 'The city council committed to the intercultural approach.',
    process: `Planned with residents' associations and the city departments. (${MARK})`,
    impact: 'More residents took part each year.',
    keyReferenceDocuments: [],
    ...extra.description,
  },
  criteria: p.criteria ?? {},
});

/** The practice read, filtered and exported below. */
const LANGUAGE_CAFES: Practice = {
  city: 'Trondheim',
  country: 'NO',
  title: 'Language cafés in the harbour libraries',
  main: '11',
  further: ['9', '14b'],
  period: '2020-',
  criteria: {
    goalOriented: { met: true, justification: 'It helps newcomers take part in the life of the city.' },
    customerResponsive: { met: true, justification: 'The topics come from the participants.' },
    contextSensitive: { met: false, justification: '' },
    highlyImpacting: { met: true, justification: 'Volunteers now run cafés in six libraries.' },
  },
};
const MEDIATORS: Practice = {
  city: 'Aarhus',
  country: 'DK',
  title: 'Neighbourhood mediators for youth',
  main: '10',
  further: ['3c'],
  period: '2012-2014',
  criteria: { goalOriented: { met: true, justification: 'Fewer conflicts in the estates.' } },
};
/** Ten more, so the search has two pages. None covers 2013, none is in Norway. */
const OTHERS: Practice[] = [
  { city: 'Lisbon', country: 'PT', title: 'A welcome desk for newcomers', main: '14', period: '2016-2019' },
  { city: 'Reggio Emilia', country: 'IT', title: 'An intercultural city council', main: '15', period: '2018-' },
  { city: 'Barcelona', country: 'ES', title: 'A network of anti-rumour agents', main: '4', period: '2015-2020' },
  { city: 'Dublin', country: 'IE', title: 'Diversity in municipal recruitment', main: '8', period: '2019-2022' },
  { city: 'Montreal', country: 'CA', title: 'A festival of neighbourhoods', main: '9', period: '2017-' },
  { city: 'Botkyrka', country: 'SE', title: 'An interfaith dialogue table', main: '9a', period: '2016-2018' },
  { city: 'Limassol', country: 'CY', title: 'Multilingual health guides', main: '7a', period: '2021-' },
  { city: 'Ballarat', country: 'AU', title: 'School twinning across districts', main: '5', period: '2019-' },
  { city: 'Lublin', country: 'PL', title: 'Mentoring for migrant entrepreneurs', main: '8', period: '2018-2021' },
  { city: 'Patras', country: 'GR', title: 'Public art in shared squares', main: '6', period: '2022-' },
];
/** Never public: a draft and a submitted one, in Norway, in the same field, meeting the same criteria. */
const DRAFT: Practice = { ...LANGUAGE_CAFES, title: 'Nightowl buses for shift workers' };
const SUBMITTED: Practice = { ...LANGUAGE_CAFES, title: 'Nightowl ferry timetable' };

test.describe.serial('the public good-practice catalogue, signed out', () => {
  let visitor: BrowserContext;
  let page: Page;
  const ids = {} as Record<'cafes' | 'draft' | 'submitted', string>;
  const cards = () => page.getByTestId('practice-card');
  const count = () => page.getByTestId('catalogue-count');
  const search = async (words: string) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill(words);
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  };

  test.beforeAll(async ({ browser }) => {
    // The network secretariat, which imports and publishes (a person of the fixture's password).
    const [admin] = await sql<{ email: string }>(
      "INSERT INTO person (email, full_name, is_admin, password_hash) SELECT 'catalogue-secretariat-' || gen_random_uuid() || '@example.org', 'Cat Secretariat', true, password_hash FROM person WHERE id = $1 RETURNING email",
      [fixture().review.people.leader.id],
    );
    const token = (
      await gql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }', {
        e: admin.email,
        p: TEST_PASSWORD,
      })
    ).signIn.accessToken as string;
    const draft = async (d: object) =>
      (await gql('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', { d }, token)).importGoodPractice.id as string;
    const submit = (id: string) => gql('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id }, token);
    const publish = (id: string) => gql('mutation($id: ID!) { publishGoodPractice(id: $id) { id } }', { id }, token);
    // Oldest first: the language cafés are published last, so they are the newest.
    for (const p of [...OTHERS, MEDIATORS]) {
      const id = await draft(practiceDocument(p));
      await submit(id);
      await publish(id);
    }
    ids.cafes = await draft(
      practiceDocument(LANGUAGE_CAFES, {
        contact: { department: 'Library Services', completedOn: '2024-03-15', contactPerson: 'Ingrid Solberg' },
        description: {
          stimulus: 'Newcomers said they had few places to practise Norwegian outside class.',
          process: `Librarians and volunteers planned the cafés together.\n\nEach café has:\n- a host from the library\n- volunteers who speak Norwegian and another language\n(${MARK})`,
          impact: 'Around 900 visits a year, and several participants became volunteers.',
          keyReferenceDocuments: [{ title: 'Language cafés: evaluation 2023', url: 'https://example.org/language-cafes-2023' }],
        },
      }),
    );
    await submit(ids.cafes);
    await publish(ids.cafes);
    ids.draft = await draft(practiceDocument(DRAFT));
    ids.submitted = await draft(practiceDocument(SUBMITTED));
    await submit(ids.submitted);

    visitor = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl, acceptDownloads: true });
    page = await visitor.newPage();
  });
  test.afterAll(async () => {
    await visitor?.close();
  });

  test('browses the published practices without signing in; the sign-in page links to them', async () => {
    await page.goto('/sign-in');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Good practices' }).click();
    await expect(page).toHaveURL(/\/practices$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Good practices of intercultural cities' })).toBeVisible();
    // A visitor's header: the catalogue and a way to sign in, nothing of a signed-in person.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'My reviews' })).toHaveCount(0);
    await expect(cards().first()).toBeVisible();
    await expect(page.getByRole('link', { name: LANGUAGE_CAFES.title })).toBeVisible();
    const first = cards().filter({ hasText: LANGUAGE_CAFES.title });
    await expect(first).toContainText('Trondheim, Norway');
    await expect(first).toContainText('11. Language');
    await expect(first).toContainText('Meets 3 of the 6 criteria');
    await expect(page.getByText('Nightowl')).toHaveCount(0);
    await expectAccessible(page, 'catalogue list');
    await screenshot(page, 'catalogue-list');
  });

  test('searches, pages through the results, and never finds a draft or a submitted practice', async () => {
    await search(MARK);
    await expect(page).toHaveURL(new RegExp(`q=${MARK}`));
    // Twelve published ones carry the word; the draft and the submitted one carry it too and are not counted.
    await expect(count()).toHaveText('12 practices, showing 1–10');
    await expect(cards()).toHaveCount(10);
    await page.getByRole('navigation', { name: 'Pages of results' }).getByRole('link', { name: 'Next page' }).click();
    await expect(count()).toHaveText('12 practices, showing 11–12');
    await expect(cards()).toHaveCount(2);
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    // The results heading takes the focus, so a screen reader reads on from there.
    await expect(page.getByRole('heading', { name: 'Results' })).toBeFocused();
    await page.getByRole('link', { name: 'Previous page' }).click();
    await expect(count()).toHaveText('12 practices, showing 1–10');

    await search('Nightowl');
    await expect(count()).toHaveText('No published practice matches.');
    await expect(cards()).toHaveCount(0);
    await expect(page.getByText('Try other words, or fewer filters.')).toBeVisible();
  });

  test('filters by country, city, field of action, year and criteria met', async () => {
    await search(MARK);
    await expect(count()).toHaveText('12 practices, showing 1–10');
    await page.getByLabel('Country').selectOption('NO');
    await expect(page).toHaveURL(/country=NO/);
    await expect(count()).toHaveText('1 practice, showing 1–1');
    await expect(cards()).toContainText([LANGUAGE_CAFES.title]);
    // The cities offered are those of the country chosen.
    await expect(page.getByLabel('City').locator('option', { hasText: 'Aarhus' })).toHaveCount(0);
    await page.getByLabel('City').selectOption('Trondheim');
    await expect(page).toHaveURL(/city=Trondheim/);
    await page.getByLabel('Field of action').selectOption('11');
    await page.getByRole('checkbox', { name: 'Highly impacting' }).check();
    await page.getByRole('checkbox', { name: 'Goal-oriented' }).check();
    await expect(page).toHaveURL(/criteria=goalOriented%2ChighlyImpacting|criteria=goalOriented,highlyImpacting/);
    await expect(count()).toHaveText('1 practice, showing 1–1');
    await expect(cards()).toHaveText([new RegExp(LANGUAGE_CAFES.title)]);
    await expect(page.locator('summary')).toHaveText('Filters (5 chosen)');
    // Not assessed as met: none.
    await page.getByRole('checkbox', { name: 'Can be generalised' }).check();
    await expect(count()).toHaveText('No published practice matches.');
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
    await expect(page).toHaveURL(/\/practices$/);
    await expect(page.getByRole('checkbox', { name: 'Can be generalised' })).not.toBeChecked();

    // A year within the implementation period, and a field of action that includes its sub-fields (3 has 3c Youth).
    await search(MARK);
    await page.getByLabel('Year').selectOption('2013');
    await expect(count()).toHaveText('1 practice, showing 1–1');
    await expect(cards()).toContainText([MEDIATORS.title]);
    await page.getByLabel('Field of action').selectOption('3');
    await expect(cards()).toContainText([MEDIATORS.title]);
    await expect(cards().first()).toContainText('3c. Youth');
    await page.getByLabel('Field of action').selectOption('5');
    await expect(count()).toHaveText('No published practice matches.');
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
  });

  test("opens a practice in the ICC template's sections", async () => {
    await search(MARK);
    await page.getByRole('link', { name: LANGUAGE_CAFES.title }).click();
    await expect(page).toHaveURL(new RegExp(`/practices/${ids.cafes}$`));
    await expect(page.getByRole('heading', { level: 1, name: LANGUAGE_CAFES.title })).toBeVisible();
    for (const section of ['Contact details', 'The Action', 'Description', 'Criteria'])
      await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
    const contact = page.getByRole('region', { name: 'Contact details' });
    await expect(contact).toContainText('CityTrondheim');
    await expect(contact).toContainText('CountryNorway');
    await expect(contact).toContainText('DepartmentLibrary Services');
    await expect(contact).toContainText('Date of completing the formMarch 15, 2024');
    await expect(contact).toContainText('Contact personIngrid Solberg');
    const action = page.getByRole('region', { name: 'The Action' });
    await expect(action).toContainText('Main field of action11. Language');
    await expect(action.getByRole('listitem')).toHaveText(['9. Cultural and social life, leisure and heritage', '14b. Migrants']);
    await expect(action).toContainText('Implementation period2020-');
    const description = page.getByRole('region', { name: 'Description' });
    for (const heading of ['Purpose', 'Stimulus/Rationale', 'Process', 'Impact', 'Key reference documents'])
      await expect(description.getByRole('heading', { level: 3, name: heading })).toBeVisible();
    await expect(description).toContainText('Newcomers said they had few places to practise Norwegian outside class.');
    // The process's bullets are a list, as in the Word export.
    await expect(description.getByRole('listitem').filter({ hasText: 'a host from the library' })).toBeVisible();
    await expect(description.getByRole('link', { name: /Language cafés: evaluation 2023/ })).toHaveAttribute(
      'href',
      'https://example.org/language-cafes-2023',
    );
    await expect(page.getByTestId('criterion-goalOriented')).toContainText('Met');
    await expect(page.getByTestId('criterion-goalOriented')).toContainText('It helps newcomers take part in the life of the city.');
    await expect(page.getByTestId('criterion-contextSensitive')).toContainText('Not met');
    await expect(page.getByTestId('criterion-canBeGeneralised')).toContainText('Not assessed');
    await expectAccessible(page, 'catalogue practice');
    await screenshot(page, 'catalogue-practice');
    await screenshot(page, 'catalogue-practice-criteria', page.getByRole('region', { name: 'Criteria' }));
    // Back to the results as they were.
    await page.getByRole('link', { name: '← All good practices' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${MARK}`));
    await expect(count()).toHaveText('12 practices, showing 1–10');
  });

  test('exports the practice to Word: a .docx with its title and sections', async () => {
    await page.goto(`/practices/${ids.cafes}`);
    const [download] = await Promise.all([
      page.waitForEvent('download') as Promise<Download>,
      page.getByRole('link', { name: 'Export to Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Trondheim - ${LANGUAGE_CAFES.title}.docx`);
    const path = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'practice.docx');
    await download.saveAs(path);
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain(LANGUAGE_CAFES.title);
    for (const text of ['Contact details', 'The Action', 'Ingrid Solberg', 'Stimulus/Rationale', 'Goal-oriented'])
      expect(xml).toContain(text);
  });

  test('a draft or a submitted practice is not public: not by its address, nor its Word export', async () => {
    for (const id of [ids.draft, ids.submitted, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await page.goto(`/practices/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'This good practice is not in the public catalogue' })).toBeVisible();
      await expect(page.getByText('drafts are seen only by their author and the network secretariat')).toBeVisible();
      await expect(page.getByText('Nightowl')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Export to Word (.docx)' })).toHaveCount(0);
    }
    await expectAccessible(page, 'catalogue not public');
    await page.getByRole('link', { name: 'Browse the published practices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Good practices of intercultural cities' })).toBeVisible();
    for (const id of [ids.draft, ids.submitted]) {
      const file = await page.request.get(`/good-practices/${id}/export.docx`);
      expect(file.status()).toBe(404);
      expect(await file.text()).not.toContain('Nightowl');
    }
    // Still drafts, untouched by the visit.
    const rows = await sql<{ status: string }>('SELECT status FROM good_practice WHERE id = ANY($1) ORDER BY title', [
      [ids.draft, ids.submitted],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['DRAFT', 'SUBMITTED']);
  });

  test('on a phone: the results first, the filters folded, nothing wider than the screen', async ({ browser }) => {
    const phone = await browser.newContext({ ...PHONE, baseURL: fixture().baseUrl });
    try {
      const p = await phone.newPage();
      await p.goto(`/practices?q=${MARK}`);
      await expect(p.getByTestId('catalogue-count')).toHaveText('12 practices, showing 1–10');
      await expect(p.getByLabel('Country')).toBeHidden();
      const fits = () => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(await fits()).toBe(true);
      await expectAccessible(p, 'catalogue list on a phone');
      await screenshot(p, 'catalogue-phone');
      await p.locator('summary', { hasText: 'Filters' }).click();
      await expect(p.getByLabel('Country')).toBeVisible();
      await p.getByLabel('Country').selectOption('NO');
      await expect(p.getByTestId('catalogue-count')).toHaveText('1 practice, showing 1–1');
      await p.getByRole('link', { name: LANGUAGE_CAFES.title }).click();
      await expect(p.getByRole('heading', { level: 1, name: LANGUAGE_CAFES.title })).toBeVisible();
      expect(await fits()).toBe(true);
      await expectAccessible(p, 'catalogue practice on a phone');
      await screenshot(p, 'catalogue-practice-phone');
    } finally {
      await phone.close();
    }
  });

  test('signed in, the header links to the catalogue, and signing in from a practice comes back to it', async ({ browser }) => {
    const member = await browser.newContext({ ...DESKTOP, baseURL: fixture().baseUrl });
    try {
      const p = await member.newPage();
      await p.goto(`/practices/${ids.cafes}`);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
      await p.getByLabel('Email').fill(fixture().review.people.leader.email);
      await p.getByLabel('Password').fill(TEST_PASSWORD);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await expect(p).toHaveURL(new RegExp(`/practices/${ids.cafes}$`));
      await expect(p.getByRole('heading', { level: 1, name: LANGUAGE_CAFES.title })).toBeVisible();
      // The signed-in header, with the catalogue in it.
      const nav = p.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'My reviews' })).toBeVisible();
      await nav.getByRole('link', { name: 'My reviews' }).click();
      await expect(p.getByRole('heading', { name: 'My reviews' })).toBeVisible();
      await nav.getByRole('link', { name: 'Good practices' }).click();
      await expect(p.getByRole('heading', { level: 1, name: 'Good practices of intercultural cities' })).toBeVisible();
      // Signed in, someone else's draft is still not shown.
      await p.goto(`/practices/${ids.draft}`);
      await expect(p.getByRole('heading', { level: 1, name: 'This good practice is not in the public catalogue' })).toBeVisible();
    } finally {
      await member.close();
    }
  });
});
