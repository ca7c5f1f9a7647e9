import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { City } from '../city/city.entity';
import { TimestampedEntity } from '@peervisit/platform/entities';

export enum OrganisationKind {
  CITY_ADMINISTRATION = 'CITY_ADMINISTRATION',
  MIGRANT_ORGANISATION = 'MIGRANT_ORGANISATION',
  NGO = 'NGO',
  NATIONAL_GOVERNMENT = 'NATIONAL_GOVERNMENT',
  NETWORK_SECRETARIAT = 'NETWORK_SECRETARIAT',
  BUSINESS = 'BUSINESS',
  TRADE_UNION = 'TRADE_UNION',
  MEDIA = 'MEDIA',
  FAITH = 'FAITH',
  ACADEMIA = 'ACADEMIA',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

@ObjectType()
@Entity()
export class Organisation extends TimestampedEntity {
  @Field()
  @Column()
  name: string;

  @Field(() => OrganisationKind)
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The city it belongs to, if any (a city administration, a local NGO).' })
  @Column('uuid', { nullable: true })
  cityId: string | null;

  @ManyToOne(() => City, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  city?: City | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @Column('varchar', { length: 2, nullable: true })
  country: string | null;
}
