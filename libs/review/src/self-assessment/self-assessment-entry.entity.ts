import { Review } from '../review/review.entity';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

export enum EntryStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(EntryStatus, { name: 'SelfAssessmentEntryStatus' });

@ObjectType({ description: "The city's answer to one guide question." })
export class GuideQuestionAnswer {
  @Field(() => ID)
  guideQuestionId: string;
  @Field()
  answer: string;
}

/** The host city's self-assessment of one key factor in scope. */
@ObjectType()
@Entity()
@Index(['reviewId', 'keyFactorId'], { unique: true })
export class SelfAssessmentEntry extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => ID)
  @Column('uuid')
  keyFactorId: string;

  @ManyToOne(() => KeyFactor, { onDelete: 'RESTRICT' })
  @JoinColumn()
  keyFactor?: KeyFactor;

  @Field(() => [GuideQuestionAnswer])
  @Column('jsonb', { default: [] })
  answers: GuideQuestionAnswer[];

  @Field(() => Int, { nullable: true, description: "The city's own rating, on the benchmark's scale." })
  @Column('int', { nullable: true })
  rating: number | null;

  @Field()
  @Column('text', { default: '' })
  narrative: string;

  @Field(() => [ID], { description: 'Documents the entry cites.' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  documentIds: string[];

  @Field(() => EntryStatus)
  @Column({ type: 'enum', enum: EntryStatus, enumName: 'self_assessment_entry_status', default: EntryStatus.DRAFT })
  status: EntryStatus;

  @Field(() => ID, { nullable: true, description: 'The host contributor asked to fill it.' })
  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Field(() => Int, { description: 'Send it back as expectedVersion when saving, so nobody overwrites a change they have not seen.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @Field(() => ID, { nullable: true, description: 'The entry of the earlier review this one was copied from.' })
  @Column('uuid', { nullable: true })
  carriedOverFromId: string | null;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
