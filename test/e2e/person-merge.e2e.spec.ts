import { PERSON_JSON_REFERENCES, PERSON_COLUMN_NAME, PERSON_REFERENCES } from '@peervisit/directory';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../apps/api/src/app.module';

/**
 * The secretariat merges duplicate people: everything the duplicate did becomes the kept person's,
 * the duplicate's account goes, and the merge is recorded. Which columns name a person is
 * libs/directory/src/person/person-references.ts; the first test keeps that list complete.
 */
describe('merging duplicate people', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let adminId: string;

  const MERGE = `mutation($k: ID!, $m: ID!) { mergePeople(keepId: $k, mergeId: $m) {
    id mergedPersonId mergedEmail mergedFullName mergedById moved { what count } keptPerson { id email teamRoles { reviewId role } } } }`;

  /** Every column that names a person: declared foreign keys to person, and uuid columns named like one (person-references.ts). */
  async function personColumns(): Promise<{ table: string; column: string; array: boolean; foreignKey: boolean }[]> {
    const foreignKeys: { table: string; column: string }[] = await t.dataSource.query(
      `SELECT kcu.table_name AS table, kcu.column_name AS column
         FROM information_schema.referential_constraints rc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = rc.unique_constraint_name AND ccu.constraint_schema = rc.unique_constraint_schema
        WHERE ccu.table_name = 'person' AND ccu.column_name = 'id' AND kcu.table_schema = 'public'`,
    );
    const uuidColumns: { table: string; column: string; udt: string }[] = await t.dataSource.query(
      `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt
         FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.udt_name IN ('uuid', '_uuid')`,
    );
    const key = (r: { table: string; column: string }) => `${r.table}.${r.column}`;
    const fk = new Set(foreignKeys.map(key));
    return uuidColumns
      .filter((c) => fk.has(key(c)) || PERSON_COLUMN_NAME.test(c.column))
      .map((c) => ({ table: c.table, column: c.column, array: c.udt === '_uuid', foreignKey: fk.has(key(c)) }));
  }

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const me = await createPerson(t.dataSource, { isAdmin: true, fullName: 'Sara Secretariat' });
    adminId = me.id;
    admin = await t.gql.signIn(me.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  it('handles every column of the database that names a person: a new foreign key to person, or a new *_by_id column, fails here until the merge handles it', async () => {
    const found = await personColumns();
    const listed = new Set(PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`));
    const unhandled = found.filter((c) => !listed.has(`${c.table}.${c.column}`)).map((c) => `${c.table}.${c.column}`);
    expect(unhandled).toEqual([]);
    // team_member.person_id at least is a declared foreign key: the query above does find them.
    expect(found.filter((c) => c.foreignKey).map((c) => `${c.table}.${c.column}`)).toContain('team_member.person_id');
    // Nothing listed that the database does not have (a renamed column would otherwise be skipped).
    const existing = new Set(
      (
        (await t.dataSource.query(
          `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_schema = 'public'`,
        )) as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    expect([...listed, ...PERSON_JSON_REFERENCES.map((r) => `${r.table}.${r.column}`)].filter((name) => !existing.has(name))).toEqual([]);
    // uuid[] columns are moved as arrays, single ones as values.
    const arrays = found.filter((c) => c.array).map((c) => `${c.table}.${c.column}`);
    expect(PERSON_REFERENCES.filter((r) => r.how === 'array').map((r) => `${r.table}.${r.column}`)).toEqual(arrays);
  });

  it('moves memberships, evidence, assignments and sessions to the person kept, ends the duplicate account and records the merge', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1, 2] });
    const other = await createReviewFixture(t.dataSource, { status: 'PREPARATION', scope: [1] });
    const keep = await createPerson(t.dataSource, {
      fullName: 'Maria Rossi',
      email: `maria.rossi.${randomUUID().slice(0, 6)}@comune.example.it`,
    });
    const dup = await createPerson(t.dataSource, {
      fullName: 'maria rossi',
      email: `m.rossi.${randomUUID().slice(0, 6)}@gmail.example.com`,
    });
    // The duplicate is the peer of the first review; both are peers of the second (one membership stays).
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [f.reviewId, dup.id]);
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER'), ($1, $3, 'PEER')", [
      other.reviewId,
      keep.id,
      dup.id,
    ]);
    const duplicate = await t.gql.signIn(dup.email, TEST_PASSWORD);
    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const { scheduleVisitSession: session } = await leader.ok(
      'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }',
      { id: f.reviewId, input: { kind: 'INTERVIEW', title: 'Mayor', start: '2027-03-10T10:00', end: '2027-03-10T11:00' } },
    );
    // Both assigned to the same session (one assignment stays), and the duplicate logs evidence in it.
    await t.dataSource.query(
      "INSERT INTO session_assignment (session_id, person_id, part) VALUES ($1, $2, 'INTERVIEWER'), ($1, $3, 'NOTE_TAKER')",
      [session.id, keep.id, dup.id],
    );
    const evidenceId = randomUUID();
    await duplicate.ok('mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id } }', {
      r: f.reviewId,
      input: {
        id: evidenceId,
        source: 'INTERVIEW',
        sessionId: session.id,
        stakeholderCategory: 'POLITICIAN',
        keyFactorIds: [f.keyFactors[0].id],
        statement: 'The mayor chairs the migrant council.',
        stance: 'SUPPORTS',
      },
    });
    await t.dataSource.query('INSERT INTO self_assessment_entry (review_id, key_factor_id, assignee_id) VALUES ($1, $2, $3)', [
      f.reviewId,
      f.keyFactors[1].id,
      dup.id,
    ]);

    // An invitation still waiting at the duplicate's address, to a review neither is on yet.
    const third = await createReviewFixture(t.dataSource, { status: 'PREPARATION', scope: [1] });
    const thirdLeader = await t.gql.signIn(third.people.leader.email, TEST_PASSWORD);
    await thirdLeader.ok(
      'mutation($r: ID!, $e: String!) { addTeamMember(reviewId: $r, input: { email: $e, role: OBSERVER }) { invitation { id } } }',
      { r: third.reviewId, e: dup.email },
    );

    const { mergePeople: merge } = await admin.ok(MERGE, { k: keep.id, m: dup.id });
    expect(merge).toMatchObject({
      mergedPersonId: dup.id,
      mergedEmail: dup.email,
      mergedFullName: 'maria rossi',
      mergedById: adminId,
      keptPerson: { id: keep.id, email: keep.email },
    });
    expect(merge.keptPerson.teamRoles).toEqual(
      expect.arrayContaining([
        { reviewId: f.reviewId, role: 'PEER' },
        { reviewId: other.reviewId, role: 'PEER' },
      ]),
    );
    expect(merge.moved).toEqual(
      expect.arrayContaining([
        { what: 'team memberships', count: 2 },
        { what: 'evidence logged', count: 1 },
        { what: 'self-assessment entries assigned', count: 1 },
        { what: 'team memberships ended (already on the team in that role)', count: 1 },
        { what: 'pending invitations re-addressed', count: 1 },
      ]),
    );
    // It now leads to the kept account: nobody accepting it can make a new account for the old address.
    expect(
      await t.dataSource.query(
        "SELECT email FROM auth_token WHERE purpose = 'INVITATION' AND used_at IS NULL AND (email = $1 OR email = $2)",
        [dup.email, keep.email],
      ),
    ).toEqual([{ email: keep.email }]);

    // What was stored: the duplicate is gone, and no column that names a person names them any more.
    expect(await t.dataSource.query('SELECT id FROM person WHERE id = $1', [dup.id])).toEqual([]);
    for (const c of await personColumns()) {
      if (c.table === 'person_merge' && c.column === 'merged_person_id') continue;
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM "${c.table}" WHERE ${c.array ? `$1 = ANY("${c.column}")` : `"${c.column}" = $1`}`,
        [dup.id],
      );
      expect({ column: `${c.table}.${c.column}`, rows: n }).toEqual({ column: `${c.table}.${c.column}`, rows: 0 });
    }
    expect(await t.dataSource.query('SELECT logged_by_id FROM evidence WHERE id = $1', [evidenceId])).toEqual([{ logged_by_id: keep.id }]);
    expect(
      await t.dataSource.query(
        'SELECT review_id, role, removed_at IS NULL AS current FROM team_member WHERE person_id = $1 ORDER BY current',
        [keep.id],
      ),
    ).toEqual(
      expect.arrayContaining([
        { review_id: f.reviewId, role: 'PEER', current: true },
        { review_id: other.reviewId, role: 'PEER', current: true },
        // The duplicate's own membership of the second review, ended: its history is the kept person's.
        { review_id: other.reviewId, role: 'PEER', current: false },
      ]),
    );
    expect(await t.dataSource.query('SELECT person_id, part FROM session_assignment WHERE session_id = $1', [session.id])).toEqual([
      { person_id: keep.id, part: 'INTERVIEWER' },
    ]);
    // The merge record, and a line in each review's audit trail.
    expect(
      await t.dataSource.query('SELECT kept_person_id, merged_email, merged_by_id FROM person_merge WHERE merged_person_id = $1', [dup.id]),
    ).toEqual([{ kept_person_id: keep.id, merged_email: dup.email, merged_by_id: adminId }]);
    const audit = await t.dataSource.query(
      "SELECT review_id, actor_id, before->>'email' AS was, after->>'email' AS now FROM audit_entry WHERE action = 'person.merge' ORDER BY review_id",
    );
    expect(audit).toEqual(
      [f.reviewId, other.reviewId].sort().map((reviewId) => ({ review_id: reviewId, actor_id: adminId, was: dup.email, now: keep.email })),
    );

    // The duplicate's session has ended; the kept person signs in and reads the evidence as theirs.
    const refused = await duplicate.request('{ me { id } }');
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const kept = await t.gql.signIn(keep.email, TEST_PASSWORD);
    const { reviewEvidence } = await kept.ok('query($r: ID!) { reviewEvidence(reviewId: $r) { nodes { id loggedBy { id } } } }', {
      r: f.reviewId,
    });
    expect(reviewEvidence.nodes).toEqual([{ id: evidenceId, loggedBy: { id: keep.id } }]);
    await expect(t.gql.signIn(dup.email, TEST_PASSWORD)).rejects.toThrow();
  });

  it('refuses, with a sentence saying why: into themselves, the signed-in account, on one review in different roles, an administrator, unknown people, non-admins', async () => {
    const f = await createReviewFixture(t.dataSource, { status: 'PREPARATION', scope: [1], cityName: 'Clashville' });
    const a = await createPerson(t.dataSource, { fullName: 'Jan Jansen' });
    const b = await createPerson(t.dataSource, { fullName: 'J. Jansen' });
    await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER'), ($1, $3, 'OBSERVER')", [
      f.reviewId,
      a.id,
      b.id,
    ]);

    const self = await admin.request(MERGE, { k: a.id, m: a.id });
    expect(self.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/into themselves/) });

    const clash = await admin.request(MERGE, { k: a.id, m: b.id });
    expect(clash.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(clash.errors?.[0].message).toContain(`"Review of Clashville" (Jan Jansen as PEER, J. Jansen as OBSERVER)`);
    // Nothing changed.
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM person WHERE id = ANY($1)', [[a.id, b.id]])).toEqual([{ n: 2 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM person_merge WHERE merged_person_id = $1', [b.id])).toEqual([{ n: 0 }]);

    const mine = await admin.request(MERGE, { k: a.id, m: adminId });
    expect(mine.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/signed in with/) });

    const otherAdmin = await createPerson(t.dataSource, { fullName: 'Ada Admin', isAdmin: true });
    const anAdmin = await admin.request(MERGE, { k: a.id, m: otherAdmin.id });
    expect(anAdmin.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: 'Ada Admin is an administrator: remove their administrator rights first (Administrators), then merge them.',
    });

    const unknown = await admin.request(MERGE, { k: a.id, m: randomUUID() });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    const forbidden = await leader.request(MERGE, { k: a.id, m: b.id });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const roles = await leader.request('query($id: ID!) { review(id: $id) { team { person { teamRoles { role } } } } }', {
      id: f.reviewId,
    });
    expect(roles.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Once one of them leaves that team, the merge goes through.
    await t.dataSource.query('UPDATE team_member SET removed_at = now() WHERE person_id = $1', [b.id]);
    await admin.ok(MERGE, { k: a.id, m: b.id });
  });

  it('finds people by part of the name or of the email', async () => {
    const p = await createPerson(t.dataSource, {
      fullName: 'Ingrid Ibsen',
      email: `ingrid-${randomUUID().slice(0, 6)}@kommune.example.no`,
    });
    const query = 'query($s: String) { people(search: $s) { nodes { id } } }';
    expect((await admin.ok(query, { s: 'ingrid ib' })).people.nodes).toEqual([{ id: p.id }]);
    expect((await admin.ok(query, { s: p.email.slice(0, 13).toUpperCase() })).people.nodes).toEqual([{ id: p.id }]);
  });
});
