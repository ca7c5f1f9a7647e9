import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Benchmark } from './benchmark/benchmark.entity';
import { BenchmarkResolver, KeyFactorResolver } from './benchmark/benchmark.resolver';
import { BenchmarkService } from './benchmark/benchmark.service';
import { ContextFactor } from './benchmark/context-factor.entity';
import { GuideQuestion, KeyFactor, KeyFactorExample } from './benchmark/key-factor.entity';
import { CatalogueSeed } from './catalogue.seed';
import { FieldOfAction } from './field-of-action/field-of-action.entity';
import { FieldOfActionResolver } from './field-of-action/field-of-action.resolver';
import { FieldOfActionService } from './field-of-action/field-of-action.service';
import { GoodPracticeDocxController } from './good-practice/good-practice-docx.controller';
import { GoodPractice, GoodPracticeRevision } from './good-practice/good-practice.entity';
import { GoodPracticeResolver } from './good-practice/good-practice.resolver';
import { GoodPracticeService } from './good-practice/good-practice.service';

export const CATALOGUE_ENTITIES = [Benchmark, KeyFactor, GuideQuestion, KeyFactorExample, ContextFactor, FieldOfAction, GoodPractice, GoodPracticeRevision];

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  controllers: [GoodPracticeDocxController],
  providers: [BenchmarkService, FieldOfActionService, BenchmarkResolver, KeyFactorResolver, FieldOfActionResolver, GoodPracticeService, GoodPracticeResolver, CatalogueSeed],
  exports: [BenchmarkService, FieldOfActionService, GoodPracticeService, CatalogueSeed],
})
export class CatalogueModule {}
