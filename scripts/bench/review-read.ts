/**
 * Reading a whole review in one GraphQL query (issue #9): the review with its key factors, team and
 * stakeholders, the visit programme (60 sessions with their key factors, assignments and people
 * met), evidence coverage, the 13 conclusions with every evidence item they cite (who logged it, its
 * key factors, its revisions) and their revisions, the recommendations, and the newest page of
 * evidence. Counts the SQL statements the API sends for it at 200 and at 2,000 evidence items (the
 * same review otherwise) and times it from a client in a process of its own, against a floor measured
 * in the same run: the same rows read with plain SQL by the API's process and serialised to the same
 * JSON (review-read-floor.ts).
 *
 * The schema gives the raw evidence list in pages of at most 100 (reviewEvidence); the whole of it
 * comes through the conclusions' citedEvidence, so here every item is cited by the conclusion of
 * each key factor it bears on, as after a complete deliberation. The bench checks that the answer
 * really carries every item.
 *
 * The statement target is enumerated (WHOLE_REVIEW_READS: one statement per kind of thing read) and
 * must hold on every counted run and at both sizes. test/e2e/review-read.e2e.spec.ts pins the same.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { countQueries, GraphqlClient } from '@peervisit/testing';
import { Bench, BenchFigure, BenchResult, msSince, percentile, round } from './bench';
import { BenchApi, BenchReview, seedBenchReview, startBenchApi } from './evidence-fixture';
import { evidenceItem } from './evidence-items';
import { readWholeReviewFloor } from './review-read-floor';

/** Runs the GraphQL client in a process of its own (review-read-client.ts): one warm-up request, then `runs` timed ones. */
export function runClient(url: string, token: string, reviewId: string, runs: number): Promise<{ times: number[]; bytes: number }> {
  const plan = { url, token, query: WHOLE_REVIEW_QUERY, variables: { id: reviewId }, runs: runs + 1 };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'review-read-client.ts'), JSON.stringify(plan)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`The review-read client exited with ${code}: ${err.slice(-2000)}`));
      const outcome = JSON.parse(out) as { times: number[]; bytes: number };
      resolve({ times: outcome.times.slice(1), bytes: outcome.bytes });
    }),
  );
}

const SIZES = [200, 2000];
const RUNS = 20;
const COUNT_RUNS = 5;

/**
 * What WHOLE_REVIEW_QUERY must read, one statement per kind of thing, none of them per item: the
 * statement bound is the length of this list, not a count observed. A read added to the query, a
 * loader reached by id along two paths again, or anything read per item breaks it.
 */
export const WHOLE_REVIEW_READS = [
  "the caller's roles (team_member, per-request roles loader: authorization)",
  'the review',
  'its host city',
  'its benchmark',
  "the benchmark's key factors (every key factor field and keyFactorsInScope, one loader keyed by benchmark)",
  'the current team (team_member)',
  "the review's people, with who is or was on the team (team_member ⋈ person: team, loggedBy, updatedBy, assignments)",
  "the host city's stakeholders",
  'next steps: agreed conclusions',
  'next steps: whether the feedback session took place',
  'visit sessions',
  'session assignments',
  'session stakeholders (⋈ stakeholder)',
  'evidence coverage (one aggregate)',
  'conclusions',
  'conclusion revisions',
  'cited evidence, by id',
  'evidence revisions',
  'recommendations',
  'related good-practice examples',
  'follow-up updates',
  'the newest page of evidence',
  'the total count of evidence',
] as const;
/** One statement per kind of thing the query reads, whatever the number of items. */
const STATEMENT_LIMIT = WHOLE_REVIEW_READS.length;

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
        [
          item.id,
          review.reviewId,
          item.source,
          item.sessionId,
          item.stakeholderCategory,
          item.keyFactorIds,
          item.statement,
          item.quote,
          item.stance,
          by,
          item.observedAt,
          edited ? 2 : 1,
        ],
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
    const [{ ids: exampleIds }] = await m.query(
      'SELECT array_agg(id ORDER BY position) AS ids FROM key_factor_example WHERE key_factor_id = ANY ($1)',
      [review.keyFactorIds],
    );
    for (const [i, keyFactorId] of review.keyFactorIds.entries()) {
      const cited = byKeyFactor.get(keyFactorId)!;
      const [conclusion] = await m.query(
        `INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, evidence_ids, status, agreed_at, agreed_by_id, version, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'AGREED', now(), $8, 2, $8) RETURNING id`,
        [
          review.reviewId,
          keyFactorId,
          1 + (i % 4),
          `Summary of key factor ${i + 1}.`,
          'What works well.',
          'What to develop.',
          cited,
          review.leader.id,
        ],
      );
      for (const [version, status] of [
        [1, 'DRAFT'],
        [2, 'AGREED'],
      ] as const) {
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
          [
            review.reviewId,
            `Recommendation ${priority.toLowerCase()} for key factor ${i + 1}.`,
            [keyFactorId],
            priority,
            (exampleIds ?? []).slice(i, i + 1),
            review.leader.id,
          ],
        );
      }
    }
  });
}

