import { ALL_ROLES, ReviewRole } from '../team/team-member.entity';

const { EXPERT_LEADER, PEER, HOST_COORDINATOR, HOST_CONTRIBUTOR, OBSERVER } = ReviewRole;

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
  // The host city helps organise the visit, so it sees the programme and whom the team meets.
  'programme.read': ALL_ROLES,
  'programme.manage': [EXPERT_LEADER],
  // The host city invites the stakeholders and says who will come.
  'programme.confirmAttendance': [EXPERT_LEADER, HOST_COORDINATOR],
  'stakeholder.read': [EXPERT_LEADER, PEER, HOST_COORDINATOR, HOST_CONTRIBUTOR, OBSERVER],
  'stakeholder.register': [EXPERT_LEADER, PEER, HOST_COORDINATOR],
  // Raw interview and focus-group evidence stays with the review team.
  'evidence.read': [EXPERT_LEADER, PEER],
  'evidence.log': [EXPERT_LEADER, PEER],
  'evidence.moderate': [EXPERT_LEADER],
  // Reports: the team generates and reads drafts; the host city and observers read published versions.
  'report.generate': [EXPERT_LEADER, PEER],
  'report.publish': [EXPERT_LEADER],
  'report.read': ALL_ROLES,
  // Conclusions and recommendations: the team drafts them; the host city and observers read them from
  // the feedback session on (see findingsVisibleToHost), and the city answers and follows up.
  'findings.read': ALL_ROLES,
  'findings.draft': [EXPERT_LEADER, PEER],
  'findings.agree': [EXPERT_LEADER],
  'recommendation.respond': [HOST_COORDINATOR],
  'recommendation.followUp': [HOST_COORDINATOR, HOST_CONTRIBUTOR],
  // The host city maintains its development plan; the team and observers read it (findings.read).
  'plan.edit': [HOST_COORDINATOR, HOST_CONTRIBUTOR],
  // Drafting a good practice for the catalogue from the review's evidence or recommendations.
  'goodPractice.promote': [EXPERT_LEADER, PEER],
} satisfies Record<string, ReviewRole[]>;

export type ReviewPermission = keyof typeof REVIEW_PERMISSIONS;

export const ROLE_LABEL: Record<ReviewRole, string> = {
  EXPERT_LEADER: 'expert leader',
  PEER: 'peer',
  HOST_COORDINATOR: 'host coordinator',
  HOST_CONTRIBUTOR: 'host contributor',
  OBSERVER: 'observer',
};
