import { buildSchema, parse } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection';
import { OperationCosts } from './complexity.plugin';

/** The cost cache answers exactly what a fresh computation would, for every variable that can change it. */
describe('OperationCosts', () => {
  const schema = buildSchema(`
    type Item { a: Int b: Int }
    type Query { items(first: Int, search: String): [Item!]! }
  `);
  const document = parse('query($n: Int, $s: String, $withB: Boolean!) { items(first: $n, search: $s) { a b @include(if: $withB) } }');
  const fresh = (variables: Record<string, unknown>) => new OperationCosts(() => schema).cost(document, undefined, variables);

  it('gives a page size or an @include its own cost, and reuses it whatever the other variables', () => {
    const costs = new OperationCosts(() => schema);
    const cases = [
      { n: 2, s: 'x', withB: true },
      { n: 50, s: 'x', withB: true },
      { n: 50, s: 'x', withB: false },
      { n: 2, s: 'something else', withB: true },
      { n: 50, s: 'y', withB: false },
    ];
    const cached = cases.map((variables) => costs.cost(document, undefined, variables));
    expect(cached).toEqual(cases.map(fresh));
    // 1 for items + first × (a, b when included).
    expect(cached).toEqual([5, 101, 51, 5, 51]);
  });

  it('prices an omitted or null page size as the page paginate() returns by default, cached like any other', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    const costs = new OperationCosts(() => schema);
    const cases = [
      { s: 'x', withB: true },
      { n: null, s: 'x', withB: true },
      { n: 20, s: 'x', withB: true },
      { s: 'y', withB: false },
      { n: 1, s: 'x', withB: true },
    ];
    const cached = cases.map((variables) => costs.cost(document, undefined, variables));
    expect(cached).toEqual(cases.map(fresh));
    expect(cached).toEqual([41, 41, 41, 21, 3]);
    // Written without the argument at all, too.
    expect(costs.cost(parse('{ items { a b } }'), undefined, {})).toBe(41);
  });
});
