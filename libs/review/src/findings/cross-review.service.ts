import { Injectable } from '@nestjs/common';
import { BenchmarkService } from '@peervisit/catalogue';
import { KeyFactor } from '@peervisit/catalogue/entities';
import { CurrentUser, GraphqlContext } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { ReviewAccessService } from '../access/review-access.service';
import { AnonymisationService } from '../anonymisation/anonymisation.service';
import { Review } from '../review/review.entity';
import { allows, statusesAllowing } from '../review/review-capabilities';
import { ReviewRole } from '../team/team-member.entity';

/** Reviews whose findings were shared with the city. */
const SHARED = statusesAllowing('readFindingsAsHost')
  .map((s) => `'${s}'`)
  .join(', ');

/** Views across reviews: a city's earlier conclusions and ratings over time, and the network view of a benchmark. */
@Injectable()
export class CrossReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly benchmarks: BenchmarkService,
    private readonly anonymisation: AnonymisationService,
  ) {}

  /**
   * For each key factor in scope, the latest agreed conclusion on the same key factor (same benchmark
   * code and number, whatever the version) in an earlier review of the city that was shared with it;
   * its summary anonymised unless the caller was on that review's team.
   */
  async earlierConclusions(user: CurrentUser, reviewId: string, ctx?: Pick<GraphqlContext, 'loaders'>) {
    await this.access.require(user, reviewId, 'review.read');
    const rows: { key_factor_id: string; review_id: string; rating: number | null; summary: string; agreed_at: Date }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (now_kf.number) now_kf.id AS key_factor_id, r.id AS review_id, c.rating, c.summary, c.agreed_at
         FROM review cur
         JOIN benchmark now_b ON now_b.id = cur.benchmark_id
         JOIN key_factor now_kf ON now_kf.benchmark_id = cur.benchmark_id
                               AND (cur.scope_key_factor_ids IS NULL OR now_kf.id = ANY(cur.scope_key_factor_ids))
         JOIN review r ON r.host_city_id = cur.host_city_id AND r.created_at < cur.created_at AND r.status IN (${SHARED})
         JOIN benchmark b ON b.id = r.benchmark_id AND b.code = now_b.code
         JOIN key_factor kf ON kf.benchmark_id = r.benchmark_id AND kf.number = now_kf.number
         JOIN conclusion c ON c.review_id = r.id AND c.key_factor_id = kf.id AND c.status = 'AGREED'
        WHERE cur.id = $1
        ORDER BY now_kf.number, c.agreed_at DESC`,
        [reviewId],
      );
    const keyFactors = await this.dataSource.getRepository(KeyFactor).findBy({ id: In(rows.map((r) => r.key_factor_id)) });
    const reviews = await this.dataSource.getRepository(Review).findBy({ id: In(rows.map((r) => r.review_id)) });
    return Promise.all(
      rows.map(async (row) => ({
        keyFactor: keyFactors.find((k) => k.id === row.key_factor_id)!,
        review: reviews.find((r) => r.id === row.review_id)!,
        rating: row.rating,
        summary: await this.anonymisation.forReader(user, row.review_id, row.summary, ctx),
        agreedAt: row.agreed_at,
      })),
    );
  }

  /** A city's agreed ratings per key factor across the reviews the caller may read, oldest first. */
  async cityRatings(user: CurrentUser, cityId: string) {
    const reviews = await this.dataSource.getRepository(Review).find({ where: { hostCityId: cityId }, order: { createdAt: 'ASC' } });
    const readable: Review[] = [];
    for (const review of reviews) {
      const roles = await this.access.myRoles(user, review.id);
      const onTeam = roles.includes(ReviewRole.EXPERT_LEADER) || roles.includes(ReviewRole.PEER);
      if (user.isAdmin || onTeam || (roles.length && allows(review.status, 'readFindingsAsHost'))) readable.push(review);
    }
    if (!readable.length) return [];
    const rows: {
      review_id: string;
      code: string;
      number: number;
      heading: string;
      rating: number | null;
      self_rating: number | null;
      agreed_at: Date;
    }[] = await this.dataSource.query(
      `SELECT c.review_id, kf.code, kf.number, kf.heading, c.rating, e.rating AS self_rating, c.agreed_at
         FROM conclusion c
         JOIN key_factor kf ON kf.id = c.key_factor_id
         LEFT JOIN self_assessment_entry e ON e.review_id = c.review_id AND e.key_factor_id = c.key_factor_id
        WHERE c.review_id = ANY($1) AND c.status = 'AGREED'
        ORDER BY kf.number, c.agreed_at`,
      [readable.map((r) => r.id)],
    );
    const byCode = new Map<
      string,
      {
        keyFactorCode: string;
        heading: string;
        points: { review: Review; agreedAt: Date; rating: number | null; selfRating: number | null }[];
      }
    >();
    for (const row of rows) {
      const entry = byCode.get(row.code) ?? { keyFactorCode: row.code, heading: row.heading, points: [] };
      entry.points.push({
        review: readable.find((r) => r.id === row.review_id)!,
        agreedAt: row.agreed_at,
        rating: row.rating,
        selfRating: row.self_rating,
      });
      byCode.set(row.code, entry);
    }
    return [...byCode.values()];
  }

  /** Per key factor of a benchmark version: how the host cities were rated, once shared with them. */
  async networkRatings(code: string, version: number) {
    const benchmark = await this.benchmarks.find(code, version);
    const keyFactors = await this.benchmarks.keyFactorsOf([benchmark.id]);
    const rows: { key_factor_id: string; rating: number; count: number }[] = await this.dataSource.query(
      `SELECT c.key_factor_id, c.rating, count(*)::int AS count
         FROM conclusion c JOIN review r ON r.id = c.review_id
        WHERE r.benchmark_id = $1 AND c.status = 'AGREED' AND c.rating IS NOT NULL AND r.status IN (${SHARED})
        GROUP BY c.key_factor_id, c.rating
        ORDER BY c.rating`,
      [benchmark.id],
    );
    const cityRows: { key_factor_id: string; cities: number }[] = await this.dataSource.query(
      `SELECT c.key_factor_id, count(DISTINCT r.host_city_id)::int AS cities
         FROM conclusion c JOIN review r ON r.id = c.review_id
        WHERE r.benchmark_id = $1 AND c.status = 'AGREED' AND c.rating IS NOT NULL AND r.status IN (${SHARED})
        GROUP BY c.key_factor_id`,
      [benchmark.id],
    );
    return keyFactors.map((keyFactor) => {
      const ratings = rows.filter((r) => r.key_factor_id === keyFactor.id).map((r) => ({ rating: r.rating, count: r.count }));
      const total = ratings.reduce((n, r) => n + r.count, 0);
      return {
        keyFactor,
        cities: cityRows.find((r) => r.key_factor_id === keyFactor.id)?.cities ?? 0,
        ratings,
        average: total ? Math.round((ratings.reduce((n, r) => n + r.rating * r.count, 0) / total) * 100) / 100 : null,
      };
    });
  }
}
