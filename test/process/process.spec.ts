import { ChildProcess } from 'node:child_process';
import { startProcess as start, waitFor as waitUntil } from '../fault/processes';

/** Starts an app entry point as a real process, the way `npm start` and docker do. */
function startProcess(entry: string, env: Record<string, string>) {
  const app = start(entry, entry, env);
  return { child: app.child, exited: app.exited.then((e) => e.code), output: () => ({ stdout: app.stdout(), stderr: app.stderr() }) };
}

const waitFor = (check: () => boolean | Promise<boolean>, what: string) => waitUntil(check, what, 45000);

describe('the api and worker processes', () => {
  const started: ChildProcess[] = [];
  afterAll(() => started.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

  it('refuses to start on a wrong setting, naming the variable and what it expects', async () => {
    const api = startProcess('apps/api/src/main.ts', { PORT: 'eighty', REDIS_URL: 'http://localhost' });
    expect(await api.exited).toBe(1);
    expect(api.output().stderr).toContain('PORT="eighty": expected a port number');
    expect(api.output().stderr).toContain('REDIS_URL="http://localhost": expected a URL starting with redis:// or rediss://');
  });

  it('the api serves, then on SIGTERM stops taking requests, finishes and exits cleanly', async () => {
    const port = String(30000 + Math.floor(Math.random() * 20000));
    const api = startProcess('apps/api/src/main.ts', { PORT: port });
    started.push(api.child);
    await waitFor(() => api.output().stdout.includes('PeerVisit API listening'), 'the API to listen');
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(api.output().stdout).toContain('SIGTERM received: no new requests or jobs; waiting for running ones to finish');
    expect(api.output().stdout).toContain('Stopped cleanly');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('the worker runs on its own and exits cleanly on SIGTERM', async () => {
    const worker = startProcess('apps/worker/src/main.ts', {});
    started.push(worker.child);
    await waitFor(() => worker.output().stdout.includes('PeerVisit worker running'), 'the worker to start');
    expect(worker.output().stdout).toContain('Scheduled maintenance/purge-expired-tokens');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
