import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UuidEntity } from '@peervisit/platform/entities';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';

export enum ErasureSubject {
  PERSON = 'PERSON',
  STAKEHOLDER = 'STAKEHOLDER',
}
registerEnumType(ErasureSubject, { name: 'ErasureSubject' });

@ObjectType({
  description: 'A published report version that named the erased person: its expert leader was told, to issue a corrected version.',
})
export class ErasedFromReport {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  reviewId: string;

  @Field()
  reviewTitle: string;

  @Field(() => Int)
  version: number;

  @Field()
  language: string;
}

/**
 * The record of one erasure: who erased whom (by id only: the erased data is not repeated here),
 * when and why, and which published report versions named them. It is the erasure's audit trail.
 */
@ObjectType()
@Entity()
@Index(['subjectKind', 'subjectId'], { unique: true })
export class PersonalDataErasure extends UuidEntity {
  @Field(() => ErasureSubject)
  @Column({ type: 'enum', enum: ErasureSubject, enumName: 'erasure_subject' })
  subjectKind: ErasureSubject;

  @Field(() => ID)
  @Column('uuid')
  subjectId: string;

  @Field({ description: 'The pseudonym that now stands for them everywhere.' })
  @Column()
  pseudonym: string;

  @Field()
  @Column('text')
  reason: string;

  @Field(() => ID)
  @Column('uuid')
  erasedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  erasedAt: Date;

  @Field(() => [ErasedFromReport])
  @Column('jsonb', { default: [] })
  publishedReports: ErasedFromReport[];
}
