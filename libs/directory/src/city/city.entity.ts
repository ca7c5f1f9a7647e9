import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedEntity } from '@peervisit/platform/entities';

@ObjectType({ description: 'A city: a host of reviews, and home of peers.' })
@Entity()
export class City extends TimestampedEntity {
  @Field()
  @Column()
  name: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. NO.' })
  @Column({ length: 2 })
  country: string;

  @Field(() => Int, { nullable: true })
  @Column('int', { nullable: true })
  population: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Share of the city's residents born abroad, in per cent (0 to 100); groups the Index comparison.",
  })
  @Column('double precision', { nullable: true })
  foreignBornShare: number | null;

  @Field({ description: 'IANA time zone, e.g. Europe/Oslo; visit times are shown in it.' })
  @Column()
  timeZone: string;

  @Field({ description: 'Has signed the EUROCITIES Integrating Cities Charter.' })
  @Column({ default: false })
  eurocitiesCharterSignatory: boolean;

  @Field(() => Int, { nullable: true, description: 'Year the city joined the Intercultural Cities network.' })
  @Column('int', { nullable: true })
  iccMemberSince: number | null;
}
