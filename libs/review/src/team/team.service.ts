import { Injectable } from '@nestjs/common';
import { AuthService, normaliseEmail, Person } from '@peervisit/directory';
import { badInput, conflict, CurrentUser, forbidden, invalidTransition, notFound } from '@peervisit/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { ROLE_LABEL } from '../access/review-permissions';
import { AuditLog } from '../audit/audit-log.service';
import { Review, ReviewStatus } from '../review/review.entity';
import { ReviewChanges } from '../review/review-changes';
import { ReviewRole, TeamMember } from './team-member.entity';

export const REVIEW_TEAM_INVITATION = 'review-team';

export interface AddMemberResult {
  member: TeamMember | null;
  invitedEmail: string | null;
}

/** The review team: who is on it in which role; people without an account are invited by email. */
@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    private readonly changes: ReviewChanges,
  ) {}

  /** Accepting a review-team invitation adds the membership, in the accepting transaction. */
  registerInvitationHandler(): void {
    this.auth.onInvitationAccepted(REVIEW_TEAM_INVITATION, async (manager, person, payload) => {
      const reviewId = String(payload.reviewId);
      const role = payload.role as ReviewRole;
      const review = await manager.findOneBy(Review, { id: reviewId });
      if (!review || [ReviewStatus.CLOSED, ReviewStatus.CANCELLED].includes(review.status)) {
        throw invalidTransition('The review you were invited to is closed or cancelled.');
      }
      if (await manager.existsBy(TeamMember, { reviewId, personId: person.id, removedAt: IsNull() })) return;
      const member = await manager.save(manager.create(TeamMember, { reviewId, personId: person.id, role, addedById: (payload.invitedById as string) ?? null }));
      await this.audit.record(manager, { reviewId, actorId: person.id, action: 'team.join', entityType: 'TeamMember', entityId: member.id, after: member });
      // Jobs for the new member's reminders are queued when due by the outbox sweeper.
      await this.changes.changed(manager, reviewId);
    });
  }

  active(reviewIds: readonly string[]): Promise<TeamMember[]> {
    return this.dataSource.getRepository(TeamMember).find({ where: { reviewId: In([...reviewIds]), removedAt: IsNull() }, order: { addedAt: 'ASC' } });
  }

  async add(user: CurrentUser, reviewId: string, input: { personId?: string; email?: string; role: ReviewRole }): Promise<AddMemberResult> {
    await this.requireManage(user, reviewId, input.role);
    if (!!input.personId === !!input.email) throw badInput('Give either personId (someone with an account) or email (to invite someone).', [{ path: 'personId', message: 'give exactly one of personId and email' }]);
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.openReview(manager, reviewId);
      const person = input.personId
        ? await manager.findOneBy(Person, { id: input.personId })
        : await manager.findOneBy(Person, { email: normaliseEmail(input.email!) });
      if (input.personId && !person) throw notFound(`Person ${input.personId}`);
      if (!person) {
        const inviter = await manager.findOneByOrFail(Person, { id: user.personId });
        await this.auth.invite(manager, {
          email: input.email!,
          kind: REVIEW_TEAM_INVITATION,
          payload: { reviewId, role: input.role, invitedById: user.personId },
          invitedBy: inviter,
          reviewId,
          reviewTitle: review.title,
          roleLabel: ROLE_LABEL[input.role],
        });
        await this.audit.record(manager, { reviewId, actorId: user.personId, action: 'team.invite', entityType: 'Review', entityId: reviewId, after: { email: normaliseEmail(input.email!), role: input.role } });
        return { member: null, invitedEmail: normaliseEmail(input.email!) };
      }
      const existing = await manager.findOneBy(TeamMember, { reviewId, personId: person.id, removedAt: IsNull() });
      if (existing) throw conflict(`${person.fullName} is already on the team as ${ROLE_LABEL[existing.role]}. Remove that membership first to change the role.`);
      const member = await manager.save(manager.create(TeamMember, { reviewId, personId: person.id, role: input.role, addedById: user.personId }));
      await this.audit.record(manager, { reviewId, actorId: user.personId, action: 'team.add', entityType: 'TeamMember', entityId: member.id, after: member });
      return { member, invitedEmail: null };
    });
  }

  /** Ends a membership; the row stays with removedAt, so the history of who was on the team is kept. */
  async remove(user: CurrentUser, reviewId: string, memberId: string): Promise<TeamMember> {
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const member = await manager.findOneBy(TeamMember, { id: memberId, reviewId, removedAt: IsNull() });
      if (!member) throw notFound(`Team member ${memberId} of this review`);
      await this.requireManage(user, reviewId, member.role);
      await this.openReview(manager, reviewId);
      const before = { ...member };
      member.removedAt = new Date();
      member.removedById = user.personId;
      const saved = await manager.save(member);
      await this.audit.record(manager, { reviewId, actorId: user.personId, action: 'team.remove', entityType: 'TeamMember', entityId: member.id, before, after: saved });
      return saved;
    });
  }

  private async requireManage(user: CurrentUser, reviewId: string, role: ReviewRole) {
    if (role === ReviewRole.HOST_CONTRIBUTOR) await this.access.require(user, reviewId, 'team.manageHostContributors');
    else {
      const roles = await this.access.require(user, reviewId, 'review.read');
      if (!user.isAdmin && !roles.includes(ReviewRole.EXPERT_LEADER)) {
        throw forbidden(`Only the expert leader can add or remove a ${ROLE_LABEL[role]}.`);
      }
    }
  }

  private async openReview(manager: EntityManager, reviewId: string): Promise<Review> {
    const review = await manager.findOneBy(Review, { id: reviewId });
    if (!review) throw notFound(`Review ${reviewId}`);
    if ([ReviewStatus.CLOSED, ReviewStatus.CANCELLED].includes(review.status)) throw invalidTransition(`The review is ${review.status.toLowerCase()}; its team can no longer change.`);
    return review;
  }
}
