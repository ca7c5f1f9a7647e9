import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Benchmark } from './benchmark.entity';
import { UuidEntity } from '@peervisit/platform/entities';
import type { RowTranslations } from '../translation/translatable-text';

@ObjectType({
  description: "Circumstances outside the city's control that shape what it can do (national legislation, labour market, ...).",
})
@Entity()
@Index(['benchmarkId', 'number'], { unique: true })
export class ContextFactor extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  benchmarkId: string;

  @ManyToOne(() => Benchmark, { onDelete: 'CASCADE' })
  @JoinColumn()
  benchmark?: Benchmark;

  @Field(() => Int)
  @Column('int')
  number: number;

  @Field()
  @Column()
  code: string;

  /** English; GraphQL serves name and description in a language (ContextFactorResolver). */
  @Column()
  name: string;

  @Column('text')
  description: string;

  /** Translations of name and description, by language (the English columns are the source and the fallback). */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;
}
