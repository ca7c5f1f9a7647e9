import { Injectable } from '@nestjs/common';
import { PageArgs, paginate } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/** Plain JSON of an entity's columns, for before/after (dates as ISO strings). */
export function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  return entity ? (JSON.parse(JSON.stringify(entity)) as Record<string, unknown>) : null;
}

@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Records one change; call it with the manager of the transaction that makes the change. */
  async record(
    manager: EntityManager,
    entry: {
      reviewId: string;
      actorId: string | null;
      action: string;
      entityType: string;
      entityId: string;
      before?: object | null;
      after?: object | null;
    },
  ): Promise<void> {
    await manager.insert(AuditEntry, { ...entry, before: snapshot(entry.before) as never, after: snapshot(entry.after) as never });
  }

  trail(reviewId: string, page: PageArgs) {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry').where('entry.reviewId = :reviewId', { reviewId });
    return paginate(query, page, 'at', 'DESC');
  }
}
