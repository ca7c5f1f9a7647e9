import { Field, Float, ObjectType } from '@nestjs/graphql';
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
