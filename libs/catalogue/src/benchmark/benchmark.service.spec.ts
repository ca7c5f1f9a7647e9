import { createTestApp, TestApp } from '@peervisit/testing';
import { AppError } from '@peervisit/platform';
import benchmarkDocument from '../data/eurocities-promoting-cultural-diversity.benchmark.json';
import { CatalogueModule } from '../catalogue.module';
import { BenchmarkStatus } from './benchmark.entity';
import { BenchmarkService } from './benchmark.service';

const small = (overrides: Record<string, unknown> = {}) => ({
  code: 'LANGUAGE-COURSES',
  title: 'Introductory and language courses',
  standard: 'The city offers newcomers courses they can reach.',
  source: { title: 'A toolkit', organisation: 'EUROCITIES', attribution: 'Taken from a toolkit.' },
  ratingScale: [
    { value: 1, label: 'Not in place', description: 'No.' },
    { value: 2, label: 'In place', description: 'Yes.' },
  ],
  keyFactors: [
    { number: 1, heading: 'Access', statement: 'Courses are easy to reach.', guideQuestions: ['Where are they held?'], examples: [] },
  ],
  ...overrides,
});

describe('BenchmarkService (on a fresh database)', () => {
  let t: TestApp;
  let service: BenchmarkService;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ imports: [CatalogueModule] });
    service = t.app.get(BenchmarkService);
  });
  afterAll(() => t?.close());

  it('imports the shipped benchmark with everything in it, and exports it back unchanged', async () => {
    const { benchmark, outcome } = await service.import(benchmarkDocument, { publish: true });
    expect(outcome).toBe('created');
    expect(benchmark).toMatchObject({ code: 'EUROCITIES-PCD', version: 1, status: BenchmarkStatus.PUBLISHED });
    expect(await count('key_factor')).toBe(13);
    expect(await count('guide_question')).toBe(61);
    expect(await count('context_factor')).toBe(7);
    expect(await service.export('EUROCITIES-PCD', 1)).toEqual(benchmarkDocument);
  });

  it('is idempotent: importing the same published content again changes nothing', async () => {
    const before = await count('guide_question');
    const { outcome } = await service.import(benchmarkDocument, { publish: true });
    expect(outcome).toBe('unchanged');
    expect(await count('guide_question')).toBe(before);
  });

  it('never changes a published version: different content under it is a CONFLICT that writes nothing', async () => {
    const changed = structuredClone(benchmarkDocument);
    changed.keyFactors[0].statement = 'Something else entirely.';
    const error = await service.import(changed).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toBe(
      'Version 1 of EUROCITIES-PCD is published and cannot change. Import the change as a new version (omit "version" to take 2).',
    );
    expect((await service.export('EUROCITIES-PCD', 1)).keyFactors[0].statement).toBe(benchmarkDocument.keyFactors[0].statement);
  });

  it('takes the next version when none is given, leaving the published one as it was', async () => {
    const { version: _omit, ...withoutVersion } = structuredClone(benchmarkDocument);
    withoutVersion.keyFactors[0].statement = 'A revised statement.';
    const { benchmark } = await service.import(withoutVersion);
    expect(benchmark).toMatchObject({ version: 2, status: BenchmarkStatus.DRAFT });
    expect((await service.find('EUROCITIES-PCD')).version).toBe(1); // latest *published*
    await service.publish('EUROCITIES-PCD', 2);
    expect((await service.find('EUROCITIES-PCD')).version).toBe(2);
    expect((await service.export('EUROCITIES-PCD', 1)).keyFactors[0].statement).toBe(benchmarkDocument.keyFactors[0].statement);
  });

  it('replaces a draft in place', async () => {
    await service.import(small({ version: 1 }));
    const { outcome, benchmark } = await service.import(small({ version: 1, title: 'Language courses' }));
    expect(outcome).toBe('updated');
    expect(benchmark.title).toBe('Language courses');
    expect((await service.export('LANGUAGE-COURSES', 1)).keyFactors).toHaveLength(1);
  });

  it('writes nothing for invalid input', async () => {
    const before = await count('benchmark');
    await expect(service.import(small({ code: 'ANTI-DISCRIMINATION', keyFactors: [] }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { problems: [{ path: 'keyFactors', message: 'a benchmark needs at least one key factor' }] },
    });
    expect(await count('benchmark')).toBe(before);
  });

  it('gives two concurrent imports of one code different versions', async () => {
    const results = await Promise.all([service.import(small({ code: 'PARALLEL' })), service.import(small({ code: 'PARALLEL' }))]);
    expect(results.map((r) => r.benchmark.version).sort()).toEqual([1, 2]);
  });

  it('says what was not found', async () => {
    await expect(service.find('NOPE', 3)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Benchmark NOPE version 3 was not found.' });
  });
});
