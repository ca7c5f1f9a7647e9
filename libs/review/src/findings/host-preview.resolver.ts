import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Me } from '@peervisit/platform';
import { HostPreview } from './host-preview';
import { HostPreviewService } from './host-preview.service';

@Resolver()
export class HostPreviewResolver {
  constructor(private readonly preview: HostPreviewService) {}

  @Query(() => HostPreview, {
    description: 'The findings exactly as the host city reads them, names withheld (expert leader, peers: "view as host").',
  })
  hostPreview(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.preview.preview(user, reviewId);
  }
}
