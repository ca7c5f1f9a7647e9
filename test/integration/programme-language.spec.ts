import { createReviewFixture, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { spawnSync } from 'node:child_process';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The printable visit programme in the reader's language (issue 19): `?language=`, else the
 * Accept-Language header; its days, session kinds, team parts and stakeholder phrases come from the
 * report catalogue, and its document language is set.
 */
describe('the visit programme PDF in the reader’s language (on a fresh database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  it('is in French when asked for, in German by the browser’s language, and in English otherwise', async () => {
    const f = await createReviewFixture(t.dataSource, { timeZone: 'Europe/Lisbon', cityName: 'Lisbonne' });
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    const [session] = await q(
      "INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, key_factor_ids, created_by_id) VALUES ($1, 'INTERVIEW', 'Accueil', '2027-03-29T08:00:00Z', '2027-03-29T09:30:00Z', '{}', $2) RETURNING id",
      [f.reviewId, f.people.leader.id],
    );
    await q("INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'NOTE_TAKER')", [session.id, f.people.peer.id]);
    const [official] = await q(
      "INSERT INTO stakeholder (name, category, city_id) VALUES ('Inês Duarte', 'CITY_OFFICIAL', $1) RETURNING id",
      [f.city.id],
    );
    await q('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [session.id, official.id]);
    const coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);

    const pdf = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${t.url}/reports/programme/${f.reviewId}/pdf${query}`, {
        headers: { authorization: `Bearer ${coordinator.token}`, ...headers },
      });
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      const text = spawnSync('pdftotext', ['-layout', '-', '-'], { input: body, encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      return { text, language: response.headers.get('content-language'), lang: /\/Lang \(([^)]*)\)/.exec(body.toString('latin1'))?.[1] };
    };

    const french = await pdf('?language=fr', { 'accept-language': 'de' });
    expect(french).toMatchObject({ language: 'fr', lang: 'fr' });
    for (const phrase of [
      'Programme de la visite : Lisbonne',
      'lundi 29 mars 2027',
      '09:00–10:30',
      'Type : Entretien',
      'Lieu : à confirmer',
      '(preneur de notes)',
      'Inês Duarte (un agent ou une agente de la ville ; à ne pas nommer dans le rapport)',
    ])
      expect(french.text).toContain(phrase);

    const german = await pdf('', { 'accept-language': 'de-AT, de;q=0.9' });
    expect(german).toMatchObject({ language: 'de', lang: 'de' });
    expect(german.text).toContain('Besuchsprogramm: Lisbonne');
    expect(german.text).toContain('Montag, 29. März 2027');

    const english = await pdf('');
    expect(english).toMatchObject({ language: 'en', lang: 'en' });
    expect(english.text).toMatch(/Monday,? 29 March 2027/);
    expect(english.text).toContain('Inês Duarte (a city official; not to be named in the report)');
  });
});
