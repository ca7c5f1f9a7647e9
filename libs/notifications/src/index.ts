export * from './notifications.module';
export * from './reminders/reminder-planner';
export * from './reminders/reminder-rule.entity';
export * from './reminders/reminder-rules';
export * from './reminders/reminder.service';
