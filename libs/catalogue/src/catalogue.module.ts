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

export const CATALOGUE_ENTITIES = [Benchmark, KeyFactor, GuideQuestion, KeyFactorExample, ContextFactor, FieldOfAction];

@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES)],
  providers: [BenchmarkService, FieldOfActionService, BenchmarkResolver, KeyFactorResolver, FieldOfActionResolver, CatalogueSeed],
  exports: [BenchmarkService, FieldOfActionService, CatalogueSeed],
})
export class CatalogueModule {}
