import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tooManyAttempts } from '../errors/app-error';
import { formatSeconds, lowerFirst, ParsingLimits, ParsingRefused } from './parsing-limits';

/** The bootstrap every bounded worker thread starts from (plain JavaScript: it registers the TypeScript loader itself). */
const THREAD_ENTRY = join(__dirname, 'bounded-worker-thread.js');

/**
 * What a bounded worker thread runs: `exportName` of the module at `module` (an absolute path),
 * called with `input` (copied by structured clone), resolving to a result that can be cloned back.
 * The module should import only what the work needs: the thread loads it afresh each time.
 */
export interface BoundedTask {
  module: string;
  exportName: string;
  input: unknown;
}

const logger = new Logger('BoundedWorker');

let running = 0;
const waiting: (() => void)[] = [];

/** Worker threads reading files right now in this process (for tests and metrics). */
export function boundedWorkersRunning(): number {
  return running;
}

/**
 * Runs a task in a fresh worker thread with a heap limit (`maxHeapMb`) and a time limit
 * (`timeoutMs`, after which the thread is terminated), at most `maxConcurrent` at once per process:
 * a file that needs too much memory or time stops its own thread, never the API's event loop or heap.
 * `what` names the file in messages ("The Word document").
 *
 * Throws ParsingRefused ('time', 'memory', or 'unreadable' when the task itself threw), or
 * TOO_MANY_ATTEMPTS when no thread became free within `timeoutMs`.
 */
export async function runInBoundedWorker<T>(
  task: BoundedTask,
  limits: Pick<ParsingLimits, 'timeoutMs' | 'maxHeapMb' | 'maxConcurrent'>,
  what = 'The file',
): Promise<T> {
  await takeSlot(limits);
  try {
    return await runThread<T>(task, limits, what);
  } finally {
    releaseSlot();
  }
}

function runThread<T>(task: BoundedTask, limits: Pick<ParsingLimits, 'timeoutMs' | 'maxHeapMb'>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(THREAD_ENTRY, {
      workerData: task,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    const started = Date.now();
    logger.debug(`Reading ${lowerFirst(what)} in a worker thread (${task.exportName})`);
    let settled = false;
    // Answers once the thread is gone, so that its heap is free before the next one takes the slot.
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().then(outcome, outcome);
    };
    const refuse = (refusal: ParsingRefused) =>
      settle(() => {
        // A person's file went past a limit: worth knowing when it happens often (or to everyone).
        logger.warn(`Stopped reading ${lowerFirst(what)} (${refusal.limit} limit) after ${Date.now() - started} ms`);
        reject(refusal);
      });
    const timer = setTimeout(
      () =>
        refuse(
          new ParsingRefused(
            'time',
            `${what} took longer than ${formatSeconds(limits.timeoutMs)} to read and was stopped. Make it simpler (fewer pages, tables or images) or split it.`,
          ),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (message: { result?: T; error?: string }) =>
      settle(() => {
        if ('error' in message) return reject(new ParsingRefused('unreadable', `${what} could not be read: ${message.error}`));
        logger.debug(`Read ${lowerFirst(what)} in ${Date.now() - started} ms`);
        resolve(message.result as T);
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse(
            new ParsingRefused(
              'memory',
              `${what} needs more than ${limits.maxHeapMb} MB of memory to read and was stopped. Make it simpler (fewer pages, tables or images) or split it.`,
            ),
          )
        : settle(() => reject(error)),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`The worker thread reading ${lowerFirst(what)} exited (code ${code}) without an answer.`))),
    );
  });
}

async function takeSlot(limits: Pick<ParsingLimits, 'timeoutMs' | 'maxConcurrent'>): Promise<void> {
  if (running < limits.maxConcurrent) {
    running++;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const start = () => {
      clearTimeout(timer);
      running++;
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(start), 1);
      const retryAfterSeconds = Math.ceil(limits.timeoutMs / 1000);
      reject(
        tooManyAttempts(
          `Too many files are being read at the moment; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
          retryAfterSeconds,
        ),
      );
    }, limits.timeoutMs);
    waiting.push(start);
  });
}

function releaseSlot(): void {
  running--;
  waiting.shift()?.();
}
