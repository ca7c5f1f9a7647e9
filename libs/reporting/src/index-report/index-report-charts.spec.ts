import { indexHistorySpec, indexScoresSpec } from '@peervisit/charts';
import { SaxesParser } from 'saxes';
import { chartSvg } from '../render/charts';
import { indexReportCharts, renderIndexReportCharts } from './index-report-charts';
import { buildIndexReportModel, IndexReportInput } from './index-report-model';

/** A published assessment of Testby: two indicators, one composite; the network has `cities` cities. */
function input(cities: number, history = 2): IndexReportInput {
  const scores = [0, 25, 50, 75, 100, 100].slice(0, cities);
  const available = cities >= 5;
  const distribution = (code: string, name: string, cityScore: number) => ({
    code,
    name,
    cityScore,
    scores,
    min: Math.min(...scores),
    median: 50,
    max: Math.max(...scores),
  });
  const group = {
    available,
    comparableCities: cities,
    message: '',
    indicators: available ? [distribution('MEDIA', 'Media', 75), distribution('LANGUAGE', 'Language', 40)] : [],
    overall: available ? distribution('OVERALL', 'Overall Index', 57.5) : null,
  };
  return {
    language: 'en',
    city: { name: 'Testby', country: 'NO' },
    definition: {
      code: 'TEST-INDEX',
      version: 1,
      illustrative: true,
      content: { title: { en: 'Test Index' }, source: { organisation: 'PeerVisit', attribution: 'Written by PeerVisit.' } },
    },
    assessmentId: 'a2',
    publishedAt: new Date('2027-03-01T10:00:00Z'),
    results: {
      indicators: [
        { code: 'MEDIA', number: 1, name: 'Media', weight: 1, computedScore: 75, score: 75, comment: null, corrections: [] },
        {
          code: 'LANGUAGE',
          number: 2,
          name: 'Language',
          weight: 1,
          computedScore: 100,
          score: 40,
          comment: 'Few schools.',
          corrections: [{ score: 40, computedScore: 100, reason: 'One school only.', createdAt: new Date('2027-02-01T10:00:00Z') }],
        },
      ],
      composites: [{ code: 'URBAN', name: 'Urban policies', score: 40 }],
      overall: 57.5,
      overallComputed: 87.5,
      recommendations: [],
    },
    comparison: {
      ...group,
      minimumCities: 5,
      similarSize: { ...group, available: false, comparableCities: 2, indicators: [], overall: null },
      similarForeignBorn: { ...group, available: false, comparableCities: 3, indicators: [], overall: null },
      history: [
        { assessmentId: 'a1', publishedAt: new Date('2024-03-01T10:00:00Z'), definitionVersion: 1, overall: 42 },
        { assessmentId: 'a2', publishedAt: new Date('2027-03-01T10:00:00Z'), definitionVersion: 1, overall: 57.5 },
      ].slice(2 - history),
    },
  };
}

/** Parses the SVG with a strict, namespace-aware XML parser; returns its problems and its texts. */
function svgOf(svg: string): { problems: string[]; root: string | null; texts: string[] } {
  const problems: string[] = [];
  const texts: string[] = [];
  let root: string | null = null;
  let inText = false;
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.on('opentag', (tag) => {
    root ??= `${tag.uri} ${tag.local}`;
    if (tag.local === 'text') {
      inText = true;
      texts.push('');
    }
  });
  parser.on('text', (text) => {
    if (inText) texts[texts.length - 1] += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'text') inText = false;
  });
  parser.write(svg).close();
  return { problems, root, texts: texts.map((t) => t.trim()) };
}

