import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { JSONScalar } from '../graphql/json.scalar';
import { TimestampedEntity } from '../database/base.entity';

export enum OutboxStatus {
  SCHEDULED = 'SCHEDULED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

/**
 * One message to send, written in the same transaction as the change that causes it. PostgreSQL is
 * the source of truth: a BullMQ job only says "look at row X version V now", and a sweeper re-adds
 * jobs Redis lost.
 */
@ObjectType()
@Entity()
@Index(['status', 'dueAt'])
export class OutboxMessage extends TimestampedEntity {
  /** Identifies the reminder this row is (e.g. session-reminder:<session>:<person>:P7D); one row per key. */
  @Field()
  @Index({ unique: true })
  @Column()
  dedupeKey: string;

  @Field()
  @Column()
  template: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  recipientId: string | null;

  @Field()
  @Column()
  recipientEmail: string;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column('uuid', { nullable: true })
  reviewId: string | null;

  @Field(() => JSONScalar)
  @Column('jsonb', { default: {} })
  data: Record<string, unknown>;

  @Field({ description: 'Optional reminders respect the recipient turning reminders off; invitations and resets are always sent.' })
  @Column({ default: false })
  optional: boolean;

  @Field()
  @Column('timestamptz')
  dueAt: Date;

  @Field(() => OutboxStatus)
  @Column({ type: 'enum', enum: OutboxStatus, enumName: 'outbox_status', default: OutboxStatus.SCHEDULED })
  status: OutboxStatus;

  @Field(() => Int, { description: 'Bumped by every change; a job carries the version it was made for and skips itself when it differs.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  attempts: number;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  lastError: string | null;

  @Field({ description: 'The Message-ID every attempt uses, so a resend is recognisable as the same message.' })
  @Column()
  messageId: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  providerMessageId: string | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  sendingSince: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the request whose change scheduled (or last rescheduled) this message; the worker logs its sending under it.',
  })
  @Column('text', { nullable: true })
  requestId: string | null;

  @Field()
  declare updatedAt: Date;
}
