import { Review } from '../review/review.entity';
import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

export enum DocumentType {
  MINUTES = 'MINUTES',
  BRIEFING = 'BRIEFING',
  ANNUAL_REPORT = 'ANNUAL_REPORT',
  MONITORING_DATA = 'MONITORING_DATA',
  PRESS_RELEASE = 'PRESS_RELEASE',
  STRATEGY = 'STRATEGY',
  OTHER = 'OTHER',
}
registerEnumType(DocumentType, { name: 'DocumentType' });

/** Documentary evidence: an uploaded file (with checksum) or a link. Removal is a retraction. */
@ObjectType()
@Entity()
export class Document extends UuidEntity {
  @Field(() => ID)
  @Index()
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Field()
  @Column()
  title: string;

  @Field(() => DocumentType)
  @Column({ type: 'enum', enum: DocumentType, enumName: 'document_type' })
  type: DocumentType;

  @Field(() => [ID], { description: 'Key factors the document speaks to.' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  keyFactorIds: string[];

  @Field(() => String, { nullable: true, description: 'For a linked document.' })
  @Column('text', { nullable: true })
  url: string | null;

  /** Where the file is in storage; never exposed. */
  @Column('text', { nullable: true })
  storageKey: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  fileName: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  mediaType: string | null;

  @Field(() => Float, { nullable: true })
  @Column('bigint', {
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file, hex.' })
  @Column('text', { nullable: true })
  sha256: string | null;

  @Field(() => ID)
  @Column('uuid')
  addedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  retractedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  retractionReason: string | null;

  /** A new version of a document: the earlier one is retracted in the same transaction, both kept (the history). */
  @Field(() => ID, { nullable: true, description: 'The earlier version this document replaced (retracted when this one was added).' })
  @Index({ unique: true })
  @Column('uuid', { nullable: true })
  replacesDocumentId: string | null;
}
