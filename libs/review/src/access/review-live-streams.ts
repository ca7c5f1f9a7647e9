import { Inject, Injectable } from '@nestjs/common';
import {
  CurrentUser,
  DomainEvents,
  EventPhase,
  forbidden,
  guardedStream,
  notFound,
  OnEvent,
  PUB_SUB,
  PubSub,
  RECHECK_ACCESS,
} from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewStatus } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewRole } from '../team/team-member.entity';
import { ReviewAccessService } from './review-access.service';
import { ReviewPermission } from './review-permissions';

/** The pub-sub channel that tells a review's open streams to check their readers' access again. */
export const reviewAccessChannel = (reviewId: string) => `reviewAccess.${reviewId}`;

/**
 * Live streams of a review's data (subscriptions) that end as soon as their reader loses access.
 * The reader's access is checked when they subscribe, again before every event, and whenever the
 * review commits a change (`review.changed`: team members added or removed, status transitions
 * such as cancelling), so a removed person's stream ends at once, not at the next event.
 * A cancelled review streams nothing: nothing more happens in it.
 */
@Injectable()
export class ReviewLiveStreams {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

  /** Every committed change of the review: its open streams check their readers again, on every API instance. */
  @OnEvent('review.changed', EventPhase.AFTER_COMMIT)
  async recheckAccess({ reviewId }: DomainEvents['review.changed']): Promise<void> {
    await this.pubSub.publish(reviewAccessChannel(reviewId), RECHECK_ACCESS);
  }

  /** The events of `trigger` for as long as the person has `permission` in the review (FORBIDDEN at once otherwise). */
  async open<T>(user: CurrentUser, reviewId: string, permission: ReviewPermission, trigger: string): Promise<AsyncIterableIterator<T>> {
    const allowed = () => this.requireLive(user, reviewId, permission);
    await allowed();
    return guardedStream<T>(this.pubSub, { triggers: [trigger], recheckOn: [reviewAccessChannel(reviewId)], allowed });
  }

  /** One statement: the review's status and the person's current roles in it. */
  private async requireLive(user: CurrentUser, reviewId: string, permission: ReviewPermission): Promise<void> {
    const [row]: { status: ReviewStatus; roles: ReviewRole[] }[] = await this.dataSource.query(
      `SELECT r.status, coalesce(array_agg(m.role::text) FILTER (WHERE m.id IS NOT NULL), '{}') AS roles
         FROM review r LEFT JOIN team_member m ON m.review_id = r.id AND m.person_id = $2 AND m.removed_at IS NULL
        WHERE r.id = $1 GROUP BY r.status`,
      [reviewId, user.personId],
    );
    if (!row) {
      if (user.isAdmin) throw notFound(`Review ${reviewId}`);
      throw forbidden('You are not a member of this review.');
    }
    this.access.check(user, row.roles, permission);
    assertAllowed(row, 'followLive');
  }
}
