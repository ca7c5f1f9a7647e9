import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Review } from '../review/review.entity';
import { TimestampedEntity, UuidEntity } from '@peervisit/platform/entities';

export enum ConclusionStatus {
  DRAFT = 'DRAFT',
  AGREED = 'AGREED',
}
registerEnumType(ConclusionStatus, {
  name: 'ConclusionStatus',
  description: 'DRAFT (peers edit it) or AGREED (by the expert leader; changes only by reopening).',
});

/** The team's conclusion on one key factor in scope. Every save is kept as a ConclusionRevision. */
@ObjectType()
@Entity()
@Index(['reviewId', 'keyFactorId'], { unique: true })
export class Conclusion extends TimestampedEntity {
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

  @Field(() => Int, { nullable: true, description: "On the benchmark's rating scale." })
  @Column('int', { nullable: true })
  rating: number | null;

  @Field()
  @Column('text', { default: '' })
  summary: string;

  @Field()
  @Column('text', { default: '' })
  strengths: string;

  @Field()
  @Column('text', { default: '' })
  areasToDevelop: string;

  @Field(() => [ID], { description: 'Evidence the conclusion rests on (same review, same key factor, not retracted).' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  evidenceIds: string[];

  @Field(() => ConclusionStatus)
  @Column({ type: 'enum', enum: ConclusionStatus, enumName: 'conclusion_status', default: ConclusionStatus.DRAFT })
  status: ConclusionStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  agreedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  agreedById: string | null;

  @Field(() => Int, { description: 'Send it back as expectedVersion; an outdated one is a CONFLICT.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @Field()
  declare updatedAt: Date;
}

/** A conclusion as it was after one save: every version is kept, so nothing a peer wrote is lost. */
@ObjectType()
@Entity()
@Index(['conclusionId', 'version'], { unique: true })
export class ConclusionRevision extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  conclusionId: string;

  @ManyToOne(() => Conclusion, { onDelete: 'CASCADE' })
  @JoinColumn()
  conclusion?: Conclusion;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  rating: number | null;

  @Field()
  @Column('text')
  summary: string;

  @Field()
  @Column('text')
  strengths: string;

  @Field()
  @Column('text')
  areasToDevelop: string;

  @Field(() => [ID])
  @Column('uuid', { array: true })
  evidenceIds: string[];

  @Field(() => ConclusionStatus)
  @Column({ type: 'enum', enum: ConclusionStatus, enumName: 'conclusion_status' })
  status: ConclusionStatus;

  @Field(() => ID)
  @Column('uuid')
  savedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}
