/**
 * Do the stack variants answer exactly as the standard stack does? (issue #22 §3: a faster variant
 * is only kept if it keeps authorization, error shapes and query limits.) Seeds a review, starts one
 * API process per variant (API_STACK_VARIANT), sends each the same requests — anonymous, allowed,
 * forbidden, not found, invalid variables and input, unknown fields, too deep, too costly, a
 * mutation, the whole review — and prints every difference in status, content type, cache policy or
 * body (request ids aside; the mutation's ids and times aside).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
 *     node -r @swc-node/register scripts/bench/stack-parity.ts [variant ...]   # default: graphql-js cache-control-plugin
 * Exit code 1 when a variant differs.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { withBenchContext } from './bench';
import { evidenceItem } from './evidence-items';
import { seedBenchReview, startApiProcess, startBenchApi } from './evidence-fixture';
import { seedWholeReview, WHOLE_REVIEW_QUERY } from './review-read';

interface Case {
  name: string;
  token?: string;
  query: string;
  /** A function for a mutation that must mint a new id on every call. */
  variables?: Record<string, unknown> | (() => Record<string, unknown>);
  /** Parts of the answer that differ on every call (ids minted by a mutation). */
  volatile?: RegExp;
}

interface Answer {
  status: number;
  contentType: string | null;
  cacheControl: string | null;
  body: string;
}

async function send(url: string, c: Case): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
    },
    body: JSON.stringify({ query: c.query, variables: typeof c.variables === 'function' ? c.variables() : (c.variables ?? {}) }),
  });
  let body = (await res.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  if (c.volatile) body = body.replace(c.volatile, '…');
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), body };
}

/** Plain HTTP routes (controllers and middleware outside GraphQL): status and content type, plus the body where it is stable. */
interface Route {
  path: string;
  method?: 'GET' | 'POST';
  token?: string;
  compareBody: boolean;
}

