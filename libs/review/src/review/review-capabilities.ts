import { AppError, conflict, ErrorCode, forbidden, invalidTransition } from '@peervisit/platform';
import { ReviewStatus } from './review.entity';

/**
 * What may happen to a review in each status: the one table, beside the transitions
 * (review-status-machine.ts says how a review moves between statuses; this says what each status
 * allows). Services ask it through assertAllowed / refusalOf / statusesAllowing and never compare a
 * status themselves; review-capabilities.spec.ts fails when an activity here is asked by no service.
 *
 * The roles that may do each activity are in access/review-permissions.ts; both must allow it.
 * What does not depend on the status is not listed: reading (but for the host city's reading of
 * findings), retracting evidence or a document, cancelling a session, status transitions (the status
 * machine) and everything admins do outside a review.
 */

const { DRAFT, PREPARATION, SELF_ASSESSMENT, VISIT, DELIBERATION, FEEDBACK, REPORTING, FOLLOW_UP, CLOSED, CANCELLED } = ReviewStatus;

/** The statuses in the order of the table's columns (the order a review goes through them). */
export const STATUS_COLUMNS = [
  DRAFT,
  PREPARATION,
  SELF_ASSESSMENT,
  VISIT,
  DELIBERATION,
  FEEDBACK,
  REPORTING,
  FOLLOW_UP,
  CLOSED,
  CANCELLED,
] as const;

type Row = [boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean, boolean];
const Y = true;
const _ = false;

// prettier-ignore
export const CAPABILITIES = {
  //                       DRAFT PREPARATION SELF_ASSESSMENT VISIT DELIBERATION FEEDBACK REPORTING FOLLOW_UP CLOSED CANCELLED
  /** Title and timeline. */
  editReview:             [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        _,     _] as Row,
  /** The key factors in scope. */
  changeScope:            [Y,    Y,          _,              _,    _,           _,       _,        _,        _,     _] as Row,
  /** Invite, withdraw or resend invitations, remove members. */
  manageTeam:             [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        _,     _] as Row,
  /** Accept an invitation to the team. */
  joinTeam:               [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        _,     _] as Row,
  /** Upload a file or add a link. */
  addDocument:            [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        _,     _] as Row,
  /** Save or assign self-assessment entries, write context notes. */
  editSelfAssessment:     [_,    Y,          Y,              _,    _,           _,       _,        _,        _,     _] as Row,
  submitSelfAssessment:   [_,    _,          Y,              _,    _,           _,       _,        _,        _,     _] as Row,
  /** The expert leader sends an entry back to the host city to change. */
  sendBackSelfAssessment: [_,    _,          Y,              _,    _,           _,       _,        _,        _,     _] as Row,
  /** Schedule or change visit sessions. */
  changeProgramme:        [_,    Y,          Y,              Y,    Y,           _,       _,        _,        _,     _] as Row,
  /** The host city confirms that a stakeholder will come to a session (it invites them); until the visit is over. */
  confirmAttendance:      [_,    Y,          Y,              Y,    _,           _,       _,        _,        _,     _] as Row,
  /** Move the visit window and its sessions by whole days; not after the visit: once the team has met people, the dates are history. */
  moveVisit:              [_,    Y,          Y,              Y,    _,           _,       _,        _,        _,     _] as Row,
  /** Log or edit evidence. */
  logEvidence:            [_,    _,          Y,              Y,    Y,           _,       _,        _,        _,     _] as Row,
  /** Save, agree or reopen conclusions. */
  draftConclusions:       [_,    _,          _,              Y,    Y,           _,       _,        _,        _,     _] as Row,
  /** Add, change or withdraw recommendations. */
  draftRecommendations:   [_,    _,          _,              Y,    Y,           Y,       Y,        _,        _,     _] as Row,
  /** Link good practices to a recommendation. */
  linkGoodPractices:      [_,    _,          _,              Y,    Y,           Y,       Y,        _,        _,     _] as Row,
  /** The host city and observers read conclusions and recommendations (the team always does). */
  readFindingsAsHost:     [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     _] as Row,
  /** The host city answers recommendations. */
  answerRecommendations:  [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     _] as Row,
  /** The host city reports progress on recommendations. */
  reportProgress:         [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     _] as Row,
  /** The host city adds and updates the actions of its development plan (like progress reports, for years after). */
  editPlan:               [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     _] as Row,
  /** Generate a new version of the follow-up report. */
  requestReport:          [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     _] as Row,
  // CANCELLED too: publishing never looked at the status, and a version requested before a
  // cancellation can still be ready. Kept as it was; a row to reconsider.
  publishReport:          [_,    _,          _,              _,    _,           Y,       Y,        Y,        Y,     Y] as Row,
  /** Live subscriptions (evidence, reports) keep streaming. */
  followLive:             [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        Y,     _] as Row,
  /** The review's sessions are in the members' calendar feeds. */
  showInCalendar:         [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        Y,     _] as Row,
  // Reminders (reminder-planner.ts): nothing is refused, the reminder is simply not planned.
  /** Any reminder at all (the next-assessment reminder needs nothing more). */
  remind:                 [Y,    Y,          Y,              Y,    Y,           Y,       Y,        Y,        _,     _] as Row,
  remindSelfAssessment:   [_,    Y,          Y,              _,    _,           _,       _,        _,        _,     _] as Row,
  /** The evening nudge to log evidence after an interview or focus group. */
  nudgeEvidence:          [_,    _,          _,              Y,    Y,           _,       _,        _,        _,     _] as Row,
  remindConclusions:      [_,    _,          Y,              Y,    Y,           _,       _,        _,        _,     _] as Row,
  remindFollowUp:         [_,    _,          _,              _,    _,           Y,       Y,        Y,        _,     _] as Row,
  /** Development plan actions coming due or overdue, and their escalations. */
  remindPlan:             [_,    _,          _,              _,    _,           Y,       Y,        Y,        _,     _] as Row,
  /** The report's due date (ReviewTimeline.reportDue): the leader before it, the secretariat when it passes. */
  remindReport:           [_,    Y,          Y,              Y,    Y,           Y,       Y,        _,        _,     _] as Row,
} satisfies Record<string, Row>;

