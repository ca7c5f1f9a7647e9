import { Injectable } from '@nestjs/common';
import { Benchmark } from '@peervisit/catalogue/entities';
import { badInput, CurrentUser, isUuid } from '@peervisit/platform';
import { DataSource, In, IsNull } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { Evidence } from '../evidence/evidence.entity';
import { RigourIssue, rigourIssues } from './rigour';

/** Cited evidence per draft: a typical conclusion cites a few dozen items. */
const MAX_CITED = 500;

/**
 * The rigour check on a conclusion not saved yet, so the editor shows it while the person types:
 * the same rule (rigourIssues) as the saved conclusions' check, on the evidence of this review only.
 */
@Injectable()
export class DraftRigourService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
  ) {}

  async check(user: CurrentUser, reviewId: string, rating: number | null, evidenceIds: string[]): Promise<RigourIssue[]> {
    await this.access.require(user, reviewId, 'evidence.read');
    const review = await this.access.reviewOrFail(reviewId);
    const benchmark = await this.dataSource.getRepository(Benchmark).findOneByOrFail({ id: review.benchmarkId });
    const scale = benchmark.ratingScale.map((r) => r.value);
    const problems = [
      ...(rating !== null && !scale.includes(rating) ? [{ path: 'rating', message: `must be one of ${scale.join(', ')}` }] : []),
      ...(evidenceIds.length > MAX_CITED ? [{ path: 'evidenceIds', message: `at most ${MAX_CITED}` }] : []),
      ...evidenceIds.filter((id) => !isUuid(id)).map((id) => ({ path: 'evidenceIds', message: `${id} is not an evidence id` })),
    ];
    if (problems.length) throw badInput('The rigour check needs a rating on the scale and the ids of cited evidence.', problems);
    const ids = [...new Set(evidenceIds.map((id) => id.toLowerCase()))];
    const cited = ids.length
      ? await this.dataSource.getRepository(Evidence).findBy({ id: In(ids), reviewId: review.id, retractedAt: IsNull() })
      : [];
    return rigourIssues({ rating }, cited, scale);
  }
}
