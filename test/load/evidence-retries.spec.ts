import { randomUUID } from 'node:crypto';
import {
  createPerson,
  createReviewFixture,
  createTestApp,
  GraphqlClient,
  GraphqlResponse,
  TEST_PASSWORD,
  TestApp,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** How long the peers keep logging (the issue asks for 60 s). */
const DURATION_MS = 60_000;
const PEERS = 50;
/** A request given up on (aborted by the client) after 1..ABORT_AFTER_MAX_MS: the server may or may not have stored it. */
const ABORT_AFTER_MAX_MS = 20;

const LOG = `mutation($r: ID!, $input: EvidenceInput!) { logEvidence(reviewId: $r, input: $input) {
  id outcome evidence { id statement quote stance source keyFactors { id } loggedBy { id } revision } } }`;

interface Item {
  id: string;
  source: 'OBSERVATION' | 'INTERVIEW';
  sessionId: string | null;
  stakeholderCategory: string | null;
  keyFactorIds: string[];
  statement: string;
  quote: string | null;
  stance: 'SUPPORTS' | 'CONTRADICTS' | 'NEUTRAL';
}

/** Per id: what was sent, by whom, and every answer seen. */
interface Sent {
  item: Item;
  peerId: string;
  created: number;
  alreadyThere: number;
  aborted: number;
  acknowledged: boolean;
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];

describe('50 peers logging evidence for 60 s with retries of the same ids', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it(
    'stores every acknowledged item exactly once, with the content sent; retries never add or change a row',
    async () => {
      t = await createTestApp({ module: AppModule.register({ workers: false }) });
      const { CatalogueSeed } = await import('@peervisit/catalogue');
      await t.app.get(CatalogueSeed).run();
      const f = await createReviewFixture(t.dataSource, { status: 'VISIT' });
      const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
      const { scheduleVisitSession } = await leader.ok<{ scheduleVisitSession: { id: string } }>(
        'mutation($id: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $id, input: $input) { id } }',
        { id: f.reviewId, input: { kind: 'INTERVIEW', title: 'Head of integration', start: '2027-03-10T10:00', end: '2027-03-10T11:00' } },
      );
      const interviewId = scheduleVisitSession.id;

      // 50 peers: the fixture's two plus 48 more, each signed in with a token of their own.
      const people = [f.people.peer, f.people.peer2];
      for (let i = people.length; i < PEERS; i++) {
        const person = await createPerson(t.dataSource, { fullName: `Peer ${i + 1}` });
        await t.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [f.reviewId, person.id]);
        people.push(person);
      }
      const peers: { id: string; gql: GraphqlClient }[] = [];
      for (const person of people) peers.push({ id: person.id, gql: await t.gql.signIn(person.email, TEST_PASSWORD) });

      const sent = new Map<string, Sent>();
      const unexpected: string[] = [];
      let requests = 0;
      let abortedRequests = 0;
      const latencies: number[] = [];

      const newItem = (n: number, peerIndex: number): Item => {
        const interview = Math.random() < 0.5;
        return {
          id: randomUUID(),
          source: interview ? 'INTERVIEW' : 'OBSERVATION',
          sessionId: interview ? interviewId : null,
          stakeholderCategory: interview ? 'CITY_OFFICIAL' : null,
          keyFactorIds: [...new Set([pick(f.keyFactors).id, pick(f.keyFactors).id])],
          statement: `Peer ${peerIndex + 1}, note ${n}: ${randomUUID()} — what the team heard about the diversity strategy.`,
          quote: Math.random() < 0.3 ? `“Quote ${n} from peer ${peerIndex + 1}”` : null,
          stance: pick(['SUPPORTS', 'CONTRADICTS', 'NEUTRAL'] as const),
        };
      };

      /** One request; answers 'aborted' when the client gave up on it, otherwise checks the answer. */
      const send = async (
        peer: { id: string; gql: GraphqlClient },
        item: Item,
        abortAfterMs?: number,
      ): Promise<'ack' | 'aborted' | 'error'> => {
        const record = sent.get(item.id)!;
        const controller = new AbortController();
        const timer = abortAfterMs ? setTimeout(() => controller.abort(), abortAfterMs) : undefined;
        const started = Date.now();
        requests++;
        let body: GraphqlResponse<{ logEvidence: { id: string; outcome: string; evidence: Record<string, any> } }>;
        try {
          const response = await fetch(`${peer.gql.baseUrl}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', authorization: `Bearer ${peer.gql.token}` },
            body: JSON.stringify({ query: LOG, variables: { r: f.reviewId, input: item } }),
            signal: controller.signal,
          });
          body = (await response.json()) as typeof body;
        } catch (error) {
          if (controller.signal.aborted) {
            abortedRequests++;
            record.aborted++;
            return 'aborted';
          }
          unexpected.push(`${item.id}: request failed: ${error instanceof Error ? error.message : String(error)}`);
          return 'error';
        } finally {
          clearTimeout(timer);
        }
        latencies.push(Date.now() - started);
        if (body.errors?.length) {
          unexpected.push(`${item.id}: ${JSON.stringify(body.errors)}`);
          return 'error';
        }
        const answer = body.data!.logEvidence;
        if (answer.outcome === 'CREATED') record.created++;
        else if (answer.outcome === 'ALREADY_THERE') record.alreadyThere++;
        else unexpected.push(`${item.id}: outcome ${answer.outcome}`);
        // Whichever request stored it, the answer shows the item as sent, unedited.
        const e = answer.evidence;
        if (
          e.id !== item.id ||
          e.statement !== item.statement ||
          e.quote !== item.quote ||
          e.stance !== item.stance ||
          e.revision !== 1 ||
          e.loggedBy.id !== peer.id
        ) {
          unexpected.push(`${item.id}: answered ${JSON.stringify(e)} for ${JSON.stringify(item)}`);
        }
        record.acknowledged = true;
        return 'ack';
      };

      /** Sends until acknowledged (the phone retrying after a lost answer). */
      const sendUntilAcknowledged = async (peer: { id: string; gql: GraphqlClient }, item: Item) => {
        for (let attempt = 0; attempt < 20; attempt++) if ((await send(peer, item)) !== 'aborted') return;
        unexpected.push(`${item.id}: never acknowledged`);
      };

      const runPeer = async (peerIndex: number, deadline: number) => {
        const peer = peers[peerIndex];
        const mine: Item[] = [];
        let n = 0;
        while (Date.now() < deadline) {
          const roll = Math.random();
          if (roll < 0.15 && mine.length) {
            // Resend an item already acknowledged: nothing may change.
            await send(peer, pick(mine));
            continue;
          }
          const item = newItem(++n, peerIndex);
          sent.set(item.id, { item, peerId: peer.id, created: 0, alreadyThere: 0, aborted: 0, acknowledged: false });
          mine.push(item);
          if (roll < 0.3) {
            // Give up on the request after a few ms (a timeout), then send it again until acknowledged.
            await send(peer, item, 1 + Math.floor(Math.random() * ABORT_AFTER_MAX_MS));
            await sendUntilAcknowledged(peer, item);
          } else if (roll < 0.45) {
            // The same id from two requests at once (a double tap, or two sync loops).
            await Promise.all([send(peer, item), send(peer, item)]);
          } else {
            await sendUntilAcknowledged(peer, item);
          }
        }
      };

      const started = Date.now();
      await Promise.all(peers.map((_, i) => runPeer(i, started + DURATION_MS)));
      const tookMs = Date.now() - started;

      const records = [...sent.values()];
      const acknowledged = records.filter((r) => r.acknowledged);
      const concurrentPairs = records.filter((r) => r.created + r.alreadyThere >= 2 && r.aborted === 0).length;
      latencies.sort((a, b) => a - b);
      console.log(
        `evidence-retries: ${PEERS} peers for ${tookMs} ms: ${requests} requests (${(requests / (tookMs / 1000)).toFixed(0)}/s), ` +
          `${records.length} ids, ${acknowledged.length} acknowledged, ${abortedRequests} requests aborted by the client, ` +
          `${records.reduce((s, r) => s + r.alreadyThere, 0)} ALREADY_THERE answers, ${concurrentPairs} ids answered more than once without an abort; ` +
          `latency p50 ${latencies[Math.floor(latencies.length / 2)]} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)]} ms; unexpected errors ${unexpected.length}`,
      );
      expect(unexpected.slice(0, 10)).toEqual([]);
      expect(acknowledged.length).toBe(records.length);
      // Enough load to mean something, and every kind of retry happened.
      expect(records.length).toBeGreaterThan(PEERS * 10);
      expect(abortedRequests).toBeGreaterThan(0);
      expect(records.some((r) => r.aborted === 0 && r.created === 1 && r.alreadyThere >= 1)).toBe(true);

      // Each id was answered CREATED at most once; exactly once when no request for it was aborted
      // (an aborted request may have been the one that stored it).
      expect(records.filter((r) => r.created > 1).map((r) => r.item.id)).toEqual([]);
      expect(records.filter((r) => r.aborted === 0 && r.created !== 1).map((r) => r.item.id)).toEqual([]);

      // The table: exactly the acknowledged ids, once each, with the content sent, unedited.
      const rows: {
        id: string;
        source: string;
        session_id: string | null;
        stakeholder_category: string | null;
        key_factor_ids: string[];
        statement: string;
        quote: string | null;
        stance: string;
        logged_by_id: string;
        revision: number;
      }[] = await t.dataSource.query(
        `SELECT id, source, session_id, stakeholder_category, key_factor_ids, statement, quote, stance, logged_by_id, revision FROM evidence WHERE review_id = $1`,
        [f.reviewId],
      );
      expect(rows.length).toBe(acknowledged.length);
      const [{ duplicates }] = await t.dataSource.query(
        `SELECT count(*)::int AS duplicates FROM (SELECT id FROM evidence GROUP BY id HAVING count(*) > 1) d`,
      );
      expect(duplicates).toBe(0);
      const mismatched: string[] = [];
      for (const row of rows) {
        const record = sent.get(row.id);
        const item = record?.item;
        const same =
          item &&
          row.source === item.source &&
          row.session_id === item.sessionId &&
          row.stakeholder_category === item.stakeholderCategory &&
          [...row.key_factor_ids].sort().join() === [...item.keyFactorIds].sort().join() &&
          row.statement === item.statement &&
          row.quote === item.quote &&
          row.stance === item.stance &&
          row.logged_by_id === record.peerId &&
          row.revision === 1;
        if (!same) mismatched.push(`${row.id}: stored ${JSON.stringify(row)}, sent ${JSON.stringify(item)}`);
      }
      expect(mismatched.slice(0, 5)).toEqual([]);
      // One audit entry per stored item (written in its transaction), no revisions: no retry edited anything.
      const audits: { entity_id: string; n: number }[] = await t.dataSource.query(
        `SELECT entity_id, count(*)::int AS n FROM audit_entry WHERE review_id = $1 AND action = 'evidence.log' GROUP BY entity_id`,
        [f.reviewId],
      );
      expect(audits.length).toBe(rows.length);
      expect(audits.filter((a) => a.n !== 1)).toEqual([]);
      const [{ revisions }] = await t.dataSource.query(`SELECT count(*)::int AS revisions FROM evidence_revision`);
      expect(revisions).toBe(0);
    },
    DURATION_MS + 120_000,
  );
});
