import { Args, ArgsType, Field, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory/entities';
import { AdminOnly, CurrentUser, Me, OutboxService, PageArgs } from '@peervisit/platform';
import { OutboxMessage, OutboxStatus } from '@peervisit/platform/entities';
import { MyNotificationSettings } from '../preferences/my-notification-settings.service';
import { ReminderRuleKind } from '../reminders/reminder-rules';
import { ReminderService } from '../reminders/reminder.service';
import { UpcomingReminders } from '../reminders/upcoming-reminders.service';
import { CalendarFeed, OutboxMessageConnection, ReminderRuleType, UpcomingReminder } from './notifications.types';

@ArgsType()
class OutboxArgs extends PageArgs {
  @Field(() => OutboxStatus, { nullable: true }) status?: OutboxStatus;
  @Field(() => ID, { nullable: true }) reviewId?: string;
}

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly outbox: OutboxService,
    private readonly reminders: ReminderService,
    private readonly mySettings: MyNotificationSettings,
    private readonly upcoming: UpcomingReminders,
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

  @Query(() => [UpcomingReminder], {
    description:
      "The review's reminders still to come, soonest first: all of them for the expert leader, those to the host city's people for the host city, my own for anyone else.",
  })
  upcomingReminders(@Me() user: CurrentUser, @Args('reviewId', { type: () => ID }) reviewId: string) {
    return this.upcoming.of(user, reviewId);
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
  setMyOptionalReminders(@Me() user: CurrentUser, @Args('enabled') enabled: boolean) {
    return this.mySettings.setOptionalReminders(user, enabled);
  }

  @Mutation(() => CalendarFeed, { description: 'Makes a new private calendar feed URL of my sessions; the previous one stops working.' })
  resetMyCalendarFeed(@Me() user: CurrentUser): Promise<CalendarFeed> {
    return this.mySettings.resetCalendarFeed(user);
  }
}
