import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { currentRequestId, isWellFormedRequestId, runWithRequestContext } from '../request-context/request-context';
import { QUEUE_NAMES, QueueName } from './queues';

/** The field of a job's data that holds the id of the request that enqueued it. */
export const JOB_REQUEST_ID = 'requestId';

const withRequestId = (data: unknown) => {
  const requestId = currentRequestId();
  if (!requestId || !data || typeof data !== 'object' || JOB_REQUEST_ID in data) return data;
  return { ...data, [JOB_REQUEST_ID]: requestId };
};

/**
 * Every job added while a request runs carries that request's id in its data, whoever adds it: the
 * queues are wrapped once here rather than every producer remembering to pass it.
 */
@Injectable()
export class JobRequestIdPropagation implements OnModuleInit {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit() {
    for (const name of QUEUE_NAMES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      const add = queue.add.bind(queue);
      const addBulk = queue.addBulk.bind(queue);
      queue.add = (jobName, data, opts) => add(jobName, withRequestId(data), opts);
      queue.addBulk = (jobs) => addBulk(jobs.map((job) => ({ ...job, data: withRequestId(job.data) })));
    }
  }
}

/**
 * Runs a job with the id of the request that enqueued it (a new one for scheduled jobs, which no
 * request caused), so the worker's log lines for it can be traced back to that request.
 */
export function runJobInContext<T>(queue: QueueName, job: Job, fn: () => Promise<T>): Promise<T> {
  const carried = (job.data as Record<string, unknown> | undefined)?.[JOB_REQUEST_ID];
  const requestId = isWellFormedRequestId(carried) ? carried : randomUUID();
  return runWithRequestContext({ requestId, job: `${queue}/${job.name}/${job.id}` }, fn);
}
