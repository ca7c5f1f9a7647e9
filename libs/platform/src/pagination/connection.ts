import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/app-error';

export const MAX_PAGE_SIZE = 100;
/** The page size when `first` is omitted (or null); the query cost plugin prices such pages at it. */
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field({ nullable: true, description: 'Return the ones after this cursor (pageInfo.endCursor of the previous page).' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for T (edges, nodes, pageInfo, totalCount). */
export function ConnectionType<T>(node: Type<T>, name = node.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;
    @Field(() => node)
    node: T;
  }
  @ObjectType({ isAbstract: true })
  class ConnectionBase {
    @Field(() => [Edge])
    edges: Edge[];
    @Field(() => [node])
    nodes: T[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionBase as Type<Connection<T>>;
}

const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function decodeCursor(cursor: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === 2) return values;
  } catch {
    /* falls through */
  }
  throw badInput('The cursor is not valid: pass pageInfo.endCursor from the previous page.', [{ path: 'after', message: 'not a cursor this API issued' }]);
}

/**
 * Keyset pagination over a query builder, ordered by one column then id (stable and index-friendly).
 * `sortProperty` is the entity property to order by.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  sortProperty: keyof T & string,
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Connection<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`Ask for between 1 and ${MAX_PAGE_SIZE} items a page.`, [{ path: 'first', message: `must be 1-${MAX_PAGE_SIZE}` }]);
  }
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (args.after) {
    const [sortValue, id] = decodeCursor(args.after);
    const op = direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${alias}.${sortProperty}, ${alias}.id) ${op} (:cursorSort, :cursorId)`, { cursorSort: sortValue, cursorId: id });
  }
  const rows = await page.orderBy(`${alias}.${sortProperty}`, direction).addOrderBy(`${alias}.id`, direction).take(first + 1).getMany();
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => {
    const raw: unknown = node[sortProperty];
    const sort = raw instanceof Date ? raw.toISOString() : raw;
    return { cursor: encodeCursor([sort, node.id]), node };
  });
  return { edges, nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
