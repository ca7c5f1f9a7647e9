import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { ReviewRole, TeamMember } from './team-member.entity';
import { TeamRoleService } from './team-role.service';

@Resolver()
export class TeamRoleResolver {
  constructor(private readonly roles: TeamRoleService) {}

  @Mutation(() => TeamMember, {
    description: "Expert leader: changes a member's role (the old membership ends, a new one starts; both stay in the history).",
  })
  changeTeamMemberRole(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('memberId', { type: () => ID }) memberId: string,
    @Args('role', { type: () => ReviewRole }) role: ReviewRole,
  ) {
    return this.roles.changeRole(user, reviewId, memberId, role);
  }
}
