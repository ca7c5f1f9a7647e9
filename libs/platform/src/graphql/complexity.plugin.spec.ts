import { buildSchema, parse } from 'graphql';
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
});
