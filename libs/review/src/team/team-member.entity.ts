import { Review } from '../review/review.entity';
import { Person } from '@peervisit/directory/entities';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

export enum ReviewRole {
  EXPERT_LEADER = 'EXPERT_LEADER',
  PEER = 'PEER',
  HOST_COORDINATOR = 'HOST_COORDINATOR',
  HOST_CONTRIBUTOR = 'HOST_CONTRIBUTOR',
  OBSERVER = 'OBSERVER',
}
registerEnumType(ReviewRole, { name: 'ReviewRole' });

/** The review team proper (who visits and judges), as opposed to the host city's people. */
export const REVIEW_TEAM_ROLES = [ReviewRole.EXPERT_LEADER, ReviewRole.PEER];
export const HOST_ROLES = [ReviewRole.HOST_COORDINATOR, ReviewRole.HOST_CONTRIBUTOR];
export const ALL_ROLES = Object.values(ReviewRole);

/** A person's role in one review. Removal is a retraction (removedAt), so the history stays. */
@ObjectType()
@Entity()
@Index(['reviewId', 'personId'], { unique: true, where: 'removed_at IS NULL' })
export class TeamMember extends UuidEntity {
  @Field(() => ID)
  @Index()
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn()
  person?: Person;

  @Field(() => ReviewRole)
  @Column({ type: 'enum', enum: ReviewRole, enumName: 'review_role' })
  role: ReviewRole;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;

  @Column('uuid', { nullable: true })
  addedById: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;

  @Column('uuid', { nullable: true })
  removedById: string | null;
}
