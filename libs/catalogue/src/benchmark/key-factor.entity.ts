import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Benchmark } from './benchmark.entity';
import { UuidEntity } from '@peervisit/platform/entities';
import type { RowTranslations } from '../translation/translatable-text';

@ObjectType({ description: 'One key factor of a benchmark: a statement the city is assessed on.' })
@Entity()
@Index(['benchmarkId', 'number'], { unique: true })
export class KeyFactor extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  benchmarkId: string;

  @ManyToOne(() => Benchmark, { onDelete: 'CASCADE' })
  @JoinColumn()
  benchmark?: Benchmark;

  @Field(() => Int)
  @Column('int')
  number: number;

  @Field({ description: 'Two-digit code as the toolkit writes it, e.g. 04.' })
  @Column()
  code: string;

  /** English; GraphQL serves heading, statement and rationale in a language (KeyFactorResolver). */
  @Column()
  heading: string;

  @Field({ description: 'True when the heading was supplied by the editors, not by the source.' })
  @Column({ default: false })
  headingEditorial: boolean;

  @Column('text')
  statement: string;

  @Column('text')
  rationale: string;

  /** Translations of heading, statement and rationale, by language (the English columns are the source and the fallback). */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;
}

@ObjectType({ description: 'A question that helps a city and its peers judge a key factor.' })
@Entity()
@Index(['keyFactorId', 'position'], { unique: true })
export class GuideQuestion extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  keyFactorId: string;

  @ManyToOne(() => KeyFactor, { onDelete: 'CASCADE' })
  @JoinColumn()
  keyFactor?: KeyFactor;

  @Field(() => Int, { description: 'Order within the key factor, from 1.' })
  @Column('int')
  position: number;

  /** English; GraphQL serves it in a language (GuideQuestionResolver). */
  @Column('text')
  text: string;

  /** Translations of text, by language (the English columns are the source and the fallback). */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;
}

@ObjectType({ description: 'How one city put a key factor into practice.' })
@Entity()
@Index(['keyFactorId', 'position'], { unique: true })
export class KeyFactorExample extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  keyFactorId: string;

  @ManyToOne(() => KeyFactor, { onDelete: 'CASCADE' })
  @JoinColumn()
  keyFactor?: KeyFactor;

  @Field(() => Int)
  @Column('int')
  position: number;

  @Field()
  @Column()
  city: string;

  /** English; GraphQL serves it in a language (KeyFactorExampleResolver). */
  @Column('text')
  text: string;

  /** Translations of text, by language (the English columns are the source and the fallback). */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;
}
