import { SetMetadata } from '@nestjs/common';
import type { AppConfig } from '../config/config.schema';
import { QueueName } from './queues';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

export interface JobHandlerOptions {
  queue: QueueName;
  name: string;
  /** Registers a repeatable schedule (upsertJobScheduler) every that many milliseconds (a number, or read from the config). */
  everyMs?: number | ((config: AppConfig) => number);
}

/** Marks a provider method as the handler of one job; found at start-up by JobHandlerRegistry. */
export const JobHandler = (options: JobHandlerOptions) => SetMetadata(JOB_HANDLER, options);
