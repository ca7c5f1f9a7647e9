import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { FILE_STORAGE, FileStorage } from '@peervisit/platform';
import { RetentionService, stakeholderPseudonym, WITHHELD_NAME } from '@peervisit/review';
import { createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const DAY = 86_400_000;

/**
 * The retention rules (issue 21), run with a clock that has moved on: each deletes what it should and
 * nothing else, checked by counting rows before and after, and a second run finds nothing to do.
 */
describe('retention, end to end', () => {
  let t: TestApp;
  let retention: RetentionService;
  let storage: FileStorage;
  let closed: Awaited<ReturnType<typeof createReviewFixture>>;
  let open: Awaited<ReturnType<typeof createReviewFixture>>;
  const keys = {} as Record<'draft' | 'published' | 'otherLanguage', string>;
  const stakeholder = {} as Record<'expired' | 'keptLonger' | 'stillOpen' | 'neverMet', string>;
  const messages = {} as Record<'old' | 'recent' | 'scheduled', string>;

  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(sql, params))[0].n as number;
  const file = async (name: string) => (await storage.put(Readable.from([Buffer.from(name)]), { prefix: 'reports/test' })).key;
  const insertStakeholder = async (name: string, cityOf: string, keepUntil: string | null = null) =>
    (
      await t.dataSource.query(
        `INSERT INTO stakeholder (name, position, city_id, category, keep_until)
         SELECT $1, 'Chair', host_city_id, 'CIVIL_SOCIETY', $3 FROM review WHERE id = $2 RETURNING id`,
        [name, cityOf, keepUntil],
      )
    )[0].id as string;
  const attend = async (reviewId: string, stakeholderId: string, by: string) => {
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', 'Interview', now(), now() + interval '1 hour', $2) RETURNING id`,
      [reviewId, by],
    );
    await t.dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [session.id, stakeholderId]);
  };

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    retention = t.app.get(RetentionService);
    storage = t.app.get<FileStorage>(FILE_STORAGE);
    closed = await createReviewFixture(t.dataSource, { status: 'CLOSED', scope: [1] });
    open = await createReviewFixture(t.dataSource, { status: 'FOLLOW_UP', scope: [1] });
    const leader = closed.people.leader.id;

    // Emails: one sent now, one sent later (by 200 days), one still waiting.
    const outbox = (status: string, sentAt: string | null) =>
      t.dataSource
        .query(
          `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, due_at, message_id, status, sent_at)
           VALUES ($1, 'session-reminder', $2, 'p@example.org', $3, '{"title":"Meeting Rosa Ortega"}', now(), $4, $5, ${sentAt ?? 'NULL'}) RETURNING id`,
          [`t:${randomUUID()}`, leader, closed.reviewId, `<${randomUUID()}@test>`, status],
        )
        .then((rows: { id: string }[]) => rows[0].id);
    messages.old = await outbox('SENT', 'now()');
    messages.recent = await outbox('SENT', "now() + interval '200 days'");
    messages.scheduled = await outbox('SCHEDULED', null);

    // Report versions: an English draft superseded by a published English version, and a French draft with no later French one.
    keys.draft = await file('draft');
    keys.published = await file('published');
    keys.otherLanguage = await file('french');
    const report = (version: number, language: string, published: boolean, key: string) =>
      t.dataSource.query(
        `INSERT INTO report (review_id, version, status, files, requested_by_id, generated_at, language, published)
         VALUES ($1, $2, 'READY', $3, $4, now(), $5, $6)`,
        [closed.reviewId, version, { pdf: key }, leader, language, published],
      );
    await report(1, 'en', false, keys.draft);
    await report(2, 'fr', false, keys.otherLanguage);
    await report(3, 'en', true, keys.published);

    // Links: used, revoked, expired, and one still valid long after the moved clock.
    const token = (extra: string) =>
      t.dataSource.query(
        `INSERT INTO auth_token (purpose, token_hash, email, expires_at, used_at, revoked_at) VALUES ('INVITATION', $1, 'x@example.org', ${extra})`,
        [randomUUID()],
      );
    await token("now() + interval '7 days', now(), NULL");
    await token("now() + interval '7 days', NULL, now()");
    await token("now() - interval '1 day', NULL, NULL");
    await token("now() + interval '20 years', NULL, NULL");

    stakeholder.expired = await insertStakeholder('Rosa Ortega', closed.reviewId);
    stakeholder.keptLonger = await insertStakeholder('Hamid Karimi', closed.reviewId, '2099-01-01');
    stakeholder.stillOpen = await insertStakeholder('Ines Duarte', open.reviewId);
    stakeholder.neverMet = await insertStakeholder('Tomasz Nowak', closed.reviewId);
    await attend(closed.reviewId, stakeholder.expired, leader);
    await attend(closed.reviewId, stakeholder.keptLonger, leader);
    await attend(open.reviewId, stakeholder.stillOpen, open.people.leader.id);
    await attend(closed.reviewId, stakeholder.stillOpen, leader);
    await t.dataSource.query(
      `INSERT INTO evidence (id, review_id, source, key_factor_ids, statement, quote, stance, logged_by_id, observed_at)
       VALUES ($1, $2, 'INTERVIEW', $3, 'ROSA ORTEGA explained the waiting lists; Hamid Karimi agreed, and Rosa’s colleague too.', 'Ortega: we wait', 'SUPPORTS', $4, now())`,
      [randomUUID(), closed.reviewId, [closed.keyFactors[0].id], leader],
    );
    await t.dataSource.query(
      `INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, after)
       VALUES ($1, $2, 'stakeholder.register', 'Stakeholder', $3, '{"name":"Rosa Ortega","position":"Chair"}')`,
      [closed.reviewId, leader, stakeholder.expired],
    );
  });

  afterAll(() => t?.close());

  it('does nothing before any period has passed', async () => {
    expect(await retention.apply(new Date())).toMatchObject({
      messageBodiesDeleted: 0,
      reportFilesDeleted: 0,
      tokensDeleted: 0,
      stakeholdersPseudonymised: 0,
    });
  });

  it('deletes email contents, draft report files and old links after their periods, and nothing else', async () => {
    const before = {
      messages: await count('SELECT count(*)::int AS n FROM outbox_message'),
      withBody: await count(`SELECT count(*)::int AS n FROM outbox_message WHERE data <> '{}'::jsonb`),
      reports: await count('SELECT count(*)::int AS n FROM report'),
      tokens: await count('SELECT count(*)::int AS n FROM auth_token'),
    };
    const run = await retention.apply(new Date(Date.now() + 366 * DAY));
    expect(run).toMatchObject({ messageBodiesDeleted: 1, reportFilesDeleted: 1, tokensDeleted: 3, stakeholdersPseudonymised: 0 });

    expect(await count('SELECT count(*)::int AS n FROM outbox_message')).toBe(before.messages);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_message WHERE data <> '{}'::jsonb`)).toBe(before.withBody - 1);
    const rows: { id: string; status: string; data: object; sent_at: Date | null }[] = await t.dataSource.query(
      'SELECT id, status, data, sent_at FROM outbox_message WHERE id = ANY($1)',
      [Object.values(messages)],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[messages.old]).toMatchObject({ status: 'SENT', data: {} });
    expect(byId[messages.old].sent_at).not.toBeNull();
    expect(byId[messages.recent].data).toEqual({ title: 'Meeting Rosa Ortega' });
    expect(byId[messages.scheduled].data).toEqual({ title: 'Meeting Rosa Ortega' });

    expect(await count('SELECT count(*)::int AS n FROM report')).toBe(before.reports);
    expect(await storage.exists(keys.draft)).toBe(false);
    expect(await storage.exists(keys.published)).toBe(true);
    expect(await storage.exists(keys.otherLanguage)).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM report WHERE files = '{}'::jsonb`)).toBe(1);

    expect(await count('SELECT count(*)::int AS n FROM auth_token')).toBe(before.tokens - 3);

    expect(await retention.apply(new Date(Date.now() + 366 * DAY))).toMatchObject({
      messageBodiesDeleted: 0,
      reportFilesDeleted: 0,
      tokensDeleted: 0,
    });
  });

  it('pseudonymises stakeholders years after their reviews closed, everywhere their name is written, unless they agreed to longer', async () => {
    const stakeholders = await count('SELECT count(*)::int AS n FROM stakeholder');
    expect((await retention.apply(new Date(Date.now() + 4 * 365 * DAY))).stakeholdersPseudonymised).toBe(0);

    const run = await retention.apply(new Date(Date.now() + 6 * 366 * DAY));
    expect(run.stakeholdersPseudonymised).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM stakeholder')).toBe(stakeholders);

    const rows: { id: string; name: string; position: string | null; pseudonymised_at: Date | null }[] = await t.dataSource.query(
      'SELECT id, name, position, pseudonymised_at FROM stakeholder WHERE id = ANY($1)',
      [Object.values(stakeholder)],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    const rosa = stakeholderPseudonym(stakeholder.expired);
    expect(byId[stakeholder.expired]).toMatchObject({ name: rosa, position: null });
    expect(byId[stakeholder.neverMet]).toMatchObject({ name: stakeholderPseudonym(stakeholder.neverMet), position: null });
    expect(byId[stakeholder.keptLonger]).toMatchObject({ name: 'Hamid Karimi', position: 'Chair', pseudonymised_at: null });
    expect(byId[stakeholder.stillOpen]).toMatchObject({ name: 'Ines Duarte', pseudonymised_at: null });

    // The substance stays; the name, in any case, is gone from every text that held it.
    const [evidence] = await t.dataSource.query('SELECT statement, quote FROM evidence WHERE review_id = $1', [closed.reviewId]);
    expect(evidence).toEqual({
      statement: `${WITHHELD_NAME} explained the waiting lists; Hamid Karimi agreed, and ${WITHHELD_NAME}’s colleague too.`,
      quote: `${WITHHELD_NAME}: we wait`,
    });
    const everything = JSON.stringify([
      await t.dataSource.query('SELECT before, after FROM audit_entry WHERE review_id = $1', [closed.reviewId]),
      await t.dataSource.query('SELECT data FROM outbox_message'),
      await t.dataSource.query('SELECT name, position FROM stakeholder'),
      await t.dataSource.query('SELECT statement, quote FROM evidence'),
    ]);
    expect(everything).not.toMatch(/rosa|ortega|tomasz|nowak/i);
    expect(everything).toContain('Hamid Karimi');

    expect((await retention.apply(new Date(Date.now() + 6 * 366 * DAY))).stakeholdersPseudonymised).toBe(0);
  });
});
