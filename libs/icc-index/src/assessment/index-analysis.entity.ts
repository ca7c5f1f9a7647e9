import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { CreatedEntity, UuidEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { IndexAssessment } from './index-assessment.entity';

/** The experts' comment on one indicator of a submitted assessment. */
@Entity('icc_index_indicator_comment')
@Index(['assessmentId', 'indicatorCode'], { unique: true })
export class IndexIndicatorComment extends UuidEntity {
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Column()
  indicatorCode: string;

  @Column('text')
  comment: string;

  @Column('int', { default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An expert's correction of an indicator's score, with its reason. Never changed or deleted: the
 * latest one per indicator counts, the earlier ones and the computed score stay visible.
 */
@ObjectType('IccIndexScoreCorrection')
@Entity('icc_index_score_correction')
@Index(['assessmentId', 'indicatorCode', 'createdAt'])
export class IndexScoreCorrection extends CreatedEntity {
  @Field(() => ID)
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Field()
  @Column()
  indicatorCode: string;

  @Field(() => Float, { description: 'The corrected score, 0 to 100.' })
  @Column('double precision')
  score: number;

  @Field(() => Float, { nullable: true, description: 'The score computed from the answers when the correction was made.' })
  @Column('double precision', { nullable: true })
  computedScore: number | null;

  @Field()
  @Column('text')
  reason: string;

  @Field(() => ID)
  @Column('uuid')
  correctedById: string;
}

/** A recommendation the experts write, for one indicator or for the whole Index. */
@ObjectType('IccIndexRecommendation')
@Entity('icc_index_recommendation')
@Index(['assessmentId'])
export class IndexRecommendation extends CreatedEntity {
  @Field(() => ID)
  @Column('uuid')
  assessmentId: string;

  @ManyToOne(() => IndexAssessment, { onDelete: 'CASCADE' })
  @JoinColumn()
  assessment?: IndexAssessment;

  @Field(() => String, { nullable: true, description: 'The indicator it is about; null for the Index as a whole.' })
  @Column('text', { nullable: true })
  indicatorCode: string | null;

  @Field()
  @Column('text')
  text: string;

  @Field(() => ID)
  @Column('uuid')
  createdById: string;
}
