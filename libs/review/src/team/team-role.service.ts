import { Injectable } from '@nestjs/common';
import { badInput, CurrentUser, forbidden, notFound } from '@peervisit/platform';
import { DataSource, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { ROLE_LABEL } from '../access/review-permissions';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { ReviewRole, TeamMember } from './team-member.entity';

/**
 * The expert leader changes a member's role. The old membership ends and a new one starts, so the
 * history says who held which role when (memberships are never rewritten in place).
 */
@Injectable()
export class TeamRoleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly changes: ReviewChanges,
  ) {}

  async changeRole(user: CurrentUser, reviewId: string, memberId: string, role: ReviewRole): Promise<TeamMember> {
    await this.access.require(user, reviewId, 'team.manage');
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await manager.findOneBy(Review, { id: reviewId });
      if (!review) throw notFound(`Review ${reviewId}`);
      assertAllowed(review, 'manageTeam');
      const member = await manager.findOne(TeamMember, {
        where: { id: memberId, reviewId, removedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw notFound(`Team member ${memberId} of this review`);
      if (member.role === role) throw badInput(`They already are the ${ROLE_LABEL[role]}.`, [{ path: 'role', message: 'unchanged' }]);
      // Leaving the review without its leader is the secretariat's call, not the leader's own.
      if (member.personId === user.personId && !user.isAdmin)
        throw forbidden('You cannot change your own role; ask the network secretariat.');
      member.removedAt = new Date();
      member.removedById = user.personId;
      await manager.save(member);
      const next = await manager.save(manager.create(TeamMember, { reviewId, personId: member.personId, role, addedById: user.personId }));
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'team.roleChange',
        entityType: 'TeamMember',
        entityId: next.id,
        before: { memberId: member.id, role: member.role },
        after: { memberId: next.id, role },
      });
      return next;
    });
  }
}