export type ReviewActivity = keyof typeof CAPABILITIES;

/** What a refusal says; `allowed` are the statuses that allow the activity, from the table. */
type Refusal = {
  code: ErrorCode.INVALID_TRANSITION | ErrorCode.FORBIDDEN | ErrorCode.CONFLICT | ErrorCode.BAD_USER_INPUT;
  message: (review: ReviewState, allowed: ReviewStatus[]) => string;
};

/** What the refusals read of a review. */
export interface ReviewState {
  status: ReviewStatus;
  title?: string;
}

/** "self-assessment, visit or deliberation" */
const inWords = (statuses: ReviewStatus[]) => orList(statuses.map((s) => s.toLowerCase().replace(/_/g, '-')));
/** "PREPARATION or SELF_ASSESSMENT" */
const inCodes = (statuses: ReviewStatus[]) => orList(statuses);
const orList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items.join(''));

const refuse = (message: Refusal['message'], code: Refusal['code'] = ErrorCode.INVALID_TRANSITION): Refusal => ({ code, message });

/**
 * How each activity is refused in a status that does not allow it. Null for what is left out
 * without a refusal (reminders, calendar feeds).
 */
export const REFUSALS: Record<ReviewActivity, Refusal | null> = {
  editReview: refuse((r) => `The review is ${r.status.toLowerCase()}; it can no longer change.`),
  changeScope: refuse(() => 'the scope can change only before the self-assessment opens', ErrorCode.BAD_USER_INPUT),
  manageTeam: refuse((r) => `The review is ${r.status.toLowerCase()}; its team can no longer change.`),
  joinTeam: refuse(() => 'The review you were invited to is closed or cancelled.'),
  addDocument: refuse(
    (r) => `Documents can no longer be added: the review${r.title === undefined ? '' : ` "${r.title}"`} is ${r.status.toLowerCase()}.`,
    ErrorCode.CONFLICT,
  ),
  editSelfAssessment: refuse(
    (r, allowed) => `The self-assessment can be edited while the review is in ${inCodes(allowed)}; it is ${r.status}.`,
  ),
  submitSelfAssessment: refuse(
    (r, allowed) => `The self-assessment can be submitted while the review is in ${inCodes(allowed)}; it is ${r.status}.`,
  ),
  sendBackSelfAssessment: refuse(
    (r, allowed) =>
      `An entry can be sent back while the host city fills its self-assessment (${inCodes(allowed)}); the review is ${r.status}.`,
  ),
  changeProgramme: refuse((r, allowed) => `The programme can change while the review is in ${inWords(allowed)}; it is ${r.status}.`),
  confirmAttendance: refuse((r, allowed) => `Attendance can be confirmed while the review is in ${inWords(allowed)}; it is ${r.status}.`),
  moveVisit: refuse((r, allowed) => `The visit can be moved while the review is in ${inWords(allowed)}; it is ${r.status}.`),
  logEvidence: refuse((r, allowed) => `Evidence can be logged while the review is in ${inWords(allowed)}; it is ${r.status}.`),
  draftConclusions: refuse((r) => `Conclusions are drawn during the visit and deliberation; the review is in ${r.status}.`),
  draftRecommendations: refuse(
    (r, allowed) => `Recommendations can be added, changed or withdrawn while the review is in ${inWords(allowed)}; it is ${r.status}.`,
  ),
  linkGoodPractices: refuse((r) => `Good practices can be linked while recommendations may be changed; the review is ${r.status}.`),
  readFindingsAsHost: refuse(
    () => 'The conclusions and recommendations are shared with the host city at the feedback session.',
    ErrorCode.FORBIDDEN,
  ),
  answerRecommendations: refuse((r) => `The city answers recommendations once feedback has been given. The review is in ${r.status}.`),
  reportProgress: refuse((r) => `Progress on recommendations is reported once feedback has been given. The review is in ${r.status}.`),
  editPlan: refuse((r, allowed) => `The development plan can change while the review is in ${inWords(allowed)}; it is ${r.status}.`),
  requestReport: refuse((r) => `A report is generated once feedback has been given; the review is in ${r.status}.`),
  publishReport: refuse((r) => `A report can be published once feedback has been given; the review is in ${r.status}.`),
  followLive: refuse(() => 'This review was cancelled: its live updates have ended.', ErrorCode.FORBIDDEN),
  showInCalendar: null,
  remind: null,
  remindSelfAssessment: null,
  nudgeEvidence: null,
  remindConclusions: null,
  remindFollowUp: null,
  remindPlan: null,
  remindReport: null,
};

