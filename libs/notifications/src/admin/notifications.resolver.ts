import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, Float, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory';
import { AdminOnly, APP_CONFIG, AppConfig, ConnectionType, CurrentUser, Me, OutboxMessage, OutboxService, OutboxStatus, PageArgs } from '@peervisit/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReminderRuleKind } from '../reminders/reminder-rules';
import { ReminderService } from '../reminders/reminder.service';

@ObjectType() export class OutboxMessageConnection extends ConnectionType(OutboxMessage) {}

@ArgsType()
class OutboxArgs extends PageArgs {
  @Field(() => OutboxStatus, { nullable: true }) status?: OutboxStatus;
  @Field(() => ID, { nullable: true }) reviewId?: string;
}

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

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly outbox: OutboxService,
    private readonly reminders: ReminderService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @AdminOnly()
  @Query(() => OutboxMessageConnection, { description: 'Messages in the outbox by status (secretariat): FAILED ones can be retried.' })
  outboxMessages(@Args() args: OutboxArgs) {
    return this.outbox.list({ status: args.status, reviewId: args.reviewId }, args);
  }

  @AdminOnly()
  @Mutation(() => OutboxMessage, { description: 'Sends a failed or cancelled message again, now.' })
  retryOutboxMessage(@Args('id', { type: () => ID }) id: string) {
    return this.outbox.retry(id);
  }

  @Query(() => [ReminderRuleType], { description: "The review's reminder rules: its kind's defaults, with its own changes." })
  reminderRules(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.reminders.rules(user, reviewId);
  }

  @Mutation(() => [ReminderRuleType], { description: 'The expert leader changes one reminder rule of the review.' })
  setReminderRule(
    @Me() user: CurrentUser,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('kind', { type: () => ReminderRuleKind }) kind: ReminderRuleKind,
    @Args('enabled') enabled: boolean,
    @Args('offsets', { type: () => [Float] }) offsets: number[],
  ) {
    return this.reminders.setRule(user, reviewId, kind, enabled, offsets);
  }

  @Mutation(() => Person, { description: 'Turns my optional reminders on or off (invitations and password resets always come).' })
  async setMyOptionalReminders(@Me() user: CurrentUser, @Args('enabled') enabled: boolean) {
    await this.dataSource.getRepository(Person).update({ id: user.personId }, { optionalRemindersOff: !enabled });
    return this.dataSource.getRepository(Person).findOneByOrFail({ id: user.personId });
  }

  @Mutation(() => CalendarFeed, { description: 'Makes a new private calendar feed URL of my sessions; the previous one stops working.' })
  async resetMyCalendarFeed(@Me() user: CurrentUser): Promise<CalendarFeed> {
    const token = randomBytes(24).toString('base64url');
    await this.dataSource.getRepository(Person).update({ id: user.personId }, { calendarTokenHash: createHash('sha256').update(token).digest('hex') });
    return { url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }
}
