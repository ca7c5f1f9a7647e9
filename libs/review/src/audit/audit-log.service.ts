import { Injectable } from '@nestjs/common';
import { PageArgs, paginate } from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/**
 * Plain JSON of an entity's columns, for before/after (dates as ISO strings). People are kept by id
 * only: an email or a full name, and a loaded person or stakeholder, are left out (the trail resolves
 * ids to names when it is read: AuditEntryResolver), so the trail never keeps a copy that an erasure
 * or retention could not reach.
 */
export function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  return entity ? (JSON.parse(JSON.stringify(entity, withoutPersonalData)) as Record<string, unknown>) : null;
}

const PERSONAL_KEYS = new Set(['email', 'fullName', 'passwordHash']);
const isPersonOrStakeholder = (value: unknown) =>
  !!value && typeof value === 'object' && 'id' in value && ('fullName' in value || 'consentToBeNamed' in value);

function withoutPersonalData(this: unknown, key: string, value: unknown): unknown {
  return PERSONAL_KEYS.has(key) || isPersonOrStakeholder(value) ? undefined : value;
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
