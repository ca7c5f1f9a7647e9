import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import type { ReviewRole } from '../graphql/generated/graphql';
import { ReviewRolesQuery } from './operations';

export interface ReviewRoleInfo {
  roles: ReviewRole[];
  /** The expert leader, or the network secretariat (who may do what the leader does). */
  leads: boolean;
  /** On the review team proper (expert leader or peer). */
  onTeam: boolean;
  isAdmin: boolean;
  /** Still asking the API; the roles cached for the review come first when known. */
  loading: boolean;
}

/** My roles in a review, for choosing which workspace (leader's or peer's) to show. */
export function useReviewRole(reviewId: string): ReviewRoleInfo {
  const { person } = useAuth();
  const [{ data, fetching }] = useQuery({
    query: ReviewRolesQuery,
    variables: { reviewId },
    pause: !reviewId,
    requestPolicy: 'cache-and-network',
  });
  const roles = data?.review.myRoles ?? [];
  const isAdmin = !!person?.isAdmin;
  return {
    roles,
    isAdmin,
    leads: isAdmin || roles.includes('EXPERT_LEADER'),
    onTeam: roles.includes('EXPERT_LEADER') || roles.includes('PEER'),
    loading: fetching && !data,
  };
}
