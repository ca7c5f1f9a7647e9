import { Args, Field, ID, InputType, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, Me, userOf } from '@peervisit/platform';
import { ReviewLoaders } from '../review/review-loaders';
import { ReviewQueries } from '../review/review-queries.service';
import { Review } from '../review/review.entity';
import { ReviewRole, TeamMember } from './team-member.entity';
import { TeamService } from './team.service';
import { AddTeamMemberResult, invitationOf, TeamInvitation } from './team.types';

@InputType()
export class AddTeamMemberInput {
  @Field(() => ID, { nullable: true, description: 'Someone with an account.' }) personId?: string;
  @Field({ nullable: true, description: 'Or an email: someone without an account is sent an invitation.' }) email?: string;
  @Field(() => ReviewRole) role: ReviewRole;
}

@Resolver(() => TeamMember)
export class TeamResolver {
  constructor(
    private readonly team: TeamService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Mutation(() => AddTeamMemberResult, {
    description:
      'Invites someone to the team (expert leader: any role; host coordinator: host contributors). They join when they accept the emailed invitation, whether or not they have an account.',
  })
  async addTeamMember(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: AddTeamMemberInput,
  ) {
    const result = await this.team.add(user, reviewId, input);
    return { member: null, invitedEmail: result.invitedEmail, invitation: invitationOf(result.invitation) };
  }

  @Query(() => [TeamInvitation], {
    description: 'Invitations to the team not yet accepted, withdrawn or expired (those the caller may manage).',
  })
  async teamInvitations(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return (await this.team.pendingInvitations(user, reviewId)).map(invitationOf);
  }

  @Mutation(() => TeamInvitation, { description: 'Withdraws an invitation: its link stops working.' })
  async withdrawTeamInvitation(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('invitationId', { type: () => ID }) invitationId: string,
  ) {
    return invitationOf(await this.team.withdrawInvitation(user, reviewId, invitationId));
  }

  @Mutation(() => TeamInvitation, {
    description: 'Sends an invitation again with a new link and lifetime (also one that expired); the old link stops working.',
  })
  async resendTeamInvitation(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('invitationId', { type: () => ID }) invitationId: string,
  ) {
    return invitationOf(await this.team.resendInvitation(user, reviewId, invitationId));
  }

  @Mutation(() => TeamMember, { description: 'Ends a membership (kept in the history with removedAt).' })
  removeTeamMember(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('memberId', { type: () => ID }) memberId: string,
  ) {
    return this.team.remove(user, reviewId, memberId);
  }

  @ResolveField(() => Person)
  person(member: TeamMember, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).personOf(member.reviewId, member.personId);
  }
}

@Resolver(() => TeamInvitation)
export class TeamInvitationResolver {
  constructor(private readonly loaders: ReviewLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who sent it.' })
  invitedBy(invitation: TeamInvitation, _args: unknown, ctx: GraphqlContext) {
    return invitation.invitedById ? this.loaders.of(ctx).person.load(invitation.invitedById) : null;
  }
}

@Resolver(() => Review)
export class ReviewTeamResolver {
  constructor(private readonly queries: ReviewQueries) {}

  @ResolveField(() => [TeamMember], { description: 'Current members.' })
  team(review: Review, _args: unknown, ctx: GraphqlContext) {
    const user = userOf(ctx);
    return this.queries.teamMembers(user, review, ctx);
  }
}
