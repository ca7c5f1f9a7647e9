import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { randomUUID } from 'node:crypto';

/**
 * Builds, from the live schema, one syntactically valid operation for every root field: arguments
 * filled with plausible values (ids of a target review's objects where the argument names one),
 * and a selection of the field's scalar data two levels deep. Used by the access tests so that an
 * operation added later is walked without anyone listing it.
 */
export interface WalkedOperation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

export type IdMap = Record<string, string>;

/** "keyFactorIds" → "keyFactorId", for the items of a list argument. */
const singular = (name: string) => name.replace(/Ids$/, 'Id').replace(/s$/, '');

/** Values for strings, by argument or input-field name; dates in the host city's local time. */
export function stringFor(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('email')) return 'someone.else@example.org';
  if (n.includes('password')) return 'a-wrong-password-123';
  if (n === 'token') return 'x'.repeat(43);
  if (n === 'timezone') return 'Europe/Oslo';
  if (n === 'country') return 'NO';
  if (n === 'url') return 'https://example.org/document.pdf';
  if (n === 'code' || n === 'benchmarkcode') return 'EUROCITIES-PCD';
  if (n.includes('fieldofaction')) return '1';
  if (n === 'start' || n === 'visitstart') return '2027-03-10T10:00';
  if (n === 'end' || n === 'visitend') return '2027-03-10T11:00';
  if (/(due|at|checkpoint|date)$/.test(n)) return '2027-03-10';
  return 'Intruder text';
}

export class OperationWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    /** Ids by argument name ("reviewId"), or by "field.argument" ("review.id") to override. */
    private readonly ids: IdMap,
  ) {}

  operations(): WalkedOperation[] {
    const roots: [WalkedOperation['kind'], ReturnType<GraphQLSchema['getQueryType']>][] = [
      ['query', this.schema.getQueryType()],
      ['mutation', this.schema.getMutationType()],
      ['subscription', this.schema.getSubscriptionType()],
    ];
    return roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => this.operation(kind, field)));
  }

  private operation(kind: WalkedOperation['kind'], field: GraphQLField<unknown, unknown>): WalkedOperation {
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      const value = this.topLevelValue(field.name, arg.name, arg.type, arg.defaultValue);
      if (value === undefined) continue;
      variables[arg.name] = value;
      declarations.push(`$${arg.name}: ${String(arg.type)}`);
      args.push(`${arg.name}: $${arg.name}`);
    }
    const document = `${kind} Walk_${field.name}${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${this.selection(field.type, 1)} }`;
    return { kind, field: field.name, document, variables };
  }

  private topLevelValue(field: string, arg: string, type: GraphQLInputType, defaultValue: unknown): unknown {
    const named = getNamedType(type);
    if (!isNonNullType(type) || defaultValue !== undefined) {
      // Optional arguments: filters that name the target review's objects, and include-everything
      // switches, so lists are asked for the target's data; paging and other filters left out
      // (a made-up cursor would only be refused as invalid, hiding what the list returns).
      if (named.name === 'ID') return this.ids[`${field}.${arg}`] ?? this.ids[arg];
      if (named.name === 'Boolean' && arg.startsWith('include')) return true;
      if (defaultValue === undefined) return undefined;
    }
    if (named.name === 'ID' && !isListType(isNonNullType(type) ? type.ofType : type)) {
      const id = this.ids[`${field}.${arg}`] ?? this.ids[arg];
      if (!id) {
        throw new Error(
          `${field}(${arg}: ID) has no id to point at: map "${arg}" (or "${field}.${arg}") to an object of the target review in the access test.`,
        );
      }
      return id;
    }
    return this.value(type, arg, 0);
  }

  private value(type: GraphQLInputType, name: string, depth: number): unknown {
    if (isNonNullType(type)) return this.value(type.ofType as GraphQLInputType, name, depth);
    if (isListType(type)) return [this.value(type.ofType as GraphQLInputType, singular(name), depth)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      if (depth > 3) return undefined;
      return Object.fromEntries(
        Object.values(type.getFields())
          .map((f) => [f.name, this.value(f.type, f.name, depth + 1)] as const)
          .filter(([, v]) => v !== undefined),
      );
    }
    switch (type.name) {
      case 'ID':
        return this.ids[name] ?? randomUUID();
      case 'String':
        return stringFor(name);
      case 'Int':
        return name === 'year' ? 2027 : name === 'rating' ? 2 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2027-03-10T10:00:00.000Z';
      case 'JSON':
        return {};
      default:
        throw new Error(`No test value for the scalar ${type.name} (argument ${name}): add one to the operation walker.`);
    }
  }

  /** Scalar fields two levels deep (fields that need arguments are skipped), so a leak would show. */
  selection(type: GraphQLOutputType, depth = 1): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    if (!isObjectType(named)) return '{ __typename }';
    const parts = ['__typename'];
    for (const field of Object.values(named.getFields())) {
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const inner = getNamedType(field.type);
      if (isLeafType(inner)) parts.push(field.name);
      else if (depth < 3) parts.push(`${field.name} ${this.selection(field.type, depth + 1)}`);
    }
    return `{ ${parts.join(' ')} }`;
  }
}
