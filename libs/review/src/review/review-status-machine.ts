import { OrganisationKind } from '@peervisit/directory/entities';
import { ReviewRole } from '../team/team-member.entity';
import { Review, ReviewKind, ReviewStatus } from './review.entity';

const { DRAFT, PREPARATION, SELF_ASSESSMENT, VISIT, DELIBERATION, FEEDBACK, REPORTING, FOLLOW_UP, CLOSED, CANCELLED } = ReviewStatus;
const { EXPERT_LEADER, PEER, HOST_COORDINATOR } = ReviewRole;

/** What the guards may ask about a review; loaded lazily by the service, once per transition. */
export interface ReviewFacts {
  review: Review;
  team(): Promise<{ role: ReviewRole; organisationKind: OrganisationKind | null }[]>;
  keyFactorsInScope(): Promise<{ id: string; code: string }[]>;
  submittedEntryKeyFactorIds(): Promise<Set<string>>;
  agreedConclusionKeyFactorIds(): Promise<Set<string>>;
  /** A feedback session of the programme that has ended (not cancelled). */
  heldFeedbackSession(): Promise<boolean>;
  /** A published version of the follow-up report. */
  publishedReport(): Promise<boolean>;
}

/** A guard returns what is missing, one phrase each; empty means the transition may go ahead. */
export type Guard = (facts: ReviewFacts) => Promise<string[]>;

export interface Transition {
  from: ReviewStatus[];
  to: ReviewStatus;
  /** Only for these kinds of review (all when absent). */
  kinds?: ReviewKind[];
  /** Review roles that may take it; admins always may. */
  roles: ReviewRole[];
  guards: Guard[];
  /** The transition needs a reason from the person taking it (cancelling). */
  needsReason?: boolean;
}

// ---- guards -------------------------------------------------------------------------------------

const hasRole =
  (role: ReviewRole, phrase: string): Guard =>
  async (facts) =>
    (await facts.team()).some((m) => m.role === role) ? [] : [phrase];

const expertVisitTeam: Guard = async (facts) => {
  const team = await facts.team();
  const missing: string[] = [];
  if (!team.some((m) => m.role === EXPERT_LEADER || m.role === PEER)) missing.push('an expert on the team');
  if (!team.some((m) => m.organisationKind === OrganisationKind.NETWORK_SECRETARIAT && m.role !== ReviewRole.OBSERVER)) {
    missing.push('a secretariat representative on the team (a member from a network-secretariat organisation)');
  }
  return missing;
};

const dateSet =
  (pick: (r: Review) => Date | null, phrase: string): Guard =>
  async (facts) =>
    pick(facts.review) ? [] : [phrase];

const visitWindow: Guard = async ({ review }) => {
  if (!review.visitStartsAt || !review.visitEndsAt) return ['the visit start and end in the timeline'];
  return review.visitEndsAt > review.visitStartsAt ? [] : ['a visit end after the visit start'];
};

const selfAssessmentSubmitted: Guard = async (facts) => {
  const inScope = await facts.keyFactorsInScope();
  const submitted = await facts.submittedEntryKeyFactorIds();
  const missing = inScope.filter((k) => !submitted.has(k.id)).map((k) => k.code);
  if (!missing.length) return [];
  return [`a submitted self-assessment entry for key factor${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`];
};

const conclusionsAgreed: Guard = async (facts) => {
  const inScope = await facts.keyFactorsInScope();
  const agreed = await facts.agreedConclusionKeyFactorIds();
  const missing = inScope.filter((k) => !agreed.has(k.id)).map((k) => k.code);
  if (!missing.length) return [];
  return [`an agreed conclusion for key factor${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`];
};

const feedbackSessionHeld: Guard = async (facts) =>
  (await facts.heldFeedbackSession()) ? [] : ['a feedback session with the city in the programme that has taken place'];

const reportPublished: Guard = async (facts) => ((await facts.publishedReport()) ? [] : ['a published follow-up report']);

// ---- the table ----------------------------------------------------------------------------------

const OPEN_STATES = [DRAFT, PREPARATION, SELF_ASSESSMENT, VISIT, DELIBERATION, FEEDBACK, REPORTING, FOLLOW_UP];
const VISITING_KINDS = [ReviewKind.PEER_REVIEW, ReviewKind.EXPERT_VISIT];

