import { MessageToSchedule } from '@peervisit/platform';
import { parseInZone } from '@peervisit/review';
import { IndexAssessmentStatus } from '@peervisit/icc-index/entities';
import { addMonths } from '../reminders/reminder-planner';
import { INDEX_REMINDER_RULES } from './index-reminder-rules';

const DAY = 24 * 3600 * 1000;
/** As for reviews: a reminder whose moment passed more than this long ago is not sent late. */
const GRACE = 3600 * 1000;

type Recipient = { personId: string; email: string };

export interface IndexPlanInput {
  now: Date;
  assessment: {
    id: string;
    status: IndexAssessmentStatus;
    /** YYYY-MM-DD */
    dueDate: string;
    analysisDueDate: string | null;
    publishedAt: Date | null;
    /** The city's time zone: due days count from 09:00 there. */
    timeZone: string;
  };
  coordinator: Recipient | null;
  /** Whether any question is still open (the coordinator answers for them all). */
  anyOpen: boolean;
  /** Contributors with at least one open question assigned to them. */
  contributorsWithOpen: Recipient[];
  experts: Recipient[];
  secretariat: Recipient[];
  /** A later assessment of the city was started: the next Index is under way. */
  laterStarted: boolean;
}

export const indexReminderPrefix = (assessmentId: string) => `icc-index-reminder:${assessmentId}:`;

/**
 * Every message an Index assessment should have scheduled now, from its state. Pure, like
 * planReminders: the service upserts these rows and cancels the others under the prefix, and the
 * renderer checks again at send time (answers saved since, a date moved, a later Index started).
 */
export function planIndexReminders(input: IndexPlanInput): MessageToSchedule[] {
  const { assessment: a, now } = input;
  const plan: MessageToSchedule[] = [];
  const prefix = indexReminderPrefix(a.id);
  const add = (key: string, template: string, to: Recipient, dueAt: Date, data: Record<string, unknown>, optional = true) => {
    if (dueAt.getTime() < now.getTime() - GRACE) return;
    plan.push({
      dedupeKey: prefix + key,
      template,
      recipientId: to.personId,
      recipientEmail: to.email,
      reviewId: null,
      data,
      optional,
      dueAt,
    });
  };
  const nineOn = (day: string) => parseInZone(`${day}T09:00`, a.timeZone) ?? new Date(`${day}T09:00:00Z`);

  /** A stage's due day: those still to act before it, the secretariat once it has passed. */
  const stage = (
    name: 'answers' | 'analysis',
    dueDate: string,
    before: readonly number[],
    overdue: readonly number[],
    recipients: Recipient[],
  ) => {
    const due = nineOn(dueDate);
    for (const days of before)
      for (const to of recipients)
        add(`${name}:${to.personId}:${days}d`, 'icc-index-due', to, new Date(due.getTime() - days * DAY), {
          stage: name,
          dueDate,
          daysBefore: days,
        });
    for (const days of overdue)
      for (const to of input.secretariat)
        add(
          `${name}-overdue:${to.personId}:${days}d`,
          'icc-index-overdue',
          to,
          new Date(due.getTime() - days * DAY),
          { stage: name, dueDate },
          false,
        );
  };

  if (a.status === IndexAssessmentStatus.IN_PROGRESS) {
    const recipients = [...input.contributorsWithOpen];
    if (input.coordinator && input.anyOpen && !recipients.some((r) => r.personId === input.coordinator!.personId))
      recipients.push(input.coordinator);
    stage('answers', a.dueDate, INDEX_REMINDER_RULES.answersDue, INDEX_REMINDER_RULES.answersOverdue, recipients);
  }
  if (a.analysisDueDate && a.status !== IndexAssessmentStatus.PUBLISHED)
    stage('analysis', a.analysisDueDate, INDEX_REMINDER_RULES.analysisDue, INDEX_REMINDER_RULES.analysisOverdue, input.experts);

  if (a.status === IndexAssessmentStatus.PUBLISHED && a.publishedAt && !input.laterStarted) {
    const dueAt = addMonths(a.publishedAt, INDEX_REMINDER_RULES.nextIndexMonths);
    const recipients = [...input.secretariat];
    if (input.coordinator && !recipients.some((r) => r.personId === input.coordinator!.personId)) recipients.push(input.coordinator);
    for (const to of recipients)
      add(`next:${to.personId}`, 'icc-index-next', to, dueAt, { monthsAfterPublication: INDEX_REMINDER_RULES.nextIndexMonths }, false);
  }
  return plan;
}
