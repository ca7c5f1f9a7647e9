import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { RigourIssueType } from './findings.types';
import { DraftRigourService } from './draft-rigour.service';

@Resolver()
export class DraftRigourResolver {
  constructor(private readonly rigour: DraftRigourService) {}

  @Query(() => [RigourIssueType], {
    description: 'What the rigour check says of a conclusion as drafted, before it is saved (expert leader, peers).',
  })
  draftConclusionRigour(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('evidenceIds', { type: () => [ID] }) evidenceIds: string[],
    @Args('rating', { type: () => Int, nullable: true }) rating?: number | null,
  ) {
    return this.rigour.check(user, reviewId, rating ?? null, evidenceIds);
  }
}
