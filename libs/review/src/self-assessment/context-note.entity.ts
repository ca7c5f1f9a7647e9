import { Review } from '../review/review.entity';
import { ContextFactor } from '@peervisit/catalogue/entities';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

/** The host city's note on one context factor (national legislation, labour market, ...). */
@ObjectType()
@Entity()
@Index(['reviewId', 'contextFactorId'], { unique: true })
export class ContextNote extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => ID)
  @Column('uuid')
  contextFactorId: string;

  @ManyToOne(() => ContextFactor, { onDelete: 'RESTRICT' })
  @JoinColumn()
  contextFactor?: ContextFactor;

  @Field()
  @Column('text')
  note: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
