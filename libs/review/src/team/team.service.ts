import { Injectable } from '@nestjs/common';
import { AuthService, normaliseEmail } from '@peervisit/directory';
import { AuthToken, Person } from '@peervisit/directory/entities';
import { badInput, conflict, CurrentUser, forbidden, isUuid, notFound } from '@peervisit/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { ROLE_LABEL } from '../access/review-permissions';
import { AuditLog } from '../audit/audit-log.service';
import { Review } from '../review/review.entity';
import { assertAllowed } from '../review/review-capabilities';
import { ReviewChanges } from '../review/review-changes';
import { ReviewRole, TeamMember } from './team-member.entity';

export const REVIEW_TEAM_INVITATION = 'review-team';

export interface AddMemberResult {
  member: TeamMember | null;
  invitedEmail: string | null;
  invitation: AuthToken;
  /** The link's secret, for in-process callers that act as the invitee (the demo scripts); never sent over GraphQL. */
  token: string;
}

/**
 * The review team: who is on it in which role. Everyone joins by accepting an emailed invitation,
 * those with an account too: nobody is put on a team without saying yes, and the answer to the
 * inviter is the same whether or not the address has an account.
 */
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
    this.auth.onInvitationAccepted(
      REVIEW_TEAM_INVITATION,
      async (manager, person, payload) => {
        const reviewId = String(payload.reviewId);
        const role = payload.role as ReviewRole;
        const review = await manager.findOneBy(Review, { id: reviewId });
        if (!review) throw notFound(`Review ${reviewId}`);
        assertAllowed(review, 'joinTeam');
        if (await manager.existsBy(TeamMember, { reviewId, personId: person.id, removedAt: IsNull() })) return;
        const member = await manager.save(
          manager.create(TeamMember, { reviewId, personId: person.id, role, addedById: (payload.invitedById as string) ?? null }),
        );
        await this.audit.record(manager, {
          reviewId,
          actorId: person.id,
          action: 'team.join',
          entityType: 'TeamMember',
          entityId: member.id,
          after: member,
        });
        // The new member's reminders are planned in this transaction, their jobs queued after its commit.
        await this.changes.changed(manager, reviewId);
      },
      'TeamService.registerInvitationHandler',
    );
  }

  active(reviewIds: readonly string[]): Promise<TeamMember[]> {
    return this.dataSource
      .getRepository(TeamMember)
      .find({ where: { reviewId: In([...reviewIds]), removedAt: IsNull() }, order: { addedAt: 'ASC' } });
  }

  /** Invites someone (by account or email) to join the team in a role; they join when they accept. */
  async add(user: CurrentUser, reviewId: string, input: { personId?: string; email?: string; role: ReviewRole }): Promise<AddMemberResult> {
    await this.requireManage(user, reviewId, input.role);
    if (!!input.personId === !!input.email)
      throw badInput('Give either personId (someone with an account) or email (anyone).', [
        { path: 'personId', message: 'give exactly one of personId and email' },
      ]);
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const review = await this.openReview(manager, reviewId);
      let email = normaliseEmail(input.email ?? '');
      if (input.personId) {
        const person = isUuid(input.personId) ? await manager.findOneBy(Person, { id: input.personId }) : null;
        if (!person) throw notFound(`Person ${input.personId}`);
        email = person.email;
      }
      // The team list shows its members to whoever may invite, so saying that one already is tells nothing new.
      const member = await manager
        .createQueryBuilder(TeamMember, 'm')
        .innerJoin(Person, 'p', 'p.id = m.personId')
        .where('m.reviewId = :reviewId AND m.removedAt IS NULL AND p.email = :email', { reviewId, email })
        .getOne();
      if (member)
        throw conflict(`${email} is already on the team as ${ROLE_LABEL[member.role]}. Remove that membership first to change the role.`);
      const pending = await this.auth.pendingInvitations(REVIEW_TEAM_INVITATION, { reviewId }, manager);
      if (pending.some((invitation) => invitation.email === email)) {
        throw conflict(
          `${email} already has a pending invitation to this review: resend it (resendTeamInvitation) or withdraw it (withdrawTeamInvitation) first.`,
        );
      }
      const inviter = await manager.findOneByOrFail(Person, { id: user.personId });
      const { row, token } = await this.auth.invite(manager, {
        email,
        kind: REVIEW_TEAM_INVITATION,
        payload: { reviewId, role: input.role, invitedById: user.personId },
        invitedBy: inviter,
        reviewId,
        reviewTitle: review.title,
        roleLabel: ROLE_LABEL[input.role],
      });
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'team.invite',
        entityType: 'Review',
        entityId: reviewId,
        after: { invitationId: row.id, personId: row.personId, role: input.role },
      });
      return { member: null, invitedEmail: row.email, invitation: row, token };
    });
  }

  /** The review's invitations not yet accepted, withdrawn or expired that the caller may manage. */
  async pendingInvitations(user: CurrentUser, reviewId: string): Promise<AuthToken[]> {
    const manageable = await this.manageableRoles(user, reviewId);
    return (await this.auth.pendingInvitations(REVIEW_TEAM_INVITATION, { reviewId })).filter((i) =>
      manageable.includes(i.payload.role as ReviewRole),
    );
  }

  /** Takes an invitation back: its link stops working. */
  async withdrawInvitation(user: CurrentUser, reviewId: string, invitationId: string): Promise<AuthToken> {
    await this.manageableRoles(user, reviewId);
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const row = await this.auth.openInvitation(manager, invitationId, REVIEW_TEAM_INVITATION, { reviewId });
      await this.requireManage(user, reviewId, row.payload.role as ReviewRole);
      const saved = await this.auth.withdrawInvitation(manager, row);
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'team.inviteWithdrawn',
        entityType: 'Review',
        entityId: reviewId,
        after: { invitationId: row.id, personId: row.personId, role: row.payload.role },
      });
      return saved;
    });
  }

  /** Sends an invitation again with a fresh link and lifetime (also one that expired); the old link stops working. */
  async resendInvitation(user: CurrentUser, reviewId: string, invitationId: string): Promise<AuthToken> {
    await this.manageableRoles(user, reviewId);
    return this.changes.transaction(this.dataSource, reviewId, async (manager) => {
      const row = await this.auth.openInvitation(manager, invitationId, REVIEW_TEAM_INVITATION, { reviewId });
      const role = row.payload.role as ReviewRole;
      await this.requireManage(user, reviewId, role);
      const review = await this.openReview(manager, reviewId);
      const inviter = await manager.findOneByOrFail(Person, { id: user.personId });
      const saved = await this.auth.resendInvitation(manager, row, {
        invitedBy: inviter,
        reviewId,
        reviewTitle: review.title,
        roleLabel: ROLE_LABEL[role],
      });
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'team.inviteResent',
        entityType: 'Review',
        entityId: reviewId,
        after: { invitationId: row.id, personId: row.personId, role },
      });
      return saved;
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
      await this.audit.record(manager, {
        reviewId,
        actorId: user.personId,
        action: 'team.remove',
        entityType: 'TeamMember',
        entityId: member.id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  /** The roles the caller may invite to (and whose invitations they may see and manage). */
  private async manageableRoles(user: CurrentUser, reviewId: string): Promise<ReviewRole[]> {
    const roles = await this.access.require(user, reviewId, 'team.manageHostContributors');
    if (user.isAdmin || roles.includes(ReviewRole.EXPERT_LEADER)) return Object.values(ReviewRole);
    return [ReviewRole.HOST_CONTRIBUTOR];
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
    assertAllowed(review, 'manageTeam');
    return review;
  }
}
