import { ReviewKind, ReviewRole, ReviewStatus, VisitSessionKind } from '@peervisit/review/entities';
import { PlanInput, planReminders } from './reminder-planner';
import { defaultRules, ReminderRuleKind } from './reminder-rules';

const now = new Date('2027-02-01T12:00:00Z');
const base = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  now,
  review: {
    id: 'r1',
    status: ReviewStatus.SELF_ASSESSMENT,
    timeZone: 'Europe/Oslo',
    selfAssessmentDueAt: new Date('2027-02-20T16:00:00Z'),
    selfAssessmentSubmittedAt: null,
    visitStartsAt: new Date('2027-03-10T08:00:00Z'),
    conclusionsDueAt: null,
    followUpCheckpoints: [],
    reportPublishedAt: null,
    reportDueAt: null,
  },
  members: [
    { personId: 'lead', email: 'lead@example.org', role: ReviewRole.EXPERT_LEADER },
    { personId: 'peer', email: 'peer@example.org', role: ReviewRole.PEER },
    { personId: 'coord', email: 'coord@example.org', role: ReviewRole.HOST_COORDINATOR },
    { personId: 'contrib', email: 'contrib@example.org', role: ReviewRole.HOST_CONTRIBUTOR },
  ],
  sessions: [],
  sentInvites: [],
  rules: defaultRules(ReviewKind.PEER_REVIEW),
  ...overrides,
});
const keys = (input: PlanInput) => planReminders(input).map((m) => `${m.dedupeKey} @ ${m.dueAt.toISOString()}`);

