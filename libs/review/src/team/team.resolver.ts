import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthToken, Person } from '@peervisit/directory';
import { CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { reviewLoaders } from '../review/review-loaders';
import { Review } from '../review/review.entity';
import { ReviewRole, TeamMember } from './team-member.entity';
import { TeamService } from './team.service';

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID, { nullable: true, description: 'Someone with an account.' }) personId?: string;
  @Field({ nullable: true, description: 'Or an email: someone without an account is sent an invitation.' }) email?: string;
  @Field(() => ReviewRole) role: ReviewRole;
}

@ObjectType({ description: 'An invitation to join the team that was not accepted, withdrawn or expired yet.' })
export class TeamInvitation {
  @Field(() => ID) id: string;
  @Field({ description: 'Where the invitation was sent.' }) email: string;
  @Field(() => ReviewRole) role: ReviewRole;
  @Field({ description: 'When it was first sent.' }) createdAt: Date;
  @Field({ description: 'When its link stops working (resending gives a new link and lifetime).' }) expiresAt: Date;
  invitedById: string | null;
}

const invitationOf = (row: AuthToken): TeamInvitation => ({
  id: row.id,
  email: row.email,
  role: row.payload.role as ReviewRole,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  invitedById: row.createdById,
});

@ObjectType()
export class AddTeamMemberResult {
  @Field(() => TeamMember, {
    nullable: true,
    deprecationReason: 'Always null: everyone joins by accepting the invitation (see invitation).',
  })
  member: TeamMember | null;
  @Field(() => String, { nullable: true, description: 'Where the invitation went.' }) invitedEmail: string | null;
  @Field(() => TeamInvitation, { description: 'The invitation sent; the person joins the team when they accept it.' }) invitation: TeamInvitation;
}

@Resolver(() => TeamMember)
export class TeamResolver {
  constructor(
    private readonly team: TeamService,
    private readonly access: ReviewAccessService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => AddTeamMemberResult, {
    description: 'Invites someone to the team (expert leader: any role; host coordinator: host contributors). They join when they accept the emailed invitation, whether or not they have an account.',
  })
  async addTeamMember(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('input') input: AddTeamMemberInput) {
    const result = await this.team.add(user, reviewId, input);
    return { member: null, invitedEmail: result.invitedEmail, invitation: invitationOf(result.invitation) };
  }

  @Query(() => [TeamInvitation], { description: 'Invitations to the team not yet accepted, withdrawn or expired (those the caller may manage).' })
  async teamInvitations(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return (await this.team.pendingInvitations(user, reviewId)).map(invitationOf);
  }

  @Mutation(() => TeamInvitation, { description: 'Withdraws an invitation: its link stops working.' })
  async withdrawTeamInvitation(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('invitationId', { type: () => ID }) invitationId: string) {
    return invitationOf(await this.team.withdrawInvitation(user, reviewId, invitationId));
  }

  @Mutation(() => TeamInvitation, { description: 'Sends an invitation again with a new link and lifetime (also one that expired); the old link stops working.' })
  async resendTeamInvitation(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('invitationId', { type: () => ID }) invitationId: string) {
    return invitationOf(await this.team.resendInvitation(user, reviewId, invitationId));
  }

  @Mutation(() => TeamMember, { description: 'Ends a membership (kept in the history with removedAt).' })
  removeTeamMember(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('memberId', { type: () => ID }) memberId: string) {
    return this.team.remove(user, reviewId, memberId);
  }

  @ResolveField(() => Person)
  person(@Parent() member: TeamMember, @Context() ctx: GraphqlContext) {
    return reviewLoaders(ctx, this.dataSource).personOf(member.reviewId, member.personId);
  }
}

@Resolver(() => TeamInvitation)
export class TeamInvitationResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who sent it.' })
  invitedBy(@Parent() invitation: TeamInvitation, @Context() ctx: GraphqlContext) {
    if (!invitation.invitedById) return null;
    return ctx.loaders
      .get<string, Person | null>('TeamInvitation.invitedBy', async (ids) => {
        const people = await this.dataSource.getRepository(Person).findBy({ id: In([...ids]) });
        return ids.map((id) => people.find((p) => p.id === id) ?? null);
      })
      .load(invitation.invitedById);
  }
}

@Resolver(() => Review)
export class ReviewTeamResolver {
  constructor(
    private readonly teamService: TeamService,
    private readonly access: ReviewAccessService,
  ) {}

  @ResolveField(() => [TeamMember], { description: 'Current members.' })
  async team(@Parent() review: Review, @Me() user: CurrentUser, @Context() ctx: GraphqlContext) {
    await this.access.require(user, review.id, 'team.read', ctx);
    return ctx.loaders.get<string, TeamMember[]>('Review.team', async (ids) => groupInOrder(ids, await this.teamService.active(ids), (m) => m.reviewId)).load(review.id);
  }
}
