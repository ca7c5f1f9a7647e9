import { Injectable } from '@nestjs/common';
import { JobHandler } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReportQueue, STUCK_AFTER_MS } from './report-queue';

/** Recovers renders that a dead worker or a Redis that lost its data left behind. */
@Injectable()
export class ReportSweepService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ReportQueue,
  ) {}

  /** Re-queues reports whose worker died while rendering (and queued ones whose job Redis lost). */
  @JobHandler({ queue: 'maintenance', name: 'sweep-reports', everyMs: (config) => config.outboxSweepIntervalMs })
  async sweep(): Promise<{ requeued: number }> {
    const rows: { id: string; status: string }[] = await this.dataSource.query(
      `SELECT id, status FROM report WHERE status = 'QUEUED' OR (status = 'GENERATING' AND started_at < now() - make_interval(secs => $1::float / 1000))`,
      [STUCK_AFTER_MS],
    );
    let requeued = 0;
    for (const row of rows) {
      const state = await this.queue.firstJobState(row.id);
      if (row.status === 'GENERATING' || state === 'missing' || state === 'completed' || state === 'failed') {
        await this.queue.enqueue(row, `-sweep-${Date.now()}`);
        requeued++;
      }
    }
    return { requeued };
  }
}
