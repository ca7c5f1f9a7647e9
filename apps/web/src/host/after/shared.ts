import type { ReviewStatus } from '../../graphql/generated/graphql';

/**
 * The statuses in which the team's findings are shared with the host city (the API's
 * readFindingsAsHost row in review-capabilities.ts, which decides; this only avoids asking before).
 */
export const SHARED_WITH_HOST: ReviewStatus[] = ['FEEDBACK', 'REPORTING', 'FOLLOW_UP', 'CLOSED'];

export const sharedWithHost = (status: ReviewStatus) => SHARED_WITH_HOST.includes(status);

/** Today's date in the host city, YYYY-MM-DD (what the API compares a progress report's date with). */
export const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
