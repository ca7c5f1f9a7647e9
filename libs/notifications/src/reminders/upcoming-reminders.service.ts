import { Injectable } from '@nestjs/common';
import { City } from '@peervisit/directory/entities';
import { CurrentUser, isUuid, notFound } from '@peervisit/platform';
import { formatInZone, ReviewAccessService } from '@peervisit/review';
import { Review, ReviewRole } from '@peervisit/review/entities';
import { DataSource } from 'typeorm';
import { UpcomingReminder } from '../admin/notifications.types';
import { reminderPrefix } from './reminder-planner';

/** At most this many are listed: the soonest first. */
export const UPCOMING_MAX = 100;

const HOST_ROLES = [ReviewRole.HOST_COORDINATOR, ReviewRole.HOST_CONTRIBUTOR];

/**
 * A review's reminders still to come, read from the outbox (the planner's rows, status SCHEDULED,
 * due from now on), soonest first. Each reader sees the ones that concern them: the expert leader and
 * the secretariat all of them; the host city those going to its own people (the coordinator's
 * follow-up checkpoints, the contributors' self-assessment reminders); anyone else their own.
 */
@Injectable()
export class UpcomingReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  async of(user: CurrentUser, reviewId: string): Promise<UpcomingReminder[]> {
    if (!isUuid(reviewId)) throw notFound(`Review ${reviewId}`);
    const roles = await this.access.require(user, reviewId, 'review.read');
    const review = await this.dataSource.getRepository(Review).findOneBy({ id: reviewId.toLowerCase() });
    if (!review) throw notFound(`Review ${reviewId}`);
    const city = await this.dataSource.getRepository(City).findOneByOrFail({ id: review.hostCityId });
    const all = user.isAdmin || roles.includes(ReviewRole.EXPERT_LEADER);
    const host = roles.some((r) => HOST_ROLES.includes(r));
    const rows: {
      id: string;
      template: string;
      due_at: Date;
      recipient_id: string | null;
      recipient_name: string | null;
      session_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT o.id, o.template, o.due_at, o.recipient_id, p.full_name AS recipient_name, o.data->>'sessionId' AS session_id
         FROM outbox_message o
         LEFT JOIN person p ON p.id = o.recipient_id
        WHERE o.review_id = $1 AND o.status = 'SCHEDULED' AND o.due_at >= now()
          AND starts_with(o.dedupe_key, $2)
          AND ($3::boolean
            OR o.recipient_id = $4
            OR ($5::boolean AND EXISTS (
                SELECT 1 FROM team_member m
                 WHERE m.review_id = o.review_id AND m.person_id = o.recipient_id AND m.removed_at IS NULL
                   AND m.role::text = ANY($6::text[]))))
        ORDER BY o.due_at, p.full_name, o.id
        LIMIT ${UPCOMING_MAX}`,
      [review.id, reminderPrefix(review.id), all, user.personId, host, HOST_ROLES],
    );
    return rows.map((r) => ({
      id: r.id,
      template: r.template,
      dueAt: new Date(r.due_at),
      dueLocal: formatInZone(new Date(r.due_at), city.timeZone),
      recipientId: r.recipient_id,
      recipientName: r.recipient_name,
      sessionId: r.session_id,
    }));
  }
}
