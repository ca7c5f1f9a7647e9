import { registerEnumType } from '@nestjs/graphql';
import { UuidEntity } from '@peervisit/platform/entities';
import { Review } from '@peervisit/review/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { IndexAssessment } from '../assessment/index-assessment.entity';

export enum IndexVisitVerdict {
  CONFIRMED = 'CONFIRMED',
  PARTLY_CONFIRMED = 'PARTLY_CONFIRMED',
  NOT_CONFIRMED = 'NOT_CONFIRMED',
}
registerEnumType(IndexVisitVerdict, {
  name: 'IccIndexVisitVerdict',
  description: 'Whether what the expert visit saw confirms the Index result of an indicator.',
});

/**
 * The expert visit's word on one indicator of the city's published Index: confirmed, partly or not,
 * with a note. One row per review, assessment and indicator; changed in place (version), each change
 * in the review's audit trail.
 */
@Entity('icc_index_visit_confirmation')
@Index(['reviewId', 'assessmentId', 'indicatorCode'], { unique: true })
export class IndexVisitConfirmation extends UuidEntity {
  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Column()
  indicatorCode: string;

  @Column({ type: 'enum', enum: IndexVisitVerdict, enumName: 'icc_index_visit_verdict' })
  verdict: IndexVisitVerdict;

  @Column('text', { default: '' })
  note: string;

  @Column('int', { default: 1 })
  version: number;

  @Column('uuid')
  recordedById: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
