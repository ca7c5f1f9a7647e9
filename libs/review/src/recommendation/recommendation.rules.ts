import { Problem } from '@peervisit/platform';
import { ReviewStatus } from '../review/review.entity';
import { ReviewRole } from '../team/team-member.entity';
import { allows } from '../review/review-capabilities';
import { FollowUpStatus, FollowUpUpdate, HostResponse, Recommendation, RecommendationPriority } from './recommendation.entity';

/** The pure rules of recommendations (no database), so they can be tested on their own. */

export const TEXT_MAX = 5000;
export const OWNER_MAX = 500;
/** Documents one progress report may name. */
export const DOCUMENTS_MAX = 20;

/** Follow-up statuses that close a recommendation (it no longer carries over). */
export const DONE = [FollowUpStatus.IMPLEMENTED, FollowUpStatus.ABANDONED];
/** Answers that must say why. */
export const NEEDS_COMMENT = [HostResponse.PARTLY_ACCEPTED, HostResponse.REJECTED, HostResponse.NOTED];

/** What an answer without its reason is asked for. */
export const MISSING_REASON: Record<HostResponse, string> = {
  ACCEPTED: '',
  PARTLY_ACCEPTED: 'say which part the city accepts, and why not the rest',
  NOTED: 'say why the city only notes this recommendation',
  REJECTED: 'say why the city rejects this recommendation',
};

const PRIORITY_RANK: Record<RecommendationPriority, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** HIGH first, then the oldest first. */
export function byPriority(
  a: Pick<Recommendation, 'priority' | 'createdAt' | 'id'>,
  b: Pick<Recommendation, 'priority' | 'createdAt' | 'id'>,
): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/** The update that decides a recommendation's status: the latest asOf, then the latest reported. */
export function latestUpdate<T extends Pick<FollowUpUpdate, 'asOf' | 'reportedAt' | 'id'>>(updates: T[]): T | undefined {
  return [...updates].sort(chronological).at(-1);
}

/** Oldest first: by asOf, then by when it was reported. */
export function chronological(
  a: Pick<FollowUpUpdate, 'asOf' | 'reportedAt' | 'id'>,
  b: Pick<FollowUpUpdate, 'asOf' | 'reportedAt' | 'id'>,
): number {
  return a.asOf.localeCompare(b.asOf) || a.reportedAt.getTime() - b.reportedAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Whether a person with these roles reads a review's conclusions and recommendations: the same rule
 * as ReviewAccessService.requireFindingsRead, as a predicate for filtering many reviews.
 */
export function mayReadFindings(isAdmin: boolean, roles: ReviewRole[], status: ReviewStatus): boolean {
  if (isAdmin) return true;
  if (roles.some((r) => r === ReviewRole.EXPERT_LEADER || r === ReviewRole.PEER)) return true;
  return roles.length > 0 && allows(status, 'readFindingsAsHost');
}

/** The problems with the text and owner of a recommendation (key factors and examples need the database). */
export function textProblems(input: { text?: string | null; suggestedOwner?: string | null }): Problem[] {
  const problems: Problem[] = [];
  if (!input.text?.trim()) problems.push({ path: 'text', message: 'must not be empty' });
  else if (input.text.trim().length > TEXT_MAX) problems.push({ path: 'text', message: `must be at most ${TEXT_MAX} characters` });
  if (input.suggestedOwner && input.suggestedOwner.trim().length > OWNER_MAX)
    problems.push({ path: 'suggestedOwner', message: `must be at most ${OWNER_MAX} characters` });
  return problems;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD, not after `today` (also YYYY-MM-DD, in the host city). */
export function asOfProblem(asOf: string | null | undefined, today: string): string | null {
  const m = DATE.exec(asOf?.trim() ?? '');
  if (!m) return `"${asOf ?? ''}" is not a date; write it as YYYY-MM-DD, e.g. ${today}`;
  const [year, month, day] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return `${asOf} is not a calendar date`;
  if (asOf!.trim() > today)
    return `${asOf!.trim()} is in the future (today is ${today} in the host city); report progress as of today or earlier`;
  return null;
}
