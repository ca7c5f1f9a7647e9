import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndexAssessmentResolver } from './assessment/index-assessment.resolver';
import { IndexAssessmentService } from './assessment/index-assessment.service';
import { IndexResultsService } from './assessment/index-results.service';
import { IndexDefinitionResolver } from './definition/index-definition.resolver';
import { IndexDefinitionService } from './definition/index-definition.service';
import { ICC_INDEX_ENTITIES } from './entities';
import { IccIndexSeed } from './icc-index.seed';

/** The Intercultural Cities Index: its versioned definition, city assessments, scores and comparison. */
@Module({
  imports: [TypeOrmModule.forFeature(ICC_INDEX_ENTITIES)],
  providers: [
    IndexDefinitionService,
    IndexDefinitionResolver,
    IndexAssessmentService,
    IndexResultsService,
    IndexAssessmentResolver,
    IccIndexSeed,
  ],
  exports: [IndexDefinitionService, IndexAssessmentService, IndexResultsService, IccIndexSeed],
})
export class IccIndexModule {}
