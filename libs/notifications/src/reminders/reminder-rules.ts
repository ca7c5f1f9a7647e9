import { registerEnumType } from '@nestjs/graphql';
import { ReviewKind } from '@peervisit/review/entities';

export enum ReminderRuleKind {
  SELF_ASSESSMENT_DUE = 'SELF_ASSESSMENT_DUE',
  VISIT_SESSION = 'VISIT_SESSION',
  EVIDENCE_NUDGE = 'EVIDENCE_NUDGE',
  CONCLUSIONS_DUE = 'CONCLUSIONS_DUE',
  FOLLOW_UP_CHECKPOINT = 'FOLLOW_UP_CHECKPOINT',
  NEXT_ASSESSMENT = 'NEXT_ASSESSMENT',
  /** A development plan action coming due, or overdue: to the person responsible. */
  PLAN_ACTION_DUE = 'PLAN_ACTION_DUE',
  /** An overdue plan action, escalated to the host coordinator. */
  PLAN_ACTION_ESCALATE_HOST = 'PLAN_ACTION_ESCALATE_HOST',
  /** An overdue plan action, escalated to the network secretariat. */
  PLAN_ACTION_ESCALATE_SECRETARIAT = 'PLAN_ACTION_ESCALATE_SECRETARIAT',
  /** The report's due date (ReviewTimeline.reportDue) coming: to the expert leader. */
  REPORT_DUE = 'REPORT_DUE',
  /** The report's due date passed without a published report: to the network secretariat. */
  REPORT_OVERDUE = 'REPORT_OVERDUE',
}
registerEnumType(ReminderRuleKind, { name: 'ReminderRuleKind' });

export interface EffectiveRule {
  kind: ReminderRuleKind;
  enabled: boolean;
  /**
   * Days before the date (SELF_ASSESSMENT_DUE, VISIT_SESSION, CONCLUSIONS_DUE, REPORT_DUE,
   * REPORT_OVERDUE, and the PLAN_ACTION_* rules, counted from 09:00 host time on the action's due
   * day); a negative offset is days after it (an overdue reminder or an escalation). Months after the
   * report's publication (FOLLOW_UP_CHECKPOINT, unless the timeline sets its own checkpoint dates),
   * or months after the visit (NEXT_ASSESSMENT): never negative. Unused by EVIDENCE_NUDGE (the
   * evening of the session).
   */
  offsets: number[];
}

const DAY_BEFORE_RULES: Record<ReminderRuleKind, number[]> = {
  SELF_ASSESSMENT_DUE: [14, 3],
  VISIT_SESSION: [7, 1],
  EVIDENCE_NUDGE: [],
  CONCLUSIONS_DUE: [3],
  FOLLOW_UP_CHECKPOINT: [6, 12],
  NEXT_ASSESSMENT: [30],
  // A week before, and the day after it is due; then the coordinator after 14 days, the secretariat after 30.
  PLAN_ACTION_DUE: [7, -1],
  PLAN_ACTION_ESCALATE_HOST: [-14],
  PLAN_ACTION_ESCALATE_SECRETARIAT: [-30],
  REPORT_DUE: [14, 3],
  // On the day it passes (the day after 09:00 host time would be -1).
  REPORT_OVERDUE: [0],
};

/** Rules whose offsets count months after a date, so cannot be negative. */
export const MONTH_RULES: readonly ReminderRuleKind[] = [ReminderRuleKind.FOLLOW_UP_CHECKPOINT, ReminderRuleKind.NEXT_ASSESSMENT];

/**
 * The defaults per kind of review; a review can override any rule (reminder_rule rows). Reminder
 * delays live here as data, not in the code that schedules them.
 */
export function defaultRules(kind: ReviewKind): EffectiveRule[] {
  return Object.values(ReminderRuleKind).map((rule) => ({
    kind: rule,
    // An internal assessment has no visit, so no session reminders or evidence nudges.
    enabled: !(
      kind === ReviewKind.INTERNAL_ASSESSMENT &&
      (rule === ReminderRuleKind.VISIT_SESSION || rule === ReminderRuleKind.EVIDENCE_NUDGE)
    ),
    // The Intercultural Cities Index is re-assessed every 2-3 years; peer reviews are repeated less often.
    offsets: rule === ReminderRuleKind.NEXT_ASSESSMENT ? [kind === ReviewKind.EXPERT_VISIT ? 24 : 30] : DAY_BEFORE_RULES[rule],
  }));
}
