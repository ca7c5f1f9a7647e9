import { createPerson, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * A person's language is one PeerVisit can serve (issue 19): en, fr or de, or a regional form of one.
 * Another is refused with a clear error naming the choices, and nothing is written: the person would
 * otherwise get English while their settings said Italian.
 */
describe('a person’s language must be a shipped one (on a fresh database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
  });
  afterAll(() => t?.close());

  const refusal = (value: string) => ({
    path: 'locale',
    message: `PeerVisit is not available in "${value}"; choose one of en, fr, de (or a regional form such as fr-CH)`,
  });

  it('the secretariat’s person form: an unsupported language is refused, a regional form of a shipped one kept', async () => {
    const admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const create = 'mutation($input: PersonInput!) { createPerson(input: $input) { email locale } }';
    const refused = await admin.request(create, { input: { email: 'lucia@example.org', fullName: 'Lucia', locale: 'it' } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [refusal('it')] });
    expect(await t.dataSource.query("SELECT id FROM person WHERE email = 'lucia@example.org'")).toEqual([]);
    const { createPerson: saved } = await admin.ok(create, { input: { email: 'lucia@example.org', fullName: 'Lucia', locale: 'fr-ch' } });
    expect(saved).toEqual({ email: 'lucia@example.org', locale: 'fr-CH' });
  });

  it('one’s own settings: an unsupported language is refused and the saved one kept', async () => {
    const me = await t.gql.signIn((await createPerson(t.dataSource)).email, TEST_PASSWORD);
    await me.ok('mutation { updateMySettings(locale: "de-AT") { locale } }');
    const refused = await me.request('mutation { updateMySettings(locale: "nb-NO") { locale } }');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [refusal('nb-NO')] });
    expect((await me.ok('{ me { locale } }')).me).toEqual({ locale: 'de-AT' });
  });
});
