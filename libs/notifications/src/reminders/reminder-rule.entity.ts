import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { Review } from '@peervisit/review/entities';
import { ReminderRuleKind } from './reminder-rules';
import { UuidEntity } from '@peervisit/platform/entities';

/** A review's own setting of one reminder rule, overriding the default of its kind. */
@Entity()
@Index(['reviewId', 'kind'], { unique: true })
export class ReminderRule extends UuidEntity {
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
