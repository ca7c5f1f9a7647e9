import { Query, Resolver } from '@nestjs/graphql';
import { AdminOnly } from '@peervisit/platform';
import { NetworkFollowUpService } from './network-follow-up.service';
import { NetworkCityFollowUp } from './network-follow-up.types';

@Resolver()
export class NetworkFollowUpResolver {
  constructor(private readonly followUp: NetworkFollowUpService) {}

  @AdminOnly()
  @Query(() => [NetworkCityFollowUp], {
    description:
      'Per host city (secretariat): open recommendations and overdue follow-ups (a checkpoint passed without a progress report), the most overdue first.',
  })
  networkFollowUp(): Promise<NetworkCityFollowUp[]> {
    return this.followUp.perCity();
  }
}
