import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Recommendation } from '../recommendation/recommendation.entity';

/**
 * A published good practice of the catalogue that the team links to a recommendation ("see how city X
 * did it"). The catalogue knows nothing of reviews, so the practice is a plain uuid here; unlinking
 * deletes the row (the audit trail keeps who linked and unlinked what).
 */
@Entity({ name: 'recommendation_good_practice' })
@Index(['goodPracticeId'])
export class RecommendationPracticeLink {
  @PrimaryColumn('uuid')
  recommendationId: string;

  @ManyToOne(() => Recommendation, { onDelete: 'CASCADE' })
  @JoinColumn()
  recommendation?: Recommendation;

  @PrimaryColumn('uuid')
  goodPracticeId: string;

  @Column('uuid')
  linkedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
