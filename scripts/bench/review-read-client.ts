/**
 * The whole-review reader as a real client runs it (issue #22): a process of its own that sends the
 * query over keep-alive HTTP, one request at a time, and reports each request's time from sending to
 * the last byte read and parsed. Plan as JSON in argv[2]; outcome as one JSON line on stdout.
 */
import { Agent, request } from 'node:http';

interface Plan {
  url: string;
  token: string;
  query: string;
  variables: Record<string, unknown>;
  runs: number;
}

const plan = JSON.parse(process.argv[2]) as Plan;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const body = JSON.stringify({ query: plan.query, variables: plan.variables });

function post(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/graphql', plan.url),
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'apollo-require-preflight': 'true',
          authorization: `Bearer ${plan.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 500)}`));
          else resolve(text);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < plan.runs; i++) {
    const started = process.hrtime.bigint();
    const text = await post();
    const answer = JSON.parse(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.errors?.length) throw new Error(`The query failed: ${JSON.stringify(answer.errors).slice(0, 500)}`);
    bytes = text.length;
  }
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ times, bytes })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
