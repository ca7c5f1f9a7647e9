/**
 * Reading a whole review in one GraphQL query (issue #9): the review with its key factors, team and
 * stakeholders, the visit programme (60 sessions with their key factors, assignments and people
 * met), evidence coverage, the 13 conclusions with every evidence item they cite (who logged it, its
 * key factors, its revisions) and their revisions, the recommendations, and the newest page of
 * evidence. Counts the SQL statements the API sends for it at 200 and at 2,000 evidence items (the
 * same review otherwise) and times it.
 *
 * The schema gives the raw evidence list in pages of at most 100 (reviewEvidence); the whole of it
 * comes through the conclusions' citedEvidence, so here every item is cited by the conclusion of
 * each key factor it bears on, as after a complete deliberation. The bench checks that the answer
 * really carries every item.
 */
import { countQueries, GraphqlClient } from '@peervisit/testing';
import { Bench, BenchFigure, BenchResult, msSince, percentile, round } from './bench';
import { BenchApi, BenchReview, seedBenchReview, startBenchApi } from './evidence-fixture';
import { evidenceItem } from './evidence-items';

const SIZES = [200, 2000];
const RUNS = 20;
const COUNT_RUNS = 5;
const STATEMENT_LIMIT = 30;

export const WHOLE_REVIEW_QUERY = `query WholeReview($id: ID!) {
  review(id: $id) {
    id title kind status myRoles
    hostCity { name country timeZone }
    benchmark { code version }
    timeline { timeZone visitStart { instant local } visitEnd { instant local } }
    keyFactorsInScope { id code heading statement }
    team { role person { id fullName } }
    stakeholders { id category position name }
    nextSteps { to missing }
  }
  visitProgramme(reviewId: $id) {
    timeZone
    days { date sessions { id kind title location start { local } end { local } cancelledAt keyFactors { code } assignments { part person { fullName } } stakeholders { category position } } }
    uncoveredKeyFactors { code }
  }
  evidenceCoverage(reviewId: $id) {
    keyFactors { keyFactor { code } total bySource { source count } byStance { stance count } lacksInterviewOrFocusGroup }
  }
  reviewConclusions(reviewId: $id) {
    id rating status summary strengths areasToDevelop version agreedAt
    keyFactor { code heading }
    updatedBy { fullName }
    revisions { version rating status savedAt }
    citedEvidence { id source stance statement quote stakeholderCategory sessionId observedAt recordedAt revision loggedBy { fullName } keyFactors { code } revisions { revision changes editedAt } }
  }
  reviewRecommendations(reviewId: $id) {
    id text priority horizon suggestedOwner followUpStatus
    keyFactors { code }
    relatedExamples { city text }
    followUpUpdates { status asOf note }
  }
  reviewEvidence(reviewId: $id, first: 100) { totalCount nodes { id statement recordedAt loggedBy { fullName } } }
}`;

/**
 * Adds `items` evidence items (every 20th edited once, with its revision), then a conclusion per key
 * factor citing all of that key factor's items (saved twice: two revisions, agreed) and two
 * recommendations per key factor. By SQL: what is measured is reading, not writing.
 */
async function addFindings(api: BenchApi, review: BenchReview, items: number) {
  const ds = api.dataSource;
  const byKeyFactor = new Map<string, string[]>(review.keyFactorIds.map((id) => [id, []]));
  await ds.transaction(async (m) => {
    for (let n = 0; n < items; n++) {
      const item = evidenceItem(review, n);
      const by = review.peers[n % review.peers.length].id;
      const edited = n % 20 === 0;
      await m.query(
        `INSERT INTO evidence (id, review_id, source, session_id, stakeholder_category, key_factor_ids, statement, quote, stance, logged_by_id, observed_at, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [item.id, review.reviewId, item.source, item.sessionId, item.stakeholderCategory, item.keyFactorIds, item.statement, item.quote, item.stance, by, item.observedAt, edited ? 2 : 1],
      );
      if (edited) {
        await m.query('INSERT INTO evidence_revision (evidence_id, revision, edited_by_id, changes) VALUES ($1, 2, $2, $3)', [
          item.id,
          by,
          JSON.stringify({ statement: { from: 'First wording.', to: item.statement } }),
        ]);
      }
      for (const kf of item.keyFactorIds) byKeyFactor.get(kf)!.push(item.id);
    }
    const [{ ids: exampleIds }] = await m.query('SELECT array_agg(id ORDER BY position) AS ids FROM key_factor_example WHERE key_factor_id = ANY ($1)', [review.keyFactorIds]);
    for (const [i, keyFactorId] of review.keyFactorIds.entries()) {
      const cited = byKeyFactor.get(keyFactorId)!;
      const [conclusion] = await m.query(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, evidence_ids, status, agreed_at, agreed_by_id, version, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'AGREED', now(), $8, 2, $8) RETURNING id`,
        [review.reviewId, keyFactorId, 1 + (i % 4), `Summary of key factor ${i + 1}.`, 'What works well.', 'What to develop.', cited, review.leader.id],
      );
      for (const [version, status] of [[1, 'DRAFT'], [2, 'AGREED']] as const) {
        await m.query(
          `INSERT INTO conclusion_revision (conclusion_id, version, rating, summary, strengths, areas_to_develop, evidence_ids, status, saved_by_id)
           VALUES ($1, $2, $3, $4, 'What works well.', 'What to develop.', $5, $6, $7)`,
          [conclusion.id, version, 1 + (i % 4), `Summary of key factor ${i + 1}.`, cited, status, review.leader.id],
        );
      }
      for (const priority of ['HIGH', 'MEDIUM']) {
        await m.query(
          `INSERT INTO recommendation (review_id, text, key_factor_ids, priority, horizon, suggested_owner, related_example_ids, created_by_id)
           VALUES ($1, $2, $3, $4, 'MEDIUM_TERM', 'Diversity office', $5, $6)`,
          [review.reviewId, `Recommendation ${priority.toLowerCase()} for key factor ${i + 1}.`, [keyFactorId], priority, (exampleIds ?? []).slice(i, i + 1), review.leader.id],
        );
      }
    }
  });
}

