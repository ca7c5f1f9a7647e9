import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { Review } from '../review/review.entity';
import { MoveVisitService } from './move-visit.service';

@Resolver()
export class MoveVisitResolver {
  constructor(private readonly visits: MoveVisitService) {}

  @Mutation(() => Review, {
    description:
      'Expert leader: moves the visit window and every planned session by whole days (same local times in the host city), in one change; reminders and calendar updates are recomputed once. With sessionIds, only those sessions move (inside the window, which stays).',
  })
  moveVisit(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('days', { type: () => Int }) days: number,
    @Args('sessionIds', { type: () => [ID], nullable: true, description: 'Only these sessions; the whole visit when absent.' })
    sessionIds?: string[] | null,
  ) {
    return this.visits.move(user, reviewId, days, sessionIds);
  }
}
