import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, TimestampedEntity, UuidEntity } from '@peervisit/platform/entities';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import { Recommendation } from '../recommendation/recommendation.entity';
import { Review } from '../review/review.entity';

export enum PlanActionStatus {
  PLANNED = 'PLANNED',
  UNDER_WAY = 'UNDER_WAY',
  DONE = 'DONE',
  /** Given up, with the reason; left out of the recommendation's progress. */
  DROPPED = 'DROPPED',
}
registerEnumType(PlanActionStatus, { name: 'PlanActionStatus' });

export enum PlanActionTerm {
  QUICK_WIN = 'QUICK_WIN',
  LONGER_TERM = 'LONGER_TERM',
}
registerEnumType(PlanActionTerm, { name: 'PlanActionTerm', description: 'Quick win or longer-term work (the EUROCITIES toolkit).' });

/**
 * One action of the host city's development plan: what it will do about an accepted (or partly
 * accepted) recommendation of the review, or about a recommendation from outside it that joins the
 * city's plan (the Intercultural Cities Index's, from PlanSources): exactly one of the two. Never deleted: a dropped action stays with its reason, and every change
 * is a PlanActionChange row.
 */
@ObjectType()
@Entity()
@Index(['reviewId', 'dueOn'])
@Index(['recommendationId', 'createdAt'])
@Index(['externalRecommendationId'])
@Check('plan_action_one_recommendation', '("recommendation_id" IS NULL) <> ("external_recommendation_id" IS NULL)')
// Without a review only on an external recommendation: the city's own plan (an Index before any visit).
@Check('plan_action_review_or_external', '"review_id" IS NOT NULL OR "external_recommendation_id" IS NOT NULL')
export class PlanAction extends TimestampedEntity {
  @Field(() => ID, {
    nullable: true,
    description: "The review whose plan it is in; null in the city's own plan (an Index recommendation, before any review).",
  })
  @Column('uuid', { nullable: true })
  reviewId: string | null;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => ID, { nullable: true, description: "The review's recommendation it answers (null for an external one)." })
  @Column('uuid', { nullable: true })
  recommendationId: string | null;

  @ManyToOne(() => Recommendation, { onDelete: 'CASCADE' })
  @JoinColumn()
  recommendation?: Recommendation;

  @Field(() => ID, {
    nullable: true,
    description: "A recommendation from outside the review that it answers (the city's Intercultural Cities Index's).",
  })
  @Column('uuid', { nullable: true })
  externalRecommendationId: string | null;

  @Field({ description: 'What will be done.' })
  @Column('text')
  description: string;

  @Field({ description: 'The department or organisation that owns it.' })
  @Column('text')
  owner: string;

  @Field(() => ID, { description: 'The person responsible: a member of the host city on the review.' })
  @Column('uuid')
  responsibleId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column('date')
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD; overdue reminders count from this day (host city time).' })
  @Column('date')
  dueOn: string;

  @Field(() => PlanActionTerm)
  @Column({ type: 'enum', enum: PlanActionTerm, enumName: 'plan_action_term' })
  term: PlanActionTerm;

  @Field(() => PlanActionStatus)
  @Column({ type: 'enum', enum: PlanActionStatus, enumName: 'plan_action_status', default: PlanActionStatus.PLANNED })
  status: PlanActionStatus;

  @Field(() => String, { nullable: true, description: 'Why it was dropped (DROPPED only).' })
  @Column('text', { nullable: true })
  dropReason: string | null;

  @Field(() => Int, { description: 'Progress, 0 to 100 (a done action counts as 100).' })
  @Column('smallint', { default: 0 })
  progress: number;

  @Field(() => Int, { description: "Its weight in the recommendation's progress (1 to 100, default 1)." })
  @Column('smallint', { default: 1 })
  weight: number;

  @Field(() => Int, { description: 'Goes up with every change; give it back as expectedVersion to refuse a change based on an old one.' })
  @VersionColumn()
  version: number;

  @Column('uuid')
  createdById: string;

  @Field()
  declare updatedAt: Date;
}

/** One change of an action, as the host city made it (the first is its creation): the plan's history. */
@ObjectType()
@Entity()
@Index(['reviewId', 'changedAt'])
@Index(['actionId', 'changedAt'])
export class PlanActionChange extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  actionId: string;

  @ManyToOne(() => PlanAction, { onDelete: 'CASCADE' })
  @JoinColumn()
  action?: PlanAction;

  /** Its action's review; null in the city's own plan. */
  @Column('uuid', { nullable: true })
  reviewId: string | null;

  @Field(() => JSONScalar, { description: 'What changed: { field: { from, to } } (from is null when the action was added).' })
  @Column('jsonb')
  changes: Record<string, { from: unknown; to: unknown }>;

  @Field(() => PlanActionStatus, { description: 'The status after the change.' })
  @Column({ type: 'enum', enum: PlanActionStatus, enumName: 'plan_action_status' })
  status: PlanActionStatus;

  @Field(() => Int, { description: 'The progress after the change.' })
  @Column('smallint')
  progress: number;

  @Field(() => Int, { description: 'The weight after the change.' })
  @Column('smallint')
  weight: number;

  @Field({ description: 'What the person changing it said (may be empty).' })
  @Column('text', { default: '' })
  note: string;

  @Field(() => ID, { nullable: true, description: 'A document of the review the change rests on.' })
  @Column('uuid', { nullable: true })
  documentId: string | null;

  @Field(() => ID)
  @Column('uuid')
  changedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
