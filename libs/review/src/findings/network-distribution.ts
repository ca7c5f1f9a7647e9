import { EntityManager } from 'typeorm';
import { statusesAllowing } from '../review/review-capabilities';

/**
 * The network's distribution of agreed ratings per key factor, for one review's city to see where it
 * stands. The one rule of who is counted and when it may be shown, used by the GraphQL view
 * (NetworkDistributionService) and the follow-up report (libs/reporting's loader):
 *
 * - Comparable ratings: agreed conclusions of reviews on the same benchmark (any version with the same
 *   rating scale, key factors matched by number as in earlierConclusions), of other cities' reviews
 *   already shared with their city (FEEDBACK on). Each other city counts once per key factor, with
 *   its latest agreed rating; this city counts with this review's agreed rating.
 * - A key factor's distribution is shown only when at least NETWORK_MIN_CITIES cities (this one
 *   included) have such a rating, so that no city can be recognised; below that, only the fact that
 *   it is withheld is given, not its counts.
 * - Only counts per rating leave the database (grouped in SQL): no city, review or rating of another
 *   city, ever. This city's own rating is the one value given per city.
 */
export const NETWORK_MIN_CITIES = 5;

export interface KeyFactorDistributionData {
  keyFactorId: string;
  number: number;
  code: string;
  /** Cities with a comparable agreed rating, this one included (at least NETWORK_MIN_CITIES). */
  cities: number;
  /** How many cities got each rating, lowest first; ratings nobody got are left out. */
  ratings: { rating: number; count: number }[];
  /** This review's agreed rating, or null. */
  cityRating: number | null;
}

export interface NetworkDistributionData {
  minCities: number;
  /** Key factors in scope with enough cities, by number. */
  shown: KeyFactorDistributionData[];
  /** Key factors in scope with fewer cities: withheld, their counts not even loaded into memory. */
  withheld: { keyFactorId: string; number: number; code: string }[];
}

const SHARED = statusesAllowing('readFindingsAsHost')
  .map((s) => `'${s}'`)
  .join(', ');

/** The rating scale's values, sorted, as an int[] (versions are comparable when these are equal). */
const LEVELS = (alias: string) =>
  `(SELECT array_agg((l->>'value')::int ORDER BY (l->>'value')::int) FROM jsonb_array_elements(${alias}.rating_scale) l)`;

/** One statement, whatever the number of key factors or cities. No access check: callers check. */
export async function loadNetworkDistribution(manager: EntityManager, reviewId: string): Promise<NetworkDistributionData> {
  const rows: {
    key_factor_id: string;
    number: number;
    code: string;
    cities: number;
    city_rating: number | null;
    ratings: { rating: number; count: number }[] | null;
  }[] = await manager.query(
    `WITH cur AS (
       SELECT r.id, r.host_city_id, r.benchmark_id, r.scope_key_factor_ids, b.code, ${LEVELS('b')} AS levels
         FROM review r JOIN benchmark b ON b.id = r.benchmark_id
        WHERE r.id = $1
     ),
     scope AS (
       SELECT kf.id, kf.number, kf.code
         FROM cur JOIN key_factor kf ON kf.benchmark_id = cur.benchmark_id
        WHERE cur.scope_key_factor_ids IS NULL OR kf.id = ANY(cur.scope_key_factor_ids)
     ),
     others AS (
       SELECT DISTINCT ON (r.host_city_id, s.number) s.number, c.rating
         FROM cur
         JOIN benchmark b ON b.code = cur.code AND ${LEVELS('b')} = cur.levels
         JOIN review r ON r.benchmark_id = b.id AND r.host_city_id <> cur.host_city_id AND r.status IN (${SHARED})
         JOIN conclusion c ON c.review_id = r.id AND c.status = 'AGREED' AND c.rating IS NOT NULL
         JOIN key_factor kf ON kf.id = c.key_factor_id
         JOIN scope s ON s.number = kf.number
        ORDER BY r.host_city_id, s.number, c.agreed_at DESC
     ),
     own AS (
       SELECT s.number, c.rating
         FROM scope s JOIN conclusion c ON c.key_factor_id = s.id AND c.review_id = $1 AND c.status = 'AGREED' AND c.rating IS NOT NULL
     ),
     everyone AS (SELECT number, rating FROM others UNION ALL SELECT number, rating FROM own),
     counted AS (SELECT number, count(*)::int AS cities FROM everyone GROUP BY number)
     SELECT s.id AS key_factor_id, s.number, s.code,
            coalesce(n.cities, 0) AS cities,
            (SELECT o.rating FROM own o WHERE o.number = s.number) AS city_rating,
            -- The counts only where they may be shown.
            CASE WHEN coalesce(n.cities, 0) >= $2 THEN
              (SELECT json_agg(json_build_object('rating', g.rating, 'count', g.count) ORDER BY g.rating)
                 FROM (SELECT rating, count(*)::int AS count FROM everyone e WHERE e.number = s.number GROUP BY rating) g)
            END AS ratings
       FROM scope s LEFT JOIN counted n ON n.number = s.number
      ORDER BY s.number`,
    [reviewId, NETWORK_MIN_CITIES],
  );
  const shown = rows.filter((r) => r.cities >= NETWORK_MIN_CITIES && r.ratings);
  return {
    minCities: NETWORK_MIN_CITIES,
    shown: shown.map((r) => ({
      keyFactorId: r.key_factor_id,
      number: r.number,
      code: r.code,
      cities: r.cities,
      ratings: r.ratings!,
      cityRating: r.city_rating,
    })),
    withheld: rows.filter((r) => !shown.includes(r)).map((r) => ({ keyFactorId: r.key_factor_id, number: r.number, code: r.code })),
  };
}
