import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UuidEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import type { AnswerValue } from '../scoring/index-scoring';
import { IndexAssessment } from './index-assessment.entity';

/**
 * The answer to one question of an assessment, with who is asked to give it. One row per question, so
 * two departments answering different questions never touch the same row; a save with a stale
 * expectedVersion is refused (CONFLICT), as in the self-assessment.
 */
@ObjectType('IccIndexAnswer')
@Entity('icc_index_answer')
@Index(['assessmentId', 'questionCode'], { unique: true })
export class IndexAnswer extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Field()
  @Column()
  questionCode: string;

  @Field(() => String, { nullable: true, description: 'The city department asked to answer.' })
  @Column('text', { nullable: true })
  department: string | null;

  @Field(() => ID, { nullable: true, description: 'The contributor asked to answer.' })
  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  /** { option } | { options } | { number } | { text }, by the question's type; null until answered. */
  @Column('jsonb', { nullable: true })
  value: AnswerValue | null;

  @Field({ description: 'The example or reference the answer rests on, so it can be cross-checked.' })
  @Column('text', { default: '' })
  reference: string;

  @Field(() => Int, { description: 'Send it back as expectedVersion when saving, so nobody overwrites a change they have not seen.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
