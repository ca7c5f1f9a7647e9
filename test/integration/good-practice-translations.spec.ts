import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * Good practices take translations (issue 19): the texts as written stay the source; a reader gets
 * their language's translation, else the English one, else the texts as written. A published practice
 * can be translated (a translation is not a change of what the city wrote), and the JSON export and
 * import carry the translations. The French and German below are fixtures written for this test.
 */
const fields = 'id version language title purpose translatedLanguages';
const importJson = `mutation($d: JSON!) { importGoodPractice(document: $d) { ${fields} } }`;
const translate = `mutation($id: ID!, $language: String!, $texts: GoodPracticeTranslationInput!, $v: Int!) {
  translateGoodPractice(id: $id, language: $language, texts: $texts, expectedVersion: $v) { ${fields} } }`;
const read = `query($id: ID!, $lang: String) { goodPractice(id: $id) { title purpose
  translation(language: $lang) { language original title purpose impact } } }`;

const written = (overrides: Record<string, unknown> = {}) => ({
  language: 'de',
  contact: { city: 'Stuttgart', country: 'DE' },
  action: { title: 'Der Stuttgarter Pakt für Integration', mainFieldOfAction: '1' },
  description: { purpose: 'Die Stadt bindet alle Ämter in eine gemeinsame Integrationspolitik ein.', impact: 'Mehr Beteiligung.' },
  ...overrides,
});

describe('good-practice translations (on a fresh database)', () => {
  let t: TestApp;
  let admin: GraphqlClient;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('a published practice takes an English and a French translation; readers get theirs, else English, else the original', async () => {
    const { importGoodPractice: practice } = await admin.ok(importJson, { d: written() });
    await admin.ok('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id: practice.id });
    await admin.ok('mutation($id: ID!) { publishGoodPractice(id: $id) { id } }', { id: practice.id });
    const version = (await admin.ok('query($id: ID!) { goodPractice(id: $id) { version } }', { id: practice.id })).goodPractice.version;

    const { translateGoodPractice: english } = await admin.ok(translate, {
      id: practice.id,
      language: 'en',
      texts: { title: 'The Stuttgart Pact for Integration', purpose: 'The city brings every department into one integration policy.' },
      v: version,
    });
    expect(english).toMatchObject({
      version: version + 1,
      language: 'de',
      title: 'Der Stuttgarter Pakt für Integration',
      translatedLanguages: ['en'],
    });
    await admin.ok(translate, {
      id: practice.id,
      language: 'fr',
      texts: { title: 'Le pacte de Stuttgart pour l’intégration' },
      v: version + 1,
    });

    const anyone = t.gql; // published: read without signing in
    const inFrench = (await anyone.ok(read, { id: practice.id, lang: 'fr' })).goodPractice;
    expect(inFrench.title).toBe('Der Stuttgarter Pakt für Integration'); // the plain field: as written
    expect(inFrench.translation).toEqual({
      language: 'fr',
      original: false,
      title: 'Le pacte de Stuttgart pour l’intégration',
      // Not translated into French: the text as written, field by field.
      purpose: 'Die Stadt bindet alle Ämter in eine gemeinsame Integrationspolitik ein.',
      impact: 'Mehr Beteiligung.',
    });
    const inItalian = (await anyone.ok(read, { id: practice.id, lang: 'it' })).goodPractice.translation;
    expect(inItalian).toMatchObject({ language: 'en', original: false, title: 'The Stuttgart Pact for Integration' });
    const inGerman = (await anyone.ok(read, { id: practice.id, lang: 'de' })).goodPractice.translation;
    expect(inGerman).toMatchObject({ language: 'de', original: true, title: 'Der Stuttgarter Pakt für Integration' });

    // The export carries the translations, and importing it gives the same practice with them.
    const { goodPracticeExport } = await admin.ok('query($id: ID!) { goodPracticeExport(id: $id) }', { id: practice.id });
    expect(goodPracticeExport.translations).toEqual({
      en: { title: 'The Stuttgart Pact for Integration', purpose: 'The city brings every department into one integration policy.' },
      fr: { title: 'Le pacte de Stuttgart pour l’intégration' },
    });
    const { importGoodPractice: copy } = await admin.ok(importJson, { d: goodPracticeExport });
    expect(copy.translatedLanguages).toEqual(['en', 'fr']);
    expect((await admin.ok(read, { id: copy.id, lang: 'fr' })).goodPractice.translation.title).toBe(
      'Le pacte de Stuttgart pour l’intégration',
    );
  });

  it('keeps translations when the author saves the form, and removes one text’s translation when it is emptied', async () => {
    const { importGoodPractice: draft } = await admin.ok(importJson, {
      d: written({ translations: { en: { title: 'The Stuttgart Pact', impact: 'More participation.' } } }),
    });
    const update = `mutation($id: ID!, $input: GoodPracticeInput!, $v: Int!) { updateGoodPractice(id: $id, input: $input, expectedVersion: $v) { version translatedLanguages } }`;
    const { updateGoodPractice } = await admin.ok(update, {
      id: draft.id,
      v: draft.version,
      input: {
        language: 'de',
        contact: { city: 'Stuttgart', country: 'DE' },
        action: { title: 'Der Stuttgarter Pakt', mainFieldOfAction: '1' },
        description: { purpose: 'Alle Ämter ziehen mit.' },
        criteria: [],
      },
    });
    expect(updateGoodPractice.translatedLanguages).toEqual(['en']);
    const { translateGoodPractice } = await admin.ok(translate, {
      id: draft.id,
      language: 'en',
      texts: { title: '' },
      v: updateGoodPractice.version,
    });
    expect(translateGoodPractice.translatedLanguages).toEqual(['en']);
    const texts = (await admin.ok(read, { id: draft.id, lang: 'en' })).goodPractice.translation;
    expect(texts).toMatchObject({ title: 'Der Stuttgarter Pakt', impact: 'More participation.' });
  });

  it('refuses a translation into the language it is written in, or by someone who is not an admin, and writes nothing', async () => {
    const { importGoodPractice: practice } = await admin.ok(importJson, { d: written() });
    const own = await admin.request(translate, { id: practice.id, language: 'de', texts: { title: 'Anders' }, v: practice.version });
    expect(own.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'language', message: 'the practice is written in de: change its texts, not a translation' }],
    });
    const refused = await admin.request(importJson, { d: written({ translations: { de: { title: 'Doppelt' } } }) });
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      { path: 'translations.de', message: 'the practice is written in de: its own texts are not a translation' },
    ]);
    const member = await t.gql.signIn((await createPerson(t.dataSource)).email, TEST_PASSWORD);
    const forbidden = await member.request(translate, { id: practice.id, language: 'fr', texts: { title: 'Non' }, v: practice.version });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.dataSource.query('SELECT translations, version FROM good_practice WHERE id = $1', [practice.id]);
    expect(row).toEqual({ translations: {}, version: practice.version });
  });
});
