import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { City } from '../city/city.entity';
import { Organisation } from '../organisation/organisation.entity';
import { TimestampedEntity } from '@peervisit/platform/entities';

/** Who the team met, by category: reports name people only by this unless they consented. */
export enum StakeholderCategory {
  POLITICIAN = 'POLITICIAN',
  CITY_OFFICIAL = 'CITY_OFFICIAL',
  NATIONAL_GOVERNMENT = 'NATIONAL_GOVERNMENT',
  MIGRANT_ORGANISATION = 'MIGRANT_ORGANISATION',
  CIVIL_SOCIETY = 'CIVIL_SOCIETY',
  TRADE_UNION = 'TRADE_UNION',
  BUSINESS = 'BUSINESS',
  MEDIA = 'MEDIA',
  FAITH_LEADER = 'FAITH_LEADER',
  ACADEMIA = 'ACADEMIA',
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  RESIDENT = 'RESIDENT',
  OTHER = 'OTHER',
}
registerEnumType(StakeholderCategory, { name: 'StakeholderCategory' });

/** How a report refers to someone who did not consent to be named. */
export const STAKEHOLDER_CATEGORY_PHRASE: Record<StakeholderCategory, string> = {
  POLITICIAN: 'a local politician',
  CITY_OFFICIAL: 'a city official',
  NATIONAL_GOVERNMENT: 'a representative of the national government',
  MIGRANT_ORGANISATION: 'a representative of a migrant organisation',
  CIVIL_SOCIETY: 'a representative of a civil-society organisation',
  TRADE_UNION: 'a trade-union representative',
  BUSINESS: 'a representative of a local business',
  MEDIA: 'a media representative',
  FAITH_LEADER: 'a faith leader',
  ACADEMIA: 'a researcher',
  SERVICE_PROVIDER: 'a service provider',
  RESIDENT: 'a resident',
  OTHER: 'a stakeholder',
};

@ObjectType({ description: 'Someone the review team meets who has no account (an interviewee, a focus-group participant).' })
@Entity()
export class Stakeholder extends TimestampedEntity {
  @Field(() => String, {
    nullable: true,
    description:
      'Optional: many are recorded by position only. "[name withheld]" outside the review team and the secretariat once they withdrew their consent to be named (StakeholderNameResolver).',
  })
  @Column('text', { nullable: true })
  name: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null outside the review team and the secretariat once they withdrew their consent to be named (a position identifies).',
  })
  @Column('text', { nullable: true })
  position: string | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  organisation?: Organisation | null;

  @Field(() => ID)
  @Column('uuid')
  cityId: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn()
  city?: City;

  @Field(() => StakeholderCategory)
  @Column({ type: 'enum', enum: StakeholderCategory, enumName: 'stakeholder_category' })
  category: StakeholderCategory;

  // The three consent columns are the current state of the consent records (stakeholder-consent.ts
  // keeps them, in the transaction that adds a record): read them, never set them directly.
  @Field({ description: 'May reports name this person? Default no: they appear by category. The latest NAMED consent record.' })
  @Column({ default: false })
  consentToBeNamed: boolean;

  @Field({ description: 'May they be quoted word for word? Without it the team’s paraphrase is shown. The latest QUOTED consent record.' })
  @Column({ default: false })
  consentToBeQuoted: boolean;

  @Field({ description: 'May they be contacted again after the visit? The latest CONTACTED consent record.' })
  @Column({ default: false })
  consentToBeContacted: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The day until which the stakeholder agreed to be kept identifiable; until then the retention job leaves them as they are.',
  })
  @Column('date', { nullable: true })
  keepUntil: string | null;

  @Field(() => Date, { nullable: true, description: 'When their name was replaced by a pseudonym (retention or erasure).' })
  @Column('timestamptz', { nullable: true })
  pseudonymisedAt: Date | null;
}
