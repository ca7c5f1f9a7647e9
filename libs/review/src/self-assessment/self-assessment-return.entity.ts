import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SelfAssessmentEntry } from './self-assessment-entry.entity';
import { UuidEntity } from '@peervisit/platform/entities';

/**
 * The expert leader sent a self-assessment entry back to the host city for changes, with the
 * reason. Every one is kept (an entry may go back more than once); the latest one is the open one
 * until the entry is saved again.
 */
@ObjectType({ description: 'A self-assessment entry sent back to the host city for changes.' })
@Entity()
export class SelfAssessmentReturn extends UuidEntity {
  @Field(() => ID)
  @Index()
  @Column('uuid')
  entryId: string;

  @ManyToOne(() => SelfAssessmentEntry, { onDelete: 'CASCADE' })
  @JoinColumn()
  entry?: SelfAssessmentEntry;

  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @Field()
  @Column('text')
  reason: string;

  @Field(() => ID)
  @Column('uuid')
  sentById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;

  @Field(() => Int, { description: "The entry's version when it was sent back; a later version means the host has saved it since." })
  @Column('int')
  entryVersion: number;

  @Field(() => [ID], { description: 'Who was told by email (the assignee, else the host coordinators).' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  notifiedIds: string[];
}
