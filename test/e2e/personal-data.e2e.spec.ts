import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { FILE_STORAGE, FileStorage } from '@peervisit/platform';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;
interface Group {
  what: string;
  table: string;
  column: string;
  rows: Record<string, unknown>[];
}
interface Archive {
  files: Map<string, Buffer>;
  json: {
    subject: { kind: string; id: string };
    account?: Record<string, unknown>;
    stakeholder?: Record<string, unknown>;
    records: Group[];
    evidenceNamingThem: { id: string }[];
    auditEntriesAboutThem: { id: string }[];
    files: { documentId: string; path: string | null; inArchive: boolean }[];
  };
}

/** Reads a ZIP with yauzl (a reader nobody here wrote) into its files, and parses the JSON. */
async function unzip(body: Buffer): Promise<Archive> {
  const zip = await yauzl.fromBufferPromise(body, { lazyEntries: true, validateEntrySizes: true });
  const files = new Map<string, Buffer>();
  for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
  return { files, json: JSON.parse(files.get('personal-data.json')!.toString('utf8')) };
}

/**
 * The right of access (issue 21): a person downloads everything held about them as JSON plus their
 * uploaded files in one ZIP; the secretariat does the same for anyone, and for a stakeholder.
 */
describe('personal data archive, end to end', () => {
  let t: TestApp;
  let f: Fixture;
  const as = {} as Record<'admin' | 'peer' | 'leader', GraphqlClient>;
  const loggedByPeer: string[] = [];
  const loggedByLeader: string[] = [];
  let namingPeer: string;
  let documentId: string;
  const fileBytes = Buffer.from('%PDF-1.4 the peer’s interview notes\n');
  let stakeholderId: string;
  let namingStakeholder: string;

  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const archive = async (path: string, token: string): Promise<Archive> => {
    const response = await get(path, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    return unzip(Buffer.from(await response.arrayBuffer()));
  };
  const evidence = (by: string, statement: string, quote: string | null = null) => {
    const id = randomUUID();
    return t.dataSource
      .query(
        `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, quote, stance, logged_by_id, observed_at)
         VALUES ($1, $2, 'INTERVIEW', $3, $4, $5, 'SUPPORTS', $6, now())`,
        [id, f.reviewId, [f.keyFactors[0].id], statement, quote, by],
      )
      .then(() => id);
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'VISIT', scope: [1] });
    as.peer = await t.gql.signIn(f.people.peer.email, TEST_PASSWORD);
    as.leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);

    for (const text of ['Front desk speaks eleven languages.', 'Libraries run conversation cafés.', 'Welcome centre opens late.'])
      loggedByPeer.push(await evidence(f.people.peer.id, text));
    for (const text of ['Council adopted the charter.', 'Schools hire mediators.'])
      loggedByLeader.push(await evidence(f.people.leader.id, text));
    namingPeer = await evidence(f.people.leader.id, `Piet Peer asked the mayor about the charter.`);

    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    const stored = await storage.put(Readable.from([fileBytes]), { prefix: `reviews/${f.reviewId}` });
    documentId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO document (id, review_id, title, type, storage_key, file_name, media_type, size_bytes, sha256, added_by_id)
       VALUES ($1, $2, 'Interview notes', 'OTHER', $3, 'notes: day 1.pdf', 'application/pdf', $4, $5, $6)`,
      [documentId, f.reviewId, stored.key, stored.size, stored.sha256, f.people.peer.id],
    );
    await t.dataSource.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, due_at, message_id, status)
       VALUES ($1, 'session-reminder', $2, $3, $4, '{"title":"Interview with the mayor"}', now(), $5, 'SENT'),
              ($6, 'session-reminder', $7, $8, $4, '{"title":"Not for the peer"}', now(), $9, 'SENT')`,
      [
        `t:${randomUUID()}`,
        f.people.peer.id,
        f.people.peer.email,
        f.reviewId,
        `<${randomUUID()}@test>`,
        `t:${randomUUID()}`,
        f.people.leader.id,
        f.people.leader.email,
        `<${randomUUID()}@test>`,
      ],
    );

    const [stakeholder] = await t.dataSource.query(
      `INSERT INTO stakeholder (name, position, city_id, category) SELECT 'Amira Haddad', 'Chair, migrant council', host_city_id, 'MIGRANT_ORGANISATION'
         FROM review WHERE id = $1 RETURNING id`,
      [f.reviewId],
    );
    stakeholderId = stakeholder.id;
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', 'Migrant council', now(), now() + interval '1 hour', $2) RETURNING id`,
      [f.reviewId, f.people.leader.id],
    );
    await t.dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [session.id, stakeholderId]);
    namingStakeholder = await evidence(
      f.people.peer.id,
      'The council chair described the waiting lists.',
      'amira haddad: “we wait months”',
    );
  });

  afterAll(() => t?.close());

  it('gives a peer every evidence item they logged and no one else’s, with their files and messages, and no secrets', async () => {
    const { json, files } = await archive('/personal-data/me.zip', as.peer.token!);
    expect(json.subject).toEqual({ kind: 'person', id: f.people.peer.id });
    expect(json.account).toMatchObject({ id: f.people.peer.id, email: f.people.peer.email, full_name: 'Piet Peer' });

    const logged = json.records.find((g) => g.table === 'evidence' && g.column === 'logged_by_id')!;
    const expected: { id: string }[] = await t.dataSource.query('SELECT id FROM evidence WHERE logged_by_id = $1', [f.people.peer.id]);
    expect(logged.rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(logged.rows.map((r) => r.id)).toEqual(expect.arrayContaining([...loggedByPeer, namingStakeholder]));
    // Someone else's items appear nowhere among the rows tied to the peer.
    const everyRowId = json.records.flatMap((g) => g.rows.map((r) => r.id));
    for (const id of loggedByLeader) expect(everyRowId).not.toContain(id);
    // The leader's item that names the peer is there, as evidence naming them, and only that one.
    expect(json.evidenceNamingThem.map((e) => e.id)).toEqual([namingPeer]);

    const messages = json.records.filter((g) => g.table === 'outbox_message').flatMap((g) => g.rows);
    expect(messages.map((m) => (m.data as { title: string }).title)).toEqual(['Interview with the mayor']);
    expect(json.records.some((g) => g.table === 'team_member' && g.rows.some((r) => r.review_id === f.reviewId))).toBe(true);
    expect(json.records.some((g) => g.table === 'auth_session' && g.rows.length > 0)).toBe(true);

    expect(json.files).toEqual([
      { documentId, fileName: 'notes: day 1.pdf', path: `files/${documentId}-notes_ day 1.pdf`, inArchive: true },
    ]);
    expect(files.get(`files/${documentId}-notes_ day 1.pdf`)).toEqual(fileBytes);

    const text = files.get('personal-data.json')!.toString('utf8');
    expect(text).not.toMatch(/password_hash|token_hash|calendar_token/);
    const [hash] = await t.dataSource.query('SELECT password_hash FROM person WHERE id = $1', [f.people.peer.id]);
    expect(text).not.toContain(hash.password_hash);
  });

  it('lets the secretariat download any person’s archive, and nobody else', async () => {
    const { json } = await archive(`/personal-data/people/${f.people.peer.id}.zip`, as.admin.token!);
    expect(json.subject.id).toBe(f.people.peer.id);
    expect(json.records.find((g) => g.column === 'logged_by_id')!.rows).toHaveLength(loggedByPeer.length + 1);

    const refused = await get(`/personal-data/people/${f.people.peer.id}.zip`, as.leader.token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/only the person themselves or the secretariat/i);
    expect((await get(`/personal-data/people/${f.people.peer.id}.zip`)).status).toBe(401);
    expect((await get(`/personal-data/people/${randomUUID()}.zip`, as.admin.token)).status).toBe(404);
    expect((await get('/personal-data/people/not-an-id.zip', as.admin.token)).status).toBe(404);
  });

  it('gives the secretariat what is held about a stakeholder: the record, the sessions and the evidence naming them', async () => {
    const { json, files } = await archive(`/personal-data/stakeholders/${stakeholderId}.zip`, as.admin.token!);
    expect(json.stakeholder).toMatchObject({ id: stakeholderId, name: 'Amira Haddad', position: 'Chair, migrant council' });
    expect(json.records).toEqual([
      expect.objectContaining({ what: 'visit sessions attended', rows: [expect.objectContaining({ session_title: 'Migrant council' })] }),
    ]);
    // Found by the name in the quote, whatever its case.
    expect(json.evidenceNamingThem.map((e) => e.id)).toEqual([namingStakeholder]);
    expect([...files.keys()]).toEqual(['personal-data.json']);

    const refused = await get(`/personal-data/stakeholders/${stakeholderId}.zip`, as.leader.token);
    expect(refused.status).toBe(403);
  });
});
