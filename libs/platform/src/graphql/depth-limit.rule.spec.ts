import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node }
`);
const errorsOf = (query: string, max: number) => validate(schema, parse(query), [depthLimitRule(max)]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('allows a query at the limit and refuses one past it', () => {
    expect(errorsOf('{ root { child { name } } }', 2)).toEqual([]);
    expect(errorsOf('{ root { child { child { name } } } }', 2)).toEqual([
      'The query is nested 3 levels deep; the limit is 2. Split it into smaller queries.',
    ]);
  });

  it('follows fragments and inline fragments', () => {
    const query = 'query { root { ...F } } fragment F on Node { child { ... on Node { child { name } } } }';
    expect(errorsOf(query, 2)).toHaveLength(1);
    expect(errorsOf(query, 3)).toEqual([]);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(errorsOf('{ root { ...F } } fragment F on Node { child { ...F } }', 5).length).toBeLessThanOrEqual(1);
  });

  it('lets the standard introspection query through (the explorer needs it), but not a deep query next to it', () => {
    expect(errorsOf(getIntrospectionQuery(), 3)).toEqual([]);
    expect(errorsOf('{ __schema { types { name } } root { child { child { child { name } } } } }', 3)).toHaveLength(1);
  });
});
