import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Review } from '../review/review.entity';
import { TimestampedEntity, UuidEntity } from '@peervisit/platform/entities';

export enum RecommendationPriority {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(RecommendationPriority, { name: 'RecommendationPriority' });

export enum RecommendationHorizon {
  QUICK_WIN = 'QUICK_WIN',
  MEDIUM_TERM = 'MEDIUM_TERM',
  LONG_TERM = 'LONG_TERM',
}
registerEnumType(RecommendationHorizon, {
  name: 'RecommendationHorizon',
  description: 'Quick win, or medium- or long-term work (the development plan).',
});

export enum HostResponse {
  ACCEPTED = 'ACCEPTED',
  /** Accepted in part: the comment says which part, and why not the rest. */
  PARTLY_ACCEPTED = 'PARTLY_ACCEPTED',
  NOTED = 'NOTED',
  REJECTED = 'REJECTED',
}
registerEnumType(HostResponse, { name: 'HostResponse', description: "The host city's answer to a recommendation." });

export enum FollowUpStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  IMPLEMENTED = 'IMPLEMENTED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

/** What the team recommends the host city does; the city answers it and later reports progress. */
@ObjectType()
@Entity()
@Index(['reviewId', 'createdAt'])
export class Recommendation extends TimestampedEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field()
  @Column('text')
  text: string;

  @Field(() => [ID])
  @Column('uuid', { array: true, default: () => "'{}'" })
  keyFactorIds: string[];

  @Field(() => RecommendationPriority)
  @Column({ type: 'enum', enum: RecommendationPriority, enumName: 'recommendation_priority' })
  priority: RecommendationPriority;

  @Field(() => RecommendationHorizon)
  @Column({ type: 'enum', enum: RecommendationHorizon, enumName: 'recommendation_horizon' })
  horizon: RecommendationHorizon;

  @Field(() => String, { nullable: true, description: 'The department or body suggested to own it.' })
  @Column('text', { nullable: true })
  suggestedOwner: string | null;

  @Field(() => [ID], { description: "Related good practices: for now the benchmark's city examples (KeyFactorExample ids)." })
  @Column('uuid', { array: true, default: () => "'{}'" })
  relatedExampleIds: string[];

  @Field(() => HostResponse, { nullable: true })
  @Column({ type: 'enum', enum: HostResponse, enumName: 'host_response', nullable: true })
  hostResponse: HostResponse | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  hostComment: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  respondedById: string | null;

  @Field(() => FollowUpStatus, { description: 'The latest follow-up status (NOT_STARTED until the city reports).' })
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_status', default: FollowUpStatus.NOT_STARTED })
  followUpStatus: FollowUpStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  withdrawalReason: string | null;

  @Column('uuid')
  createdById: string;

  @Field()
  declare updatedAt: Date;
}

/** One follow-up report on a recommendation; the list is its history. */
@ObjectType()
@Entity()
@Index(['recommendationId', 'reportedAt'])
export class FollowUpUpdate extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  recommendationId: string;

  @ManyToOne(() => Recommendation, { onDelete: 'CASCADE' })
  @JoinColumn()
  recommendation?: Recommendation;

  @Field(() => FollowUpStatus)
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_status' })
  status: FollowUpStatus;

  @Field()
  @Column('text', { default: '' })
  note: string;

  @Field({ description: 'The date the update is about (as the city reports it).' })
  @Column('date')
  asOf: string;

  @Field(() => [ID], { description: "The review's documents this report rests on (uploaded first, then named here)." })
  @Column('uuid', { array: true, default: () => "'{}'" })
  documentIds: string[];

  @Field(() => ID)
  @Column('uuid')
  reportedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  reportedAt: Date;
}
