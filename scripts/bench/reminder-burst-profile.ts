/**
 * The worker's CPU profile over a reminder burst alone (BENCH_WORKER_PROFILE, reminder-burst.ts):
 * self time by package and function, and the share of the samples spent inside each step of a send.
 * Also a command, for a profile kept from an earlier run:
 *
 *   node -r @swc-node/register scripts/bench/reminder-burst-profile.ts <file.cpuprofile> <due ISO time> <last acceptance, ms after due>
 *
 * (the window is found from the wall clock: V8 stamps samples with the monotonic clock, as process.hrtime does,
 * so it must run on the machine that took the profile, without a reboot in between).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { round } from './bench';
import { ProfileNode, summarise, withinWindow } from './evidence-profile-summary';

/** The steps between a due reminder and its SMTP send, as frames of the worker's stacks. */
const STEPS: [string, RegExp][] = [
  ['the send job, its own code between awaits (OutboxSender.send)', /^send .*outbox-sender/],
  ['claim and mark in groups (claimGroup, markGroup, claimAlone, markAlone)', /^(claimGroup|markGroup|claimAlone|markAlone) /],
  ['rendering (NotificationsRenderer.render)', /^render .*notifications-renderer/],
  ['  in it: templates, Handlebars and ICU (TemplateRenderer.render)', /^render .*template-renderer/],
  ['  in it: the iCalendar invite (buildSessionInvite)', /^buildSessionInvite /],
  ['    in that: its VTIMEZONE (buildVTimezone)', /^buildVTimezone /],
  ['SMTP: nodemailer building the message (sendMail; its stream work runs outside it)', /^sendMail /],
  ['SQL through TypeORM (PostgresQueryRunner.query)', /^query .*PostgresQueryRunner/],
  ['BullMQ (any frame of the package)', /node_modules\/bullmq\//],
  ['ioredis (any frame of the package)', /node_modules\/ioredis\//],
  ['garbage collector', /^\(garbage collector\) /],
  ['idle (waiting for PostgreSQL, Redis, SMTP)', /^\(idle\) /],
];

type Profile = { nodes: ProfileNode[]; samples: number[]; startTime: number; timeDeltas: number[] };

/** Share of samples whose stack holds a frame matching each step. */
function inclusive(profile: { nodes: ProfileNode[]; samples: number[] }): string {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const frame = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url}`;
  const counts = STEPS.map(() => 0);
  const perLeaf = new Map<number, boolean[]>();
  for (const id of profile.samples) {
    let hits = perLeaf.get(id);
    if (!hits) {
      const frames: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(frame(byId.get(at) as ProfileNode));
      hits = STEPS.map(([, pattern]) => frames.some((f) => pattern.test(f)));
      perLeaf.set(id, hits);
    }
    hits.forEach((hit, i) => hit && counts[i]++);
  }
  const total = profile.samples.length || 1;
  return STEPS.map(([name], i) => `  ${String(round((counts[i] / total) * 100, 1)).padStart(5)} %  ${name}`).join('\n');
}

/** The summary of `file` between two wall-clock instants (ms). */
export function summariseBurstProfile(file: string, fromWallMs: number, toWallMs: number): string {
  const monotonicMinusWallUs = Number(process.hrtime.bigint() / 1000n) - Date.now() * 1000;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const burst = withinWindow(profile, fromWallMs * 1000 + monotonicMinusWallUs, toWallMs * 1000 + monotonicMinusWallUs);
  return (
    `worker CPU profile ${basename(file)}: ${burst.samples.length} samples (every 250 µs of the worker's thread) over the burst, ` +
    `${round((toWallMs - fromWallMs) / 1000, 1)} s from the due moment to the last acceptance\n` +
    `share of samples with the step on the stack (inclusive; async code counts from where it resumed, so steps are not nested in the send job):\n${inclusive(burst)}\n` +
    `${summarise(burst, 45)}\n`
  );
}

if (require.main === module) {
  const [file, due, lastMs] = process.argv.slice(2);
  if (!file || !due || !lastMs) {
    process.stderr.write('usage: reminder-burst-profile.ts <file.cpuprofile> <due ISO time> <last acceptance, ms after due>\n');
    process.exit(2);
  }
  const from = new Date(due).getTime();
  process.stdout.write(summariseBurstProfile(file, from, from + Number(lastMs)));
}
