import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReviewModule } from '@peervisit/review';
import { IndexAssessmentResolver } from './assessment/index-assessment.resolver';
import { IndexAssessmentService } from './assessment/index-assessment.service';
import { IndexChanges } from './assessment/index-changes';
import { IndexResultsService } from './assessment/index-results.service';
import { IndexDefinitionResolver } from './definition/index-definition.resolver';
import { IndexDefinitionService } from './definition/index-definition.service';
import { ICC_INDEX_ENTITIES } from './entities';
import { IccIndexSeed } from './icc-index.seed';
import { IndexPlanSource } from './plan/index-plan-source';
import { IndexVisitResolver } from './visit/index-visit.resolver';
import { IndexVisitService } from './visit/index-visit.service';

/**
 * The Intercultural Cities Index: its versioned definition, city assessments, scores and comparison,
 * what the expert visit of the same city makes of its results, and its recommendations in the city's
 * development plan.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ICC_INDEX_ENTITIES), ReviewModule],
  providers: [
    IndexDefinitionService,
    IndexDefinitionResolver,
    IndexAssessmentService,
    IndexChanges,
    IndexResultsService,
    IndexAssessmentResolver,
    IccIndexSeed,
    IndexVisitService,
    IndexVisitResolver,
    IndexPlanSource,
  ],
  exports: [IndexDefinitionService, IndexAssessmentService, IndexResultsService, IccIndexSeed],
})
export class IccIndexModule {}
