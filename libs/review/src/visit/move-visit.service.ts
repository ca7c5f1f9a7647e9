import { Injectable } from '@nestjs/common';
import { City } from '@peervisit/directory/entities';
import { badInput, CurrentUser, invalidTransition, isUuid, notFound } from '@peervisit/platform';
import { DataSource, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { formatInZone, parseInZone } from '../review/zoned-time';
import { VisitSession } from './visit-session.entity';

const MAX_DAYS = 366;
/** More than any programme has (a week of sessions every half hour); a longer list is refused, not read. */
const MAX_SESSIONS = 500;

/** The same wall-clock time N calendar days later in the zone, so a move across a DST change keeps 09:00 at 09:00. */
export function shiftDays(instant: Date, days: number, timeZone: string): Date {
  const local = formatInZone(instant, timeZone).slice(0, 19);
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return parseInZone(`${day.toISOString().slice(0, 10)}T${local.slice(11)}`, timeZone) ?? new Date(instant.getTime() + days * 86400000);
}

/**
 * The statements a move sends, whatever the number of sessions (the move's own, in order). The
 * review's `review.changed` handlers add theirs (the reminders recomputed once: a fixed set of reads
 * and one upsert of every reminder; their jobs queued after commit with one read and one addBulk),
 * which do not depend on the number of sessions either. move-visit.spec.ts asserts the total.
 */
export const MOVE_VISIT_STATEMENTS = [
  "the caller's roles (access.require)",
  'BEGIN',
  "the programme's advisory lock",
  'the review, locked',
  'its host city (time zone)',
  'the sessions to move, locked',
  'every moved session rewritten (one UPDATE from a recordset)',
  'the visit window (whole visit only)',
  'the audit entries, one per session and one for the move (one INSERT from a recordset)',
  'COMMIT',
] as const;

/**
 * Moves the whole visit (its window and every session still planned), or a set of its sessions, by
 * whole days, as one change: one transaction, a fixed number of statements whatever the number of
 * sessions (MOVE_VISIT_STATEMENTS), one recomputation of the review's reminders (ReviewChanges runs it
 * once per transaction; it upserts them in one statement) and their jobs queued in bulk after commit,
 * not one of each per session as moving them one by one would.
 */
@Injectable()
export class MoveVisitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly changes: ReviewChanges,
  ) {}

  /**
   * `sessionIds` given: only those sessions move (each a planned session of the review, staying inside
   * the visit window), the window stays. Otherwise the window and every planned session move.
   */
  async move(user: CurrentUser, reviewId: string, days: number, sessionIds?: string[] | null): Promise<Review> {
    await this.access.require(user, reviewId, 'programme.manage');
    if (!Number.isInteger(days) || days === 0 || Math.abs(days) > MAX_DAYS) {
      throw badInput(`Move the visit by a whole number of days, from -${MAX_DAYS} to ${MAX_DAYS}, not 0.`, [
        { path: 'days', message: 'a non-zero whole number of days within a year' },
      ]);
    }
    const chosen = sessionIds ? [...new Set(sessionIds.map((id) => id.trim().toLowerCase()))] : null;
    if (chosen && (!chosen.length || chosen.length > MAX_SESSIONS || !chosen.every(isUuid))) {
      throw badInput(`Name from 1 to ${MAX_SESSIONS} sessions of the programme to move, or none to move the whole visit.`, [
        { path: 'sessionIds', message: chosen.length ? 'not session ids of this review' : 'empty' },
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
        where: { reviewId, cancelledAt: IsNull(), ...(chosen ? { id: In(chosen) } : {}) },
        select: { id: true, startsAt: true, endsAt: true, version: true },
        lock: { mode: 'pessimistic_write' },
        order: { startsAt: 'ASC' },
      });
      if (chosen && sessions.length !== chosen.length) {
        const found = new Set(sessions.map((s) => s.id));
        const missing = chosen.filter((id) => !found.has(id));
        throw badInput(`Not planned sessions of this review: ${missing.join(', ')}.`, [
          { path: 'sessionIds', message: missing.join(', ') },
        ]);
      }
      const window = chosen
        ? { startsAt: review.visitStartsAt, endsAt: review.visitEndsAt }
        : { startsAt: shiftDays(review.visitStartsAt, days, timeZone), endsAt: shiftDays(review.visitEndsAt, days, timeZone) };
      const moved = sessions.map((s) => ({
        id: s.id,
        before: { startsAt: s.startsAt, endsAt: s.endsAt },
        after: { startsAt: shiftDays(s.startsAt, days, timeZone), endsAt: shiftDays(s.endsAt, days, timeZone) },
      }));
      const outside = moved.filter((m) => m.after.startsAt < window.startsAt || m.after.endsAt > window.endsAt);
      if (outside.length) {
        throw badInput(
          `Moved by ${days} days, ${outside.length} session(s) would fall outside the visit window (${formatInZone(window.startsAt, timeZone)} to ${formatInZone(window.endsAt, timeZone)}): move the whole visit, or fewer days.`,
          outside.map((m) => ({ path: 'sessionIds', message: `${m.id} would start ${formatInZone(m.after.startsAt, timeZone)}` })),
        );
      }
      // A new version per session: calendar invites already sent go out again as updates (SEQUENCE follows it).
      if (moved.length) {
        await manager.query(
          `UPDATE visit_session s SET starts_at = m.starts_at, ends_at = m.ends_at, version = s.version + 1, updated_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, starts_at timestamptz, ends_at timestamptz)
            WHERE s.id = m.id`,
          [JSON.stringify(moved.map((m) => ({ id: m.id, starts_at: m.after.startsAt, ends_at: m.after.endsAt })))],
        );
      }
      const before = { visitStartsAt: review.visitStartsAt, visitEndsAt: review.visitEndsAt };
      if (!chosen) {
        await manager.query('UPDATE review SET visit_starts_at = $2, visit_ends_at = $3, updated_at = now() WHERE id = $1', [
          reviewId,
          window.startsAt,
          window.endsAt,
        ]);
        Object.assign(review, { visitStartsAt: window.startsAt, visitEndsAt: window.endsAt });
      }
      // Per session as for a single move, so "session updated" mail can say where it was before; then the move itself.
      const entries = [
        ...moved.map((m) => ({
          action: 'programme.update',
          entity_type: 'VisitSession',
          entity_id: m.id,
          before: m.before,
          after: m.after,
        })),
        {
          action: 'programme.move',
          entity_type: 'Review',
          entity_id: reviewId,
          before,
          after: {
            days,
            visitStartsAt: review.visitStartsAt,
            visitEndsAt: review.visitEndsAt,
            sessions: moved.length,
            ...(chosen ? { sessionIds: chosen } : {}),
          },
        },
      ];
      await manager.query(
        `INSERT INTO audit_entry (review_id, actor_id, action, entity_type, entity_id, before, after)
         SELECT $1, $2, e.action, e.entity_type, e.entity_id, e.before, e.after
           FROM jsonb_to_recordset($3::jsonb) AS e(action text, entity_type text, entity_id uuid, before jsonb, after jsonb)`,
        [reviewId, user.personId, JSON.stringify(entries)],
      );
      return review;
    });
  }
}
