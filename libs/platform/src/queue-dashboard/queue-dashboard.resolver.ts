import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly, Me } from '../auth/authorization.decorators';
import { CurrentUser } from '../auth/current-user';
import { QueueDashboardPasses } from './queue-dashboard-passes';
import { QueueCounts } from './queue-counts.service';
import { QueueDashboardLink, QueueJobCountsType } from './queue-dashboard.types';

@Resolver()
export class QueueDashboardResolver {
  constructor(
    private readonly passes: QueueDashboardPasses,
    private readonly counts: QueueCounts,
  ) {}

  @AdminOnly()
  @Mutation(() => QueueDashboardLink, {
    description: 'Administrators: a one-time link that opens the queue dashboard (jobs, failures, retries) in a browser.',
  })
  openQueueDashboard(@Me() admin: CurrentUser): QueueDashboardLink {
    return this.passes.issueLink(admin);
  }

  @AdminOnly()
  @Query(() => [QueueJobCountsType], {
    nullable: true,
    name: 'queueCounts',
    description: 'Administrators: the jobs of each queue by state, read from Redis now; null when Redis does not answer within 2 seconds.',
  })
  queueCounts() {
    return this.counts.all();
  }
}
