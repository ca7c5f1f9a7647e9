// `@peervisit/review/entities`: the review aggregate's entities and enums, without loading a Nest
// module (test/contract/entity-imports.spec.ts).
import { AuditEntry } from './audit/audit-entry.entity';
import { Document } from './document/document.entity';
import { Evidence, EvidenceRevision } from './evidence/evidence.entity';
import { Conclusion, ConclusionRevision } from './findings/conclusion.entity';
import { RecommendationPracticeLink } from './good-practice-links/recommendation-practice-link.entity';
import { PlanAction, PlanActionChange } from './plan/plan-action.entity';
import { PersonalDataErasure } from './personal-data/personal-data-erasure.entity';
import { FollowUpUpdate, Recommendation } from './recommendation/recommendation.entity';
import { Review } from './review/review.entity';
import { ContextNote } from './self-assessment/context-note.entity';
import { SelfAssessmentEntry } from './self-assessment/self-assessment-entry.entity';
import { SelfAssessmentReturn } from './self-assessment/self-assessment-return.entity';
import { TeamMember } from './team/team-member.entity';
import { SessionAssignment, SessionStakeholder, VisitSession } from './visit/visit-session.entity';

export * from './audit/audit-entry.entity';
export * from './document/document.entity';
export * from './evidence/evidence.entity';
export * from './findings/conclusion.entity';
export * from './good-practice-links/recommendation-practice-link.entity';
export * from './plan/plan-action.entity';
export * from './personal-data/personal-data-erasure.entity';
export * from './recommendation/recommendation.entity';
export * from './review/review.entity';
export * from './self-assessment/context-note.entity';
export * from './self-assessment/self-assessment-entry.entity';
export * from './self-assessment/self-assessment-return.entity';
export * from './team/team-member.entity';
export * from './visit/visit-session.entity';

export const REVIEW_ENTITIES = [
  Review,
  TeamMember,
  SelfAssessmentEntry,
  ContextNote,
  Document,
  AuditEntry,
  VisitSession,
  SessionAssignment,
  SessionStakeholder,
  Evidence,
  EvidenceRevision,
  Conclusion,
  ConclusionRevision,
  Recommendation,
  FollowUpUpdate,
  RecommendationPracticeLink,
  SelfAssessmentReturn,
  PersonalDataErasure,
  PlanAction,
  PlanActionChange,
];
