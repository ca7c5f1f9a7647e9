import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { PUB_SUB, PubSub, REVIEW_ACCESS } from '@peervisit/platform';
import { ReviewAccessService } from './access/review-access.service';
import { ReviewLiveStreams } from './access/review-live-streams';
import { AnonymisationService } from './anonymisation/anonymisation.service';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLog } from './audit/audit-log.service';
import { DocumentController } from './document/document.controller';
import { Document } from './document/document.entity';
import { DocumentResolver } from './document/document.resolver';
import { DocumentService } from './document/document.service';
import { ReviewResolver } from './review/review.resolver';
import { Review } from './review/review.entity';
import { ReviewService } from './review/review.service';
import { CarryOverService } from './review/carry-over.service';
import { ReviewChanges } from './review/review-changes';
import { ContextNote } from './self-assessment/context-note.entity';
import { SelfAssessmentEntry } from './self-assessment/self-assessment-entry.entity';
import { ContextNoteResolver, ReviewSelfAssessmentResolver, SelfAssessmentResolver } from './self-assessment/self-assessment.resolver';
import { SelfAssessmentService } from './self-assessment/self-assessment.service';
import { TeamMember } from './team/team-member.entity';
import { Evidence, EvidenceRevision } from './evidence/evidence.entity';
import { evidenceChannel, EvidenceResolver } from './evidence/evidence.resolver';
import { EvidenceService } from './evidence/evidence.service';
import { SessionAssignment, SessionStakeholder, VisitSession } from './visit/visit-session.entity';
import { ReviewStakeholdersResolver, SessionAssignmentResolver, VisitResolver } from './visit/visit.resolver';
import { VisitService } from './visit/visit.service';
import { Conclusion, ConclusionRevision } from './findings/conclusion.entity';
import { FindingsResolver } from './findings/findings.resolver';
import { FindingsService } from './findings/findings.service';
import { CrossReviewService } from './findings/cross-review.service';
import { FollowUpUpdate, Recommendation } from './recommendation/recommendation.entity';
import { RecommendationResolver } from './recommendation/recommendation.resolver';
import { RecommendationService } from './recommendation/recommendation.service';
import { ReviewTeamResolver, TeamInvitationResolver, TeamResolver } from './team/team.resolver';
import { TeamService } from './team/team.service';
import { GoodPracticeLinksResolver } from './good-practice-links/good-practice-links.resolver';
import { GoodPracticeLinksService } from './good-practice-links/good-practice-links.service';

export const REVIEW_ENTITIES = [Review, TeamMember, SelfAssessmentEntry, ContextNote, Document, AuditEntry, VisitSession, SessionAssignment, SessionStakeholder, Evidence, EvidenceRevision, Conclusion, ConclusionRevision, Recommendation, FollowUpUpdate];

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(REVIEW_ENTITIES), CatalogueModule, DirectoryModule],
  controllers: [DocumentController],
  providers: [
    ReviewAccessService,
    { provide: REVIEW_ACCESS, useExisting: ReviewAccessService },
    ReviewLiveStreams,
    AuditLog,
    AnonymisationService,
    ReviewChanges,
    ReviewService,
    CarryOverService,
    TeamService,
    SelfAssessmentService,
    DocumentService,
    VisitService,
    EvidenceService,
    FindingsService,
    CrossReviewService,
    RecommendationService,
    ReviewResolver,
    FindingsResolver,
    RecommendationResolver,
    VisitResolver,
    SessionAssignmentResolver,
    ReviewStakeholdersResolver,
    EvidenceResolver,
    TeamResolver,
    ReviewTeamResolver,
    TeamInvitationResolver,
    SelfAssessmentResolver,
    ReviewSelfAssessmentResolver,
    ContextNoteResolver,
    DocumentResolver,
    GoodPracticeLinksService,
    GoodPracticeLinksResolver,
  ],
  exports: [ReviewAccessService, ReviewLiveStreams, AnonymisationService, ReviewChanges, ReviewService, TeamService, SelfAssessmentService, DocumentService, VisitService, EvidenceService, FindingsService, RecommendationService, AuditLog, REVIEW_ACCESS],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly team: TeamService,
    private readonly evidence: EvidenceService,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

  onModuleInit() {
    this.team.registerInvitationHandler();
    // Every committed change to evidence goes to the review's live subscribers, on every API instance.
    this.evidence.onChange((reviewId, evidence) => this.pubSub.publish(evidenceChannel(reviewId), { evidenceChanged: evidence }));
  }
}
