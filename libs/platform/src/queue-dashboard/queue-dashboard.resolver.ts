import { Mutation, Resolver } from '@nestjs/graphql';
import { AdminOnly, Me } from '../auth/authorization.decorators';
import { CurrentUser } from '../auth/current-user';
import { QueueDashboardPasses } from './queue-dashboard-passes';
import { QueueDashboardLink } from './queue-dashboard.types';

@Resolver()
export class QueueDashboardResolver {
  constructor(private readonly passes: QueueDashboardPasses) {}

  @AdminOnly()
  @Mutation(() => QueueDashboardLink, {
    description: 'Administrators: a one-time link that opens the queue dashboard (jobs, failures, retries) in a browser.',
  })
  openQueueDashboard(@Me() admin: CurrentUser): QueueDashboardLink {
    return this.passes.issueLink(admin);
  }
}
