import { Review } from '../review/review.entity';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { JSONScalar, UuidEntity } from '@peervisit/platform/entities';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** Who changed what in a review, when, with the values before and after. Written in the same transaction as the change. */
@ObjectType()
@Entity()
@Index(['reviewId', 'at'])
export class AuditEntry extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => ID, { nullable: true, description: 'Null for changes the system made.' })
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Field({ description: 'What happened, e.g. review.transition, team.add, selfAssessment.save.' })
  @Column()
  action: string;

  @Field()
  @Column()
  entityType: string;

  @Field(() => ID)
  @Column('uuid')
  entityId: string;

  @Field(() => JSONScalar, { nullable: true })
  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true })
  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
