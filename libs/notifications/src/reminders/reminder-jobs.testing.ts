// Shared by the reminder specs: what the outbox holds for a review, and which of it has no job.
import { sendJobId } from '@peervisit/platform';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

export interface ScheduledRow {
  id: string;
  version: number;
  dedupe_key: string;
  due_at: Date;
}

export const scheduledRows = (dataSource: DataSource, reviewId: string): Promise<ScheduledRow[]> =>
  dataSource.query(
    "SELECT id, version, dedupe_key, due_at FROM outbox_message WHERE review_id = $1 AND status = 'SCHEDULED' ORDER BY dedupe_key",
    [reviewId],
  );

/** Dedupe keys of scheduled rows with no delayed job for their current version (only the sweeper would send them, late). */
export async function scheduledWithoutJob(dataSource: DataSource, queue: Queue, reviewId: string): Promise<string[]> {
  const missing: string[] = [];
  for (const row of await scheduledRows(dataSource, reviewId)) {
    const job = await queue.getJob(sendJobId(row));
    if (!job || (await job.getState()) !== 'delayed') missing.push(row.dedupe_key);
  }
  return missing;
}
