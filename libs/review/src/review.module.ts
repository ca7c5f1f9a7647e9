import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@peervisit/catalogue';
import { DirectoryModule } from '@peervisit/directory';
import { DomainEvents, EventPhase, OnEvent, PUB_SUB, PubSub } from '@peervisit/platform';
import { ReviewAccessService } from './access/review-access.service';
import { ReviewLiveStreams } from './access/review-live-streams';
import { ReviewLoaders } from './review/review-loaders';
import { ReviewQueries } from './review/review-queries.service';
import { FindingsQueries } from './findings/findings-queries.service';
import { ReviewStakeholders } from './visit/review-stakeholders.service';
import { AnonymisationService } from './anonymisation/anonymisation.service';
import { StakeholderNameResolver } from './anonymisation/stakeholder-name.resolver';
import { AuditLog } from './audit/audit-log.service';
import { DocumentController } from './document/document.controller';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataService } from './personal-data/personal-data.service';
import { RetentionService } from './personal-data/retention.service';
import { ErasureService } from './personal-data/erasure.service';
import { PersonalDataResolver } from './personal-data/personal-data.resolver';
import { PublishedVersions } from './personal-data/published-versions';
import { StakeholderConsentResolver } from './personal-data/stakeholder-consent.resolver';
import { StakeholderConsentService } from './personal-data/stakeholder-consent.service';
import { AuditEntryResolver } from './audit/audit-entry.resolver';
import { DocumentResolver } from './document/document.resolver';
import { DocumentService } from './document/document.service';
import { ReviewResolver } from './review/review.resolver';
import { ReviewService } from './review/review.service';
import { CarryOverService } from './review/carry-over.service';
import { ReviewChanges } from './review/review-changes';
import { ContextNoteResolver, ReviewSelfAssessmentResolver, SelfAssessmentResolver } from './self-assessment/self-assessment.resolver';
import { SelfAssessmentService } from './self-assessment/self-assessment.service';
import { evidenceChannel, EvidenceResolver } from './evidence/evidence.resolver';
import { EvidenceService } from './evidence/evidence.service';
import { ReviewStakeholdersResolver, SessionAssignmentResolver, VisitResolver } from './visit/visit.resolver';
import { VisitService } from './visit/visit.service';
import { FindingsResolver } from './findings/findings.resolver';
import { FindingsService } from './findings/findings.service';
import { CrossReviewService } from './findings/cross-review.service';
import { NetworkDistributionResolver } from './findings/network-distribution.resolver';
import { NetworkDistributionService } from './findings/network-distribution.service';
import { FollowUpUpdateResolver, RecommendationResolver } from './recommendation/recommendation.resolver';
import { RecommendationService } from './recommendation/recommendation.service';
import { ReviewTeamResolver, TeamInvitationResolver, TeamResolver } from './team/team.resolver';
import { TeamService } from './team/team.service';
import { GoodPracticeLinksResolver } from './good-practice-links/good-practice-links.resolver';
import { GoodPracticeLinksService } from './good-practice-links/good-practice-links.service';
// The expert leader's workspace (issue 17): moving the visit, sending an entry back, changing a role.
import { MoveVisitResolver } from './visit/move-visit.resolver';
import { MoveVisitService } from './visit/move-visit.service';
import { SelfAssessmentReturnResolver } from './self-assessment/self-assessment-return.resolver';
import { SelfAssessmentReturnService } from './self-assessment/self-assessment-return.service';
import { TeamRoleResolver } from './team/team-role.resolver';
import { TeamRoleService } from './team/team-role.service';
import { EvidenceContributorsResolver } from './evidence/evidence-contributors.resolver';
import { EvidenceContributorsService } from './evidence/evidence-contributors.service';
import { RecommendationPracticeLinksResolver } from './good-practice-links/recommendation-practice-links.resolver';
import { RecommendationPracticeLinksService } from './good-practice-links/recommendation-practice-links.service';
import { HostPreviewResolver } from './findings/host-preview.resolver';
import { HostPreviewService } from './findings/host-preview.service';
import { DraftRigourResolver } from './findings/draft-rigour.resolver';
import { DraftRigourService } from './findings/draft-rigour.service';
import { REVIEW_ENTITIES } from './entities';
import { PlanActionChangeResolver, PlanResolver, ReviewPlanResolver } from './plan/plan.resolver';
import { PlanService } from './plan/plan.service';
import { PlanSources } from './plan/plan-sources';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(REVIEW_ENTITIES), CatalogueModule, DirectoryModule],
  controllers: [DocumentController, PersonalDataController],
  providers: [
    PersonalDataService,
    RetentionService,
    ErasureService,
    PersonalDataResolver,
    PublishedVersions,
    StakeholderConsentService,
    StakeholderConsentResolver,
    AuditEntryResolver,
    ReviewAccessService,
    ReviewLiveStreams,
    ReviewLoaders,
    ReviewQueries,
    FindingsQueries,
    ReviewStakeholders,
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
    NetworkDistributionService,
    NetworkDistributionResolver,
    RecommendationService,
    ReviewResolver,
    FindingsResolver,
    RecommendationResolver,
    FollowUpUpdateResolver,
    VisitResolver,
    SessionAssignmentResolver,
    ReviewStakeholdersResolver,
    StakeholderNameResolver,
    EvidenceResolver,
    TeamResolver,
    ReviewTeamResolver,
    TeamInvitationResolver,
    SelfAssessmentResolver,
    ReviewSelfAssessmentResolver,
    ContextNoteResolver,
    DocumentResolver,
    GoodPracticeLinksService,
    RecommendationPracticeLinksService,
    RecommendationPracticeLinksResolver,
    HostPreviewService,
    HostPreviewResolver,
    DraftRigourService,
    DraftRigourResolver,
    GoodPracticeLinksResolver,
    MoveVisitService,
    MoveVisitResolver,
    SelfAssessmentReturnService,
    SelfAssessmentReturnResolver,
    TeamRoleService,
    TeamRoleResolver,
    EvidenceContributorsService,
    EvidenceContributorsResolver,
    PlanService,
    PlanSources,
    PlanResolver,
    PlanActionChangeResolver,
    ReviewPlanResolver,
  ],
  exports: [
    ReviewAccessService,
    ReviewLiveStreams,
    AnonymisationService,
    ReviewChanges,
    ReviewService,
    TeamService,
    SelfAssessmentService,
    DocumentService,
    VisitService,
    EvidenceService,
    FindingsService,
    RecommendationService,
    AuditLog,
    CrossReviewService,
    PlanService,
    PlanSources,
  ],
})
export class ReviewModule implements OnModuleInit {
  constructor(
    private readonly team: TeamService,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

  onModuleInit() {
    this.team.registerInvitationHandler();
  }

  /** Every committed change to evidence goes to the review's live subscribers, on every API instance. */
  @OnEvent('evidence.changed', EventPhase.AFTER_COMMIT)
  async streamEvidence({ reviewId, evidence }: DomainEvents['evidence.changed']): Promise<void> {
    await this.pubSub.publish(evidenceChannel(reviewId), { evidenceChanged: evidence });
  }
}
