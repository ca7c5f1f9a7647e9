import { Injectable } from '@nestjs/common';
import { City } from '@peervisit/directory/entities';
import { badInput, CurrentUser, invalidTransition, notFound } from '@peervisit/platform';
import { DataSource, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { formatInZone, parseInZone } from '../review/zoned-time';
import { VisitSession } from './visit-session.entity';

const MAX_DAYS = 366;

/** The same wall-clock time N calendar days later in the zone, so a move across a DST change keeps 09:00 at 09:00. */
export function shiftDays(instant: Date, days: number, timeZone: string): Date {
  const local = formatInZone(instant, timeZone).slice(0, 19);
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return parseInZone(`${day.toISOString().slice(0, 10)}T${local.slice(11)}`, timeZone) ?? new Date(instant.getTime() + days * 86400000);
}

/**
 * Moves the whole visit (its window and every session still planned) by whole days, as one change:
 * one transaction, one recomputation of the review's reminders (ReviewChanges runs it once per
 * transaction), not one per session as moving them one by one would.
 */
@Injectable()
export class MoveVisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly changes: ReviewChanges,
  ) {}

  async move(user: CurrentUser, reviewId: string, days: number): Promise<Review> {
    await this.access.require(user, reviewId, 'programme.manage');
    if (!Number.isInteger(days) || days === 0 || Math.abs(days) > MAX_DAYS) {
      throw badInput(`Move the visit by a whole number of days, from -${MAX_DAYS} to ${MAX_DAYS}, not 0.`, [
        { path: 'days', message: 'a non-zero whole number of days within a year' },
      ]);
    }
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      // The programme's own lock: no session is scheduled in between and left behind.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`programme:${reviewId}`]);
      const review = await manager.findOne(Review, { where: { id: reviewId }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'moveVisit');
      if (!review.visitStartsAt || !review.visitEndsAt)
        throw invalidTransition('The visit has no dates yet: set the visit start and end in the timeline first.');
      const { timeZone } = await manager.findOneByOrFail(City, { id: review.hostCityId });
      const sessions = await manager.find(VisitSession, {
        where: { reviewId, cancelledAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      const before = { visitStartsAt: review.visitStartsAt, visitEndsAt: review.visitEndsAt };
      review.visitStartsAt = shiftDays(review.visitStartsAt, days, timeZone);
      review.visitEndsAt = shiftDays(review.visitEndsAt, days, timeZone);
      await manager.save(review);
      for (const session of sessions) {
        const was = { startsAt: session.startsAt, endsAt: session.endsAt };
        // A new version: calendar invites already sent go out again as updates (SEQUENCE follows it).
        Object.assign(session, {
          startsAt: shiftDays(session.startsAt, days, timeZone),
          endsAt: shiftDays(session.endsAt, days, timeZone),
          version: session.version + 1,
        });
        await manager.save(session);
        // Per session as for a single move, so "session updated" mail can say where it was before.
        await this.audit.record(manager, {
          reviewId,
          actorId: user.personId,
          action: 'programme.update',
          entityType: 'VisitSession',
          entityId: session.id,
          before: was,
          after: { startsAt: session.startsAt, endsAt: session.endsAt },
        });
      }
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'programme.move',
        entityType: 'Review',
        entityId: reviewId,
        before,
        after: { days, visitStartsAt: review.visitStartsAt, visitEndsAt: review.visitEndsAt, sessions: sessions.length },
      });
      return review;
    });
  }
}
