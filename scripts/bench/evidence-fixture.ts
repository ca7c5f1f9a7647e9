/**
 * What the evidence benches share: the real API booted in this process (queue workers off) on a
 * free port, and a review in the visit with a team of peers who each sign in, stakeholders and a
 * visit programme scheduled through the real mutations.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { CatalogueSeed } from '@peervisit/catalogue';
import { loadConfig } from '@peervisit/platform';
import { createPerson, createReviewFixture, GraphqlClient, TEST_PASSWORD } from '@peervisit/testing';
import { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/create-api';
import { CATEGORIES, SessionRef } from './evidence-items';

export type { SessionRef };

export interface BenchApi {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the whole API (AppModule) as `npm run api` would with WORKERS_IN_PROCESS=false. */
export async function startBenchApi(): Promise<BenchApi> {
  process.env.WORKERS_IN_PROCESS = 'false';
  const app = await createApi(loadConfig());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await app.get(CatalogueSeed).run();
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}

export interface ApiProcess {
  url: string;
  processes: number;
  /** CPU time (user + system) the API process has used so far, in ms (one process only: API_PROCESSES=1). */
  cpuMs(): number;
  close(): Promise<void>;
}

/** utime + stime of a process from /proc (clock ticks of 10 ms), in ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

export interface AppProcess {
  pid: number;
  /** SIGTERM, then waits for the exit; throws (with the process's last output) unless it exits 0. */
  close(): Promise<void>;
}

/**
 * `script` (apps/api or apps/worker) in a process of its own with this process's env plus `env`
 * (the bench's database, Redis prefix, data dir). Resolves once `started` holds for its output.
 */
export async function startAppProcess(
  script: string,
  env: Record<string, string>,
  what: string,
  started: (output: string) => boolean,
): Promise<AppProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output = (output + c).slice(-20000)));
  child.stderr.on('data', (c) => (output = (output + c).slice(-20000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (!started(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not start: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid!,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`${what} exited with ${code}: ${output.slice(-2000)}`);
    },
  };
}

/**
 * The API as it is deployed: `apps/api/src/main.ts` in a process of its own,
 * API_PROCESSES=`processes` and the queue workers off. Resolves once every API process listens.
 */
export async function startApiProcess(processes: number, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const app = await startAppProcess(
    'apps/api/src/main.ts',
    { PORT: String(port), HOST: '127.0.0.1', API_PROCESSES: String(processes), WORKERS_IN_PROCESS: 'false', LOG_LEVEL: 'warn', ...env },
    `The API process (${processes} listening processes)`,
    (output) => (output.match(/PeerVisit API listening/g) ?? []).length >= processes,
  );
  return { url: `http://127.0.0.1:${port}`, processes, cpuMs: () => processCpuMs(app.pid), close: app.close };
}

export interface BenchReview {
  reviewId: string;
  keyFactorIds: string[];
  sessions: SessionRef[];
  /** Team members with the PEER role (the expert leader logs too, but peers are the load). */
  peers: { id: string; token: string }[];
  leader: { id: string; token: string };
  stakeholderIds: string[];
}

const KINDS: SessionRef['kind'][] = ['INTERVIEW', 'INTERVIEW', 'FOCUS_GROUP', 'SITE_VISIT'];
const VISIT_START = Date.parse('2027-03-08T07:00:00Z');

/**
 * A review in the VISIT status with all 13 key factors in scope, `peers` peers (each signed in over
 * GraphQL, so each load client has its own token), `stakeholders` stakeholders and `sessions`
 * sessions (interviews, focus groups, site visits, 50 minutes every 90, each with two peers
 * assigned and a stakeholder met), scheduled by the expert leader through scheduleVisitSession.
 */
export async function seedBenchReview(
  api: BenchApi,
  options: { peers: number; sessions: number; stakeholders: number },
): Promise<BenchReview> {
  const visitEnd = new Date(VISIT_START + (options.sessions * 90 + 120) * 60_000).toISOString();
  const f = await createReviewFixture(api.dataSource, { status: 'VISIT', visitStart: new Date(VISIT_START).toISOString(), visitEnd });
  const gql = new GraphqlClient(api.url);
  const peerRows = [f.people.peer, f.people.peer2];
  while (peerRows.length < options.peers) {
    const person = await createPerson(api.dataSource, { fullName: `Peer ${peerRows.length + 1}` });
    await api.dataSource.query("INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, 'PEER')", [f.reviewId, person.id]);
    peerRows.push(person);
  }
  const peers = [];
  for (const person of peerRows.slice(0, options.peers))
    peers.push({ id: person.id, token: (await gql.signIn(person.email, TEST_PASSWORD)).token as string });
  const leaderClient = await gql.signIn(f.people.leader.email, TEST_PASSWORD);

  const stakeholderIds: string[] = [];
  for (let i = 0; i < options.stakeholders; i++) {
    const data = await leaderClient.ok(
      'mutation($r: ID!, $input: ReviewStakeholderInput!) { registerStakeholder(reviewId: $r, input: $input) { id } }',
      {
        r: f.reviewId,
        input: {
          category: CATEGORIES[i % CATEGORIES.length],
          position: `Stakeholder ${i + 1}`,
          consentToBeNamed: i % 3 === 0,
          name: i % 3 === 0 ? `Named Person ${i + 1}` : null,
        },
      },
    );
    stakeholderIds.push(data.registerStakeholder.id);
  }

  const sessions: SessionRef[] = [];
  const schedule = 'mutation($r: ID!, $input: VisitSessionInput!) { scheduleVisitSession(reviewId: $r, input: $input) { id } }';
  for (let i = 0; i < options.sessions; i++) {
    const kind = KINDS[i % KINDS.length];
    const start = VISIT_START + i * 90 * 60_000;
    const input = {
      kind,
      title: `${kind.toLowerCase().replace('_', ' ')} ${i + 1}`,
      start: new Date(start).toISOString(),
      end: new Date(start + 50 * 60_000).toISOString(),
      location: `Room ${(i % 7) + 1}`,
      keyFactorIds: [f.keyFactors[i % f.keyFactors.length].id, f.keyFactors[(i + 5) % f.keyFactors.length].id],
      assignments: [
        { personId: peers[i % peers.length].id, part: 'INTERVIEWER' },
        { personId: peers[(i + 1) % peers.length].id, part: 'NOTE_TAKER' },
      ],
      stakeholderIds: stakeholderIds.length ? [stakeholderIds[i % stakeholderIds.length]] : [],
    };
    sessions.push({ id: (await leaderClient.ok(schedule, { r: f.reviewId, input })).scheduleVisitSession.id, kind });
  }
  return {
    reviewId: f.reviewId,
    keyFactorIds: f.keyFactors.map((k) => k.id),
    sessions,
    peers,
    leader: { id: f.people.leader.id, token: leaderClient.token as string },
    stakeholderIds,
  };
}
