import { Benchmark } from '@peervisit/catalogue/entities';
import { City } from '@peervisit/directory/entities';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimestampedEntity } from '@peervisit/platform/entities';

export enum ReviewKind {
  PEER_REVIEW = 'PEER_REVIEW',
  EXPERT_VISIT = 'EXPERT_VISIT',
  INTERNAL_ASSESSMENT = 'INTERNAL_ASSESSMENT',
}
registerEnumType(ReviewKind, {
  name: 'ReviewKind',
  description: 'PEER_REVIEW (EUROCITIES method), EXPERT_VISIT (Intercultural Cities), INTERNAL_ASSESSMENT (the city benchmarks itself).',
});

export enum ReviewStatus {
  DRAFT = 'DRAFT',
  PREPARATION = 'PREPARATION',
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  VISIT = 'VISIT',
  DELIBERATION = 'DELIBERATION',
  FEEDBACK = 'FEEDBACK',
  REPORTING = 'REPORTING',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ReviewStatus, { name: 'ReviewStatus' });

/** The aggregate at the centre: one city reviewed against one pinned benchmark version. */
@ObjectType()
@Entity()
export class Review extends TimestampedEntity {
  @Field()
  @Column()
  title: string;

  @Field(() => ReviewKind)
  @Column({ type: 'enum', enum: ReviewKind, enumName: 'review_kind' })
  kind: ReviewKind;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  hostCityId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn()
  hostCity?: City;

  /** A published benchmark version; a new version never changes a past review. */
  @Field(() => ID)
  @Column('uuid')
  benchmarkId: string;

  @ManyToOne(() => Benchmark, { onDelete: 'RESTRICT' })
  @JoinColumn()
  benchmark?: Benchmark;

  /** Key factors in scope; null means all key factors of the benchmark. */
  @Column('uuid', { array: true, nullable: true })
  scopeKeyFactorIds: string[] | null;

  @Field(() => ReviewStatus)
  @Index()
  @Column({ type: 'enum', enum: ReviewStatus, enumName: 'review_status', default: ReviewStatus.DRAFT })
  status: ReviewStatus;

  @Column('timestamptz', { nullable: true })
  selfAssessmentDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  visitStartsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  visitEndsAt: Date | null;

  @Column('timestamptz', { nullable: true })
  conclusionsDueAt: Date | null;

  @Column('timestamptz', { nullable: true })
  reportDueAt: Date | null;

  @Column('timestamptz', { array: true, default: () => "'{}'" })
  followUpCheckpoints: Date[];

  @Field(() => Date, { nullable: true, description: 'When the host city submitted its self-assessment.' })
  @Column('timestamptz', { nullable: true })
  selfAssessmentSubmittedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @Column('uuid')
  createdById: string;

  @Field({
    description:
      'The working language of the review (en, fr or de): the default of its reports and evidence, and of invitations to people without an account.',
  })
  @Column('text', { default: 'en' })
  workingLanguage: string;

  @Field()
  declare updatedAt: Date;
}