export interface WholeReview {
  review: { keyFactorsInScope: unknown[]; team: { person: { id: string } }[] };
  visitProgramme: { days: { sessions: { assignments: { person: { fullName: string } | null }[] }[] }[] };
  reviewConclusions: { citedEvidence: { id: string; loggedBy: { fullName: string } | null; keyFactors: unknown[] }[] }[];
  reviewRecommendations: unknown[];
}

/**
 * A review as after a complete deliberation: 13 key factors, `sessions` sessions (scheduled through the
 * mutation), 20 stakeholders, 6 peers, `items` evidence items, 13 agreed conclusions citing them and
 * 26 recommendations, in DELIBERATION. Returns it with a client signed in as its expert leader.
 */
export async function seedWholeReview(api: BenchApi, options: { items: number; sessions: number }) {
  const review = await seedBenchReview(api, { peers: 6, sessions: options.sessions, stakeholders: 20 });
  await addFindings(api, review, options.items);
  await api.dataSource.query("UPDATE review SET status = 'DELIBERATION' WHERE id = $1", [review.reviewId]);
  return { review, leader: new GraphqlClient(api.url, review.leader.token) };
}

/** What is missing from a whole-review answer (empty when it holds every item, session, conclusion, recommendation). */
export function missingFromWholeReview(data: WholeReview, expected: { items: number; sessions: number }): string[] {
  const cited = data.reviewConclusions.flatMap((c) => c.citedEvidence);
  const sessions = data.visitProgramme.days.flatMap((d) => d.sessions);
  const missing = [];
  if (new Set(cited.map((e) => e.id)).size !== expected.items)
    missing.push(`${new Set(cited.map((e) => e.id)).size}/${expected.items} evidence items`);
  if (sessions.length !== expected.sessions) missing.push(`${sessions.length}/${expected.sessions} sessions`);
  if (data.reviewConclusions.length !== 13) missing.push(`${data.reviewConclusions.length}/13 conclusions`);
  if (data.reviewRecommendations.length !== 26) missing.push(`${data.reviewRecommendations.length}/26 recommendations`);
  if (data.review.keyFactorsInScope.length !== 13) missing.push(`${data.review.keyFactorsInScope.length}/13 key factors in scope`);
  // Fields served by the per-review loaders: a wrong key would give nulls or empty lists, not errors.
  if (cited.some((e) => !e.loggedBy || e.keyFactors.length === 0)) missing.push('an evidence item without its author or key factors');
  if (sessions.some((x) => x.assignments.length !== 2 || x.assignments.some((a) => !a.person)))
    missing.push('a session without its two assigned people');
  if (data.review.team.some((m) => !m.person)) missing.push('a team member without the person');
  return missing;
}

