import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  BenchmarkResolver,
  ContextFactorResolver,
  GuideQuestionResolver,
  KeyFactorExampleResolver,
  KeyFactorResolver,
} from './benchmark/benchmark.resolver';
import { BenchmarkService } from './benchmark/benchmark.service';
import { CatalogueSeed } from './catalogue.seed';
import { FieldOfActionResolver } from './field-of-action/field-of-action.resolver';
import { FieldOfActionService } from './field-of-action/field-of-action.service';
import { GoodPracticeDocxController } from './good-practice/good-practice-docx.controller';
import { GoodPracticeResolver } from './good-practice/good-practice.resolver';
import { GoodPracticeService } from './good-practice/good-practice.service';
import { CATALOGUE_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  controllers: [GoodPracticeDocxController],
  providers: [
    BenchmarkService,
    FieldOfActionService,
    BenchmarkResolver,
    KeyFactorResolver,
    GuideQuestionResolver,
    KeyFactorExampleResolver,
    ContextFactorResolver,
    FieldOfActionResolver,
    GoodPracticeService,
    GoodPracticeResolver,
    CatalogueSeed,
  ],
  exports: [BenchmarkService, FieldOfActionService, GoodPracticeService, CatalogueSeed],
})
export class CatalogueModule {}
