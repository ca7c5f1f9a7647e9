import { KeyFactor } from '@peervisit/catalogue';
import { City, Person } from '@peervisit/directory';
import { GraphqlContext, oneInOrder } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { Review } from './review.entity';

/** Per-request loaders for entities many review types point at; one batched query per request and type. */
export function reviewLoaders(ctx: GraphqlContext, dataSource: DataSource) {
  const byId = <T extends { id: string }>(name: string, entity: new () => T) =>
    ctx.loaders.get<string, T | null>(`${name}ById`, async (ids) => oneInOrder(ids, await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never), (r) => r.id));
  return {
    review: byId('Review', Review),
    city: byId('City', City),
    person: byId('Person', Person),
    keyFactor: byId('KeyFactor', KeyFactor),
  };
}
