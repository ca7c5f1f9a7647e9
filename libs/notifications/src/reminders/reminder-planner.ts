import { MessageToSchedule } from '@peervisit/platform';
import { allows, formatInZone, parseInZone } from '@peervisit/review';
import { ReviewRole, ReviewStatus, VisitSessionKind } from '@peervisit/review/entities';
import { EffectiveRule, ReminderRuleKind } from './reminder-rules';

const DAY = 24 * 3600 * 1000;
/** A reminder whose moment passed more than this long ago is not sent late: it would only confuse. */
const GRACE = 3600 * 1000;

export interface PlanInput {
  now: Date;
  review: {
    id: string;
    status: ReviewStatus;
    timeZone: string;
    selfAssessmentDueAt: Date | null;
    selfAssessmentSubmittedAt: Date | null;
    visitStartsAt: Date | null;
    conclusionsDueAt: Date | null;
    followUpCheckpoints: Date[];
    /** When the follow-up report was first published, if it was. */
    reportPublishedAt: Date | null;
    /** The report's due date (ReviewTimeline.reportDue). */
    reportDueAt: Date | null;
  };
  /** The development plan's actions still open (not done or dropped); dueOn is YYYY-MM-DD in the host city. */
  planActions?: { id: string; responsibleId: string; dueOn: string }[];
  /** The network secretariat (administrators): escalations and a report past its due date go to them. */
  secretariat?: { personId: string; email: string }[];
  /** timeZone: the person's own, for the reminder meant for their evening (the host city's when absent). */
  members: { personId: string; email: string; role: ReviewRole; timeZone?: string }[];
  sessions: {
    id: string;
    kind: VisitSessionKind;
    startsAt: Date;
    endsAt: Date;
    cancelledAt: Date | null;
    version: number;
    updatedAt: Date;
    assignees: string[];
  }[];
  /** When each person was last sent an invite (a reminder or an update) for a session. */
  sentInvites: { sessionId: string; personId: string; sentAt: Date }[];
  rules: EffectiveRule[];
}

export const reminderPrefix = (reviewId: string) => `reminder:${reviewId}:`;

/**
 * Every message a review should have scheduled right now, from its current state. Pure: the
 * reminder service upserts these rows and cancels the scheduled reminders not among them, so a
 * change anywhere (a session moved, a date changed, someone joined) is one recomputation.
 */
