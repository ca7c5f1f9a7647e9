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
  /** From the host city (its coordinator or a contributor), and not on the team: the host city's screens. */
  hosts: boolean;
  /** The host city's coordinator (assigns entries, submits, answers recommendations). */
  coordinates: boolean;
  isAdmin: boolean;
  /** Still asking the API; the roles cached for the review come first when known. */
  loading: boolean;
}

/** My roles in a review, for choosing which workspace (leader's, peer's or host city's) to show. */
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
    hosts:
      !isAdmin &&
      !roles.includes('EXPERT_LEADER') &&
      !roles.includes('PEER') &&
      roles.some((r) => r === 'HOST_COORDINATOR' || r === 'HOST_CONTRIBUTOR'),
    coordinates: roles.includes('HOST_COORDINATOR'),
    loading: fetching && !data,
  };
}
