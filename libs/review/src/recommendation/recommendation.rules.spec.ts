import { ReviewStatus } from '../review/review.entity';
import { ReviewRole } from '../team/team-member.entity';
import { FollowUpStatus, RecommendationPriority } from './recommendation.entity';
import { asOfProblem, byPriority, chronological, latestUpdate, mayReadFindings, textProblems } from './recommendation.rules';

describe('recommendation rules', () => {
  it('asOf is a calendar date written YYYY-MM-DD, not after today in the host city', () => {
    expect(asOfProblem('2027-05-01', '2027-05-01')).toBeNull();
    expect(asOfProblem('2026-12-31', '2027-05-01')).toBeNull();
    expect(asOfProblem('2027-05-02', '2027-05-01')).toBe(
      '2027-05-02 is in the future (today is 2027-05-01 in the host city); report progress as of today or earlier',
    );
    expect(asOfProblem('2027-02-30', '2027-05-01')).toBe('2027-02-30 is not a calendar date');
    expect(asOfProblem('01/05/2027', '2027-05-01')).toBe('"01/05/2027" is not a date; write it as YYYY-MM-DD, e.g. 2027-05-01');
    expect(asOfProblem('', '2027-05-01')).toContain('is not a date');
    expect(asOfProblem(undefined, '2027-05-01')).toContain('is not a date');
  });

  it('the latest update decides the status: latest asOf first, then the latest reported', () => {
    const u = (id: string, asOf: string, reportedAt: string, status: FollowUpStatus) => ({
      id,
      asOf,
      reportedAt: new Date(reportedAt),
      status,
    });
    const late = u('a', '2027-06-01', '2027-06-02T10:00:00Z', FollowUpStatus.IMPLEMENTED);
    const backdated = u('b', '2027-03-01', '2027-06-05T10:00:00Z', FollowUpStatus.IN_PROGRESS); // reported later, about an earlier date
    expect(latestUpdate([late, backdated])?.status).toBe(FollowUpStatus.IMPLEMENTED);
    const sameDay = u('c', '2027-06-01', '2027-06-06T10:00:00Z', FollowUpStatus.ABANDONED);
    expect(latestUpdate([sameDay, late, backdated])?.status).toBe(FollowUpStatus.ABANDONED);
    expect([late, sameDay, backdated].sort(chronological).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(latestUpdate([])).toBeUndefined();
  });

  it('orders HIGH first, then the oldest first', () => {
    const r = (id: string, priority: RecommendationPriority, createdAt: string) => ({ id, priority, createdAt: new Date(createdAt) });
    const list = [
      r('1', RecommendationPriority.LOW, '2027-01-01'),
      r('2', RecommendationPriority.HIGH, '2027-01-03'),
      r('3', RecommendationPriority.MEDIUM, '2027-01-01'),
      r('4', RecommendationPriority.HIGH, '2027-01-02'),
    ];
    expect(list.sort(byPriority).map((x) => x.id)).toEqual(['4', '2', '3', '1']);
  });

  it('findings are read by the team always, by the host city and observers from the feedback on, by non-members never', () => {
    const { EXPERT_LEADER, PEER, HOST_COORDINATOR, HOST_CONTRIBUTOR, OBSERVER } = ReviewRole;
    for (const role of [EXPERT_LEADER, PEER]) expect(mayReadFindings(false, [role], ReviewStatus.VISIT)).toBe(true);
    for (const role of [HOST_COORDINATOR, HOST_CONTRIBUTOR, OBSERVER]) {
      expect(mayReadFindings(false, [role], ReviewStatus.DELIBERATION)).toBe(false);
      for (const status of [ReviewStatus.FEEDBACK, ReviewStatus.REPORTING, ReviewStatus.FOLLOW_UP, ReviewStatus.CLOSED])
        expect(mayReadFindings(false, [role], status)).toBe(true);
    }
    expect(mayReadFindings(false, [], ReviewStatus.CLOSED)).toBe(false);
    expect(mayReadFindings(true, [], ReviewStatus.VISIT)).toBe(true);
  });

  it('lists every text problem', () => {
    expect(textProblems({ text: '  ', suggestedOwner: 'x'.repeat(501) })).toEqual([
      { path: 'text', message: 'must not be empty' },
      { path: 'suggestedOwner', message: 'must be at most 500 characters' },
    ]);
    expect(textProblems({ text: 'x'.repeat(5001) })).toEqual([{ path: 'text', message: 'must be at most 5000 characters' }]);
    expect(textProblems({ text: 'Publish the diversity statement.', suggestedOwner: null })).toEqual([]);
  });
});
