import { OrganisationKind } from '@peervisit/directory/entities';
import { ReviewRole } from '../team/team-member.entity';
import { Review, ReviewKind, ReviewStatus } from './review.entity';
import { findTransition, missingFor, REVIEW_TRANSITIONS, ReviewFacts, transitionsFrom } from './review-status-machine';

const { EXPERT_LEADER, PEER, HOST_COORDINATOR, OBSERVER } = ReviewRole;

function facts(
  review: Partial<Review>,
  team: [ReviewRole, OrganisationKind | null][] = [],
  submitted: string[] = [],
  agreed: string[] = [],
  feedbackHeld = false,
  reportPublished = false,
): ReviewFacts {
  return {
    review: { selfAssessmentDueAt: null, visitStartsAt: null, visitEndsAt: null, ...review } as Review,
    team: async () => team.map(([role, organisationKind]) => ({ role, organisationKind })),
    keyFactorsInScope: async () => [
      { id: 'k1', code: '01' },
      { id: 'k4', code: '04' },
      { id: 'k9', code: '09' },
    ],
    submittedEntryKeyFactorIds: async () => new Set(submitted),
    agreedConclusionKeyFactorIds: async () => new Set(agreed),
    heldFeedbackSession: async () => feedbackHeld,
    publishedReport: async () => reportPublished,
  };
}

const missing = async (status: ReviewStatus, to: ReviewStatus, kind: ReviewKind, f: ReviewFacts) =>
  missingFor(findTransition(status, to, kind)!, f);

