import jwt from 'jsonwebtoken';
import { HealthChecks, loadConfig, OPERATION_NAMES_KEPT } from '@peervisit/platform';
import { createPerson, createReviewFixture, createTestApp, GraphqlClient, subscribe, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Posts GraphQL with extra headers and answers the response (headers and body). */
async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query }),
  });
  return { response, body: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } };
}

async function scrape(url: string, token = METRICS_TOKEN) {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** The value of one series in Prometheus text ("name{labels} value"), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: request ids, health, metrics and the queue dashboard', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let member: GraphqlClient;

  beforeAll(async () => {
    process.env.METRICS_TOKEN = METRICS_TOKEN;
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    delete process.env.METRICS_TOKEN;
    const adminPerson = await createPerson(t.dataSource, { isAdmin: true });
    const memberPerson = await createPerson(t.dataSource);
    admin = await t.gql.signIn(adminPerson.email, TEST_PASSWORD);
    member = await t.gql.signIn(memberPerson.email, TEST_PASSWORD);
  });
  afterAll(() => t?.close());

  describe('request ids', () => {
    it("keeps the caller's well-formed X-Request-Id, echoes it, and puts it in every GraphQL error's extensions", async () => {
      const { response, body } = await post(t.url, '{ me { id } }', { 'x-request-id': 'trace-7f3a.1:b_2' });
      expect(response.headers.get('x-request-id')).toBe('trace-7f3a.1:b_2');
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'trace-7f3a.1:b_2' });
      const invalid = await post(t.url, '{ me { nothing } }', { 'x-request-id': 'trace-invalid-query' });
      expect(invalid.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'trace-invalid-query' });
    });

    it('replaces a malformed or missing id with a new one, different for each request', async () => {
      const malformed = await post(t.url, '{ me { id } }', { 'x-request-id': `{"injected":true} ${'x'.repeat(20)}` });
      const tooLong = await post(t.url, '{ me { id } }', { 'x-request-id': 'a'.repeat(129) });
      const missing = await fetch(`${t.url}/health/live`);
      const ids = [malformed.response, tooLong.response, missing].map((r) => r.headers.get('x-request-id'));
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(3);
      expect(malformed.body.errors?.[0].extensions?.requestId).toBe(ids[0]);
    });
  });

  describe('health', () => {
    it('separates liveness (the process answers) from readiness (PostgreSQL and Redis answer); /health stays as it was', async () => {
      const live = await fetch(`${t.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok', pid: process.pid });
      for (const path of ['/health/ready', '/health']) {
        const ready = await fetch(`${t.url}${path}`);
        expect({ path, status: ready.status }).toEqual({ path, status: 200 });
        expect(await ready.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
      }
    });

    it('readiness reports a Redis that does not answer (a real refused connection), naming it', async () => {
      const checks = new HealthChecks(t.dataSource, { ...loadConfig(), redisUrl: 'redis://127.0.0.1:1' });
      try {
        const readiness = await checks.readiness();
        expect(readiness).toMatchObject({ status: 'degraded', checks: { postgres: { status: 'up' }, redis: { status: 'down' } } });
        expect(readiness.checks.redis.error).toBeTruthy();
      } finally {
        checks.onModuleDestroy();
      }
    });
  });

  describe('metrics', () => {
    it('refuses a scrape without the token, or with a wrong one', async () => {
      expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
      expect((await scrape(t.url, 'not-the-token-at-all-0123456789')).status).toBe(401);
      // Not read as an access token either: the AuthGuard never sees /metrics.
      expect((await scrape(t.url, admin.token as string)).status).toBe(401);
    });

    it('counts GraphQL requests per operation name, REST requests per route, and errors by code', async () => {
      await admin.ok('query OpsProbe { me { id } }');
      await admin.ok('query OpsProbe { me { id } }');
      await t.gql.request('query OpsProbeDenied { me { id } }');
      await fetch(`${t.url}/health/live`);
      // JSON, not a page: a browser asking for a page gets the web app's (client-side routes).
      await fetch(`${t.url}/no-such-route-${Date.now()}`, { headers: { accept: 'application/json' } });
      const { status, text, type } = await scrape(t.url);
      expect(status).toBe(200);
      expect(type).toContain('text/plain');
      expect(sample(text, 'peervisit_graphql_requests_total{operation="OpsProbe",type="query",outcome="ok"}')).toBe(2);
      expect(sample(text, 'peervisit_graphql_requests_total{operation="OpsProbeDenied",type="query",outcome="error"}')).toBe(1);
      expect(sample(text, 'peervisit_graphql_request_duration_seconds_count{operation="OpsProbe",type="query"}')).toBe(2);
      expect(sample(text, 'peervisit_graphql_request_duration_seconds_bucket{le="+Inf",operation="OpsProbe",type="query"}')).toBe(2);
      expect(sample(text, 'peervisit_errors_total{code="UNAUTHENTICATED",surface="graphql"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'peervisit_http_requests_total{route="/health/live",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
      // An unknown path is one series, whatever the path was.
      expect(sample(text, 'peervisit_http_requests_total{route="unmatched",method="GET",status="404"}')).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain('no-such-route');
      expect(sample(text, 'peervisit_errors_total{code="NOT_FOUND",surface="http"}')).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain('route="/graphql"');
    });

    it('keeps the operation label bounded: plain names up to a cap, then "other"; odd names are "other"', async () => {
      await admin.ok(`query ${'Long'.repeat(20)} { me { id } }`);
      for (let i = 0; i < 210; i++) await admin.ok(`query Flood${i} { me { id } }`);
      const { text } = await scrape(t.url);
      const operations = new Set([...text.matchAll(/peervisit_graphql_requests_total\{operation="([^"]+)"/g)].map((m) => m[1]));
      // The names kept, and the three fixed labels: other, anonymous and invalid (did not parse or validate).
      expect(operations.size).toBeLessThanOrEqual(OPERATION_NAMES_KEPT + 3);
      expect(operations.has('anonymous') && operations.has('invalid')).toBe(true);
      expect(operations.has('other')).toBe(true);
      expect(operations.has('Flood209')).toBe(false);
      expect(operations.has('Long'.repeat(20))).toBe(false);
    });

    it('reports the database pool, each queue, the outbox and the age of the oldest due unsent message', async () => {
      await t.dataSource.query(
        `INSERT INTO outbox_message (dedupe_key, template, recipient_email, due_at, message_id, status)
         VALUES ('ops:late', 'password-reset', 'late@example.org', now() - interval '2 hours', '<late@peervisit>', 'SCHEDULED'),
                ('ops:failed', 'password-reset', 'failed@example.org', now() - interval '5 hours', '<failed@peervisit>', 'FAILED')`,
      );
      const { text } = await scrape(t.url);
      expect(sample(text, 'peervisit_db_pool{state="in_use"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'peervisit_db_pool{state="idle"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'peervisit_db_pool{state="waiting"}')).toBe(0);
      expect(sample(text, 'peervisit_db_pool_max')).toBe(loadConfig().databasePoolSize);
      for (const queue of ['mail', 'reminders', 'reports', 'maintenance']) {
        for (const state of ['waiting', 'active', 'delayed', 'failed']) {
          expect({ queue, state, value: sample(text, `peervisit_queue_jobs{queue="${queue}",state="${state}"}`) }).toEqual({
            queue,
            state,
            value: expect.any(Number),
          });
        }
      }
      expect(sample(text, 'peervisit_outbox_messages{status="SCHEDULED"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'peervisit_outbox_messages{status="FAILED"}')).toBe(1);
      // The failed one is older, but it is not waiting to be sent any more.
      const age = sample(text, 'peervisit_outbox_oldest_due_unsent_age_seconds') as number;
      expect(age).toBeGreaterThanOrEqual(7200);
      expect(age).toBeLessThan(7200 + 120);
    });

    it('counts the subscriptions open, up when one listens and down when it ends', async () => {
      const { CatalogueSeed } = await import('@peervisit/catalogue');
      await t.app.get(CatalogueSeed).run();
      const f = await createReviewFixture(t.dataSource);
      const open = async () => sample((await scrape(t.url)).text, 'peervisit_graphql_subscriptions_open');
      expect(await open()).toBe(0);
      const feed = await subscribe(t.url, admin.token, 'subscription($r: ID!) { evidenceChanged(reviewId: $r) { id } }', { r: f.reviewId });
      expect(await open()).toBe(1);
      await feed.close();
      const deadline = Date.now() + 5000;
      while ((await open()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await open()).toBe(0);
    });
  });

  describe('the queue dashboard (bull-board at /admin/queues)', () => {
    const mutation = 'mutation { openQueueDashboard { url expiresAt } }';
    const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
    const cookieFrom = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';

    it('refuses an anonymous caller and a signed-in non-admin', async () => {
      expect((await t.gql.request(mutation)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await member.request(mutation)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues']) {
        const anonymous = await fetch(`${t.url}${path}`);
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
        // An access token is no way in, neither as a bearer nor as the cookie.
        const withToken = await fetch(`${t.url}${path}`, {
          headers: { authorization: `Bearer ${member.token}`, cookie: `pv_queue_dashboard=${member.token}` },
        });
        expect({ path, status: withToken.status }).toEqual({ path, status: 401 });
      }
      // A ticket signed with another secret is refused.
      const forged = jwt.sign({ sub: 'x', jti: 'y' }, 'another-secret-another-secret-0123', {
        audience: 'peervisit:queue-dashboard-ticket',
        issuer: 'peervisit',
      });
      expect((await fetch(`${t.url}/admin/queues/sign-in?ticket=${forged}`, { redirect: 'manual' })).status).toBe(401);
    });

    it('an admin gets a one-time link; it sets a strict, HttpOnly cookie for the dashboard, which shows the queues', async () => {
      const { openQueueDashboard: link } = await admin.ok<{ openQueueDashboard: { url: string; expiresAt: string } }>(mutation);
      expect(link.url).toMatch(/\/admin\/queues\/sign-in\?ticket=/);
      const signIn = await fetch(`${t.url}${pathOf(link.url)}`, { redirect: 'manual' });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('location')).toBe('/admin/queues/');
      const setCookie = signIn.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^pv_queue_dashboard=/);
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      expect(setCookie).toMatch(/Path=\/admin\/queues/i);
      const cookie = cookieFrom(signIn);

      const page = await fetch(`${t.url}/admin/queues/`, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('PeerVisit queues');
      const api = await fetch(`${t.url}/admin/queues/api/queues`, { headers: { cookie } });
      expect(api.status).toBe(200);
      const { queues } = (await api.json()) as { queues: { name: string }[] };
      expect(queues.map((q) => q.name).sort()).toEqual(['mail', 'maintenance', 'reminders', 'reports']);

      // The link works once.
      const again = await fetch(`${t.url}${pathOf(link.url)}`, { redirect: 'manual' });
      expect(again.status).toBe(401);
      expect(await again.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('already used') });

      // A change must come from the dashboard's own origin (CSRF), even with the cookie.
      const retry = '/admin/queues/api/queues/mail/retry/failed';
      const crossSite = await fetch(`${t.url}${retry}`, { method: 'PUT', headers: { cookie, origin: 'https://evil.example' } });
      expect(crossSite.status).toBe(403);
      const noOrigin = await fetch(`${t.url}${retry}`, { method: 'PUT', headers: { cookie } });
      expect(noOrigin.status).toBe(403);
      const sameOrigin = await fetch(`${t.url}${retry}`, { method: 'PUT', headers: { cookie, origin: t.url } });
      expect(sameOrigin.status).toBeLessThan(300);
    });
  });
});
