import { BenchmarkService, CatalogueModule, CatalogueSeed } from '@peervisit/catalogue';
import { issueAccessToken } from './access-tokens';
import { countQueries } from './count-queries';
import { createTestApp, TestApp } from './test-app';

const BENCHMARKS = `{
  benchmarks(first: 10) {
    totalCount
    nodes {
      code
      contextFactors { name }
      keyFactors { number guideQuestions { text } examples { city } }
    }
  }
}`;

const smallBenchmark = (code: string) => ({
  code,
  title: 'Introductory and language courses',
  standard: 'The city offers newcomers courses they can reach.',
  source: { title: 'A toolkit', organisation: 'EUROCITIES', attribution: 'Taken from a toolkit.' },
  ratingScale: [
    { value: 1, label: 'Not in place', description: 'No.' },
    { value: 2, label: 'In place', description: 'Yes.' },
  ],
  keyFactors: [
    {
      number: 1,
      heading: 'Access',
      statement: 'Courses are easy to reach.',
      guideQuestions: ['Where are they held?', 'When?'],
      examples: [],
    },
    { number: 2, heading: 'Cost', statement: 'Courses are free.', guideQuestions: ['Who pays?'], examples: [] },
  ],
});

describe('countQueries', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueModule] });
    await t.app.get(CatalogueSeed).run();
    token = await issueAccessToken(t.app, {
      personId: '00000000-0000-4000-8000-000000000001',
      email: 'reader@example.org',
      isAdmin: false,
    });
  });
  afterAll(() => t?.close());

  it('counts each statement sent, with its text, and returns what fn returned', async () => {
    const { count, statements, result } = await countQueries(t.dataSource, async () => {
      await t.dataSource.query('SELECT 1');
      await t.dataSource.query('SELECT 2');
      const [row] = await t.dataSource.query('SELECT 3 AS n');
      return row.n;
    });
    expect(count).toBe(3);
    expect(statements).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3 AS n']);
    expect(result).toBe(3);
  });

  it('counts a transaction as the statements it sends (begin, work, commit), concurrent ones too', async () => {
    const { count, statements } = await countQueries(t.dataSource, async () => {
      await t.dataSource.transaction((manager) => manager.query('SELECT 1'));
      await Promise.all([t.dataSource.query('SELECT 2'), t.dataSource.query('SELECT 3')]);
    });
    expect(statements.slice(0, 3)).toEqual(['START TRANSACTION', 'SELECT 1', 'COMMIT']);
    expect(count).toBe(5);
  });

  it('counts nothing outside fn, and nothing for work that does not reach the database', async () => {
    await t.dataSource.query('SELECT 1');
    expect((await countQueries(t.dataSource, () => 42)).count).toBe(0);
  });

  it('counts what a GraphQL request served by the test app sends: a deep query through DataLoaders does not grow with the data', async () => {
    const one = await countQueries(t.dataSource, () => t.gql.as(token).ok(BENCHMARKS));
    expect(one.result.benchmarks.nodes).toHaveLength(1);
    expect(one.result.benchmarks.nodes[0].keyFactors).toHaveLength(13);
    // The page, its total, then one batched load per relation (context factors, key factors, guide questions, examples).
    expect(one.count).toBe(6);
    expect(one.statements.filter((s) => /FROM "guide_question"/.test(s))).toHaveLength(1);

    await t.app.get(BenchmarkService).import(smallBenchmark('LANGUAGE-COURSES'), { publish: true });
    await t.app.get(BenchmarkService).import(smallBenchmark('HOUSING'), { publish: true });
    const three = await countQueries(t.dataSource, () => t.gql.as(token).ok(BENCHMARKS));
    expect(three.result.benchmarks.nodes).toHaveLength(3);
    expect(three.count).toBe(one.count);
  });
});
