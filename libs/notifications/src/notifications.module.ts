import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MESSAGE_RENDERER } from '@peervisit/platform';
import { ReviewModule } from '@peervisit/review';
import { NotificationsResolver } from './admin/notifications.resolver';
import { CalendarFeedController } from './feed/calendar-feed.controller';
import { NetworkFollowUpResolver } from './follow-up/network-follow-up.resolver';
import { NetworkFollowUpService } from './follow-up/network-follow-up.service';
import { CityPlanReminderService } from './icc-index/city-plan-reminder.service';
import { IndexReminderService } from './icc-index/index-reminder.service';
import { ReminderService } from './reminders/reminder.service';
import { UpcomingReminders } from './reminders/upcoming-reminders.service';
import { NotificationsRenderer } from './rendering/notifications-renderer';
import { MyNotificationSettings } from './preferences/my-notification-settings.service';
import { NOTIFICATIONS_ENTITIES } from './entities';

/**
 * Reminders (computed into the outbox), the templates that render messages, calendar invites and feeds.
 * Global so that platform's outbox sender finds the MESSAGE_RENDERER it provides.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATIONS_ENTITIES), ReviewModule],
  controllers: [CalendarFeedController],
  providers: [
    ReminderService,
    IndexReminderService,
    CityPlanReminderService,
    NotificationsRenderer,
    { provide: MESSAGE_RENDERER, useExisting: NotificationsRenderer },
    NotificationsResolver,
    MyNotificationSettings,
    NetworkFollowUpService,
    NetworkFollowUpResolver,
    UpcomingReminders,
  ],
  exports: [ReminderService, MESSAGE_RENDERER],
})
export class NotificationsModule {}