describe('the Index charts', () => {
  it('draw the scores against the network as valid SVG, with the city, the network and the median in the legend', async () => {
    const spec = indexScoresSpec(
      [
        { code: 'MEDIA', name: '1 Media', cityScore: 75, scores: [0, 25, 50, 75, 100], median: 50 },
        { code: 'URBAN', name: 'Urban policies', cityScore: 40, scores: [], median: null },
        { code: 'OVERALL', name: 'Overall Index', cityScore: 57.5, scores: [10, 20, 57.5, 60, 90], median: 57.5 },
      ],
      { indicator: 'Indicator', score: 'Score (0–100)', city: 'Testby', network: 'Cities of the network', median: 'Median' },
    );
    const drawn = await chartSvg(spec);
    const svg = svgOf(drawn.svg);
    expect(svg.problems).toEqual([]);
    expect(svg.root).toBe('http://www.w3.org/2000/svg svg');
    for (const label of ['1 Media', 'Urban policies', 'Overall Index', 'Score (0–100)', 'Testby', 'Cities of the network', 'Median', '100'])
      expect(svg.texts).toContain(label);
    // The network's dots: one circle per anonymous score (5 + 5); the city: one diamond per scored row; a median tick per row with a network.
    expect(drawn.svg.match(/aria-roledescription="circle"/g)).toHaveLength(10);
    expect(drawn.svg.match(/aria-roledescription="point"/g)).toHaveLength(3);
    expect(drawn.svg.match(/aria-roledescription="tick"/g)).toHaveLength(2);
  });

  it('draw the history as a line over the assessments, in time order', async () => {
    const drawn = await chartSvg(
      indexHistorySpec(
        [
          { id: 'a2', series: 'Overall Index', assessment: '1 March 2027', publishedAt: '2027-03-01', score: 57.5 },
          { id: 'a1', series: 'Overall Index', assessment: '1 March 2024', publishedAt: '2024-03-01', score: 42 },
        ],
        { assessment: 'Published', score: 'Score (0–100)', series: 'Score' },
      ),
    );
    const svg = svgOf(drawn.svg);
    expect(svg.problems).toEqual([]);
    const march2024 = svg.texts.indexOf('1 March 2024');
    expect(march2024).toBeGreaterThanOrEqual(0);
    expect(march2024).toBeLessThan(svg.texts.indexOf('1 March 2027'));
  });

  it('keep two assessments published on the same day apart', async () => {
    const point = (id: string, score: number) => ({
      id,
      series: 'Overall Index',
      assessment: '1 March 2027',
      publishedAt: '2027-03-01',
      score,
    });
    const svg = svgOf(
      (await chartSvg(indexHistorySpec([point('a1', 40), point('a2', 60)], { assessment: 'Published', score: 'Score', series: 'Score' })))
        .svg,
    );
    expect(svg.texts).toEqual(expect.arrayContaining(['1 March 2027', '1 March 2027 (2)']));
  });

  it('fit the report: the network chart only from 5 cities on, the history from two assessments on', () => {
    expect(indexReportCharts(buildIndexReportModel(input(4))).map((c) => c.id)).toEqual(['index-history']);
    expect(indexReportCharts(buildIndexReportModel(input(6))).map((c) => c.id)).toEqual(['index-network', 'index-history']);
    expect(indexReportCharts(buildIndexReportModel(input(6, 1))).map((c) => c.id)).toEqual(['index-network']);
    const [network] = indexReportCharts(buildIndexReportModel(input(6)));
    expect(network.summary).toBe(
      "Testby's scores against the anonymous scores of 6 cities, on 0 to 100: above the median on 2 of 3 compared scores, at it on 0 and below it on 1.",
    );
    expect(network.table.rows).toEqual([
      ['Media', '75', '0', '50', '100'],
      ['Language', '40', '0', '50', '100'],
      ['Overall Index', '57.5', '0', '50', '100'],
    ]);
  });

  it('draw every chart of the report as valid SVG', async () => {
    for (const chart of await renderIndexReportCharts(buildIndexReportModel(input(6)))) {
      const svg = svgOf(chart.svg);
      expect(svg.problems).toEqual([]);
      expect(svg.texts).toContain('Score (0–100)');
      expect(chart.width).toBeGreaterThan(100);
    }
  });
});
