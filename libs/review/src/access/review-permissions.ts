import { ALL_ROLES, ReviewRole } from '../team/team-member.entity';

const { EXPERT_LEADER, PEER, HOST_COORDINATOR, HOST_CONTRIBUTOR } = ReviewRole;

/**
 * Who may do what in a review, in one table. Admins (the network secretariat) may do everything.
 * Rules that depend on more than the role (a contributor editing only entries assigned to them)
 * are checked by the service that owns the data, on top of this.
 */
export const REVIEW_PERMISSIONS = {
  'review.read': ALL_ROLES,
  'review.edit': [EXPERT_LEADER],
  'team.read': ALL_ROLES,
  'team.manage': [EXPERT_LEADER],
  'team.manageHostContributors': [EXPERT_LEADER, HOST_COORDINATOR],
  'selfAssessment.read': ALL_ROLES,
  'selfAssessment.edit': [HOST_COORDINATOR, HOST_CONTRIBUTOR],
  'selfAssessment.assign': [HOST_COORDINATOR],
  'selfAssessment.submit': [HOST_COORDINATOR],
  'contextNote.edit': [HOST_COORDINATOR, HOST_CONTRIBUTOR],
  'document.read': ALL_ROLES,
  'document.add': [EXPERT_LEADER, PEER, HOST_COORDINATOR, HOST_CONTRIBUTOR],
  'document.retract': [EXPERT_LEADER, HOST_COORDINATOR],
  'audit.read': [EXPERT_LEADER],
} satisfies Record<string, ReviewRole[]>;

export type ReviewPermission = keyof typeof REVIEW_PERMISSIONS;

export const ROLE_LABEL: Record<ReviewRole, string> = {
  EXPERT_LEADER: 'expert leader',
  PEER: 'peer',
  HOST_COORDINATOR: 'host coordinator',
  HOST_CONTRIBUTOR: 'host contributor',
  OBSERVER: 'observer',
};