describe('planReminders', () => {
  it('reminds the host city 14 and 3 days before the self-assessment is due, and stops once it is submitted', () => {
    expect(keys(base())).toEqual([
      'reminder:r1:self-assessment:coord:14d @ 2027-02-06T16:00:00.000Z',
      'reminder:r1:self-assessment:contrib:14d @ 2027-02-06T16:00:00.000Z',
      'reminder:r1:self-assessment:coord:3d @ 2027-02-17T16:00:00.000Z',
      'reminder:r1:self-assessment:contrib:3d @ 2027-02-17T16:00:00.000Z',
      'reminder:r1:next-assessment:coord @ 2029-09-10T08:00:00.000Z',
    ]);
    const submitted = base();
    submitted.review.selfAssessmentSubmittedAt = now;
    expect(keys(submitted).filter((k) => k.includes('self-assessment'))).toEqual([]);
  });

  it('does not send a reminder whose moment has passed', () => {
    const late = base({ now: new Date('2027-02-10T12:00:00Z') });
    expect(keys(late).filter((k) => k.includes('self-assessment'))).toEqual([
      'reminder:r1:self-assessment:coord:3d @ 2027-02-17T16:00:00.000Z',
      'reminder:r1:self-assessment:contrib:3d @ 2027-02-17T16:00:00.000Z',
    ]);
  });

  it('reminds assigned people 7 and 1 day before each session, and nudges interviewers the evening after', () => {
    const input = base({
      review: { ...base().review, status: ReviewStatus.VISIT },
      sessions: [
        {
          id: 's1',
          kind: VisitSessionKind.INTERVIEW,
          startsAt: new Date('2027-03-10T09:00:00Z'),
          endsAt: new Date('2027-03-10T10:00:00Z'),
          cancelledAt: null,
          version: 1,
          updatedAt: now,
          assignees: ['peer'],
        },
      ],
    });
    expect(keys(input).filter((k) => k.includes(':s1:'))).toEqual([
      'reminder:r1:session:s1:peer:7d @ 2027-03-03T09:00:00.000Z',
      // The evening before: 18:00 in the peer's zone (here the host city's, Oslo, none being given).
      'reminder:r1:session:s1:peer:1d @ 2027-03-09T17:00:00.000Z',
      // 19:00 in Oslo (UTC+1) on the day of the interview.
      'reminder:r1:nudge:s1:peer @ 2027-03-10T18:00:00.000Z',
    ]);
  });

  it('sends an update to whoever holds an older invite, and a cancellation when the session is cancelled', () => {
    const session = {
      id: 's1',
      kind: VisitSessionKind.INTERVIEW,
      startsAt: new Date('2027-03-10T09:00:00Z'),
      endsAt: new Date('2027-03-10T10:00:00Z'),
      cancelledAt: null,
      version: 3,
      updatedAt: new Date('2027-02-01T11:00:00Z'),
      assignees: ['peer'],
    };
    const moved = base({
      sessions: [session],
      sentInvites: [{ sessionId: 's1', personId: 'peer', sentAt: new Date('2027-01-31T00:00:00Z') }],
    });
    expect(planReminders(moved).filter((m) => m.dedupeKey.startsWith('notice:'))).toMatchObject([
      { dedupeKey: 'notice:r1:session-updated:s1:peer:v3', template: 'session-updated', optional: false, dueAt: now },
    ]);
    const cancelled = base({ sessions: [{ ...session, cancelledAt: now }], sentInvites: moved.sentInvites });
    expect(planReminders(cancelled).filter((m) => m.dedupeKey.includes('s1'))).toMatchObject([
      { dedupeKey: 'notice:r1:session-cancelled:s1:peer', template: 'session-cancelled' },
    ]);
  });

  it('follows the review rules: a disabled rule plans nothing, changed offsets move the reminders', () => {
    const rules = defaultRules(ReviewKind.PEER_REVIEW).map((r) =>
      r.kind === ReminderRuleKind.SELF_ASSESSMENT_DUE
        ? { ...r, offsets: [7] }
        : r.kind === ReminderRuleKind.NEXT_ASSESSMENT
          ? { ...r, enabled: false }
          : r,
    );
    expect(keys(base({ rules }))).toEqual([
      'reminder:r1:self-assessment:coord:7d @ 2027-02-13T16:00:00.000Z',
      'reminder:r1:self-assessment:contrib:7d @ 2027-02-13T16:00:00.000Z',
    ]);
  });

  it('plans nothing for a closed or cancelled review', () => {
    expect(planReminders(base({ review: { ...base().review, status: ReviewStatus.CANCELLED } }))).toEqual([]);
  });

  it('follow-up checkpoints: 6 and 12 months after the report is published, unless the timeline sets its own', () => {
    const published = base({
      review: { ...base().review, status: ReviewStatus.FOLLOW_UP, reportPublishedAt: new Date('2027-05-31T10:00:00Z') },
    });
    expect(keys(published).filter((k) => k.includes('checkpoint'))).toEqual([
      'reminder:r1:checkpoint:1:coord @ 2027-11-30T10:00:00.000Z',
      'reminder:r1:checkpoint:2:coord @ 2028-05-31T10:00:00.000Z',
    ]);
    const ownDates = base({ review: { ...published.review, followUpCheckpoints: [new Date('2027-09-01T08:00:00Z')] } });
    expect(keys(ownDates).filter((k) => k.includes('checkpoint'))).toEqual(['reminder:r1:checkpoint:1:coord @ 2027-09-01T08:00:00.000Z']);
    expect(keys(base({ review: { ...published.review, reportPublishedAt: null } })).filter((k) => k.includes('checkpoint'))).toEqual([]);
  });

  describe('the development plan', () => {
    const feedback = (overrides: Partial<PlanInput> = {}) =>
      base({
        review: { ...base().review, status: ReviewStatus.FEEDBACK, selfAssessmentDueAt: null, visitStartsAt: null },
        planActions: [{ id: 'a1', responsibleId: 'contrib', dueOn: '2027-03-01' }],
        secretariat: [{ personId: 'admin', email: 'admin@example.org' }],
        ...overrides,
      });

    it('reminds the person responsible before and after the due day, then escalates to the coordinator and the secretariat', () => {
      // 09:00 in Oslo on 1 March is 08:00Z; negative offsets are days after it.
      expect(keys(feedback())).toEqual([
        'reminder:r1:plan:a1:contrib:7d @ 2027-02-22T08:00:00.000Z',
        'reminder:r1:plan:a1:contrib:-1d @ 2027-03-02T08:00:00.000Z',
        'reminder:r1:plan-escalation:a1:host:coord:-14d @ 2027-03-15T08:00:00.000Z',
        'reminder:r1:plan-escalation:a1:secretariat:admin:-30d @ 2027-03-31T08:00:00.000Z',
      ]);
    });

    it('follows the review rules: other offsets, a rule turned off, and nothing before the feedback', () => {
      const rules = defaultRules(ReviewKind.PEER_REVIEW).map((r) =>
        r.kind === ReminderRuleKind.PLAN_ACTION_DUE
          ? { ...r, offsets: [0, -3] }
          : r.kind === ReminderRuleKind.PLAN_ACTION_ESCALATE_SECRETARIAT
            ? { ...r, enabled: false }
            : r,
      );
      expect(keys(feedback({ rules }))).toEqual([
        'reminder:r1:plan:a1:contrib:0d @ 2027-03-01T08:00:00.000Z',
        'reminder:r1:plan:a1:contrib:-3d @ 2027-03-04T08:00:00.000Z',
        'reminder:r1:plan-escalation:a1:host:coord:-14d @ 2027-03-15T08:00:00.000Z',
      ]);
      expect(keys(feedback({ review: { ...feedback().review, status: ReviewStatus.DELIBERATION } }))).toEqual([]);
    });

    it('does not send one whose moment passed: an action entered late only gets what is still to come', () => {
      expect(keys(feedback({ now: new Date('2027-03-20T12:00:00Z') }))).toEqual([
        'reminder:r1:plan-escalation:a1:secretariat:admin:-30d @ 2027-03-31T08:00:00.000Z',
      ]);
    });
  });

  it("the report's due date: the leader before it, the secretariat when it passes, nothing once a report is published", () => {
    const due = base({
      review: {
        ...base().review,
        status: ReviewStatus.DELIBERATION,
        selfAssessmentDueAt: null,
        visitStartsAt: null,
        reportDueAt: new Date('2027-04-30T10:00:00Z'),
      },
      secretariat: [{ personId: 'admin', email: 'admin@example.org' }],
    });
    expect(keys(due)).toEqual([
      'reminder:r1:report-due:lead:14d @ 2027-04-16T10:00:00.000Z',
      'reminder:r1:report-due:lead:3d @ 2027-04-27T10:00:00.000Z',
      'reminder:r1:report-overdue:admin:0d @ 2027-04-30T10:00:00.000Z',
    ]);
    expect(keys(base({ ...due, review: { ...due.review, reportPublishedAt: new Date('2027-04-20T10:00:00Z') } }))).toEqual([]);
  });
});
