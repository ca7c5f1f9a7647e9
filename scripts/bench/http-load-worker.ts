/**
 * The load generator's body, run in a worker thread (http-load.ts) so that building requests and
 * parsing answers does not queue behind the API on the main thread's event loop. Each of
 * `concurrency` clients sends one request at a time for `seconds` and records how long each took.
 */
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { evidenceItem, EvidenceItem, SessionRef } from './evidence-items';

export interface LoadPlan {
  /**
   * graphql: logEvidence, one item per request; graphql-batch: logEvidenceBatch; pg: the evidence row and its
   * audit entry in one plain INSERT statement per item; graphql-probe: `probeQuery` (no variables) per request, to measure the stack without evidence;
   * http-get: GET `getPath`, to measure the HTTP and Nest stack without GraphQL.
   */
  mode: 'graphql' | 'graphql-batch' | 'pg' | 'graphql-probe' | 'http-get';
  /** The query the graphql-probe mode sends, e.g. `{ me { id } }`. */
  probeQuery?: string;
  /** The path the http-get mode requests (e.g. /health/live: the HTTP and Nest stack without GraphQL). */
  getPath?: string;
  seconds: number;
  concurrency: number;
  /** Items per logEvidenceBatch request. */
  batchSize: number;
  url: string;
  /**
   * Several API processes on ports of their own (the scale-out bench): client i sends to urls[i % length],
   * a round-robin balancer in the client. Without it every client sends to `url`.
   */
  urls?: string[];
  databaseUrl: string;
  reviewId: string;
  keyFactorIds: string[];
  sessions: SessionRef[];
  /** One per client (client i uses peers[i % length]). */
  peers: { id: string; token: string }[];
}

export interface LoadOutcome {
  mode: LoadPlan['mode'];
  elapsedMs: number;
  requests: number;
  /** Items stored (CREATED answers, or INSERTs that succeeded). */
  items: number;
  errors: number;
  errorSamples: string[];
  /** One per request, in milliseconds. */
  latenciesMs: number[];
}

const LOG =
  'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id outcome evidence { id revision recordedAt } } }';
const BATCH = 'mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { id outcome message } }';
/**
 * The floor does the work the API does for one item, the cheapest way: the evidence row and its audit
 * entry (the row as stored, recordedAt from the database clock) in one statement, as
 * EvidenceService.insertIfAllowed writes them, without the rules' facts, GraphQL or HTTP.
 */
const INSERT = `WITH inserted AS (
    INSERT INTO evidence (id, review_id, source, session_id, stakeholder_category, key_factor_ids, statement, quote, stance, logged_by_id, observed_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    RETURNING id, review_id, recorded_at
  )
  INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, after)
  SELECT review_id, $10, 'evidence.log', 'Evidence', id,
         $12::jsonb || jsonb_build_object('recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    FROM inserted`;

/** The audit snapshot the API writes for an item (EvidenceService: the entity as stored, recordedAt added in SQL). */
const auditAfter = (item: EvidenceItem, reviewId: string, loggedById: string) =>
  JSON.stringify({
    id: item.id,
    reviewId,
    source: item.source,
    sessionId: item.sessionId,
    documentId: null,
    stakeholderCategory: item.stakeholderCategory,
    keyFactorIds: item.keyFactorIds,
    statement: item.statement,
    quote: item.quote,
    stance: item.stance,
    loggedById,
    observedAt: new Date(item.observedAt).toISOString(),
    revision: 1,
    retractedAt: null,
    retractedById: null,
    retractionReason: null,
  });

async function run(plan: LoadPlan): Promise<LoadOutcome> {
  const outcome: LoadOutcome = { mode: plan.mode, elapsedMs: 0, requests: 0, items: 0, errors: 0, errorSamples: [], latenciesMs: [] };
  const fail = (message: string) => {
    outcome.errors++;
    if (outcome.errorSamples.length < 5) outcome.errorSamples.push(message.slice(0, 500));
  };
  let n = 0;
  const next = () => evidenceItem(plan, n++);
  const started = process.hrtime.bigint();
  const deadline = Date.now() + plan.seconds * 1000;

  if (plan.mode === 'pg') {
    const clients = await Promise.all(
      Array.from({ length: plan.concurrency }, async () => {
        const c = new Client({ connectionString: plan.databaseUrl });
        await c.connect();
        return c;
      }),
    );
    const t0 = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (client, i) => {
        const peer = plan.peers[i % plan.peers.length];
        while (Date.now() < deadline) {
          const item = next();
          const t = process.hrtime.bigint();
          try {
            await client.query(INSERT, [
              item.id,
              plan.reviewId,
              item.source,
              item.sessionId,
              item.stakeholderCategory,
              item.keyFactorIds,
              item.statement,
              item.quote,
              item.stance,
              peer.id,
              item.observedAt,
              auditAfter(item, plan.reviewId, peer.id),
            ]);
            outcome.items++;
          } catch (error) {
            fail((error as Error).message);
          }
          outcome.requests++;
          outcome.latenciesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }),
    );
    outcome.elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
    await Promise.all(clients.map((c) => c.end()));
    return outcome;
  }

  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const bases = plan.urls?.length ? plan.urls : [plan.url];
  await Promise.all(
    Array.from({ length: plan.concurrency }, async (_, i) => {
      const base = bases[i % bases.length];
      const url = new URL('/graphql', base);
      const peer = plan.peers[i % plan.peers.length];
      while (Date.now() < deadline) {
        const items: EvidenceItem[] =
          plan.mode === 'graphql' ? [next()] : plan.mode === 'graphql-batch' ? Array.from({ length: plan.batchSize }, next) : [];
        const body =
          plan.mode === 'graphql-probe'
            ? { query: plan.probeQuery }
            : plan.mode === 'graphql'
              ? { query: LOG, variables: { r: plan.reviewId, input: items[0] } }
              : { query: BATCH, variables: { r: plan.reviewId, items } };
        const t = process.hrtime.bigint();
        try {
          if (plan.mode === 'http-get') {
            const { status, text } = await get(agent, new URL(plan.getPath ?? '/health/live', base));
            outcome.latenciesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
            if (status === 200) outcome.items++;
            else fail(`HTTP ${status}: ${text}`);
            outcome.requests++;
            continue;
          }
          const { status, text } = await post(agent, url, peer.token, JSON.stringify(body));
          outcome.latenciesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
          const answer = JSON.parse(text);
          if (status !== 200 || answer.errors?.length) fail(`HTTP ${status}: ${text}`);
          else if (plan.mode === 'graphql-probe') outcome.items++;
          else {
            const results: { outcome: string; message?: string }[] =
              plan.mode === 'graphql' ? [answer.data.logEvidence] : answer.data.logEvidenceBatch;
            for (const r of results) {
              if (r.outcome === 'CREATED') outcome.items++;
              else fail(`${r.outcome}: ${r.message ?? ''}`);
            }
          }
        } catch (error) {
          outcome.latenciesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
          fail((error as Error).message);
        }
        outcome.requests++;
      }
    }),
  );
  outcome.elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return outcome;
}

function get(agent: Agent, url: URL): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

if (parentPort) {
  run(workerData as LoadPlan).then(
    (outcome) => parentPort!.postMessage({ outcome }),
    (error: Error) => parentPort!.postMessage({ error: error.stack ?? error.message }),
  );
}
