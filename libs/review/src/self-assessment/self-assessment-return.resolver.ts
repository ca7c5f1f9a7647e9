import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, groupInOrder, Me } from '@peervisit/platform';
import { SelfAssessmentEntry } from './self-assessment-entry.entity';
import { SelfAssessmentReturn } from './self-assessment-return.entity';
import { SelfAssessmentReturnService } from './self-assessment-return.service';

@Resolver(() => SelfAssessmentEntry)
export class SelfAssessmentReturnResolver {
  constructor(private readonly returns: SelfAssessmentReturnService) {}

  @Mutation(() => SelfAssessmentEntry, {
    description:
      'Expert leader: sends an entry back to the host city for changes, with the reason; its assignee (else the host coordinators) is emailed. A submitted self-assessment must then be submitted again.',
  })
  sendBackSelfAssessmentEntry(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('keyFactorId', { type: () => ID }) keyFactorId: string,
    @Args('reason') reason: string,
  ) {
    return this.returns.sendBack(user, reviewId, keyFactorId, reason);
  }

  @ResolveField(() => [SelfAssessmentReturn], { description: 'Each time the expert leader sent it back, newest first.' })
  sentBack(entry: SelfAssessmentEntry, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, SelfAssessmentReturn[]>('SelfAssessmentEntry.sentBack', async (ids) =>
        groupInOrder(ids, await this.returns.returnsOf(ids), (r) => r.entryId),
      )
      .load(entry.id);
  }
}
