import { request } from 'node:http';
import { startProcess, waitFor } from '../fault/processes';

/** GET /health on a new connection each time (no keep-alive), so the cluster hands each to a worker in turn. */
function health(port: number): Promise<{ status: number; servedBy: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, servedBy: res.headers['x-peervisit-process'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the api on several processes (API_PROCESSES)', () => {
  it('serves from two worker processes, restarts one that dies, and stops all of them on SIGTERM with exit 0', async () => {
    const port = 30000 + Math.floor(Math.random() * 20000);
    const api = startProcess('api', 'apps/api/src/main.ts', { PORT: String(port), API_PROCESSES: '2' });
    try {
      const listening = () =>
        api.logs().filter((l) => l.msg?.startsWith('PeerVisit API listening')) as { pid: number; apiProcess: number }[];
      await waitFor(
        () => listening().length >= 2 || api.child.exitCode !== null,
        'two API processes to listen',
        60000,
        () => api.stderr().slice(-2000),
      );
      const workers = listening();
      const pids = workers.map((w) => w.pid);
      expect(new Set(pids).size).toBe(2);
      expect(pids).not.toContain(api.child.pid);
      expect(workers.map((w) => w.apiProcess).sort()).toEqual([1, 2]);

      // Both processes answer requests on the one port.
      const answers = [];
      for (let i = 0; i < 12; i++) answers.push(await health(port));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(new Set(answers.map((a) => a.servedBy))).toEqual(new Set(['1', '2']));

      // A worker that dies is replaced, and the port keeps being served meanwhile.
      process.kill(pids[0], 'SIGKILL');
      await waitFor(
        () => listening().length >= 3,
        'a replacement API process',
        60000,
        () => api.stdout().slice(-2000),
      );
      const replacement = listening()[2];
      expect(pids).not.toContain(replacement.pid);
      expect(api.stdout()).toContain(`API process ${pids[0]} exited unexpectedly (code null, signal SIGKILL); starting another`);
      expect((await health(port)).status).toBe(200);

      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
      const remaining = [pids[1], replacement.pid];
      // Each worker ran its graceful shutdown, and none is left behind.
      expect(api.stdout().match(/Stopped cleanly/g)).toHaveLength(2);
      expect(api.stdout()).toContain('All API processes stopped cleanly');
      expect(remaining.filter(alive)).toEqual([]);
      await expect(health(port)).rejects.toThrow();
    } finally {
      if (api.child.exitCode === null) api.child.kill('SIGKILL');
    }
  });

  it('refuses a wrong API_PROCESSES before starting anything, saying what it expects', async () => {
    const api = startProcess('api', 'apps/api/src/main.ts', { API_PROCESSES: 'many' });
    expect((await api.exited).code).toBe(1);
    expect(api.stderr()).toContain('API_PROCESSES="many": expected a number of processes, or auto (or 0) for one per CPU core');
  });
});
