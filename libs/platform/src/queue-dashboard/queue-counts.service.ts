import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES, QueueName } from '../queue/queues';

export interface QueueJobCounts {
  name: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

/** Redis may not answer: the page says so instead of waiting for it (null). */
const TIMEOUT_MS = 2000;

/** How many jobs each queue holds, by state, read from Redis now (the figures of the queue metrics, for the secretariat's page). */
@Injectable()
export class QueueCounts {
  constructor(private readonly moduleRef: ModuleRef) {}

  async all(): Promise<QueueJobCounts[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const read = Promise.all(
      QUEUE_NAMES.map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
        return {
          name,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        };
      }),
    );
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), TIMEOUT_MS)));
    try {
      return await Promise.race([read.catch(() => null), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