/**
 * Every status change a review can make, who may make it, and what it needs. The one place these
 * rules live: later capabilities add their guards here (conclusions before FEEDBACK, a published
 * report before FOLLOW_UP). What each status allows while the review is in it is the table beside
 * this one, review-capabilities.ts.
 */
export const REVIEW_TRANSITIONS: Transition[] = [
  { from: [DRAFT], to: PREPARATION, roles: [EXPERT_LEADER], guards: [hasRole(EXPERT_LEADER, 'an expert leader on the team')] },
  {
    from: [PREPARATION],
    to: SELF_ASSESSMENT,
    kinds: [ReviewKind.PEER_REVIEW],
    roles: [EXPERT_LEADER],
    guards: [
      hasRole(EXPERT_LEADER, 'an expert leader on the team'),
      hasRole(PEER, 'at least one peer on the team'),
      hasRole(HOST_COORDINATOR, 'a host coordinator on the team'),
      dateSet((r) => r.selfAssessmentDueAt, 'a self-assessment due date in the timeline'),
    ],
  },
  {
    from: [PREPARATION],
    to: SELF_ASSESSMENT,
    kinds: [ReviewKind.EXPERT_VISIT],
    roles: [EXPERT_LEADER],
    guards: [
      expertVisitTeam,
      hasRole(HOST_COORDINATOR, 'a host coordinator on the team'),
      dateSet((r) => r.selfAssessmentDueAt, 'a self-assessment due date in the timeline'),
    ],
  },
  {
    from: [PREPARATION],
    to: SELF_ASSESSMENT,
    kinds: [ReviewKind.INTERNAL_ASSESSMENT],
    roles: [EXPERT_LEADER, HOST_COORDINATOR],
    guards: [
      hasRole(HOST_COORDINATOR, 'a host coordinator on the team'),
      dateSet((r) => r.selfAssessmentDueAt, 'a self-assessment due date in the timeline'),
    ],
  },
  { from: [SELF_ASSESSMENT], to: VISIT, kinds: VISITING_KINDS, roles: [EXPERT_LEADER], guards: [selfAssessmentSubmitted, visitWindow] },
  // An internal assessment has no visit: the city's own team deliberates on its self-assessment.
  {
    from: [SELF_ASSESSMENT],
    to: DELIBERATION,
    kinds: [ReviewKind.INTERNAL_ASSESSMENT],
    roles: [EXPERT_LEADER, HOST_COORDINATOR],
    guards: [selfAssessmentSubmitted],
  },
  { from: [VISIT], to: DELIBERATION, roles: [EXPERT_LEADER], guards: [] },
  { from: [DELIBERATION], to: FEEDBACK, kinds: VISITING_KINDS, roles: [EXPERT_LEADER], guards: [conclusionsAgreed, feedbackSessionHeld] },
  {
    from: [DELIBERATION],
    to: FEEDBACK,
    kinds: [ReviewKind.INTERNAL_ASSESSMENT],
    roles: [EXPERT_LEADER, HOST_COORDINATOR],
    guards: [conclusionsAgreed],
  },
  { from: [FEEDBACK], to: REPORTING, roles: [EXPERT_LEADER], guards: [] },
  { from: [REPORTING], to: FOLLOW_UP, roles: [EXPERT_LEADER], guards: [reportPublished] },
  { from: [FOLLOW_UP], to: CLOSED, roles: [EXPERT_LEADER], guards: [] },
  { from: OPEN_STATES, to: CANCELLED, roles: [EXPERT_LEADER], guards: [], needsReason: true },
];

/** The transitions that exist from this status for this kind of review (whether or not allowed now). */
export function transitionsFrom(status: ReviewStatus, kind: ReviewKind): Transition[] {
  return REVIEW_TRANSITIONS.filter((t) => t.from.includes(status) && (!t.kinds || t.kinds.includes(kind)));
}

export function findTransition(status: ReviewStatus, to: ReviewStatus, kind: ReviewKind): Transition | undefined {
  return transitionsFrom(status, kind).find((t) => t.to === to);
}

/** Everything missing for a transition, from all its guards. */
export async function missingFor(transition: Transition, facts: ReviewFacts): Promise<string[]> {
  return (await Promise.all(transition.guards.map((guard) => guard(facts)))).flat();
}
