import benchmarkDocument from '../data/eurocities-promoting-cultural-diversity.benchmark.json';
import { parseBenchmarkDocument } from './benchmark-document';

describe('parseBenchmarkDocument', () => {
  it('accepts the shipped EUROCITIES benchmark', () => {
    const { document, problems } = parseBenchmarkDocument(benchmarkDocument);
    expect(problems).toEqual([]);
    expect(document?.keyFactors).toHaveLength(13);
    expect(document?.contextFactors).toHaveLength(7);
  });

  it('lists every problem at once: missing statement, duplicate number, unknown field', () => {
    const broken = structuredClone(benchmarkDocument) as Record<string, any>;
    delete broken.keyFactors[2].statement;
    broken.keyFactors[5].number = broken.keyFactors[4].number;
    broken.keyFactors[0].colour = 'blue';
    broken.sponsor = 'nobody';
    const { document, problems } = parseBenchmarkDocument(broken);
    expect(document).toBeUndefined();
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'keyFactors[2].statement', message: 'statement is required' },
        { path: 'keyFactors[5].number', message: 'duplicate number 5 (also at keyFactors[4])' },
        { path: 'keyFactors[0].colour', message: 'unknown field "colour"' },
        { path: 'sponsor', message: 'unknown field "sponsor"' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses a document that is not an object', () => {
    expect(parseBenchmarkDocument('hello').problems.length).toBeGreaterThan(0);
    expect(parseBenchmarkDocument(null).problems.length).toBeGreaterThan(0);
  });
});
