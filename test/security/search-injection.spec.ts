import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../apps/api/src/app.module';

const PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE evidence; --",
  '%',
  '_',
  '\\',
  '%_%',
  "\\'",
  ';DROP TABLE city',
  '.*',
  '(a+)+$',
  '[',
  '^',
  '$1',
  '&',
  '|',
  '!',
  ':*',
  '<->',
  'a & !b',
  'language:*',
  'language <-> courses',
  '!!!',
  '"',
  '"unclosed',
  '-',
  'or',
];

/**
 * Text search and string filters fed SQL, LIKE, regex and tsquery metacharacters: no 500, no other
 * review's data, only literal matches, tables intact.
 */
describe('search and filters with hostile input', () => {
  let t: TestApp;
  let leaderA: GraphqlClient;
  let admin: GraphqlClient;
  let reviewA: string;
  const ownStatements = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const a = await createReviewFixture(t.dataSource, { status: 'VISIT' });
    const b = await createReviewFixture(t.dataSource, { status: 'VISIT' });
    reviewA = a.reviewId;
    leaderA = await t.gql.signIn(a.people.leader.email, TEST_PASSWORD);
    const leaderB = await t.gql.signIn(b.people.leader.email, TEST_PASSWORD);
    admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);
    const log = 'mutation($r: ID!, $i: EvidenceInput!) { logEvidence(reviewId: $r, input: $i) { outcome } }';
    const session = async (gql: GraphqlClient, r: string, kf: string) =>
      (
        await gql.ok('mutation($r: ID!, $i: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $i) { id } }', {
          r,
          i: { title: 'Interview', kind: 'INTERVIEW', start: '2027-03-10T10:00', end: '2027-03-10T11:00', keyFactorIds: [kf] },
        })
      ).scheduleVisitSession.id as string;
    const item = (statement: string, kf: string, sessionId: string) => ({
      id: randomUUID(),
      keyFactorIds: [kf],
      source: 'INTERVIEW',
      stance: 'SUPPORTS',
      statement,
      sessionId,
    });
    const sessionA = await session(leaderA, a.reviewId, a.keyFactors[0].id);
    const sessionB = await session(leaderB, b.reviewId, b.keyFactors[0].id);
    for (const statement of [
      'Language courses reach newcomers',
      'The budget is 100% funded by the city',
      'An under_score and a back\\slash',
    ]) {
      const i = item(statement, a.keyFactors[0].id, sessionA);
      ownStatements.set(i.id, statement);
      await leaderA.ok(log, { r: a.reviewId, i });
    }
    await leaderB.ok(log, { r: b.reviewId, i: item('Language courses in the other city (review B)', b.keyFactors[0].id, sessionB) });
    await admin.ok('mutation($i: CityInput!) { createCity(input: $i) { id } }', {
      i: { name: 'Plain City', country: 'NO', timeZone: 'Europe/Oslo' },
    });
  });
  afterAll(() => t?.close());

  const tableCounts = async () =>
    (
      await t.dataSource.query('SELECT (SELECT count(*) FROM evidence) e, (SELECT count(*) FROM city) c, (SELECT count(*) FROM person) p')
    )[0];

  it('evidence full-text search: no error, only review A, only items that contain the words', async () => {
    const before = await tableCounts();
    const problems: string[] = [];
    for (const search of PAYLOADS) {
      const result = await leaderA.request(
        'query($r: ID!, $s: String) { reviewEvidence(reviewId: $r, search: $s, first: 50) { nodes { id statement } } }',
        { r: reviewA, s: search },
      );
      if (result.errors) problems.push(`${JSON.stringify(search)}: ${JSON.stringify(result.errors)}`);
      for (const node of result.data?.reviewEvidence.nodes ?? []) {
        if (!ownStatements.has(node.id)) problems.push(`${JSON.stringify(search)} returned ${node.statement}`);
        const words = search.toLowerCase().match(/[a-z0-9]+/g) ?? [];
        if (!words.some((w) => node.statement.toLowerCase().includes(w.slice(0, 5))))
          problems.push(`${JSON.stringify(search)} matched ${node.statement} without a word of it`);
      }
    }
    expect(problems).toEqual([]);
    // The search works: a word finds its item (and only in review A), so the empty answers above are meaningful.
    const found = await leaderA.ok('query($r: ID!) { reviewEvidence(reviewId: $r, search: "language courses") { nodes { statement } } }', {
      r: reviewA,
    });
    expect(found.reviewEvidence.nodes).toEqual([{ statement: 'Language courses reach newcomers' }]);
    expect(await tableCounts()).toEqual(before);
  });

  it('directory and catalogue string filters: no error, LIKE wildcards taken literally, tables intact', async () => {
    const before = await tableCounts();
    const queries = [
      ['cities', 'query($s: String) { cities(search: $s) { nodes { name } } }'],
      ['organisations', 'query($s: String) { organisations(search: $s) { nodes { name } } }'],
      ['people', 'query($s: String) { people(search: $s) { nodes { fullName } } }'],
      ['stakeholders', 'query($s: String) { stakeholders(search: $s) { nodes { id } } }'],
      ['goodPractices', 'query($s: String) { goodPractices(search: $s, city: $s) { nodes { id } } }'],
    ] as const;
    const problems: string[] = [];
    for (const [name, query] of queries) {
      for (const search of PAYLOADS) {
        const result = await admin.request(query, { s: search });
        if (result.errors) problems.push(`${name}(${JSON.stringify(search)}): ${JSON.stringify(result.errors).slice(0, 200)}`);
        const nodes = (result.data?.[name]?.nodes ?? []) as Record<string, string>[];
        // The names here contain no metacharacters, so a wildcard that was not escaped would match them.
        if (['%', '_', '%_%'].includes(search) && nodes.length)
          problems.push(`${name}(${JSON.stringify(search)}) treated it as a wildcard: ${JSON.stringify(nodes)}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await admin.ok('{ cities(search: "plain") { nodes { name } } }')).cities.nodes).toEqual([{ name: 'Plain City' }]);
    expect(await tableCounts()).toEqual(before);
  });
});