describe('the review status machine', () => {
  it('has each status change once per kind of review', () => {
    for (const kind of Object.values(ReviewKind)) {
      const seen = new Set<string>();
      for (const t of REVIEW_TRANSITIONS.filter((t) => !t.kinds || t.kinds.includes(kind))) {
        for (const from of t.from) {
          const key = `${from}->${t.to}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('walks a peer review from DRAFT to CLOSED, and can cancel from every open state but not from CLOSED', () => {
    const path = [
      ReviewStatus.DRAFT,
      ReviewStatus.PREPARATION,
      ReviewStatus.SELF_ASSESSMENT,
      ReviewStatus.VISIT,
      ReviewStatus.DELIBERATION,
      ReviewStatus.FEEDBACK,
      ReviewStatus.REPORTING,
      ReviewStatus.FOLLOW_UP,
      ReviewStatus.CLOSED,
    ];
    for (let i = 0; i < path.length - 1; i++) {
      expect(findTransition(path[i], path[i + 1], ReviewKind.PEER_REVIEW)).toBeDefined();
      expect(findTransition(path[i], ReviewStatus.CANCELLED, ReviewKind.PEER_REVIEW)).toBeDefined();
    }
    expect(transitionsFrom(ReviewStatus.CLOSED, ReviewKind.PEER_REVIEW)).toEqual([]);
    expect(transitionsFrom(ReviewStatus.CANCELLED, ReviewKind.PEER_REVIEW)).toEqual([]);
  });

  it('an internal assessment skips the visit', () => {
    expect(findTransition(ReviewStatus.SELF_ASSESSMENT, ReviewStatus.VISIT, ReviewKind.INTERNAL_ASSESSMENT)).toBeUndefined();
    expect(findTransition(ReviewStatus.SELF_ASSESSMENT, ReviewStatus.DELIBERATION, ReviewKind.INTERNAL_ASSESSMENT)).toBeDefined();
    expect(findTransition(ReviewStatus.SELF_ASSESSMENT, ReviewStatus.DELIBERATION, ReviewKind.PEER_REVIEW)).toBeUndefined();
  });

  it('a peer review needs an expert leader, a peer, a host coordinator and a due date before the self-assessment', async () => {
    const f = facts({}, [[OBSERVER, null]]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.PEER_REVIEW, f)).toEqual([
      'an expert leader on the team',
      'at least one peer on the team',
      'a host coordinator on the team',
      'a self-assessment due date in the timeline',
    ]);
    const ready = facts({ selfAssessmentDueAt: new Date() }, [
      [EXPERT_LEADER, null],
      [PEER, null],
      [HOST_COORDINATOR, null],
    ]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.PEER_REVIEW, ready)).toEqual([]);
  });

  it('an expert visit needs at least one expert and a secretariat representative', async () => {
    const noSecretariat = facts({ selfAssessmentDueAt: new Date() }, [
      [EXPERT_LEADER, OrganisationKind.ACADEMIA],
      [HOST_COORDINATOR, OrganisationKind.CITY_ADMINISTRATION],
    ]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.EXPERT_VISIT, noSecretariat)).toEqual([
      'a secretariat representative on the team (a member from a network-secretariat organisation)',
    ]);
    // An observer from the secretariat does not count: the representative takes part in the visit.
    const observerOnly = facts({ selfAssessmentDueAt: new Date() }, [
      [EXPERT_LEADER, null],
      [OBSERVER, OrganisationKind.NETWORK_SECRETARIAT],
      [HOST_COORDINATOR, null],
    ]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.EXPERT_VISIT, observerOnly)).toHaveLength(1);
    const complete = facts({ selfAssessmentDueAt: new Date() }, [
      [EXPERT_LEADER, OrganisationKind.ACADEMIA],
      [PEER, OrganisationKind.NETWORK_SECRETARIAT],
      [HOST_COORDINATOR, null],
    ]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.EXPERT_VISIT, complete)).toEqual([]);
    const noExpert = facts({ selfAssessmentDueAt: new Date() }, [
      [HOST_COORDINATOR, null],
      [OBSERVER, OrganisationKind.NETWORK_SECRETARIAT],
    ]);
    expect(await missing(ReviewStatus.PREPARATION, ReviewStatus.SELF_ASSESSMENT, ReviewKind.EXPERT_VISIT, noExpert)).toContain(
      'an expert on the team',
    );
  });

  it('the visit needs every key factor in scope submitted, naming the ones that are not, and a sensible visit window', async () => {
    const f = facts({ visitStartsAt: new Date('2027-03-12'), visitEndsAt: new Date('2027-03-10') }, [], ['k1']);
    expect(await missing(ReviewStatus.SELF_ASSESSMENT, ReviewStatus.VISIT, ReviewKind.PEER_REVIEW, f)).toEqual([
      'a submitted self-assessment entry for key factors 04, 09',
      'a visit end after the visit start',
    ]);
    const one = facts({ visitStartsAt: new Date('2027-03-10'), visitEndsAt: new Date('2027-03-12') }, [], ['k1', 'k4']);
    expect(await missing(ReviewStatus.SELF_ASSESSMENT, ReviewStatus.VISIT, ReviewKind.PEER_REVIEW, one)).toEqual([
      'a submitted self-assessment entry for key factor 09',
    ]);
  });

  it('cancelling needs a reason', () => {
    expect(findTransition(ReviewStatus.VISIT, ReviewStatus.CANCELLED, ReviewKind.EXPERT_VISIT)?.needsReason).toBe(true);
  });

  it('feedback needs an agreed conclusion for every key factor in scope and a feedback session that has taken place', async () => {
    expect(await missing(ReviewStatus.DELIBERATION, ReviewStatus.FEEDBACK, ReviewKind.PEER_REVIEW, facts({}, [], [], ['k4']))).toEqual([
      'an agreed conclusion for key factors 01, 09',
      'a feedback session with the city in the programme that has taken place',
    ]);
    expect(
      await missing(ReviewStatus.DELIBERATION, ReviewStatus.FEEDBACK, ReviewKind.PEER_REVIEW, facts({}, [], [], ['k1', 'k4', 'k9'], true)),
    ).toEqual([]);
    // An internal assessment has no visit, so no feedback session either.
    expect(
      await missing(
        ReviewStatus.DELIBERATION,
        ReviewStatus.FEEDBACK,
        ReviewKind.INTERNAL_ASSESSMENT,
        facts({}, [], [], ['k1', 'k4', 'k9']),
      ),
    ).toEqual([]);
  });

  it('follow-up needs a published report', async () => {
    expect(await missing(ReviewStatus.REPORTING, ReviewStatus.FOLLOW_UP, ReviewKind.PEER_REVIEW, facts({}))).toEqual([
      'a published follow-up report',
    ]);
    expect(
      await missing(ReviewStatus.REPORTING, ReviewStatus.FOLLOW_UP, ReviewKind.PEER_REVIEW, facts({}, [], [], [], false, true)),
    ).toEqual([]);
  });
});
