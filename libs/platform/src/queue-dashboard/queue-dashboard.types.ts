import { Field, Int, ObjectType } from '@nestjs/graphql';
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

@ObjectType('QueueJobCounts', { description: 'How many jobs a queue holds, by state, read from Redis when asked.' })
export class QueueJobCountsType {
  @Field({ description: 'mail, reminders, reports or maintenance.' }) name: string;
  @Field(() => Int, { description: 'Ready to run now.' }) waiting: number;
  @Field(() => Int, { description: 'Running now.' }) active: number;
  @Field(() => Int, { description: 'Waiting for their time (a reminder not yet due, a retry after a back-off).' }) delayed: number;
  @Field(() => Int, { description: 'Failed and kept for inspection (the queue dashboard shows why).' }) failed: number;
  @Field(() => Int, { description: 'Finished and still kept by the queue.' }) completed: number;
}
