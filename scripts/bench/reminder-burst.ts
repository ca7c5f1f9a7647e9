/**
 * Reminders, part 2: 10,000 session reminders due at the same moment, their jobs queued beforehand as
 * the planner queues them, sent by a real worker process (apps/worker) to a real SMTP server (the
 * test sink). Lateness is the sink's "250 OK" minus the due time. Baseline in the same run: the
 * platform's MailTransport (nodemailer) alone pushing as many rendered messages of the same kind to
 * a sink with the same concurrency as the mail queue — the SMTP floor no worker can beat — run once
 * before the burst and once after it (interleaved, issue #22), both runs pooled. Targets relative to
 * it: throughput ≥ 0.8 of the floor's, p99 lateness ≤ 1.5 × the floor's own p99.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { MailTransport, MESSAGE_RENDERER, MessageRenderer, OutboxService, QUEUES, RenderedMessage } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { startSmtpSink, SmtpSink } from '@peervisit/testing';
import { DataSource } from 'typeorm';
import { BenchFigure, percentile, round } from './bench';
import { summariseBurstProfile } from './reminder-burst-profile';

const MESSAGES = Number(process.env.BENCH_REMINDER_BURST ?? 10000);
const SESSIONS = 100;
/** Time between queuing the jobs and their due moment: the worker must be idle and waiting when it comes. */
const LEAD_MS = 60_000;
/**
 * BENCH_WORKER_PROFILE=<dir>: the worker runs with V8's CPU profiler (--cpu-prof); its profile is
 * written to <dir> and summarised over the burst alone (from the due moment to the last acceptance),
 * in <dir>/worker-burst-summary.txt. Not for the timed runs: the profiler costs the worker time.
 */
const PROFILE_DIR = process.env.BENCH_WORKER_PROFILE;

async function seed(ds: DataSource, dueAt: Date): Promise<string> {
  const people = Math.ceil(MESSAGES / SESSIONS);
  const reviewId = await ds.transaction(async (m) => {
    const [benchmark] = await m.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' ORDER BY version DESC LIMIT 1");
    const [city] = await m.query("INSERT INTO city (name, country, time_zone) VALUES ('Burstville', 'NO', 'Europe/Oslo') RETURNING id");
    const persons: { id: string }[] = await m.query(
      `INSERT INTO person (email, full_name, time_zone) SELECT 'burst-' || g || '@bench.example.org', 'Burst Person ' || g, 'Europe/Oslo' FROM generate_series(1, $1::int) g RETURNING id`,
      [people],
    );
    const [review] = await m.query(
      `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, visit_starts_at, visit_ends_at, created_by_id)
       VALUES ('Network-wide visit day', 'PEER_REVIEW', $1, $2, 'PREPARATION', $3::timestamptz + interval '1 day', $3::timestamptz + interval '2 days', $4) RETURNING id`,
      [city.id, benchmark.id, dueAt, persons[0].id],
    );
    await m.query(`INSERT INTO team_member (review_id, person_id, role) SELECT $1, p, 'PEER' FROM unnest($2::uuid[]) p`, [
      review.id,
      persons.map((p) => p.id),
    ]);
    // Every session starts one day after the due moment, so every "1 day before" reminder is due then.
    await m.query(
      `INSERT INTO visit_session (review_id, kind, title, starts_at, ends_at, created_by_id, location)
       SELECT $1, 'INTERVIEW', 'Parallel interview ' || g, $2::timestamptz + interval '1 day', $2::timestamptz + interval '1 day 1 hour', $3, 'Room ' || g
         FROM generate_series(1, $4::int) g`,
      [review.id, dueAt, persons[0].id, SESSIONS],
    );
    await m.query(
      `INSERT INTO session_assignment (session_id, person_id, part)
       SELECT s.id, p.id, 'PARTICIPANT' FROM visit_session s CROSS JOIN unnest($2::uuid[]) AS p(id) WHERE s.review_id = $1`,
      [review.id, persons.map((p) => p.id)],
    );
    await m.query(
      `INSERT INTO outbox_message (dedupe_key, template, recipient_id, recipient_email, review_id, data, optional, due_at, message_id)
       SELECT 'reminder:' || $1::uuid || ':session:' || s.id || ':' || p.id || ':1d', 'session-reminder', p.id, p.email, $1::uuid,
              jsonb_build_object('sessionId', s.id, 'daysBefore', 1), true, $2, '<' || gen_random_uuid() || '@peervisit>'
         FROM visit_session s JOIN session_assignment a ON a.session_id = s.id JOIN person p ON p.id = a.person_id
        WHERE s.review_id = $1::uuid
        LIMIT $3`,
      [review.id, dueAt, MESSAGES],
    );
    return review.id as string;
  });
  await ds.query('ANALYZE');
  return reviewId;
}

