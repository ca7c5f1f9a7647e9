import { SetMetadata } from '@nestjs/common';
import { QueueName } from './queues';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerOptions {
  queue: QueueName;
  name: string;
  /** Registers a repeatable schedule (upsertJobScheduler) every that many milliseconds. */
  everyMs?: number;
}

/** Marks a provider method as the handler of one job; found at start-up by JobHandlerRegistry. */
export const JobHandler = (options: JobHandlerOptions) => SetMetadata(JOB_HANDLER, options);
