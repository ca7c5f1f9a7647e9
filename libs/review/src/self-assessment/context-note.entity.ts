import { Review } from '../review/review.entity';
import { ContextFactor } from '@peervisit/catalogue';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The host city's note on one context factor (national legislation, labour market, ...). */
@ObjectType()
@Entity()
@Index(['reviewId', 'contextFactorId'], { unique: true })
export class ContextNote {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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
