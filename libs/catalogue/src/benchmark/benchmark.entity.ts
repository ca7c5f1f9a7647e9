import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '@peervisit/platform/entities';
import type { RowTranslations } from '../translation/translatable-text';

export enum BenchmarkStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(BenchmarkStatus, {
  name: 'BenchmarkStatus',
  description: 'A published version never changes; a change is a new version.',
});

@ObjectType({ description: 'One step of the rating scale a benchmark is rated on.' })
export class RatingLevel {
  @Field(() => Int)
  value: number;
  @Field({ description: "In the language asked for (the benchmark's language argument), else English." })
  label: string;
  @Field({ description: "In the language asked for (the benchmark's language argument), else English." })
  description: string;
  /** Translations of label and description, by language (not a GraphQL field: the resolver picks one). */
  translations?: RowTranslations;
}

@ObjectType({ description: 'A standard cities are assessed against, in one version (e.g. EUROCITIES "Promoting cultural diversity").' })
@Entity()
@Index(['code', 'version'], { unique: true })
export class Benchmark extends TimestampedEntity {
  @Field({ description: 'Stable code shared by every version, e.g. EUROCITIES-PCD.' })
  @Column()
  code: string;

  @Field(() => Int)
  @Column('int')
  version: number;

  /** English; GraphQL serves it in a language (BenchmarkResolver.title). */
  @Column()
  title: string;

  /** The standard statement the key factors break down (English; BenchmarkResolver.standard). */
  @Column('text')
  standard: string;

  @Field()
  @Column()
  sourceTitle: string;

  @Field()
  @Column()
  sourceOrganisation: string;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  sourceYear: number | null;

  @Field({ description: 'Credit to the source, shown wherever the benchmark is.' })
  @Column('text')
  attribution: string;

  /** Each level with its own translations (BenchmarkResolver.ratingScale serves one language). */
  @Column('jsonb')
  ratingScale: RatingLevel[];

  @Field({ description: 'True when the rating scale was supplied by the editors, not by the source.' })
  @Column({ default: false })
  ratingScaleEditorial: boolean;

  @Field(() => BenchmarkStatus)
  @Column({ type: 'enum', enum: BenchmarkStatus, enumName: 'benchmark_status', default: BenchmarkStatus.DRAFT })
  status: BenchmarkStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** Translations of title and standard, by language (the English columns are the source and the fallback). */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;
}
