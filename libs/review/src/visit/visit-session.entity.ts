import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Stakeholder } from '@peervisit/directory/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Review } from '../review/review.entity';
import { TimestampedEntity, UuidEntity } from '@peervisit/platform/entities';

export enum VisitSessionKind {
  INTERVIEW = 'INTERVIEW',
  FOCUS_GROUP = 'FOCUS_GROUP',
  SITE_VISIT = 'SITE_VISIT',
  TEAM_MEETING = 'TEAM_MEETING',
  BRIEFING = 'BRIEFING',
  FEEDBACK_SESSION = 'FEEDBACK_SESSION',
}
registerEnumType(VisitSessionKind, { name: 'VisitSessionKind' });

export enum SessionPart {
  INTERVIEWER = 'INTERVIEWER',
  NOTE_TAKER = 'NOTE_TAKER',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(SessionPart, { name: 'SessionPart', description: 'What an assigned team member does in a session.' });

/** One item of the visit programme. Cancelling keeps it (cancelledAt), so the evidence logged in it keeps its context. */
@ObjectType()
@Entity()
@Index(['reviewId', 'startsAt'])
export class VisitSession extends TimestampedEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => VisitSessionKind)
  @Column({ type: 'enum', enum: VisitSessionKind, enumName: 'visit_session_kind' })
  kind: VisitSessionKind;

  @Field()
  @Column()
  title: string;

  @Field()
  @Column('timestamptz')
  startsAt: Date;

  @Field()
  @Column('timestamptz')
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  location: string | null;

  @Field(() => [ID], { description: 'Key factors in focus.' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  keyFactorIds: string[];

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancellationReason: string | null;

  @Field(() => Int)
  @Column('int', { default: 1 })
  version: number;

  @Column('uuid')
  createdById: string;
}

/** A team member assigned to a session, with their part. */
@ObjectType()
@Entity()
@Index(['sessionId', 'personId'], { unique: true })
export class SessionAssignment extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => VisitSession, { onDelete: 'CASCADE' })
  @JoinColumn()
  session?: VisitSession;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  personId: string;

  @Field(() => SessionPart)
  @Column({ type: 'enum', enum: SessionPart, enumName: 'session_part' })
  part: SessionPart;
}

/** A stakeholder the team meets in a session. */
@Entity()
@Index(['sessionId', 'stakeholderId'], { unique: true })
export class SessionStakeholder extends UuidEntity {
  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => VisitSession, { onDelete: 'CASCADE' })
  @JoinColumn()
  session?: VisitSession;

  @Index()
  @Column('uuid')
  stakeholderId: string;

  @ManyToOne(() => Stakeholder, { onDelete: 'RESTRICT' })
  @JoinColumn()
  stakeholder?: Stakeholder;

  /** When the host city confirmed this person will come (it invites them); null until then. */
  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;

  @Column('uuid', { nullable: true })
  confirmedById: string | null;
}
