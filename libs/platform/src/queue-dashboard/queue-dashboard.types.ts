import { Field, ObjectType } from '@nestjs/graphql';
import { TICKET_TTL_SECONDS } from './queue-dashboard-passes';

@ObjectType({ description: 'A one-time link into the queue dashboard (bull-board at /admin/queues).' })
export class QueueDashboardLink {
  @Field({
    description: `Open it in a browser within ${TICKET_TTL_SECONDS} seconds; it works once and signs that browser in to the dashboard for 20 minutes.`,
  })
  url: string;

  @Field()
  expiresAt: Date;
}
