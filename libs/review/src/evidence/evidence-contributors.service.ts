import { Injectable } from '@nestjs/common';
import { CurrentUser } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';

export interface KeyFactorContribution {
  keyFactorId: string;
  personId: string;
  items: number;
}

/** Who logged how much evidence on each key factor (the leader's board): one grouped query, retracted items left out. */
@Injectable()
export class EvidenceContributorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  async byKeyFactor(user: CurrentUser, reviewId: string): Promise<KeyFactorContribution[]> {
    await this.access.require(user, reviewId, 'evidence.read');
    const rows: { key_factor_id: string; person_id: string; items: number }[] = await this.dataSource.query(
      `SELECT k AS key_factor_id, e.logged_by_id AS person_id, count(*)::int AS items
         FROM evidence e CROSS JOIN LATERAL unnest(e.key_factor_ids) AS k
        WHERE e.review_id = $1 AND e.retracted_at IS NULL
        GROUP BY k, e.logged_by_id ORDER BY k, items DESC`,
      [reviewId],
    );
    return rows.map((r) => ({ keyFactorId: r.key_factor_id, personId: r.person_id, items: r.items }));
  }
}
