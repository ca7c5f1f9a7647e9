import { Args, Context, Field, ID, InputType, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory';
import { CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { DataSource } from 'typeorm';
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

@ObjectType()
export class AddTeamMemberResult {
  @Field(() => TeamMember, { nullable: true, description: 'The new membership, when the person has an account.' }) member: TeamMember | null;
  @Field(() => String, { nullable: true, description: 'Where the invitation went, when the person has no account yet.' }) invitedEmail: string | null;
}

@Resolver(() => TeamMember)
export class TeamResolver {
  constructor(
    private readonly team: TeamService,
    private readonly access: ReviewAccessService,
    private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => AddTeamMemberResult, { description: 'Expert leader: any role. Host coordinator: host contributors.' })
  addTeamMember(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string, @Args('input') input: AddTeamMemberInput) {
    return this.team.add(user, reviewId, input);
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
