import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Organisation } from '../organisation/organisation.entity';
import { TimestampedEntity } from '@peervisit/platform/entities';

@ObjectType({ description: 'Someone with an account: a secretariat member, expert, peer or city official.' })
@Entity()
export class Person extends TimestampedEntity {
  /** Stored lower-cased; unique. */
  @Field()
  @Index({ unique: true })
  @Column()
  email: string;

  @Field()
  @Column()
  fullName: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  organisation?: Organisation | null;

  @Field({ description: 'BCP 47 language tag for messages, of a shipped language (en, fr, de), e.g. en or fr-CH.' })
  @Column({ default: 'en' })
  locale: string;

  @Field({ description: 'IANA time zone the person reads times in.' })
  @Column({ default: 'Europe/Brussels' })
  timeZone: string;

  /** argon2id; null until the person sets a password (invited, not yet accepted). */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Field({ description: 'Optional reminders turned off (invitations and password resets are always sent).' })
  @Column({ default: false })
  optionalRemindersOff: boolean;

  /** SHA-256 of the secret in the person's private calendar feed URL; null until they ask for one. */
  @Index({ unique: true, where: 'calendar_token_hash IS NOT NULL' })
  @Column('text', { nullable: true })
  calendarTokenHash: string | null;

  @Field({ description: 'Network secretariat: keeps the catalogue and directory, sees everything.' })
  @Column({ default: false })
  isAdmin: boolean;
}
