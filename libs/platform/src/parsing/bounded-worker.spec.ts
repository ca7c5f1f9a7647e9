import { tooManyAttempts } from '../errors/app-error';
import { boundedWorkersRunning, runInBoundedWorker } from './bounded-worker';
import { ParsingRefused } from './parsing-limits';

const FIXTURE = require.resolve('./bounded-worker.fixture');
const limits = { timeoutMs: 10_000, maxHeapMb: 64, maxConcurrent: 2 };
const task = (exportName: string, input: unknown = {}) => ({ module: FIXTURE, exportName, input });

/** The bounded worker thread, under jest (the bootstrap registers the TypeScript loader itself). */
describe('runInBoundedWorker', () => {
  it('runs a TypeScript task in another thread and returns its result', async () => {
    expect(await runInBoundedWorker(task('echo', { text: 'hello' }), limits)).toEqual({ echoed: 'hello', inWorker: true });
    expect(boundedWorkersRunning()).toBe(0);
  });

  it('stops a task that runs past the time limit, while this thread stays free', async () => {
    const started = Date.now();
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 50);
    try {
      const refusal = await runInBoundedWorker(task('spin'), { ...limits, timeoutMs: 1500 }, 'The test file').catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(ParsingRefused);
      expect(refusal).toMatchObject({
        limit: 'time',
        message:
          'The test file took longer than 1.5 s to read and was stopped. Make it simpler (fewer pages, tables or images) or split it.',
      });
      expect(Date.now() - started).toBeLessThan(5000);
      // The busy loop ran in the other thread: this one kept its timers (about 30 ticks in 1.5 s).
      expect(ticks).toBeGreaterThan(15);
    } finally {
      clearInterval(ticking);
    }
    expect(boundedWorkersRunning()).toBe(0);
  });

  it('stops a task that needs more than the heap limit, and this process lives on', async () => {
    const before = process.memoryUsage().heapUsed;
    const refusal = await runInBoundedWorker(task('hog'), { ...limits, maxHeapMb: 32, timeoutMs: 30_000 }, 'The test file').catch(
      (e: unknown) => e,
    );
    expect(refusal).toMatchObject({
      limit: 'memory',
      message: expect.stringContaining('The test file needs more than 32 MB of memory to read and was stopped'),
    });
    // The thread's heap was its own: ours did not grow by anything like it.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
    expect(await runInBoundedWorker(task('echo', { text: 'still here' }), limits)).toMatchObject({ echoed: 'still here' });
  });

  it('reports what a task threw as unreadable', async () => {
    await expect(runInBoundedWorker(task('fail'), limits, 'The test file')).rejects.toMatchObject({
      limit: 'unreadable',
      message: 'The test file could not be read: the task gave up',
    });
    await expect(runInBoundedWorker(task('missing'), limits)).rejects.toMatchObject({
      limit: 'unreadable',
      message: expect.stringContaining('exports no function missing'),
    });
  });

  it('runs at most maxConcurrent threads; the next waits for a free one, and gives up with TOO_MANY_ATTEMPTS after timeoutMs', async () => {
    const one = { ...limits, maxConcurrent: 1, timeoutMs: 2000 };
    const spinning = runInBoundedWorker(task('spin'), one).catch((e: unknown) => e);
    expect(boundedWorkersRunning()).toBe(1);
    const waiting = runInBoundedWorker(task('echo', { text: 'after' }), { ...one, timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(await waiting).toMatchObject({
      code: tooManyAttempts('', 1).code,
      message: 'Too many files are being read at the moment; try again in 1 second.',
    });
    expect(await spinning).toMatchObject({ limit: 'time' });
    // A waiter that got a thread in time runs normally.
    const first = runInBoundedWorker(task('echo', { text: 'first' }), { ...one, timeoutMs: 20_000 });
    const second = runInBoundedWorker(task('echo', { text: 'second' }), { ...one, timeoutMs: 20_000 });
    expect(boundedWorkersRunning()).toBe(1);
    expect(await Promise.all([first, second])).toEqual([
      expect.objectContaining({ echoed: 'first' }),
      expect.objectContaining({ echoed: 'second' }),
    ]);
    expect(boundedWorkersRunning()).toBe(0);
  });
});
