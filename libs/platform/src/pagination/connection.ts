import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/app-error';
import { isUuid } from '../validation/uuid';

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

/** Longer than any cursor this API issues (a sort value and a uuid); a longer one is not read. */
const MAX_CURSOR_LENGTH = 2048;
/** Exactly the form cursors carry (toISOString, or YYYY-MM-DD for a date column), in years PostgreSQL takes. */
function isTime(value: unknown, dateOnly: boolean): boolean {
  if (typeof value !== 'string') return false;
  const time = new Date(dateOnly ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(time.getTime()) || time.getUTCFullYear() < 1 || time.getUTCFullYear() > 9999) return false;
  return (dateOnly ? time.toISOString().slice(0, 10) : time.toISOString()) === value;
}
const INT4 = 2 ** 31;
const DESIGN_TYPES: Record<string, string> = { Date: 'timestamp', Number: 'integer', String: 'varchar', Boolean: 'boolean' };

/** Whether a decoded sort value can be compared with the sort column (it goes to PostgreSQL as a parameter). */
function fitsColumn(value: unknown, columnType: unknown): boolean {
  if (value === null) return true;
  // A column typed by its TypeScript type has the constructor here; TypeORM maps them like this for PostgreSQL.
  const type = typeof columnType === 'function' ? (DESIGN_TYPES[columnType.name] ?? '') : String(columnType).toLowerCase();
  if (type === 'boolean' || type === 'bool') return typeof value === 'boolean';
  if (type === 'date') return isTime(value, true);
  if (type.startsWith('timestamp')) return isTime(value, false);
  if (['int', 'integer', 'int4', 'smallint', 'int2'].includes(type)) return Number.isInteger(value) && Math.abs(value as number) < INT4;
  if (['number', 'bigint', 'int8', 'float', 'double precision', 'real', 'numeric', 'decimal'].includes(type))
    return typeof value === 'number' && Number.isFinite(value);
  if (type === 'uuid') return isUuid(value);
  return typeof value === 'string' && !value.includes('\0');
}

/**
 * A cursor back into its sort value and id, refused with BAD_USER_INPUT unless both could have come
 * from this list: it is base64url JSON a client can forge, and its values are bound to SQL
 * parameters typed like the columns (a wrong type was a PostgreSQL error, a 500).
 */
function decodeCursor(cursor: string, columnType: unknown): [unknown, string] {
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(values) && values.length === 2 && isUuid(values[1]) && fitsColumn(values[0], columnType)) {
        return [values[0], values[1]];
      }
    } catch {
      /* falls through */
    }
  }
  throw badInput('The cursor is not valid: pass pageInfo.endCursor from the previous page of the same list.', [
    { path: 'after', message: 'not a cursor this list issued' },
  ]);
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
  const column = query.expressionMap.mainAlias?.metadata.findColumnWithPropertyName(sortProperty);
  const cursor = args.after ? decodeCursor(args.after, column?.type) : null;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (cursor) {
    const [sortValue, id] = cursor;
    const op = direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${alias}.${sortProperty}, ${alias}.id) ${op} (:cursorSort, :cursorId)`, { cursorSort: sortValue, cursorId: id });
  }
  const rows = await page
    .orderBy(`${alias}.${sortProperty}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .take(first + 1)
    .getMany();
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => {
    const raw: unknown = node[sortProperty];
    const sort = raw instanceof Date ? raw.toISOString() : raw;
    return { cursor: encodeCursor([sort, node.id]), node };
  });
  return { edges, nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