export function planReminders(input: PlanInput): MessageToSchedule[] {
  const { review, now } = input;
  const plan: MessageToSchedule[] = [];
  const rule = (kind: ReminderRuleKind) => input.rules.find((r) => r.kind === kind && r.enabled);
  const withRole = (...roles: ReviewRole[]) => input.members.filter((m) => roles.includes(m.role));
  const member = (personId: string) => input.members.find((m) => m.personId === personId);
  const add = (
    key: string,
    template: string,
    to: { personId: string; email: string },
    dueAt: Date,
    data: Record<string, unknown>,
    optional = true,
  ) => {
    if (dueAt.getTime() < now.getTime() - GRACE) return;
    plan.push({ dedupeKey: key, template, recipientId: to.personId, recipientEmail: to.email, reviewId: review.id, data, optional, dueAt });
  };
  // Which reminders each status allows is in the review lib's capability table (review-capabilities.ts).
  if (!allows(review.status, 'remind')) return plan;

  const selfAssessment = rule(ReminderRuleKind.SELF_ASSESSMENT_DUE);
  if (selfAssessment && review.selfAssessmentDueAt && !review.selfAssessmentSubmittedAt && allows(review.status, 'remindSelfAssessment')) {
    for (const days of selfAssessment.offsets) {
      for (const to of withRole(ReviewRole.HOST_COORDINATOR, ReviewRole.HOST_CONTRIBUTOR)) {
        add(
          `${reminderPrefix(review.id)}self-assessment:${to.personId}:${days}d`,
          'self-assessment-due',
          to,
          new Date(review.selfAssessmentDueAt.getTime() - days * DAY),
          { daysBefore: days },
        );
      }
    }
  }

  const sessionRule = rule(ReminderRuleKind.VISIT_SESSION);
  const nudge = rule(ReminderRuleKind.EVIDENCE_NUDGE);
  for (const session of input.sessions) {
    const assignees = session.assignees.map(member).filter((m): m is NonNullable<typeof m> => !!m);
    if (session.cancelledAt) {
      // Whoever was sent an invite gets the cancellation, once.
      for (const invite of input.sentInvites.filter((i) => i.sessionId === session.id)) {
        const to = member(invite.personId);
        if (to)
          plan.push({
            dedupeKey: `notice:${review.id}:session-cancelled:${session.id}:${to.personId}`,
            template: 'session-cancelled',
            recipientId: to.personId,
            recipientEmail: to.email,
            reviewId: review.id,
            data: { sessionId: session.id },
            optional: false,
            dueAt: now,
          });
      }
      continue;
    }
    if (sessionRule && session.startsAt > now) {
      for (const days of sessionRule.offsets) {
        for (const to of assignees) {
          add(
            `${reminderPrefix(review.id)}session:${session.id}:${to.personId}:${days}d`,
            'session-reminder',
            to,
            // The day before is the evening before, in the recipient's own evening (issue 19).
            days === 1
              ? eveningBefore(session.startsAt, to.timeZone ?? review.timeZone)
              : new Date(session.startsAt.getTime() - days * DAY),
            { sessionId: session.id, daysBefore: days },
          );
        }
      }
      // Someone already holding an older invite gets the update now, not only at the next reminder.
      for (const to of assignees) {
        const sent = input.sentInvites.filter((i) => i.sessionId === session.id && i.personId === to.personId);
        if (sent.length && Math.max(...sent.map((i) => i.sentAt.getTime())) < session.updatedAt.getTime()) {
          plan.push({
            dedupeKey: `notice:${review.id}:session-updated:${session.id}:${to.personId}:v${session.version}`,
            template: 'session-updated',
            recipientId: to.personId,
            recipientEmail: to.email,
            reviewId: review.id,
            data: { sessionId: session.id, sessionVersion: session.version },
            optional: false,
            dueAt: now,
          });
        }
      }
    }
    if (
      nudge &&
      (session.kind === VisitSessionKind.INTERVIEW || session.kind === VisitSessionKind.FOCUS_GROUP) &&
      allows(review.status, 'nudgeEvidence')
    ) {
      const evening = parseInZone(`${formatInZone(session.endsAt, review.timeZone).slice(0, 10)}T19:00`, review.timeZone) as Date;
      const dueAt = evening > session.endsAt ? evening : new Date(session.endsAt.getTime() + 2 * 3600 * 1000);
      for (const to of assignees.filter((m) => m.role === ReviewRole.PEER || m.role === ReviewRole.EXPERT_LEADER)) {
        add(`${reminderPrefix(review.id)}nudge:${session.id}:${to.personId}`, 'evidence-nudge', to, dueAt, { sessionId: session.id });
      }
    }
  }

  const conclusions = rule(ReminderRuleKind.CONCLUSIONS_DUE);
  if (conclusions && review.conclusionsDueAt && allows(review.status, 'remindConclusions')) {
    for (const days of conclusions.offsets) {
      for (const to of withRole(ReviewRole.EXPERT_LEADER, ReviewRole.PEER)) {
        add(
          `${reminderPrefix(review.id)}conclusions:${to.personId}:${days}d`,
          'conclusions-due',
          to,
          new Date(review.conclusionsDueAt.getTime() - days * DAY),
          { daysBefore: days },
        );
      }
    }
  }

  const checkpoints = rule(ReminderRuleKind.FOLLOW_UP_CHECKPOINT);
  if (checkpoints && allows(review.status, 'remindFollowUp')) {
    const dates = followUpCheckpointDates(review.followUpCheckpoints, review.reportPublishedAt, checkpoints.offsets);
    dates.forEach((checkpoint, i) => {
      for (const to of withRole(ReviewRole.HOST_COORDINATOR)) {
        add(`${reminderPrefix(review.id)}checkpoint:${i + 1}:${to.personId}`, 'follow-up-checkpoint', to, checkpoint, {
          checkpointAt: checkpoint.toISOString(),
        });
      }
    });
  }

  // The development plan: an open action reminds its person responsible before and after its due day
  // (09:00 host time), then escalates to the host coordinator, then to the secretariat. One row per
  // action, person and offset (the dedupe key), so each goes out once; the renderer skips it if the
  // action was done or dropped, or its due day moved, by the time it is due.
  if (allows(review.status, 'remindPlan')) {
    const escalations: [ReminderRuleKind, string, { personId: string; email: string }[]][] = [
      [ReminderRuleKind.PLAN_ACTION_ESCALATE_HOST, 'host', withRole(ReviewRole.HOST_COORDINATOR)],
      [ReminderRuleKind.PLAN_ACTION_ESCALATE_SECRETARIAT, 'secretariat', input.secretariat ?? []],
    ];
    const due = rule(ReminderRuleKind.PLAN_ACTION_DUE);
    for (const action of input.planActions ?? []) {
      const dueDay = parseInZone(`${action.dueOn}T09:00`, review.timeZone);
      if (!dueDay) continue;
      const responsible = member(action.responsibleId);
      for (const days of responsible && due ? due.offsets : []) {
        add(
          `${reminderPrefix(review.id)}plan:${action.id}:${responsible!.personId}:${days}d`,
          'plan-action-due',
          responsible!,
          new Date(dueDay.getTime() - days * DAY),
          { actionId: action.id, dueOn: action.dueOn, daysBefore: days },
        );
      }
      for (const [kind, level, recipients] of escalations) {
        for (const days of rule(kind)?.offsets ?? []) {
          for (const to of recipients) {
            add(
              `${reminderPrefix(review.id)}plan-escalation:${action.id}:${level}:${to.personId}:${days}d`,
              'plan-action-escalated',
              to,
              new Date(dueDay.getTime() - days * DAY),
              { actionId: action.id, dueOn: action.dueOn, level, daysBefore: days },
              false,
            );
          }
        }
      }
    }
  }

  // The report's due date: the expert leader before it, the secretariat when it passes, until a
  // report is published (the planner runs again at publication, and the renderer checks again).
  if (review.reportDueAt && !review.reportPublishedAt && allows(review.status, 'remindReport')) {
    const reportDueAt = review.reportDueAt;
    for (const days of rule(ReminderRuleKind.REPORT_DUE)?.offsets ?? []) {
      for (const to of withRole(ReviewRole.EXPERT_LEADER)) {
        add(
          `${reminderPrefix(review.id)}report-due:${to.personId}:${days}d`,
          'report-due',
          to,
          new Date(reportDueAt.getTime() - days * DAY),
          {
            reportDueAt: reportDueAt.toISOString(),
            daysBefore: days,
          },
        );
      }
    }
    for (const days of rule(ReminderRuleKind.REPORT_OVERDUE)?.offsets ?? []) {
      for (const to of input.secretariat ?? []) {
        add(
          `${reminderPrefix(review.id)}report-overdue:${to.personId}:${days}d`,
          'report-overdue',
          to,
          new Date(reportDueAt.getTime() - days * DAY),
          { reportDueAt: reportDueAt.toISOString(), daysBefore: days },
          false,
        );
      }
    }
  }

  const next = rule(ReminderRuleKind.NEXT_ASSESSMENT);
  if (next && review.visitStartsAt && next.offsets.length) {
    const dueAt = addMonths(review.visitStartsAt, next.offsets[0]);
    for (const to of withRole(ReviewRole.HOST_COORDINATOR)) {
      add(`${reminderPrefix(review.id)}next-assessment:${to.personId}`, 'next-assessment', to, dueAt, {
        monthsAfterVisit: next.offsets[0],
      });
    }
  }
  return plan;
}

/**
 * A review's follow-up checkpoints: the timeline's own dates when it sets them; otherwise the
 * FOLLOW_UP_CHECKPOINT rule's months after the report was first published (none before). In the
 * order given (the reminders' keys number them so). The network's overdue follow-ups read the same dates.
 */
export function followUpCheckpointDates(timeline: Date[], reportPublishedAt: Date | null, offsetsInMonths: number[]): Date[] {
  if (timeline.length) return timeline.map((d) => new Date(d));
  return reportPublishedAt ? offsetsInMonths.map((months) => addMonths(reportPublishedAt, months)) : [];
}

/** Same day of the month, months later; the 31st of May plus six months is the 30th of November. */
/** 18:00 on the eve of `start` in `timeZone` (the reader's evening), or a day before when that is not earlier. */
export function eveningBefore(start: Date, timeZone: string): Date {
  const eve = formatInZone(new Date(start.getTime() - DAY), timeZone).slice(0, 10);
  const evening = parseInZone(`${eve}T18:00`, timeZone);
  return evening && evening < start ? evening : new Date(start.getTime() - DAY);
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}
