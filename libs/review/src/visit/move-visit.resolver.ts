import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { Review } from '../review/review.entity';
import { MoveVisitService } from './move-visit.service';

@Resolver()
export class MoveVisitResolver {
  constructor(private readonly visits: MoveVisitService) {}

  @Mutation(() => Review, {
    description:
      'Expert leader: moves the visit window and every planned session by whole days (same local times in the host city), in one change; reminders and calendar updates are recomputed once.',
  })
  moveVisit(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('days', { type: () => Int }) days: number,
  ) {
    return this.visits.move(user, reviewId, days);
  }
}
