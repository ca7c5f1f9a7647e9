import { Injectable } from '@nestjs/common';
import { CurrentUser, GraphqlContext, groupInOrder, oneInOrder } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { Evidence } from '../evidence/evidence.entity';
import { Conclusion, ConclusionRevision } from './conclusion.entity';
import { FindingsService } from './findings.service';

/** Reads of conclusions for the GraphQL API, each with its access check (resolvers check nothing). */
@Injectable()
export class FindingsQueries {
  constructor(
    private readonly findings: FindingsService,
    private readonly access: ReviewAccessService,
    private readonly dataSource: DataSource,
  ) {}

  /** The review team always; the host city and observers from the feedback session on. */
  async conclusions(user: CurrentUser, reviewId: string, ctx: GraphqlContext): Promise<Conclusion[]> {
    await this.access.requireFindingsRead(user, reviewId, ctx);
    return this.findings.conclusionsOf([reviewId]);
  }

  /** Every saved version: for the team that drafts them (drafts are never shared with the city). */
  async revisions(user: CurrentUser, conclusion: Conclusion, ctx: GraphqlContext): Promise<ConclusionRevision[]> {
    await this.access.require(user, conclusion.reviewId, 'findings.draft', ctx);
    return ctx.loaders
      .get<string, ConclusionRevision[]>('Conclusion.revisions', async (ids) =>
        groupInOrder(ids, await this.findings.revisionsOf(ids), (r) => r.conclusionId),
      )
      .load(conclusion.id);
  }

  /** The cited evidence: review team only, raw evidence never goes to the host city. */
  async citedEvidence(user: CurrentUser, conclusion: Conclusion, ctx: GraphqlContext): Promise<Evidence[]> {
    await this.access.require(user, conclusion.reviewId, 'evidence.read', ctx);
    const rows = await ctx.loaders
      .get<string, Evidence | null>('EvidenceById', async (ids) =>
        // One array parameter rather than one per id: TypeORM's cost of a 2,000-parameter statement showed in a whole review's profile.
        oneInOrder(
          ids,
          await this.dataSource
            .getRepository(Evidence)
            .createQueryBuilder('e')
            .where('e.id = ANY(:ids)', { ids: [...ids] })
            .getMany(),
          (e) => e.id,
        ),
      )
      .loadMany(conclusion.evidenceIds);
    return rows.filter((e): e is Evidence => !!e && !(e instanceof Error));
  }
}