export const reviewReadBench: Bench = {
  name: 'review-read',
  title: 'Reading a whole review (13 key factors, 60 sessions, conclusions, recommendations) in one query at 200 and 2,000 evidence items',
  async run(context): Promise<BenchResult> {
    const api = await startBenchApi();
    try {
      const sizes: Record<
        number,
        {
          statements: number;
          statementsSeen: number[];
          texts: string[];
          p50: number;
          p95: number;
          max: number;
          bytes: number;
          floorP50: number;
          floorP95: number;
          floorBytes: number;
        }
      > = {};
      for (const items of SIZES) {
        context.log(`seeding a review with 60 sessions and ${items} evidence items`);
        const { review, leader } = await seedWholeReview(api, { items, sessions: 60 });
        const read = async () => {
          const answer = await leader.request<WholeReview>(WHOLE_REVIEW_QUERY, { id: review.reviewId });
          if (answer.errors?.length || !answer.data) throw new Error(`The whole-review query failed: ${JSON.stringify(answer.errors)}`);
          return answer.data;
        };
        // Warm up (first-use compilation, connection pool), and check the answer holds the whole review.
        const data = await read();
        const missing = missingFromWholeReview(data, { items, sessions: 60 });
        if (missing.length) throw new Error(`The answer misses part of the review: ${missing.join('; ')}.`);
        // Several counts: the number must not depend on which statement happens to answer first.
        const counts = [];
        for (let i = 0; i < COUNT_RUNS; i++) counts.push(await countQueries(api.dataSource, read));
        const counted = counts.reduce((worst, c) => (c.count > worst.count ? c : worst));
        // Interleaved: the floor in this process (the API's), the GraphQL client in a process of its own, the floor again.
        const floorTimes: number[] = [];
        let floorBytes = 0;
        const floorRuns = async (n: number) => {
          for (let i = 0; i < n; i++) {
            const started = process.hrtime.bigint();
            floorBytes = (await readWholeReviewFloor(api.dataSource, review.reviewId, review.leader.id)).length;
            floorTimes.push(msSince(started));
          }
        };
        await floorRuns(1);
        floorTimes.length = 0;
        await floorRuns(RUNS / 2);
        const client = await runClient(api.url, review.leader.token, review.reviewId, RUNS);
        await floorRuns(RUNS / 2);
        const times = client.times;
        sizes[items] = {
          statements: counted.count,
          statementsSeen: [...new Set(counts.map((c) => c.count))].sort((a, b) => a - b),
          texts: counted.statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 200)),
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: Math.max(...times),
          bytes: client.bytes,
          floorP50: percentile(floorTimes, 50),
          floorP95: percentile(floorTimes, 95),
          floorBytes,
        };
        context.log(
          `${items} items: ${sizes[items].statementsSeen.join('/')} statements, p50 ${round(sizes[items].p50)} ms, p95 ${round(sizes[items].p95)} ms; floor p50 ${round(sizes[items].floorP50)} ms (${sizes[items].bytes} bytes answered, ${sizes[items].floorBytes} by the floor)`,
        );
      }
      const [small, large] = SIZES.map((s) => sizes[s]);
      // Met only when every count at both sizes is one and the same number, within the enumerated bound.
      const steady = (size: typeof small) => size.statementsSeen.length === 1 && size.statements <= STATEMENT_LIMIT;
      const target = `every run the same, ≤ ${STATEMENT_LIMIT} (one per kind of thing read)`;
      const figures: BenchFigure[] = [
        {
          name: `SQL statements, 200 items (most of ${COUNT_RUNS} runs)`,
          value: small.statements,
          unit: 'statements',
          target,
          pass: steady(small),
        },
        {
          name: `SQL statements, 2,000 items (most of ${COUNT_RUNS} runs)`,
          value: large.statements,
          unit: 'statements',
          baseline: small.statements,
          ratio: large.statements / small.statements,
          target: `= at 200, ${target}`,
          pass: steady(large) && steady(small) && large.statements === small.statements,
        },
        { name: 'p50 latency, 200 items', value: small.p50, unit: 'ms', baseline: small.floorP50, ratio: small.p50 / small.floorP50 },
        { name: 'p95 latency, 200 items', value: small.p95, unit: 'ms', baseline: small.floorP95, ratio: small.p95 / small.floorP95 },
        {
          name: 'p50 latency, 2,000 items',
          value: large.p50,
          unit: 'ms',
          baseline: large.floorP50,
          ratio: large.p50 / large.floorP50,
          target: '≤ 3 × floor',
          pass: large.p50 <= 3 * large.floorP50,
        },
        { name: 'p95 latency, 2,000 items', value: large.p95, unit: 'ms', baseline: large.floorP95, ratio: large.p95 / large.floorP95 },
      ];
      return {
        bench: 'review-read',
        title: this.title,
        figures,
        details: {
          method:
            `One GraphQL request over HTTP as the expert leader (review in DELIBERATION): ${WHOLE_REVIEW_QUERY.replace(/\s+/g, ' ')}. ` +
            `Statements counted with countQueries on the API's DataSource (every round trip, BEGIN/COMMIT included) on ${COUNT_RUNS} warm requests; statementsSeen lists every count observed and must hold one number. ` +
            `Latency over ${RUNS} sequential requests at each size, timed by a client in a process of its own (review-read-client.ts: keep-alive HTTP, answer read and parsed), after one warm-up request. ` +
            `Floor (review-read-floor.ts): the same rows read with plain SQL by the API's process (one statement per kind of thing, in parallel on the pool), assembled into the answer's shape and JSON.stringify'd; ${RUNS / 2} runs before the client and ${RUNS / 2} after, after one warm-up.`,
          statementLimit: STATEMENT_LIMIT,
          reads: WHOLE_REVIEW_READS,
          sizes: Object.fromEntries(
            SIZES.map((s) => [s, { ...sizes[s], p50: round(sizes[s].p50), p95: round(sizes[s].p95), max: round(sizes[s].max) }]),
          ),
        },
      };
    } finally {
      await api.close();
    }
  },
};