/** Moves the seeded burst (its reminders, sessions and visit) so that the reminders are due at `dueAt`. */
async function moveBurst(ds: DataSource, reviewId: string, from: Date, dueAt: Date): Promise<void> {
  const shift = `${dueAt.getTime() - from.getTime()} milliseconds`;
  await ds.transaction(async (m) => {
    await m.query('UPDATE outbox_message SET due_at = due_at + $2::interval WHERE review_id = $1', [reviewId, shift]);
    await m.query('UPDATE visit_session SET starts_at = starts_at + $2::interval, ends_at = ends_at + $2::interval WHERE review_id = $1', [
      reviewId,
      shift,
    ]);
    await m.query(
      'UPDATE review SET visit_starts_at = visit_starts_at + $2::interval, visit_ends_at = visit_ends_at + $2::interval WHERE id = $1',
      [reviewId, shift],
    );
  });
}

/** Runs the worker as `npm run worker` does, against the bench's database, queue prefix and the sink. */
function startWorker(smtpUrl: string) {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '--cpu-prof-interval=250'] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    env: { ...process.env, SMTP_URL: smtpUrl, LOG_LEVEL: 'warn', WORKER_HEALTH_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out, errors: () => err };
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The floor: MailTransport alone, `concurrency` sends at a time, `count` copies of one rendered message. */
async function smtpFloor(
  sample: RenderedMessage,
  concurrency: number,
  count: number,
): Promise<{ latenessMs: number[]; elapsedMs: number }> {
  const sink = await startSmtpSink();
  const transport = new MailTransport({ smtpUrl: sink.url, from: 'PeerVisit <no-reply@peervisit.local>', captureDir: '/nonexistent' });
  const started = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await transport.send({
        to: `floor-${i}@bench.example.org`,
        subject: sample.subject,
        text: sample.text,
        html: sample.html,
        attachments: sample.attachments,
        icalEvent: sample.icalEvent,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const elapsedMs = Date.now() - started;
  transport.close();
  const latenessMs = sink.deliveries.filter((d) => d.acceptedAt).map((d) => (d.acceptedAt as number) - started);
  await sink.stop();
  if (latenessMs.length !== count) throw new Error(`The floor sink accepted ${latenessMs.length} of ${count} messages.`);
  return { latenessMs, elapsedMs };
}

/** The worker's CPU profile over the burst alone, summarised in <dir>/worker-burst-summary.txt. */
function summariseWorkerProfile(dir: string, fromWallMs: number, toWallMs: number, log: (m: string) => void): void {
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()
    .pop();
  if (!file) return log(`no CPU profile in ${dir}`);
  const summary = summariseBurstProfile(join(dir, file), fromWallMs, toWallMs);
  writeFileSync(join(dir, 'worker-burst-summary.txt'), summary);
  log(summary);
}

export async function benchReminderBurst(
  app: INestApplication,
  log: (m: string) => void,
): Promise<{ figures: BenchFigure[]; details: Record<string, unknown> }> {
  const ds = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const renderer = app.get<MessageRenderer>(MESSAGE_RENDERER, { strict: false });
  const concurrency = QUEUES.mail.concurrency;

  // Seeded a day ahead, for the sample and the first floor; moved to LEAD_MS ahead just before its jobs are queued.
  const seededAt = new Date(Date.now() + 86_400_000);
  const reviewId = await seed(ds, seededAt);
  const seeded = await ds.getRepository(OutboxMessage).findOneByOrFail({ template: 'session-reminder', dueAt: seededAt });
  // What a reminder looks like when it goes out: rendered from a real row, for the floor.
  const sample = await renderer.render(seeded);
  if ('skip' in sample) throw new Error(`The sample reminder was skipped: ${sample.skip}`);
  // The floor runs before and after the burst (interleaved), so drift on a shared machine weighs on both.
  const floorBefore = await smtpFloor(sample, concurrency, MESSAGES);
  log(`floor before: ${round((MESSAGES / floorBefore.elapsedMs) * 1000)} msg/s, p99 ${round(percentile(floorBefore.latenessMs, 99))} ms`);

  const dueAt = new Date(Date.now() + LEAD_MS);
  await moveBurst(ds, reviewId, seededAt, dueAt);
  const rows = await ds
    .getRepository(OutboxMessage)
    .find({ where: { template: 'session-reminder', dueAt }, select: { id: true, version: true, dueAt: true, messageId: true } });
  if (rows.length !== MESSAGES) throw new Error(`Seeded ${rows.length} reminders due at ${dueAt.toISOString()}; expected ${MESSAGES}.`);

  // Jobs are queued as the planner queues them: delayed until the row is due.
  for (let i = 0; i < rows.length; i += 1000) await outbox.addJobs(rows.slice(i, i + 1000));
  const sink: SmtpSink = await startSmtpSink();
  const worker = startWorker(sink.url);
  try {
    await waitUntil(
      () => worker.output().includes('PeerVisit worker running') || worker.child.exitCode !== null,
      'the worker to start',
      60_000,
    );
    if (worker.child.exitCode !== null) throw new Error(`The worker exited: ${worker.errors().slice(-2000)}`);
    const spare = dueAt.getTime() - Date.now();
    if (spare < 5000) throw new Error(`Set-up took too long: only ${spare} ms left before the reminders are due; raise LEAD_MS.`);
    log(`${MESSAGES} reminders due at ${dueAt.toISOString()} (in ${round(spare / 1000, 1)} s); worker up, mail concurrency ${concurrency}`);

    const accepted = () => sink.deliveries.filter((d) => d.outcome === 'accepted').length;
    const deadline = Math.max(300_000, MESSAGES * 50);
    await waitUntil(
      () => accepted() >= MESSAGES || worker.child.exitCode !== null,
      `${MESSAGES} messages at the sink (got ${accepted()})`,
      spare + deadline,
    ).catch((e) => log(String(e)));
    // Anything sent twice would come now.
    await new Promise((r) => setTimeout(r, 5000));
  } finally {
    worker.child.kill('SIGTERM');
    await Promise.race([worker.exited, new Promise((r) => setTimeout(r, 20_000))]);
    await sink.stop();
  }

  const due = dueAt.getTime();
  const firstAcceptance = new Map<string, number>();
  let duplicates = 0;
  for (const d of sink.deliveries) {
    if (d.outcome !== 'accepted' || !d.mail.messageId) continue;
    if (firstAcceptance.has(d.mail.messageId)) duplicates++;
    else firstAcceptance.set(d.mail.messageId, d.acceptedAt as number);
  }
  const lost = rows.filter((r) => !firstAcceptance.has(r.messageId)).length;
  const lateness = [...firstAcceptance.values()].map((t) => t - due);
  const lastMs = Math.max(...lateness);
  if (PROFILE_DIR) summariseWorkerProfile(PROFILE_DIR, due, due + lastMs, log);
  const [statuses] = await Promise.all([
    ds.query(`SELECT status, count(*)::int AS n FROM outbox_message WHERE due_at = $1 GROUP BY status`, [dueAt]),
  ]);
  log(
    `sent ${firstAcceptance.size}/${MESSAGES}: lateness p50 ${round(percentile(lateness, 50))} ms, p99 ${round(percentile(lateness, 99))} ms, last ${round(lastMs)} ms; duplicates ${duplicates}, lost ${lost}; rows ${JSON.stringify(statuses)}`,
  );

  const floorAfter = await smtpFloor(sample, concurrency, MESSAGES);
  log(`floor after: ${round((MESSAGES / floorAfter.elapsedMs) * 1000)} msg/s, p99 ${round(percentile(floorAfter.latenessMs, 99))} ms`);
  // Both floor runs pooled: throughput over their total time, lateness percentiles over both bursts.
  const floor = {
    elapsedMs: floorBefore.elapsedMs + floorAfter.elapsedMs,
    latenessMs: [...floorBefore.latenessMs, ...floorAfter.latenessMs],
  };
  const floorRate = ((2 * MESSAGES) / floor.elapsedMs) * 1000;
  const rate = (firstAcceptance.size / Math.max(1, lastMs)) * 1000;
  log(`floor: nodemailer alone, ${concurrency} at a time: ${round(floorRate)} msg/s, p99 ${round(percentile(floor.latenessMs, 99))} ms`);

  const p99 = percentile(lateness, 99);
  const floorP99 = percentile(floor.latenessMs, 99);
  return {
    figures: [
      {
        name: `burst: lateness p50, ${MESSAGES} due at once`,
        value: percentile(lateness, 50),
        unit: 'ms',
        baseline: percentile(floor.latenessMs, 50),
        ratio: percentile(lateness, 50) / percentile(floor.latenessMs, 50),
      },
      {
        name: `burst: lateness p99, ${MESSAGES} due at once`,
        value: p99,
        unit: 'ms',
        baseline: floorP99,
        ratio: p99 / floorP99,
        target: '≤ 1.5 × floor p99',
        pass: p99 <= 1.5 * floorP99 && lost === 0,
      },
      {
        name: 'burst: throughput',
        value: rate,
        unit: 'msg/s',
        baseline: floorRate,
        ratio: rate / floorRate,
        target: '≥ 0.8 of floor',
        pass: rate / floorRate >= 0.8,
      },
      { name: 'burst: duplicates', value: duplicates, unit: 'messages', target: '0', pass: duplicates === 0 },
      { name: 'burst: lost', value: lost, unit: 'messages', target: '0', pass: lost === 0 },
    ],
    details: {
      messages: MESSAGES,
      mailConcurrency: concurrency,
      dueAt: dueAt.toISOString(),
      latenessMs: { p50: percentile(lateness, 50), p90: percentile(lateness, 90), p99: p99, max: lastMs },
      floor: { elapsedMs: floor.elapsedMs, p50: percentile(floor.latenessMs, 50), p99: floorP99 },
      floorRuns: [floorBefore, floorAfter].map((f, i) => ({
        when: i ? 'after the burst' : 'before the burst',
        elapsedMs: f.elapsedMs,
        msgPerSecond: round((MESSAGES / f.elapsedMs) * 1000),
        p50: percentile(f.latenessMs, 50),
        p99: percentile(f.latenessMs, 99),
      })),
      rowStatuses: statuses,
    },
  };
}
