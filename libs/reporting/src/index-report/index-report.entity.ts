import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IndexAssessment } from '@peervisit/icc-index/entities';
import { CreatedEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** One rendering of a published Index assessment's report (HTML, PDF, Word); each request makes a new version. */
@ObjectType('IccIndexReport')
@Entity('icc_index_report')
@Index(['assessmentId', 'version'], { unique: true })
export class IndexReport extends CreatedEntity {
  @Field(() => ID)
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field({ description: 'The language it is written in (en, fr or de).' })
  @Column('text')
  language: string;

  /** Storage keys of the rendered formats (format → key); never exposed. */
  @Column('jsonb', { default: {} })
  files: Record<string, string>;

  @Field(() => [String], { description: 'Formats to download (html, pdf, docx), at /index-reports/{id}/{format}.' })
  get formats(): string[] {
    return Object.keys(this.files ?? {}).sort();
  }

  @Field({ description: 'SHA-256 of the report content: the same results give the same hash.' })
  @Column('text')
  contentHash: string;

  @Field(() => ID)
  @Column('uuid')
  requestedById: string;
}
