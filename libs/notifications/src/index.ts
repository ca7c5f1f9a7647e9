export * from './notifications.module';
export * from './reminders/reminder-planner';
export * from './entities';
export * from './reminders/reminder-rules';
export * from './reminders/reminder.service';
