import { goodPracticeSearchVector } from '@peervisit/catalogue/entities';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * A good practice is found by the words of its translations, each stemmed in its own language
 * (issue 19): "accueillir" finds "accueillis" only through the French configuration (English
 * stems it "accueilli"), so a French translation indexed as English would not be found. The texts
 * are fixtures written for this test.
 */
const importJson = `mutation($d: JSON!) { importGoodPractice(document: $d) { id version } }`;
const translate = `mutation($id: ID!, $language: String!, $texts: GoodPracticeTranslationInput!, $v: Int!) {
  translateGoodPractice(id: $id, language: $language, texts: $texts, expectedVersion: $v) { id version } }`;
const search = `query($search: String) { goodPractices(search: $search) { nodes { id } } }`;

describe('searching good practices in their translations (on a fresh database)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  const found = async (words: string) =>
    ((await t.gql.ok(search, { search: words })).goodPractices.nodes as { id: string }[]).map((n) => n.id);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  async function published(): Promise<{ id: string; version: number }> {
    const { importGoodPractice: practice } = await admin.ok(importJson, {
      d: {
        language: 'en',
        contact: { city: 'Lyon', country: 'FR' },
        action: { title: 'Welcome desks for newcomers', mainFieldOfAction: '1' },
        description: { purpose: 'Newcomers get help with housing and schools in their neighbourhood.' },
      },
    });
    await admin.ok('mutation($id: ID!) { submitGoodPractice(id: $id) { id } }', { id: practice.id });
    const { publishGoodPractice } = await admin.ok('mutation($id: ID!) { publishGoodPractice(id: $id) { id version } }', {
      id: practice.id,
    });
    return publishGoodPractice;
  }

  it('finds a practice by a French inflection of a word only in its French translation, and no longer once it is removed', async () => {
    const practice = await published();
    expect(await found('accueillir')).not.toContain(practice.id);

    const { translateGoodPractice: translated } = await admin.ok(translate, {
      id: practice.id,
      language: 'fr',
      texts: {
        title: 'Des guichets pour les nouveaux arrivants',
        purpose: 'Les nouveaux arrivants sont accueillis dans les quartiers et aidés pour le logement.',
      },
      v: practice.version,
    });
    // "accueillir quartier": other inflections of "accueillis" and "quartiers", in the purpose only.
    expect(await found('accueillir quartier')).toEqual([practice.id]);
    // A title word in French, and the English source still finds it too.
    expect(await found('guichet')).toEqual([practice.id]);
    expect(await found('welcome desk')).toEqual([practice.id]);

    // Emptying the French texts removes the translation: its words no longer find the practice.
    await admin.ok(translate, { id: practice.id, language: 'fr', texts: { title: '', purpose: '' }, v: translated.version });
    expect(await found('accueillir')).toEqual([]);
  });

  it('stems a German translation as German, and the GIN index serves the search', async () => {
    const practice = await published();
    await admin.ok(translate, {
      id: practice.id,
      language: 'de',
      texts: { title: 'Anlaufstellen für Neuankömmlinge', purpose: 'Neuankömmlinge werden in ihren Stadtvierteln beraten.' },
      v: practice.version,
    });
    // "Neuankömmlinge" and "beraten" in other forms than the translation's.
    expect(await found('Neuankömmling beratene')).toEqual([practice.id]);

    // The query's expression is the index's: with sequential scans off, the plan uses good_practice_search_gin.
    const plan: { 'QUERY PLAN': string }[] = await t.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      return manager.query(
        `EXPLAIN SELECT id FROM good_practice gp WHERE ${goodPracticeSearchVector('gp')} @@ websearch_to_tsquery('german', $1)`,
        ['beratene'],
      );
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('good_practice_search_gin');
  });
});
