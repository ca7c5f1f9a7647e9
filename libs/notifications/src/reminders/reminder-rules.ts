import { registerEnumType } from '@nestjs/graphql';
import { ReviewKind } from '@peervisit/review/entities';

export enum ReminderRuleKind {
  SELF_ASSESSMENT_DUE = 'SELF_ASSESSMENT_DUE',
  VISIT_SESSION = 'VISIT_SESSION',
  EVIDENCE_NUDGE = 'EVIDENCE_NUDGE',
  CONCLUSIONS_DUE = 'CONCLUSIONS_DUE',
  FOLLOW_UP_CHECKPOINT = 'FOLLOW_UP_CHECKPOINT',
  NEXT_ASSESSMENT = 'NEXT_ASSESSMENT',
}
registerEnumType(ReminderRuleKind, { name: 'ReminderRuleKind' });

export interface EffectiveRule {
  kind: ReminderRuleKind;
  enabled: boolean;
  /**
   * Days before the date (SELF_ASSESSMENT_DUE, VISIT_SESSION, CONCLUSIONS_DUE), months after the
   * report's publication (FOLLOW_UP_CHECKPOINT, unless the timeline sets its own checkpoint dates),
   * or months after the visit (NEXT_ASSESSMENT). Unused by EVIDENCE_NUDGE (the evening of the session).
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
};

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
