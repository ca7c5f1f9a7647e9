import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { OutboxMessage } from '@peervisit/platform/entities';
import { ReminderRuleKind } from '../reminders/reminder-rules';

@ObjectType()
export class OutboxMessageConnection extends ConnectionType(OutboxMessage) {}

@ObjectType('ReminderRule')
export class ReminderRuleType {
  @Field(() => ReminderRuleKind) kind: ReminderRuleKind;
  @Field() enabled: boolean;
  @Field(() => [Float], { description: 'Days before the date, or months after the visit for NEXT_ASSESSMENT.' }) offsets: number[];
}

@ObjectType()
export class CalendarFeed {
  @Field({ description: 'Private: anyone with this URL sees your sessions. Reset it to revoke the old one.' }) url: string;
}

@ObjectType({ description: 'A reminder the review has planned and not yet sent (a scheduled row of the outbox).' })
export class UpcomingReminder {
  @Field(() => ID) id: string;
  @Field({
    description:
      'Which reminder: self-assessment-due, session-reminder, evidence-nudge, conclusions-due, follow-up-checkpoint or next-assessment.',
  })
  template: string;
  @Field({ description: 'When it goes out.' }) dueAt: Date;
  @Field({ description: "When it goes out, in the host city's local time (ISO 8601 with offset)." }) dueLocal: string;
  @Field(() => ID, { nullable: true }) recipientId: string | null;
  @Field(() => String, { nullable: true, description: 'Whom it goes to (their name; the address is not shown).' })
  recipientName: string | null;
  @Field(() => ID, { nullable: true, description: 'The visit session it is about, for session reminders and evidence nudges.' })
  sessionId: string | null;
}
