import { randomUUID } from 'node:crypto';
import { assembleReportModel, contentHash, renderReportHtml } from '@peervisit/reporting';
import { countQueries, createReviewFixture, createTestApp, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** The report's content from a real database: anonymisation end to end, and a fixed number of statements. */
describe('assembleReportModel (on a fresh database)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
  });
  afterAll(() => t?.close());

  /** A review past deliberation with a programme, stakeholders, evidence, agreed conclusions and recommendations on every key factor. */
  async function plant(scope?: number[]) {
    const f = await createReviewFixture(t.dataSource, {
      status: 'FEEDBACK',
      scope,
      visitStart: '2026-11-02T08:00:00Z',
      visitEnd: '2026-11-03T17:00:00Z',
    });
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    const [benchmark] = await q('SELECT id FROM benchmark WHERE id = $1', [f.benchmarkId]);
    const [cf] = await q('SELECT id FROM context_factor WHERE benchmark_id = $1 ORDER BY number LIMIT 1', [benchmark.id]);
    await q('INSERT INTO context_note (review_id, context_factor_id, note) VALUES ($1, $2, $3)', [
      f.reviewId,
      cf.id,
      'National law sets the frame for local action.',
    ]);
    await q(
      "INSERT INTO document (review_id, title, type, key_factor_ids, url, added_by_id) VALUES ($1, 'Integration strategy 2025–2030', 'STRATEGY', $2, 'https://example.org/s', $3)",
      [f.reviewId, f.keyFactors.map((k) => k.id), f.people.coordinator.id],
    );
    const stakeholder = async (name: string | null, category: string, consent = false) =>
      (
        await q('INSERT INTO stakeholder (name, category, city_id, consent_to_be_named) VALUES ($1, $2, $3, $4) RETURNING id', [
          name,
          category,
          f.city.id,
          consent,
        ])
      )[0].id as string;
    const zebedee = await stakeholder('Zebedee Quartermaine', 'POLITICIAN');
    const official = await stakeholder('Olivia Open', 'CITY_OFFICIAL', true);
    const migrants = [
      await stakeholder(null, 'MIGRANT_ORGANISATION'),
      await stakeholder('Mina Member', 'MIGRANT_ORGANISATION'),
      await stakeholder(null, 'MIGRANT_ORGANISATION'),
    ];
    const session = async (kind: string, title: string, start: string, end: string, stakeholders: string[]) => {
      const [s] = await q(
        'INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, key_factor_ids, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [f.reviewId, kind, title, start, end, [f.keyFactors[0].id], f.people.leader.id],
      );
      for (const id of stakeholders) await q('INSERT INTO session_stakeholder (session_id, stakeholder_id) VALUES ($1, $2)', [s.id, id]);
      return s.id as string;
    };
    const interview = await session('INTERVIEW', 'Interview with Zebedee Quartermaine', '2026-11-02T09:00:00Z', '2026-11-02T10:00:00Z', [
      zebedee,
      official,
    ]);
    const focus = await session('FOCUS_GROUP', 'Migrant organisations', '2026-11-02T12:00:00Z', '2026-11-02T13:30:00Z', migrants);
    await session('FEEDBACK_SESSION', 'Feedback to the city', '2026-11-03T15:00:00Z', '2026-11-03T16:00:00Z', []);
    const [example] = await q('SELECT e.id FROM key_factor_example e WHERE e.key_factor_id = $1 ORDER BY position LIMIT 1', [
      f.keyFactors[0].id,
    ]);
    for (const [i, k] of f.keyFactors.entries()) {
      const evidence = [randomUUID(), randomUUID(), randomUUID()];
      const log = (
        id: string,
        source: string,
        sessionId: string | null,
        category: string | null,
        quote: string | null,
        retracted = false,
      ) =>
        q(
          `INSERT INTO evidence (id, review_id, source, session_id, stakeholder_category, key_factor_ids, statement, quote, stance, logged_by_id, observed_at, retracted_at, retraction_reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'SUPPORTS', $9, '2026-11-02T10:00:00Z', $10, $11)`,
          [
            id,
            f.reviewId,
            source,
            sessionId,
            category,
            [k.id],
            `Zebedee Quartermaine said something about ${k.code}.`,
            quote,
            f.people.peer.id,
            retracted ? new Date() : null,
            retracted ? 'Misheard.' : null,
          ],
        );
      await log(evidence[0], 'INTERVIEW', interview, 'POLITICIAN', `Quartermaine: we lead on ${k.code}.`);
      await log(evidence[1], 'FOCUS_GROUP', focus, 'MIGRANT_ORGANISATION', `We are heard on ${k.code}.`);
      await log(evidence[2], 'OBSERVATION', null, null, `A retracted remark on ${k.code}.`, true);
      await q(
        "INSERT INTO self_assessment_entry (review_id, key_factor_id, rating, narrative, status) VALUES ($1, $2, 2, $3, 'SUBMITTED')",
        [f.reviewId, k.id, `Our view of ${k.code}.`],
      );
      await q(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, evidence_ids, status, agreed_at, agreed_by_id)
         VALUES ($1, $2, $3, $4, 'Dialogue with Zebedee Quartermaine.', 'Data.', $5, 'AGREED', now(), $6)`,
        [f.reviewId, k.id, 1 + (i % 4), `Conclusion on ${k.code}.`, evidence.slice(0, 2), f.people.leader.id],
      );
      await q(
        'INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, related_example_ids, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          f.reviewId,
          `Recommendation on ${k.code}.`,
          [k.id],
          ['HIGH', 'MEDIUM', 'LOW'][i % 3],
          ['QUICK_WIN', 'MEDIUM_TERM', 'LONG_TERM'][i % 3],
          i === 0 && example ? [example.id] : [],
          f.people.leader.id,
        ],
      );
    }
    await q(
      "INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, created_by_id, withdrawn_at, withdrawal_reason) VALUES ($1, 'A withdrawn idea.', $2, 'HIGH', 'QUICK_WIN', $3, now(), 'Merged.')",
      [f.reviewId, [f.keyFactors[0].id], f.people.leader.id],
    );
    return f;
  }

  it('leaves out a stakeholder who did not consent (model and HTML), and the HTML has the cover, the summary table and each key factor in scope', async () => {
    const f = await plant([1, 2]);
    const model = await assembleReportModel(t.dataSource.manager, f.reviewId);
    const json = JSON.stringify(model);
    const page = await renderReportHtml(model);
    for (const text of [json, page]) {
      expect(text).not.toMatch(/Zebedee/i);
      expect(text).not.toMatch(/Quartermaine/i);
      expect(text).not.toContain('Mina Member');
      expect(text).not.toContain('A retracted remark');
      expect(text).not.toContain('A withdrawn idea');
      expect(text).toContain('Olivia Open');
    }
    expect(model.method.sources.stakeholderCategories).toEqual([
      { label: 'migrant organisations', count: 3 },
      { label: 'other stakeholders', count: 2 },
    ]);
    expect(model.keyFactors.map((k) => k.code)).toEqual(['01', '02']);
    expect(model.keyFactors[0].evidence.quotes.map((q) => q.attribution).sort()).toEqual([
      'a representative of a migrant organisation',
      'another stakeholder',
    ]);
    expect(model.cover).toMatchObject({
      hostCity: { name: f.city.name },
      benchmark: { code: 'EUROCITIES-PCD', version: 1 },
      visit: { startDate: '2026-11-02', endDate: '2026-11-03' },
    });
    expect(model.cover.team.map((m) => m.name)).toEqual(['Lena Leader', 'Paula Peer', 'Piet Peer']);
    expect(model.context.find((c) => c.note)?.note).toBe('National law sets the frame for local action.');
    expect(model.keyFactors[0].goodPractices.some((g) => g.referencedByRecommendations.includes('R1'))).toBe(true);

    expect(page).toContain(`<h1>${f.city.name}: follow-up report</h1>`);
    expect(page).toContain('<caption>Key factors and their ratings</caption>');
    for (const k of model.keyFactors) expect(page).toContain(`id="kf-${k.code}-h">Key factor ${k.code}: `);
    expect(page).toContain('Integration strategy 2025–2030');

    // Same data, same hash.
    expect(contentHash(await assembleReportModel(t.dataSource.manager, f.reviewId))).toBe(contentHash(model));
  });

  it("carries the city's agreed ratings across its reviews shared with it, for the history chart, and leaves out the others", async () => {
    const f = await plant([1, 2]);
    const q = (sql: string, params: unknown[]) => t.dataSource.query(sql, params);
    /** An earlier review of the same city, a copy of this one with its own title, status and an agreed rating on key factor 01. */
    const earlier = async (title: string, status: string, yearsAgo: number, rating: number) => {
      const [r] = await q(
        `INSERT INTO review SELECT (jsonb_populate_record(NULL::review, to_jsonb(r) || jsonb_build_object(
            'id', gen_random_uuid(), 'title', $2::text, 'status', $3::text, 'created_at', now() - make_interval(years => $4::int)))).*
           FROM review r WHERE r.id = $1 RETURNING id`,
        [f.reviewId, title, status, yearsAgo],
      );
      await q(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, evidence_ids, status, agreed_at, agreed_by_id)
         VALUES ($1, $2, $3, 'Earlier.', '', '', '{}', 'AGREED', now() - make_interval(years => $4::int), $5)`,
        [r.id, f.keyFactors[0].id, rating, yearsAgo, f.people.leader.id],
      );
    };
    await earlier('The first review', 'CLOSED', 4, 1);
    await earlier('A review never shared', 'DELIBERATION', 2, 4);
    const model = await assembleReportModel(t.dataSource.manager, f.reviewId);
    const history = model.ratingsHistory.map((p) => [p.review, p.keyFactorCode, p.rating]);
    const title = model.cover.title;
    expect(history).toEqual([
      ['The first review', '01', 1],
      [title, '01', 1],
      [title, '02', 2],
    ]);
    const page = await renderReportHtml(model);
    expect(page).toContain('id="chart-history"');
    expect(page).not.toContain('A review never shared');
  });

  it('runs the same number of SQL statements for 2 and for 13 key factors', async () => {
    const two = await plant([1, 2]);
    const thirteen = await plant();
    const small = await countQueries(t.dataSource, () => assembleReportModel(t.dataSource.manager, two.reviewId));
    const large = await countQueries(t.dataSource, () => assembleReportModel(t.dataSource.manager, thirteen.reviewId));
    expect(small.result.keyFactors).toHaveLength(2);
    expect(large.result.keyFactors).toHaveLength(13);
    expect(large.result.keyFactors.every((k) => k.conclusion && k.evidence.total === 2 && k.recommendations.length === 1)).toBe(true);
    expect(large.count).toBe(small.count);
    // 15, one for the history chart (the city's earlier agreed ratings), two for the development plan
    // (its actions and their changes) and one for the network's distribution (counts grouped in SQL).
    expect(small.count).toBeLessThanOrEqual(19);
  });
});
