import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ADMIN_ONLY } from '@peervisit/platform';
import { createTestApp, GraphqlResponse, subscribe, SubscriptionClosedError, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { buildAccessFixture, databaseFingerprint, postDocument } from './access-fixture';
import { OperationWalker, WalkedOperation } from './operation-walker';

/** Operations anyone may call without a token, and why. Everything else must answer UNAUTHENTICATED. */
const PUBLIC: Record<string, string> = {
  signIn: 'how a person gets a token (throttled, see sign-in-throttle.spec.ts)',
  requestPasswordReset: 'someone who forgot their password has no token; it answers the same for any email',
  resetPassword: 'proves itself with the emailed single-use token',
  acceptInvitation: 'proves itself with the emailed single-use token',
  refreshSession: 'proves itself with the single-use refresh token (the access token may have expired)',
  goodPractices: 'the public good-practice catalogue: published ones only (drafts and submitted ones are UNAUTHENTICATED signed out)',
  goodPractice: 'the public good-practice catalogue: a published one; any other is NOT_FOUND signed out',
  goodPracticeFacets: "the public catalogue's filters: cities, countries and years of published practices only",
  fieldsOfAction: 'the ICC fields of action are shared reference data (the public catalogue is filtered by them)',
};

/**
 * Operations open to anyone signed in, whatever their reviews, and why. They are called by a member
 * of another review too, and must not return any of review A's data.
 */
const OPEN_TO_SIGNED_IN: Record<string, string> = {
  me: "the caller's own account",
  mySessions: "the caller's own sessions",
  endSession: "ends one of the caller's own sessions; another's is NOT_FOUND",
  signOut: "ends the caller's own session (called with a session of its own, see below)",
  changeMyPassword: "changes the caller's own password, given the current one",
  setMyOptionalReminders: "changes the caller's own account",
  updateMySettings: "changes the caller's own language and time zone",
  resetMyCalendarFeed: "replaces the caller's own feed secret; the feed lists only their own sessions",
  benchmark: "the benchmarks are the network's shared reference",
  benchmarks: "the benchmarks are the network's shared reference",
  benchmarkExport: "the benchmarks are the network's shared reference",
  createGoodPractice: 'anyone signed in drafts a good practice of their own',
  reviews: 'lists only the reviews the caller is a member of',
  cities: 'the directory of cities is shared by the network',
  city: 'the directory of cities is shared by the network',
  cityRatings: 'filtered to the reviews the caller may read',
  cityRecommendations: 'filtered to the reviews the caller may read',
  organisations: 'the directory of organisations is shared by the network',
  iccIndexDefinition: "the Intercultural Cities Index definitions are the network's shared reference",
  iccIndexDefinitions: "the Intercultural Cities Index definitions are the network's shared reference",
  iccIndexDefinitionExport: "the Intercultural Cities Index definitions are the network's shared reference",
  iccIndexAssessments: 'lists only the Index assessments the caller takes part in, or of their own city once published',
};

const REFUSED_TO_OTHERS = ['FORBIDDEN', 'NOT_FOUND'];

/**
 * Every query, mutation and subscription of the live schema, generated (not listed by hand), against
 * the objects of review A: refused to a stranger and to a member of review B, nothing written, none
 * of A's data returned. A new operation is covered the day it is added; a new unguarded one fails here.
 */
describe('every operation is refused to a stranger and to a member of another review', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildAccessFixture>>;
  let operations: WalkedOperation[];
  let adminOnly: Set<string>;

  beforeAll(async () => {
    // The walk selects every field three levels deep, far more than any client: its cost is not what is tested here.
    process.env.GRAPHQL_MAX_COMPLEXITY = '20000';
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await buildAccessFixture(t);
    operations = new OperationWalker(t.app.get(GraphQLSchemaHost).schema, f.ids).operations();
    adminOnly = adminOnlyFields(t);
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.GRAPHQL_MAX_COMPLEXITY;
  });

  const run = (client: { request: (q: string, v?: Record<string, unknown>) => Promise<GraphqlResponse> }, op: WalkedOperation) =>
    client.request(op.document, op.variables);
  const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code;
  const leaked = (value: unknown) => f.secrets.filter((s) => JSON.stringify(value ?? null).includes(s));

  it('walks the whole schema (a sanity check on the walker itself)', () => {
    const names = operations.map((o) => o.field);
    expect(names).toEqual(
      expect.arrayContaining(['review', 'reviewEvidence', 'logEvidence', 'saveConclusion', 'evidenceChanged', 'signIn', 'me']),
    );
    expect(operations.length).toBeGreaterThan(90);
    for (const name of [...Object.keys(PUBLIC), ...Object.keys(OPEN_TO_SIGNED_IN)]) {
      expect({ listedButGone: name, exists: names.includes(name) }).toEqual({ listedButGone: name, exists: true });
    }
    expect([...adminOnly].sort()).toEqual(expect.arrayContaining(['createCity', 'people', 'retryOutboxMessage']));
  });

  it('a stranger (no token) gets UNAUTHENTICATED from every query and mutation but the public ones, and nothing is written', async () => {
    const before = await databaseFingerprint(t, f.a.reviewId);
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.kind !== 'subscription')) {
      const result = await run(t.gql, op);
      if (PUBLIC[op.field]) {
        // Reachable without a token, and not refused for the lack of one.
        if (result.errors?.some((e) => e.message === 'Sign in first: this needs an access token.'))
          wrong.push(`${op.field}: public but asks for a token`);
      } else if (codeOf(result) !== 'UNAUTHENTICATED' || (result.data && result.data[op.field] != null)) {
        wrong.push(`${op.field}: expected UNAUTHENTICATED, got ${JSON.stringify(result).slice(0, 300)}`);
      }
      if (leaked(result.data).length) wrong.push(`${op.field}: returned review A's data ${leaked(result.data).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    // requestPasswordReset writes a token and a message for any address, known or not, by design: the
    // work must not reveal which addresses have accounts (account-enumeration.spec.ts).
    const withoutResetWork = (print: Record<string, string>) =>
      Object.fromEntries(Object.entries(print).filter(([k]) => !['count:auth_token', 'count:outbox_message'].includes(k)));
    expect(withoutResetWork(await databaseFingerprint(t, f.a.reviewId))).toEqual(withoutResetWork(before));
  });

  it('a member of another review is refused every operation on review A (admin-only ones FORBIDDEN), and nothing of A is written', async () => {
    const before = await databaseFingerprint(t, f.a.reviewId);
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.kind !== 'subscription' && !PUBLIC[o.field] && !OPEN_TO_SIGNED_IN[o.field])) {
      const result = await run(f.otherMember, op);
      const code = codeOf(result);
      if (adminOnly.has(op.field)) {
        if (code !== 'FORBIDDEN') wrong.push(`${op.field} (admin only): expected FORBIDDEN, got ${JSON.stringify(result).slice(0, 300)}`);
      } else if (!REFUSED_TO_OTHERS.includes(code ?? '') || (result.data && result.data[op.field] != null)) {
        wrong.push(
          `${op.field}: expected FORBIDDEN or NOT_FOUND, got ${JSON.stringify(result).slice(0, 300)}. If it is meant for everyone signed in, add it to OPEN_TO_SIGNED_IN with the reason.`,
        );
      }
      if (leaked(result.data).length) wrong.push(`${op.field}: returned review A's data ${leaked(result.data).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    // Nothing at all was written: every table's count and every row of review A are as before.
    expect(await databaseFingerprint(t, f.a.reviewId)).toEqual(before);
  });

  it("the operations open to everyone signed in return none of review A's data to a member of another review, and write nothing of A", async () => {
    const before = await databaseFingerprint(t, f.a.reviewId);
    const aOnly = (print: Record<string, string>) => Object.fromEntries(Object.entries(print).filter(([k]) => k.startsWith('rows:')));
    const wrong: string[] = [];
    for (const op of operations.filter((o) => OPEN_TO_SIGNED_IN[o.field])) {
      // signOut ends the session it is called with: give it one of its own, so the others keep theirs.
      const caller = op.field === 'signOut' ? await t.gql.signIn(f.b.people.leader.email, TEST_PASSWORD) : f.otherMember;
      const result = await run(caller, op);
      if (leaked(result).length) wrong.push(`${op.field}: returned review A's data ${leaked(result).join(', ')}`);
      // Listed as open, so not refused for who is calling (else the list is out of date), and no crash.
      if (['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'].includes(codeOf(result) ?? ''))
        wrong.push(`${op.field}: ${JSON.stringify(result.errors)}`);
    }
    expect(wrong).toEqual([]);
    expect(aOnly(await databaseFingerprint(t, f.a.reviewId))).toEqual(aOnly(before));
    // The list of reviews shows B only; A's leader still sees A (the check above is not vacuous).
    expect((await f.otherMember.ok('{ reviews { nodes { id } } }')).reviews.nodes).toEqual([{ id: f.b.reviewId }]);
    expect((await f.leaderA.ok('{ reviews { nodes { id } } }')).reviews.nodes).toEqual([{ id: f.a.reviewId }]);
  });

  it('every subscription closes the socket of a stranger and refuses a member of another review', async () => {
    const subscriptions = operations.filter((o) => o.kind === 'subscription');
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const op of subscriptions) {
      await expect(subscribe(t.url, undefined, op.document, op.variables)).rejects.toMatchObject({ code: 4403 });
      const other = await subscribe(t.url, f.otherMember.token, op.document, op.variables);
      try {
        const result = await other.next();
        expect({ op: op.field, code: codeOf(result) }).toEqual({ op: op.field, code: 'FORBIDDEN' });
        expect(leaked(result)).toEqual([]);
      } finally {
        await other.close();
      }
    }
    // The rejection above is the server's close, not a client failure.
    await expect(subscribe(t.url, undefined, subscriptions[0].document, subscriptions[0].variables)).rejects.toBeInstanceOf(
      SubscriptionClosedError,
    );
  });

  describe('plain HTTP routes', () => {
    const pdf = () => new Blob(['%PDF-1.4\n% intruder\n'], { type: 'application/pdf' });

    it('document upload: 401 for a stranger, 403 for a member of another review, nothing stored', async () => {
      const before = await databaseFingerprint(t, f.a.reviewId);
      const anonymous = await postDocument(t.url, undefined, f.a.reviewId, { title: 'Intruder', type: 'ANNUAL_REPORT' }, pdf(), 'x.pdf');
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      const other = await postDocument(
        t.url,
        f.otherMember.token,
        f.a.reviewId,
        { title: 'Intruder', type: 'ANNUAL_REPORT' },
        pdf(),
        'x.pdf',
      );
      expect(other.status).toBe(403);
      expect(await other.json()).toMatchObject({ code: 'FORBIDDEN', message: 'You are not a member of this review.' });
      expect(await databaseFingerprint(t, f.a.reviewId)).toEqual(before);
    });

    it('document download, report download, spreadsheet exports and good-practice export: 401 for a stranger (404 for an unpublished practice), refused to a member of another review', async () => {
      const routes = [
        `/documents/${f.ids.documentId}/file`,
        `/reports/${f.ids.reportId}/html`,
        `/reports/${f.ids.reportId}/pdf`,
        `/good-practices/${f.ids.goodPracticeId}/export.docx`,
        ...['ratings', 'recommendations', 'evidence'].flatMap((kind) =>
          ['xlsx', 'csv'].map((format) => `/exports/reviews/${f.ids.reviewId}/${kind}.${format}`),
        ),
        '/exports/network/ratings.csv',
      ];
      for (const route of routes) {
        const anonymous = await fetch(`${t.url}${route}`);
        // The Word export is public for a published practice (the public catalogue), so a stranger asking for this draft is told it is not there.
        const refusedToStranger = route.startsWith('/good-practices/') ? 404 : 401;
        expect({ route, status: anonymous.status }).toEqual({ route, status: refusedToStranger });
        expect(await anonymous.text()).not.toContain('SECRET-A');
        const other = await fetch(`${t.url}${route}`, { headers: { authorization: `Bearer ${f.otherMember.token}` } });
        expect({ route, refused: [403, 404].includes(other.status) }).toEqual({ route, refused: true });
        expect(await other.text()).not.toContain('SECRET-A');
      }
      // The document itself is there for its own team (so the refusals above are about who asks).
      const own = await fetch(`${t.url}/documents/${f.ids.documentId}/file`, { headers: { authorization: `Bearer ${f.leaderA.token}` } });
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('SECRET-A');
    });

    it('calendar feed: the secret URL is the credential; any other token is 404 and reveals nothing', async () => {
      const own = await fetch(f.feedUrl.replace(/^https?:\/\/[^/]+/, t.url));
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('SECRET-A interview');
      const token = /\/calendar\/([^/]+)\.ics$/.exec(f.feedUrl)?.[1] as string;
      for (const guess of [token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'x', "' OR 1=1 --", '..%2F..%2Fetc%2Fpasswd']) {
        const response = await fetch(`${t.url}/calendar/${encodeURIComponent(guess)}.ics`, {
          headers: { authorization: `Bearer ${f.otherMember.token}` },
        });
        expect({ guess, status: response.status }).toEqual({ guess, status: 404 });
        expect(await response.text()).not.toContain('SECRET-A');
      }
    });
  });
});

/** Root fields whose resolver carries @AdminOnly, read from the resolvers' metadata. */
function adminOnlyFields(t: TestApp): Set<string> {
  const names = new Set<string>();
  const providers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values()]);
  for (const wrapper of providers) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance);
    const classAdmin = Reflect.getMetadata(ADMIN_ONLY, proto.constructor) === true;
    for (const key of Object.getOwnPropertyNames(proto)) {
      // Descriptors, not proto[key]: reading a getter on the prototype would run it.
      const method = Object.getOwnPropertyDescriptor(proto, key)?.value;
      if (typeof method !== 'function' || key === 'constructor') continue;
      const type = Reflect.getMetadata('graphql:resolver_type', method);
      if (!['Query', 'Mutation', 'Subscription'].includes(type)) continue;
      if (classAdmin || Reflect.getMetadata(ADMIN_ONLY, method) === true)
        names.add(Reflect.getMetadata('graphql:resolver_name', method) ?? key);
    }
  }
  return names;
}
