import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Review } from '@peervisit/review/entities';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

export enum ReportStatus {
  QUEUED = 'QUEUED',
  GENERATING = 'GENERATING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

/** One version of a review's follow-up report; each request makes a new version. */
@ObjectType()
@Entity()
@Index(['reviewId', 'version'], { unique: true })
export class Report extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field(() => ReportStatus)
  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.QUEUED })
  status: ReportStatus;

  @Field(() => String, { nullable: true, description: 'Why generating failed.' })
  @Column('text', { nullable: true })
  failureReason: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the report content: the same data gives the same hash.' })
  @Column('text', { nullable: true })
  contentHash: string | null;

  /** Storage keys of the rendered formats (format → key); never exposed. */
  @Column('jsonb', { default: {} })
  files: Record<string, string>;

  @Field(() => [String], { description: 'Formats ready to download (html, pdf, docx).' })
  get formats(): string[] {
    return Object.keys(this.files ?? {}).sort();
  }

  @Field(() => ID)
  @Column('uuid')
  requestedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  /**
   * How many times a worker claimed this version; each render writes its result only while its
   * claim is still the last one (a stalled worker taken over must not overwrite the new result).
   */
  @Column('int', { default: 0 })
  renderAttempt: number;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  generatedAt: Date | null;

  @Field({ description: 'The language this version is written in (en, fr or de); versions in several languages can all be published.' })
  @Column('text', { default: 'en' })
  language: string;

  @Field({ description: 'Published versions are the ones the host city sees.' })
  @Column({ default: false })
  published: boolean;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  publishedById: string | null;
}
