import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { City } from '@peervisit/directory/entities';
import { TimestampedEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IndexDefinition } from '../definition/index-definition.entity';
import type { IndexScores } from '../scoring/index-scoring';

export enum IndexAssessmentStatus {
  /** The city's departments answer the questionnaire. */
  IN_PROGRESS = 'IN_PROGRESS',
  /** Submitted complete; the experts comment, correct scores with a reason and recommend. */
  ANALYSIS = 'ANALYSIS',
  /** The results are the city's to read, and count in the network comparison. */
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(IndexAssessmentStatus, { name: 'IccIndexAssessmentStatus' });

/** One Index assessment of a city, on one definition version. */
@ObjectType('IccIndexAssessment')
@Entity('icc_index_assessment')
@Index(['cityId', 'status'])
export class IndexAssessment extends TimestampedEntity {
  @Field(() => ID)
  @Column('uuid')
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn()
  city?: City;

  @Field(() => ID)
  @Column('uuid')
  definitionId: string;

  @ManyToOne(() => IndexDefinition, { onDelete: 'RESTRICT' })
  @JoinColumn()
  definition?: IndexDefinition;

  @Field(() => IndexAssessmentStatus)
  @Column({
    type: 'enum',
    enum: IndexAssessmentStatus,
    enumName: 'icc_index_assessment_status',
    default: IndexAssessmentStatus.IN_PROGRESS,
  })
  status: IndexAssessmentStatus;

  @Field({ description: 'When the city is due to submit the questionnaire (YYYY-MM-DD).' })
  @Column('date')
  dueDate: string;

  @Field(() => String, { nullable: true, description: "When the experts' analysis is due (YYYY-MM-DD); reminders count from it." })
  @Column('date', { nullable: true })
  analysisDueDate: string | null;

  @Field(() => ID, { nullable: true, description: "The city's coordinator: assigns questions, answers any, submits." })
  // Column names end in person_id(s) so the person merge's check finds them (person-references.ts).
  @Column('uuid', { name: 'coordinator_person_id', nullable: true })
  coordinatorId: string | null;

  @Field(() => [ID], { description: 'The experts who analyse the submitted questionnaire.' })
  @Column('uuid', { name: 'expert_person_ids', array: true, default: () => "'{}'" })
  expertIds: string[];

  @Column('uuid')
  startedById: string;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** The scores as published, for the network comparison; always equal to a recomputation (tested). */
  @Column('jsonb', { nullable: true })
  publishedScores: IndexScores | null;
}
