import { Injectable } from '@nestjs/common';
import { ContextFactor, KeyFactor } from '@peervisit/catalogue/entities';
import { City, Person } from '@peervisit/directory/entities';
import { GraphqlContext, groupInOrder, oneInOrder, whenLoaded } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { TeamMember } from '../team/team-member.entity';
import { Review } from './review.entity';

/**
 * Per-request loaders for entities many review types point at; one batched query per request and type.
 *
 * Key factors and people are loaded per review (or benchmark), not per id: a whole-review query reaches
 * them along many paths (sessions, evidence, conclusions, recommendations, the team), each after a
 * different statement has answered. Loaded by id, they would become one batch or several depending on
 * which statement answered first; keyed by review, every path asks for the same key, and DataLoader
 * hands the one promise to all of them, so there is one statement however the answers interleave.
 */
export function reviewLoaders(ctx: GraphqlContext, dataSource: DataSource) {
  const byId = <T extends { id: string }>(name: string, entity: new () => T) =>
    ctx.loaders.get<string, T | null>(`${name}ById`, async (ids) =>
      oneInOrder(ids, await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never), (r) => r.id),
    );
  const review = byId('Review', Review);
  const keyFactor = byId('KeyFactor', KeyFactor);
  const person = byId('Person', Person);
  const benchmarkKeyFactors = ctx.loaders.get<string, KeyFactor[]>('KeyFactorsOfBenchmark', async (benchmarkIds) =>
    groupInOrder(
      benchmarkIds,
      await dataSource.getRepository(KeyFactor).find({ where: { benchmarkId: In([...benchmarkIds]) }, order: { number: 'ASC' } }),
      (k) => k.benchmarkId,
    ),
  );
  // Everyone who is or was on the team: they write everything a review holds (evidence, conclusions,
  // assignments, answers). Removed members stay, so the history still names them.
  const reviewPeople = ctx.loaders.get<string, Map<string, Person>>('PeopleOfReview', async (reviewIds) => {
    const members = await dataSource
      .getRepository(TeamMember)
      .find({ where: { reviewId: In([...reviewIds]) }, relations: { person: true } });
    return groupInOrder(reviewIds, members, (m) => m.reviewId).map((list) => new Map(list.map((m) => [m.personId, m.person!])));
  });

  const reviewOf = async (reviewId: string) => {
    const found = await review.load(reviewId);
    if (!found) throw new Error(`Review ${reviewId} not found while resolving its fields.`);
    return found;
  };
  // Per review, once per request, and without a promise once loaded: every item of a whole review asks.
  const keyFactorMap = (reviewId: string) =>
    ctx.loaders.memo(
      `KeyFactorMap:${reviewId}`,
      async () => new Map((await benchmarkKeyFactors.load((await reviewOf(reviewId)).benchmarkId)).map((k) => [k.id, k])),
    );
  const peopleOf = (reviewId: string) => ctx.loaders.memo(`PeopleOfReview:${reviewId}`, () => reviewPeople.load(reviewId));

  return {
    review,
    city: byId('City', City),
    person,
    keyFactor,
    contextFactor: byId('ContextFactor', ContextFactor),
    /** The review's key factors in scope (its scope, or the whole benchmark), in benchmark order. */
    async keyFactorsInScope(r: Review): Promise<KeyFactor[]> {
      const all = await benchmarkKeyFactors.load(r.benchmarkId);
      return r.scopeKeyFactorIds ? all.filter((k) => r.scopeKeyFactorIds!.includes(k.id)) : all;
    },
    /** Key factors of a review's benchmark by id, in the order asked, unknown ids left out. */
    keyFactorsOf(reviewId: string, ids: readonly string[]): KeyFactor[] | Promise<KeyFactor[]> {
      return whenLoaded(keyFactorMap(reviewId), (map) => {
        const inOrder = () => ids.map((id) => map.get(id)).filter((k): k is KeyFactor => !!k);
        const missing = ids.filter((id) => !map.has(id));
        if (!missing.length) return inOrder();
        // Not expected (ids are checked against the benchmark when written); by id, so nothing is dropped.
        return keyFactor.loadMany(missing).then((others) => {
          for (const k of others) if (k && !(k instanceof Error)) map.set(k.id, k);
          return inOrder();
        });
      });
    },
    /** Someone a review's data points at: from the review's team (one statement), else by id (e.g. an admin). */
    personOf(reviewId: string | null, personId: string): Person | null | Promise<Person | null> {
      // No review: the city's own development plan (its actions and changes).
      if (!reviewId) return person.load(personId);
      return whenLoaded(peopleOf(reviewId), (people) => people.get(personId) ?? person.load(personId));
    },
  };
}

/** Rows of one kind for a review, batched per request over the reviews a query reaches (one statement). */
export function loadPerReview<T extends { reviewId: string }>(
  ctx: GraphqlContext,
  name: string,
  rowsOf: (reviewIds: readonly string[]) => Promise<T[]>,
  reviewId: string,
): Promise<T[]> {
  return ctx.loaders.get<string, T[]>(name, async (ids) => groupInOrder(ids, await rowsOf(ids), (r) => r.reviewId)).load(reviewId);
}

/** reviewLoaders for resolvers, which query nothing themselves: `this.loaders.of(ctx).review.load(id)`. */
@Injectable()
export class ReviewLoaders {
  constructor(private readonly dataSource: DataSource) {}

  of(ctx: GraphqlContext): ReturnType<typeof reviewLoaders> {
    return ctx.loaders.once('reviewLoaders', () => reviewLoaders(ctx, this.dataSource));
  }
}
