import { Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AdminOnly, Me } from '../auth/authorization.decorators';
import { CurrentUser } from '../auth/current-user';
import { QueueDashboardPasses, TICKET_TTL_SECONDS } from './queue-dashboard-passes';

@ObjectType({ description: 'A one-time link into the queue dashboard (bull-board at /admin/queues).' })
export class QueueDashboardLink {
  @Field({ description: `Open it in a browser within ${TICKET_TTL_SECONDS} seconds; it works once and signs that browser in to the dashboard for 20 minutes.` })
  url: string;

  @Field()
  expiresAt: Date;
}

@Resolver()
export class QueueDashboardResolver {
  constructor(private readonly passes: QueueDashboardPasses) {}

  @AdminOnly()
  @Mutation(() => QueueDashboardLink, { description: 'Administrators: a one-time link that opens the queue dashboard (jobs, failures, retries) in a browser.' })
  openQueueDashboard(@Me() admin: CurrentUser): QueueDashboardLink {
    return this.passes.issueLink(admin);
  }
}
