import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Review } from '@peervisit/review';
import { ReminderRuleKind } from './reminder-rules';

/** A review's own setting of one reminder rule, overriding the default of its kind. */
@Entity()
@Index(['reviewId', 'kind'], { unique: true })
export class ReminderRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn()
  review?: Review;

  @Column({ type: 'enum', enum: ReminderRuleKind, enumName: 'reminder_rule_kind' })
  kind: ReminderRuleKind;

  @Column()
  enabled: boolean;

  @Column('float', { array: true })
  offsets: number[];

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
