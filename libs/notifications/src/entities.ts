// `@peervisit/notifications/entities`: the reminder rules' entity and kinds, without loading a Nest
// module (test/contract/entity-imports.spec.ts).
import { ReminderRule } from './reminders/reminder-rule.entity';

export * from './reminders/reminder-rule.entity';
export * from './reminders/reminder-rules';

export const NOTIFICATIONS_ENTITIES = [ReminderRule];
