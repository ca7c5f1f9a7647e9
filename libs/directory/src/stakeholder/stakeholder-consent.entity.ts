import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UuidEntity } from '@peervisit/platform/entities';
import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Stakeholder } from './stakeholder.entity';

/** What a stakeholder agrees to (or withdraws). */
export enum ConsentKind {
  /** Being named in the report and in what the host city reads. */
  NAMED = 'NAMED',
  /** Being quoted word for word; without it the team's paraphrase is shown. */
  QUOTED = 'QUOTED',
  /** Being contacted again after the visit. */
  CONTACTED = 'CONTACTED',
}
registerEnumType(ConsentKind, { name: 'ConsentKind' });

/** How consent (or its withdrawal) was obtained. */
export enum ConsentMethod {
  IN_PERSON = 'IN_PERSON',
  IN_WRITING = 'IN_WRITING',
  EMAIL = 'EMAIL',
  /**
   * Not recorded: a consent carried over from the former yes/no field (marked `legacy`), or set
   * through the stakeholder form's yes/no, which does not ask how.
   */
  NOT_RECORDED = 'NOT_RECORDED',
}
registerEnumType(ConsentMethod, { name: 'ConsentMethod' });

/**
 * One statement of a stakeholder's consent: given or withdrawn, for one kind, how and by whom it was
 * recorded. Records are never changed: the current state of each kind is the latest record
 * (stakeholder-consent.ts), copied onto the stakeholder's consent columns in the same transaction.
 */
@ObjectType({ description: 'A consent given or withdrawn by a stakeholder: what, when, how, recorded by whom.' })
@Entity()
@Index(['stakeholderId', 'kind', 'sequence'])
export class StakeholderConsent extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  stakeholderId: string;

  @ManyToOne(() => Stakeholder, { onDelete: 'CASCADE' })
  @JoinColumn()
  stakeholder?: Stakeholder;

  @Field(() => ConsentKind)
  @Column({ type: 'enum', enum: ConsentKind, enumName: 'consent_kind' })
  kind: ConsentKind;

  @Field({ description: 'True when consent was given, false when it was refused or withdrawn.' })
  @Column('boolean')
  given: boolean;

  @Field(() => ConsentMethod)
  @Column({ type: 'enum', enum: ConsentMethod, enumName: 'consent_method' })
  method: ConsentMethod;

  @Field(() => ID, {
    nullable: true,
    description: 'Who recorded it, by id (their name is resolved when read, so an erasure reaches it); null for a legacy record.',
  })
  @Column('uuid', { nullable: true })
  recordedById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => String, { nullable: true, description: 'Optional: where the signed form is kept, what exactly was agreed.' })
  @Column('text', { nullable: true })
  note: string | null;

  @Field({ description: 'Carried over from the former yes/no field when consent records were introduced: how and by whom are unknown.' })
  @Column('boolean', { default: false })
  legacy: boolean;

  /** Orders records made in the same instant (the latest decides). */
  @Field(() => Int)
  @Column('int')
  @Generated('increment')
  sequence: number;
}
