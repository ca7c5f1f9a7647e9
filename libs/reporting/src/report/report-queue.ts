import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Report } from './report.entity';

/** A report still "generating" after this long is taken to have lost its worker, and is rendered again. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;

/** The `reports` queue: one render job per version (the sweeper adds a suffix to queue it again). */
@Injectable()
export class ReportQueue {
  constructor(@InjectQueue('reports') private readonly queue: Queue) {}

  enqueue(report: Pick<Report, 'id'>, suffix = '') {
    return this.queue.add(
      'render-report',
      { id: report.id },
      { jobId: `report-${report.id}${suffix}`, attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
    );
  }

  /** The state of a version's first render job, or 'missing' when Redis has none. */
  async firstJobState(reportId: string): Promise<string> {
    const job = await this.queue.getJob(`report-${reportId}`);
    return job ? await job.getState() : 'missing';
  }
}
