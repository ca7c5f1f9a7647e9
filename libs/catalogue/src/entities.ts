// `@peervisit/catalogue/entities`: the catalogue's entities and enums, without loading a Nest module
// (test/contract/entity-imports.spec.ts).
import { Benchmark } from './benchmark/benchmark.entity';
import { ContextFactor } from './benchmark/context-factor.entity';
import { GuideQuestion, KeyFactor, KeyFactorExample } from './benchmark/key-factor.entity';
import { FieldOfAction } from './field-of-action/field-of-action.entity';
import { GoodPractice, GoodPracticeRevision } from './good-practice/good-practice.entity';

export * from './benchmark/benchmark.entity';
export * from './benchmark/context-factor.entity';
export * from './benchmark/key-factor.entity';
export * from './field-of-action/field-of-action.entity';
export * from './good-practice/good-practice.entity';

export const CATALOGUE_ENTITIES = [
  Benchmark,
  KeyFactor,
  GuideQuestion,
  KeyFactorExample,
  ContextFactor,
  FieldOfAction,
  GoodPractice,
  GoodPracticeRevision,
];