async function call(url: string, r: Route): Promise<Answer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${url}${r.path}`, {
      method: r.method ?? 'GET',
      redirect: 'manual',
      headers: r.token ? { authorization: `Bearer ${r.token}` } : {},
    });
    text = await res.text();
  } catch (error) {
    // The process may have died on an earlier route (a crash is a difference like any other).
    return { status: 0, contentType: null, cacheControl: null, body: `no answer: ${(error as Error).cause ?? (error as Error).message}` };
  }
  const body = r.compareBody ? text.replace(/"requestId":"[^"]+"/g, '"requestId":"…"') : `${text.length > 0 ? 'a body' : 'no body'}`;
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), body };
}

async function main() {
  const variants = process.argv.slice(2).length ? process.argv.slice(2) : ['graphql-js', 'cache-control-plugin'];
  const differences = await withBenchContext(process.env.DATABASE_URL!, process.env.REDIS_URL!, 'stack-parity', 0, async (context) => {
    const api = await startBenchApi();
    try {
      context.log('seeding');
      const review = await seedBenchReview(api, { peers: 3, sessions: 4, stakeholders: 2 });
      const other = await seedBenchReview(api, { peers: 2, sessions: 1, stakeholders: 0 });
      const whole = await seedWholeReview(api, { items: 200, sessions: 10 });
      const peer = review.peers[0].token;
      // Eight levels against a limit of six (every process here runs with GRAPHQL_MAX_DEPTH=6, which the whole review passes).
      const deep =
        'query($r: ID!) { visitProgramme(reviewId: $r) { days { sessions { assignments { person { organisation { city { id } } } } } } } }';
      const costly = `query($r: ID!) { review(id: $r) { ${Array.from({ length: 60 }, (_, i) => `a${i}: auditTrail(first: 100) { nodes { id action } }`).join(' ')} } }`;
      const item = evidenceItem(review, 0);
      const cases: Case[] = [
        { name: 'anonymous me', query: '{ me { id } }' },
        { name: 'me', token: peer, query: '{ me { id email fullName isAdmin } }' },
        {
          name: 'review as its peer',
          token: peer,
          query: 'query($r: ID!) { review(id: $r) { id status } }',
          variables: { r: review.reviewId },
        },
        {
          name: 'review of another team (forbidden)',
          token: peer,
          query: 'query($r: ID!) { review(id: $r) { id } }',
          variables: { r: other.reviewId },
        },
        {
          name: 'review that does not exist',
          token: peer,
          query: 'query($r: ID!) { review(id: $r) { id } }',
          variables: { r: randomUUID() },
        },
        { name: 'missing variable', token: peer, query: 'query($r: ID!) { review(id: $r) { id } }' },
        { name: 'variable of the wrong type', token: peer, query: 'query($r: ID!) { review(id: $r) { id } }', variables: { r: { no: 1 } } },
        { name: 'unknown field', token: peer, query: '{ me { id nope } }' },
        { name: 'syntax error', token: peer, query: '{ me { id ' },
        { name: 'too deep', token: peer, query: deep, variables: { r: review.reviewId } },
        { name: 'too costly', token: peer, query: costly, variables: { r: review.reviewId } },
        {
          name: 'logEvidence, invalid input',
          token: peer,
          query: 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id outcome } }',
          variables: () => ({ r: review.reviewId, input: { ...item, id: randomUUID(), statement: '' } }),
        },
        {
          name: 'logEvidence',
          token: peer,
          query:
            'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome evidence { revision statement stance } } }',
          variables: () => ({ r: review.reviewId, input: { ...item, id: randomUUID() } }),
        },
        {
          name: 'logEvidence on another team (forbidden)',
          token: peer,
          query: 'mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { outcome } }',
          variables: () => ({ r: other.reviewId, input: { ...item, id: randomUUID() } }),
        },
        {
          name: `whole review of 200 items`,
          token: whole.review.leader.token,
          query: WHOLE_REVIEW_QUERY,
          variables: { id: whole.review.reviewId },
        },
      ];
      const routes: Route[] = [
        { path: '/health/live', compareBody: false },
        { path: '/health/ready', compareBody: false },
        { path: '/', compareBody: false },
        { path: '/reset-password', compareBody: false },
        { path: '/explorer', compareBody: false },
        { path: '/admin/queues', token: peer, compareBody: true },
        { path: '/metrics', compareBody: true },
        { path: `/documents/${randomUUID()}`, token: peer, compareBody: true },
        { path: `/documents/${randomUUID()}`, compareBody: true },
        { path: `/reviews/${review.reviewId}/documents`, method: 'POST', token: peer, compareBody: true },
        { path: '/personal-data/me.zip', token: peer, compareBody: false },
        { path: `/reports/${randomUUID()}/html`, token: peer, compareBody: true },
        { path: `/exports/reviews/${review.reviewId}/ratings.csv`, token: peer, compareBody: true },
        { path: '/calendar/not-a-feed.ics', compareBody: true },
        { path: '/no-such-path', compareBody: true },
      ];
      const reference = await startApiProcess(1, { API_STACK_VARIANT: 'standard', GRAPHQL_MAX_DEPTH: '6' });
      const expected: Answer[] = [];
      try {
        for (const c of cases) expected.push(await send(reference.url, c));
        for (const r of routes) expected.push(await call(reference.url, r));
      } finally {
        await reference.close();
      }
      const found: string[] = [];
      const compare = (variant: string, what: string, want: Answer, got: Answer) => {
        const keys = (['status', 'contentType', 'cacheControl', 'body'] as const).filter((k) => got[k] !== want[k]);
        if (keys.length)
          found.push(
            `${variant}, ${what}: ${keys.join(', ')} differ\n  standard: ${keys.map((k) => String(want[k]).slice(0, 300)).join(' | ')}\n  ${variant}: ${keys.map((k) => String(got[k]).slice(0, 300)).join(' | ')}`,
          );
      };
      const start = (variant: string) => startApiProcess(1, { API_STACK_VARIANT: variant, GRAPHQL_MAX_DEPTH: '6' });
      for (const variant of variants) {
        let served = await start(variant);
        try {
          for (const [i, c] of cases.entries()) {
            const got = await send(served.url, c);
            compare(variant, c.name, expected[i], got);
            context.log(`${variant}, ${c.name}: ${got.status} ${got.body.slice(0, 160)}`);
          }
          for (const [j, r] of routes.entries()) {
            const got = await call(served.url, r);
            compare(variant, `${r.method ?? 'GET'} ${r.path}`, expected[cases.length + j], got);
            if (got.status === 0) {
              // It died on this route: say why, and start it again for the next routes.
              await served
                .close()
                .catch((error: Error) =>
                  found.push(
                    `${variant}: the API process died: ${/\w*Error: [^\n]*/.exec(error.message)?.[0] ?? error.message.slice(-500)}`,
                  ),
                );
              served = await start(variant);
            }
          }
        } finally {
          await served
            .close()
            .catch((error: Error) => found.push(`${variant}: the API process did not stop cleanly: ${error.message.slice(-1500)}`));
        }
      }
      return found;
    } finally {
      await api.close();
    }
  });
  console.log(differences.length ? differences.join('\n') : `No difference: ${variants.join(', ')} answer as the standard stack.`);
  process.exit(differences.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