interface WholeReview {
  visitProgramme: { days: { sessions: unknown[] }[] };
  reviewConclusions: { citedEvidence: { id: string }[] }[];
  reviewRecommendations: unknown[];
  review: { keyFactorsInScope: unknown[] };
}

export const reviewReadBench: Bench = {
  name: 'review-read',
  title: 'Reading a whole review (13 key factors, 60 sessions, conclusions, recommendations) in one query at 200 and 2,000 evidence items',
  async run(context): Promise<BenchResult> {
    const api = await startBenchApi();
    try {
      const sizes: Record<number, { statements: number; statementsSeen: number[]; texts: string[]; p50: number; p95: number; max: number; bytes: number }> = {};
      for (const items of SIZES) {
        context.log(`seeding a review with 60 sessions and ${items} evidence items`);
        const review = await seedBenchReview(api, { peers: 6, sessions: 60, stakeholders: 20 });
        await addFindings(api, review, items);
        await api.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [review.reviewId]);
        const leader = new GraphqlClient(api.url, review.leader.token);
        const read = async () => {
          const answer = await leader.request<WholeReview>(WHOLE_REVIEW_QUERY, { id: review.reviewId });
          if (answer.errors?.length || !answer.data) throw new Error(`The whole-review query failed: ${JSON.stringify(answer.errors)}`);
          return answer.data;
        };
        // Warm up (first-use compilation, connection pool), and check the answer holds the whole review.
        const data = await read();
        const cited = new Set(data.reviewConclusions.flatMap((c) => c.citedEvidence.map((e) => e.id)));
        const sessions = data.visitProgramme.days.reduce((n, d) => n + d.sessions.length, 0);
        if (cited.size !== items || sessions !== 60 || data.reviewConclusions.length !== 13 || data.reviewRecommendations.length !== 26 || data.review.keyFactorsInScope.length !== 13) {
          throw new Error(`The answer misses part of the review: ${cited.size}/${items} evidence items, ${sessions}/60 sessions, ${data.reviewConclusions.length}/13 conclusions, ${data.reviewRecommendations.length}/26 recommendations.`);
        }
        // DataLoaders batch per tick, so an entity reached by two paths (people via the team and via
        // the evidence) is one batch or two depending on which answers first: count several times
        // and judge the worst case.
        const counts = [];
        for (let i = 0; i < COUNT_RUNS; i++) counts.push(await countQueries(api.dataSource, read));
        const counted = counts.reduce((worst, c) => (c.count > worst.count ? c : worst));
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = process.hrtime.bigint();
          await read();
          times.push(msSince(started));
        }
        sizes[items] = {
          statements: counted.count,
          statementsSeen: [...new Set(counts.map((c) => c.count))].sort((a, b) => a - b),
          texts: counted.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 200)),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: Math.max(...times),
          bytes: JSON.stringify(data).length,
        };
        context.log(`${items} items: ${sizes[items].statementsSeen.join('/')} statements, p50 ${round(sizes[items].p50)} ms, p95 ${round(sizes[items].p95)} ms`);
      }
      const [small, large] = SIZES.map((s) => sizes[s]);
      const constant = small.statements === large.statements && large.statements <= STATEMENT_LIMIT;
      const figures: BenchFigure[] = [
        { name: 'SQL statements, 200 items (most of 5 runs)', value: small.statements, unit: 'statements', target: `≤ ${STATEMENT_LIMIT}`, pass: small.statements <= STATEMENT_LIMIT },
        { name: 'SQL statements, 2,000 items (most of 5 runs)', value: large.statements, unit: 'statements', baseline: small.statements, ratio: large.statements / small.statements, target: `= at 200, ≤ ${STATEMENT_LIMIT}`, pass: constant },
        { name: 'p50 latency, 200 items', value: small.p50, unit: 'ms' },
        { name: 'p95 latency, 200 items', value: small.p95, unit: 'ms' },
        { name: 'p50 latency, 2,000 items', value: large.p50, unit: 'ms', baseline: small.p50, ratio: large.p50 / small.p50 },
        { name: 'p95 latency, 2,000 items', value: large.p95, unit: 'ms', baseline: small.p95, ratio: large.p95 / small.p95 },
      ];
      return {
        bench: 'review-read',
        title: this.title,
        figures,
        details: {
          method:
            `One GraphQL request over HTTP as the expert leader (review in DELIBERATION): ${WHOLE_REVIEW_QUERY.replace(/\s+/g, ' ')}. ` +
            `Statements counted with countQueries on the API's DataSource (every round trip, BEGIN/COMMIT included) on ${COUNT_RUNS} warm requests, the most of them judged (statementsSeen lists every count observed); latency over ${RUNS} sequential requests at each size, client side, same process.`,
          statementLimit: STATEMENT_LIMIT,
          sizes: Object.fromEntries(SIZES.map((s) => [s, { ...sizes[s], p50: round(sizes[s].p50), p95: round(sizes[s].p95), max: round(sizes[s].max) }])),
        },
      };
    } finally {
      await api.close();
    }
  },
};