/** Whether a review in this status allows the activity. */
export function allows(status: ReviewStatus, activity: ReviewActivity): boolean {
  return CAPABILITIES[activity][STATUS_COLUMNS.indexOf(status)] === true;
}

/** The statuses that allow the activity, in the table's order (for SQL filters: `status = ANY(...)`). */
export function statusesAllowing(activity: ReviewActivity): ReviewStatus[] {
  return STATUS_COLUMNS.filter((_status, i) => CAPABILITIES[activity][i]);
}

/** Everything a review in this status allows (the table's column, as a list). */
export function activitiesAllowedIn(status: ReviewStatus): ReviewActivity[] {
  return (Object.keys(CAPABILITIES) as ReviewActivity[]).filter((activity) => allows(status, activity));
}

/** Why the review does not allow the activity now, or null when it does. */
export function refusalOf(review: ReviewState, activity: ReviewActivity): string | null {
  if (allows(review.status, activity)) return null;
  const refusal = REFUSALS[activity];
  return refusal ? refusal.message(review, statusesAllowing(activity)) : `Not while the review is in ${review.status}.`;
}

/** Throws the activity's refusal (its AppError code and sentence) unless the review allows it now. */
export function assertAllowed(review: ReviewState, activity: ReviewActivity): void {
  const message = refusalOf(review, activity);
  if (message === null) return;
  const code = REFUSALS[activity]?.code ?? ErrorCode.INVALID_TRANSITION;
  throw errorOf(code, message);
}

function errorOf(code: Refusal['code'], message: string): AppError {
  if (code === ErrorCode.FORBIDDEN) return forbidden(message);
  if (code === ErrorCode.CONFLICT) return conflict(message);
  if (code === ErrorCode.INVALID_TRANSITION) return invalidTransition(message);
  return new AppError(code, message);
}
