import { randomUUID } from 'node:crypto';
import { createReviewFixture, createTestApp, GraphqlClient, GraphqlResponse, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import type { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { connectDatabase, sleep } from './processes';

/** How long mutations run while the API's connections are being killed. */
const KILLING_MS = 20_000;
const CLIENTS = 8;
/** What the API answers for an error it did not expect, in production (no internals). */
const GENERIC_MESSAGE = 'Something went wrong on our side; it has been logged.';

const LOG = `mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) { id outcome } }`;
const BATCH = `mutation($r: ID!, $items: [EvidenceInput!]!) { logEvidenceBatch(reviewId: $r, items: $items) { id outcome } }`;
const EDIT = `mutation($id: ID!, $patch: EvidencePatch!) { editEvidence(evidenceId: $id, patch: $patch) { id revision statement } }`;

type Failure = { mutation: string; error: NonNullable<GraphqlResponse['errors']>[number] };

describe('PostgreSQL connections killed during mutations', () => {
  let t: TestApp | undefined;
  let killer: Client | undefined;
  let checker: Client | undefined;
  const savedEnv = { NODE_ENV: process.env.NODE_ENV, JWT_SECRET: process.env.JWT_SECRET };

  afterAll(async () => {
    await t?.close();
    await killer?.end();
    await checker?.end();
    Object.assign(process.env, savedEnv);
    if (!savedEnv.JWT_SECRET) delete process.env.JWT_SECRET;
  });

  it(
    'each mutation succeeds whole or fails with a clean error, nothing is half-written, and the API recovers without a restart',
    async () => {
      // Production, so the errors are what a real client would get (no driver messages).
      Object.assign(process.env, { NODE_ENV: 'production', JWT_SECRET: 'fault-test-secret-at-least-32-characters-long' });
      t = await createTestApp({ module: AppModule.register({ workers: false }) });
      const { CatalogueSeed } = await import('@peervisit/catalogue');
      await t.app.get(CatalogueSeed).run();
      const f = await createReviewFixture(t.dataSource, { status: 'VISIT' });
      const peers: GraphqlClient[] = [
        await t.gql.signIn(f.people.peer.email, TEST_PASSWORD),
        await t.gql.signIn(f.people.peer2.email, TEST_PASSWORD),
      ];
      const item = () => ({
        id: randomUUID(),
        source: 'OBSERVATION',
        keyFactorIds: [f.keyFactors[Math.floor(Math.random() * f.keyFactors.length)].id],
        statement: `Observed during the visit: ${randomUUID()}`,
        stance: 'SUPPORTS',
      });

      const logged = new Map<string, { ok: boolean; by: number; input: ReturnType<typeof item> }>();
      const edits: { id: string; revision: number; statement: string }[] = [];
      const failures: Failure[] = [];
      const counts = { log: [0, 0], batch: [0, 0], edit: [0, 0] } as Record<'log' | 'batch' | 'edit', [number, number]>;

      /** Runs one mutation; a failure must be a clean GraphQL error (kept for the checks below). */
      const run = async <T>(
        mutation: 'log' | 'batch' | 'edit',
        peer: GraphqlClient,
        query: string,
        variables: Record<string, unknown>,
      ): Promise<T | undefined> => {
        const result = await peer.request<T>(query, variables);
        if (result.errors?.length) {
          counts[mutation][1]++;
          for (const error of result.errors) failures.push({ mutation, error });
          return undefined;
        }
        counts[mutation][0]++;
        return result.data as T;
      };

      const client = async (index: number, deadline: number) => {
        const by = index % 2;
        const peer = peers[by];
        const mine: string[] = [];
        while (Date.now() < deadline) {
          const roll = Math.random();
          if (roll < 0.4) {
            const input = item();
            const data = await run<{ logEvidence: { outcome: string } }>('log', peer, LOG, { r: f.reviewId, input });
            logged.set(input.id, { ok: !!data, by, input });
            if (data) mine.push(input.id);
          } else if (roll < 0.7) {
            const items = [item(), item(), item(), item(), item()];
            const data = await run<{ logEvidenceBatch: { id: string; outcome: string }[] }>('batch', peer, BATCH, { r: f.reviewId, items });
            for (const input of items)
              logged.set(input.id, {
                ok: !!data && data.logEvidenceBatch.some((r) => r.id === input.id && r.outcome === 'CREATED'),
                by,
                input,
              });
            if (data) mine.push(...items.map((i) => i.id));
          } else if (mine.length) {
            const id = mine[Math.floor(Math.random() * mine.length)];
            const statement = `Edited: ${randomUUID()}`;
            const data = await run<{ editEvidence: { revision: number; statement: string } }>('edit', peer, EDIT, {
              id,
              patch: { statement },
            });
            if (data) edits.push({ id, revision: data.editEvidence.revision, statement });
          }
        }
      };

      // The killer: its own connection, terminating every other backend of this database, again and again.
      killer = await connectDatabase();
      let kills = 0;
      let killing = true;
      const killLoop = (async () => {
        while (killing) {
          const { rows } = await killer!.query(
            `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          );
          kills += rows[0].n;
          await sleep(100 + Math.random() * 200);
        }
      })();

      const started = Date.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i, started + KILLING_MS)));
      killing = false;
      await killLoop;

      console.log(
        `pg-terminate: ${kills} backends terminated in ${KILLING_MS} ms; [succeeded, failed] log ${JSON.stringify(counts.log)}, batch ${JSON.stringify(counts.batch)}, edit ${JSON.stringify(counts.edit)}; ` +
          `error messages seen: ${JSON.stringify([...new Set(failures.map((x) => `${x.error.extensions?.code}: ${x.error.message}`))])}`,
      );
      // The fault happened, and mutations met it.
      expect(kills).toBeGreaterThan(20);
      expect(failures.length).toBeGreaterThan(0);
      expect(counts.log[0] + counts.batch[0] + counts.edit[0]).toBeGreaterThan(0);
      // Every failure is a clean GraphQL error: a stable code, the generic message, the request id to
      // trace it in the logs, no stack, no driver text.
      const unclean = failures.filter(
        ({ error }) =>
          error.extensions?.code !== 'INTERNAL_SERVER_ERROR' ||
          error.message !== GENERIC_MESSAGE ||
          Object.keys(error.extensions ?? {}).some((k) => k !== 'code' && k !== 'requestId') ||
          /terminat|connection|ECONN|at \w+ \(/i.test(JSON.stringify(error)),
      );
      expect(unclean.slice(0, 5)).toEqual([]);

      // The API serves again without a restart: the pool replaced its dead connections.
      const health = await fetch(`${t.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' } } });
      for (let i = 0; i < 10; i++) {
        const input = item();
        expect((await peers[i % 2].ok(LOG, { r: f.reviewId, input })).logEvidence.outcome).toBe('CREATED');
        logged.set(input.id, { ok: true, by: i % 2, input });
      }

      // Nothing half-written, read through a connection of the test's own.
      checker = await connectDatabase();
      const q = async <R>(sql: string, params: unknown[] = []) => (await checker!.query(sql, params)).rows as R[];
      const stored = new Map(
        (
          await q<{ id: string; statement: string; revision: number }>(
            `SELECT id, statement, revision FROM evidence WHERE review_id = $1`,
            [f.reviewId],
          )
        ).map((r) => [r.id, r]),
      );
      // Each item with its audit entry, or neither (both are written in one transaction).
      const logAudits = await q<{ entity_id: string; n: number }>(
        `SELECT entity_id, count(*)::int AS n FROM audit_entry WHERE action = 'evidence.log' GROUP BY entity_id`,
      );
      expect(logAudits.filter((a) => a.n !== 1 || !stored.has(a.entity_id))).toEqual([]);
      expect(logAudits.length).toBe(stored.size);
      // Each edit with its revision row, its audit entry and the bumped revision, or none of them.
      const revisionCounts = await q<{ id: string; revisions: number; audits: number; max: number | null }>(
        `SELECT e.id, (SELECT count(*)::int FROM evidence_revision r WHERE r.evidence_id = e.id) AS revisions,
                (SELECT count(*)::int FROM audit_entry a WHERE a.entity_id = e.id AND a.action = 'evidence.edit') AS audits,
                (SELECT max(revision) FROM evidence_revision r WHERE r.evidence_id = e.id) AS max
           FROM evidence e WHERE e.review_id = $1`,
        [f.reviewId],
      );
      const inconsistent = revisionCounts.filter(
        (r) => r.audits !== r.revisions || stored.get(r.id)!.revision !== 1 + r.revisions || (r.max ?? 1) !== stored.get(r.id)!.revision,
      );
      expect(inconsistent).toEqual([]);
      // What was acknowledged is there.
      const lost = [...logged].filter(([id, l]) => l.ok && !stored.has(id)).map(([id]) => id);
      expect(lost).toEqual([]);
      const revisions = await q<{ evidence_id: string; revision: number; changes: { statement?: { to: string } } }>(
        `SELECT evidence_id, revision, changes FROM evidence_revision`,
      );
      const missingEdits = edits.filter(
        (e) => !revisions.some((r) => r.evidence_id === e.id && r.revision === e.revision && r.changes.statement?.to === e.statement),
      );
      expect(missingEdits).toEqual([]);
      // A failed log is safe to retry with the same id: stored once, whether the first attempt had committed or not.
      const failed = [...logged].filter(([, l]) => !l.ok).slice(0, 20);
      for (const [, l] of failed) {
        const { logEvidence } = await peers[l.by].ok<{ logEvidence: { outcome: string } }>(LOG, { r: f.reviewId, input: l.input });
        expect([stored.has(l.input.id) ? 'ALREADY_THERE' : 'CREATED', 'ALREADY_THERE']).toContain(logEvidence.outcome);
      }
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM evidence WHERE id = ANY($1::uuid[])`, [
        failed.map(([id]) => id),
      ]);
      expect(n).toBe(failed.length);
    },
    KILLING_MS + 90_000,
  );
});
