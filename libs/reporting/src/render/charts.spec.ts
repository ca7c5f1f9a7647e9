import { PlanActionStatus, PlanActionTerm } from '@peervisit/review/entities';
import { spawnSync } from 'node:child_process';
import { SaxesParser } from 'saxes';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportModel, ReportInput } from '../model/report-model';
import { sampleReportInput } from '../model/report-input.fixture';
import { CHART_TEXT, chartPng, chartSvg, planProgressChart, renderReportCharts, reportCharts } from './charts';
import { renderReportDocx } from './docx-report';
import { renderReportHtml } from './html-report';
import { renderReportPdf } from './pdf-report';

/** The fixture review, with two earlier reviews of the city, so every chart of the report is drawn. */
function input(): ReportInput {
  return {
    ...sampleReportInput(),
    cityHistory: [
      { review: 'First review of Testby', agreedAt: '2021-05-01T10:00:00.000Z', keyFactorCode: '01', rating: 1 },
      { review: 'First review of Testby', agreedAt: '2021-05-01T10:00:00.000Z', keyFactorCode: '02', rating: 2 },
      { review: 'Second review of Testby', agreedAt: '2024-05-01T10:00:00.000Z', keyFactorCode: '01', rating: 2 },
      { review: 'Second review of Testby', agreedAt: '2024-05-01T10:00:00.000Z', keyFactorCode: '02', rating: 2 },
      { review: 'Peer review of Testby', agreedAt: '2027-03-12T10:00:00.000Z', keyFactorCode: '01', rating: 1 },
      { review: 'Peer review of Testby', agreedAt: '2027-03-12T10:00:00.000Z', keyFactorCode: '02', rating: 3 },
      // Out of the report's scope: left out of the model.
      { review: 'Second review of Testby', agreedAt: '2024-05-01T10:00:00.000Z', keyFactorCode: '07', rating: 4 },
    ],
  };
}

/** What a strict, namespace-aware XML parser (saxes) finds wrong with the document: nothing for a well-formed one. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}

/** An element of a parsed document: the little of the DOM these tests ask. */
interface XmlElement {
  tagName: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): XmlElement[];
  readonly textContent: string;
}

function element(tagName: string, attributes: Record<string, string>): XmlElement {
  return {
    tagName,
    attributes,
    children: [],
    text: '',
    getAttribute(name) {
      return this.attributes[name] ?? null;
    },
    getElementsByTagName(name) {
      return this.children.flatMap((c) => [...(c.tagName === name ? [c] : []), ...c.getElementsByTagName(name)]);
    },
    get textContent() {
      return this.text + this.children.map((c) => c.textContent).join('');
    },
  };
}

/**
 * Parses XML with a strict, namespace-aware parser (saxes): any error fails the test. The elements
 * are kept as a small tree to query (a DOM library would bring the browser's types into the build).
 */
function parseXml(xml: string): { documentElement: XmlElement } & Pick<XmlElement, 'getElementsByTagName'> {
  const problems: string[] = [];
  const root = element('#document', {});
  const open: XmlElement[] = [root];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value]));
    const made = element(tag.local, attributes);
    open[open.length - 1].children.push(made);
    open.push(made);
  });
  parser.on('text', (text) => (open[open.length - 1].text += text));
  parser.on('closetag', () => void open.pop());
  parser.write(xml).close();
  expect(problems).toEqual([]);
  return { documentElement: root.children[0], getElementsByTagName: (name) => root.getElementsByTagName(name) };
}

type XmlDocument = ReturnType<typeof parseXml>;
const texts = (doc: XmlDocument) => doc.getElementsByTagName('text').map((t) => t.textContent.trim());
const byClass = (doc: XmlDocument, cls: string) =>
  doc.getElementsByTagName('g').filter((g) => (g.getAttribute('class') ?? '').split(' ').includes(cls));

/** Whatever the axis titles of the charts are, they are nowhere in the report's own text. */
const CHART_ONLY = [CHART_TEXT.ratingAxis, CHART_TEXT.evidenceAxis];

describe('the report charts', () => {
  it('fit the report: self-assessment against the team, evidence by source, and the ratings over the city reviews', () => {
    const model = buildReportModel(input());
    expect(model.ratingsHistory.map((p) => p.keyFactorCode)).not.toContain('07');
    const charts = reportCharts(model);
    expect(charts.map((c) => c.id)).toEqual(['ratings', 'evidence', 'history']);
    const [ratings, evidence, history] = charts;
    expect(ratings.summary).toBe(
      "The city's self-assessment and the review team's rating for 2 key factors, on a scale from 1 to 3: of the 1 key factor rated by both, the team rated 1 lower than the city, 0 the same and 0 higher.",
    );
    expect(ratings.table.rows).toEqual([
      ['01 Heading 1', '2 – Developing', '1 – Emerging'],
      ['02 Heading 2', '—', '3 – Established'],
    ]);
    expect(evidence.summary).toMatch(/^\d+ pieces of evidence across 2 key factors, by type of source: /);
    const total = model.keyFactors.reduce((n, k) => n + k.evidence.total, 0);
    expect(evidence.table.rows.map((r) => Number(r.at(-1))).reduce((a, b) => a + b, 0)).toBe(total);
    expect(history.table.columns).toEqual(['Key factor', 'First review of Testby', 'Second review of Testby', 'Peer review of Testby']);
    expect(history.table.rows).toEqual([
      ['01', '1', '2', '1'],
      ['02', '2', '2', '3'],
    ]);
  });

  it('leave out the history when the city has had one review, and the evidence chart when there is no evidence', () => {
    const data = input();
    data.cityHistory = data.cityHistory!.filter((p) => p.review === 'Peer review of Testby');
    data.evidence = [];
    expect(reportCharts(buildReportModel(data)).map((c) => c.id)).toEqual(['ratings']);
  });

  it('draw as valid SVG with the marks and labels of the spec', async () => {
    const model = buildReportModel(input());
    const charts = await renderReportCharts(model);
    for (const chart of charts) {
      const doc = parseXml(chart.svg);
      expect(doc.documentElement.tagName).toBe('svg');
      expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(50);
    }
    // The check itself catches a broken SVG (an unclosed root, a mismatched end tag).
    expect(xmlProblems(charts[0].svg.replace('</svg>', ''))).not.toEqual([]);
    expect(xmlProblems(charts[0].svg.replace('</text>', '</tspan>'))).not.toEqual([]);
    expect(xmlProblems(charts[0].svg.replace('>01<', '>A & B<'))).not.toEqual([]);
    const [ratings, evidence, history] = charts.map((c) => parseXml(c.svg));
    // One bar per rating given: the city's 2 on 01, the team's 1 on 01 and 3 on 02.
    const bars = byClass(ratings, 'mark-rect').flatMap((g) => g.getElementsByTagName('path'));
    expect(bars).toHaveLength(3);
    expect(texts(ratings)).toEqual(
      expect.arrayContaining([CHART_TEXT.ratingAxis, CHART_TEXT.keyFactor, CHART_TEXT.self, CHART_TEXT.team, '01', '02']),
    );
    expect(texts(evidence)).toEqual(expect.arrayContaining([CHART_TEXT.evidenceAxis, CHART_TEXT.sourceLegend, 'Interviews', 'Documents']));
    // Vega shortens a long axis label with an ellipsis (the table under the chart has the titles in full).
    expect(texts(history)).toEqual(
      expect.arrayContaining([
        CHART_TEXT.historyAxis,
        'First review of Testby',
        expect.stringMatching(/^Second review of/),
        'Peer review of Testby',
      ]),
    );
    // One line per key factor in scope.
    expect(byClass(history, 'mark-line').flatMap((g) => g.getElementsByTagName('path'))).toHaveLength(2);
  });

  it('are inline SVG in the HTML report: an image named by its text alternative, with a caption and the figures as a table', async () => {
    const model = buildReportModel(input());
    const page = await renderReportHtml(model);
    const charts = reportCharts(model);
    const figures = [...page.matchAll(/<figure class="chart" id="chart-(\w+)"[^>]*>([\s\S]*?)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['ratings', 'history', 'evidence']);
    for (const [, id, inner] of figures) {
      const chart = charts.find((c) => c.id === id)!;
      const svg = /<svg[\s\S]*<\/svg>/.exec(inner)![0];
      const root = parseXml(svg).documentElement;
      expect(root.getAttribute('role')).toBe('img');
      expect(root.getAttribute('aria-label')).toBe(chart.summary);
      expect(inner).toContain(`<figcaption><strong>${chart.title.replace(/'/g, '&#39;')}.</strong>`);
      expect(inner).toMatch(/<table><caption>[^<]+<\/caption><thead><tr><th scope="col">Key factor<\/th>/);
    }
    // The axis titles are only in the charts.
    const withoutCharts = page.replace(/<svg[\s\S]*?<\/svg>/g, '');
    for (const label of CHART_ONLY) {
      expect(page).toContain(label);
      expect(withoutCharts).not.toContain(label);
    }
  });

  it('are vectors in the PDF: their labels are in its text layer, in the embedded fonts', async () => {
    const pdf = await renderReportPdf(buildReportModel(input()));
    const run = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    const text = run.stdout.replace(/\s+/g, ' ');
    for (const label of CHART_ONLY) expect(text).toContain(label);
    expect(text).toContain('First review of Testby');
    expect(text).toContain("The city's agreed ratings across 3 reviews");
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('Helvetica');
    expect(raw).not.toMatch(/\/Subtype \/Image/);
    const same = await renderReportPdf(buildReportModel(input()));
    expect(same.equals(pdf)).toBe(true);
  });

  it('are pictures in the Word file, drawn from the same SVG, with the text alternative as alt text', async () => {
    const model = buildReportModel(input());
    const docx = await renderReportDocx(model);
    const dir = mkdtempSync(join(tmpdir(), 'charts-docx-'));
    try {
      const file = join(dir, 'report.docx');
      writeFileSync(file, docx);
      const list = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      const media = [...list.stdout.matchAll(/\s(word\/media\/\S+\.png)\s*$/gm)].map((m) => m[1]);
      expect(media).toHaveLength(3);
      const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      const rels = spawnSync('unzip', ['-p', file, 'word/_rels/document.xml.rels'], { encoding: 'utf8' }).stdout;
      const unescape = (v: string) =>
        v
          .replace(/&apos;|&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      const pictures = [...xml.matchAll(/<wp:docPr\b([^>]*)\/?>/g)].map((m) =>
        Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, unescape(v)])),
      );
      expect(pictures.map((p) => [p.title, p.descr])).toEqual(
        ['ratings', 'history', 'evidence'].map((id) => {
          const chart = reportCharts(model).find((c) => c.id === id)!;
          return [chart.title, chart.summary];
        }),
      );
      // Each picture points at one of the PNGs.
      const embeds = [...xml.matchAll(/<a:blip r:embed="([^"]+)"/g)].map((m) => m[1]);
      expect(embeds).toHaveLength(3);
      for (const id of embeds) expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="media/[^"]+\\.png"`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders the PNG at twice the size of the SVG, with the chart text drawn', async () => {
    const [chart] = await renderReportCharts(buildReportModel(input()));
    const png = await chartPng(chart.svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(Math.round(chart.width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.round(chart.height * 2));
    // Without fonts resvg leaves text out; with them, a picture with its labels is much larger than its bars alone.
    const withoutText = await chartPng(chart.svg.replace(/<text[\s\S]*?<\/text>/g, ''));
    expect(png.length).toBeGreaterThan(withoutText.length * 1.3);
  });
});

/** The fixture review with the network's distribution on its key factors (as the loader gives it: 5 cities or more). */
function withNetwork(): ReportInput {
  return {
    ...sampleReportInput(),
    networkDistribution: {
      minCities: 5,
      keyFactors: [
        {
          keyFactorCode: '01',
          cities: 7,
          ratings: [
            { rating: 3, count: 2 },
            { rating: 1, count: 4 },
            { rating: 2, count: 1 },
          ],
          cityRating: 1,
        },
        { keyFactorCode: '02', cities: 5, ratings: [{ rating: 2, count: 5 }], cityRating: null },
        // Out of the report's scope: left out.
        { keyFactorCode: '07', cities: 9, ratings: [{ rating: 1, count: 9 }], cityRating: 1 },
      ],
    },
  };
}

describe("the network's distribution chart, with this city marked", () => {
  it('is in the report when the loader gave key factors in scope, with the city among the counts, as a sentence and a table', () => {
    const model = buildReportModel(withNetwork());
    expect(model.networkDistribution?.keyFactors.map((k) => k.keyFactorCode)).toEqual(['01', '02']);
    const chart = reportCharts(model).find((c) => c.id === 'network')!;
    expect(chart.title).toBe("How the network's cities were rated, per key factor, with Testby marked");
    expect(chart.summary).toBe(
      'The agreed ratings of at least 5 cities of the network on 2 key factors, each counted once with its latest review, Testby included: ' +
        "on 1 key factor rated in this review, Testby is above the network's middle rating on 0, at it on 1 and below it on 0. " +
        'Key factors that fewer than 5 cities rated are left out, so that no city can be recognised.',
    );
    expect(chart.table.columns).toEqual(['Key factor', 'Cities', '1 Emerging', '2 Developing', '3 Established', 'Testby']);
    expect(chart.table.rows).toEqual([
      ['01 Heading 1', '7', '4', '1', '2', '1'],
      ['02 Heading 2', '5', '0', '5', '0', '—'],
    ]);
  });

  it('is left out when no key factor in scope has enough cities, even if an input says otherwise', () => {
    const none = { ...sampleReportInput(), networkDistribution: { minCities: 5, keyFactors: [] } };
    expect(buildReportModel(none).networkDistribution).toBeNull();
    expect(reportCharts(buildReportModel(none)).map((c) => c.id)).not.toContain('network');
    const four = withNetwork();
    four.networkDistribution!.keyFactors = four.networkDistribution!.keyFactors.map((k) => ({ ...k, cities: 4 }));
    expect(buildReportModel(four).networkDistribution).toBeNull();
    expect(buildReportModel(sampleReportInput()).networkDistribution).toBeNull();
  });

  it('draws a cell per key factor and level with its count, and one outline on the city’s rating', async () => {
    const model = buildReportModel(withNetwork());
    const chart = (await renderReportCharts(model)).find((c) => c.id === 'network')!;
    const doc = parseXml(chart.svg);
    expect(doc.documentElement.tagName).toBe('svg');
    const layer = (n: number) =>
      doc
        .getElementsByTagName('g')
        .filter((g) => (g.getAttribute('class') ?? '').includes(`layer_${n}_marks`))
        .flatMap((g) => g.children);
    // 2 key factors × 3 levels, zero cells included.
    expect(layer(0)).toHaveLength(6);
    // The counts written in the cells: 01 has 4, 1 and 2; 02 has 0, 5 and 0.
    expect(
      layer(1)
        .map((t) => t.textContent.trim())
        .sort(),
    ).toEqual(['0', '0', '1', '2', '4', '5']);
    expect(texts(doc)).toEqual(expect.arrayContaining([CHART_TEXT.networkAxis, CHART_TEXT.networkLegend, 'Testby', '4', '5']));
    // Each level's value and label, on two lines.
    expect(doc.getElementsByTagName('tspan').map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['1', 'Emerging', '2', 'Developing', '3', 'Established']),
    );
    // Testby rated 01 only: one outline.
    expect(layer(2)).toHaveLength(1);
  });

  it('is in the HTML (inline SVG with its text alternative), in the PDF text layer, and a picture in Word', async () => {
    const model = buildReportModel(withNetwork());
    const chart = reportCharts(model).find((c) => c.id === 'network')!;
    const page = await renderReportHtml(model);
    const figures = [...page.matchAll(/<figure class="chart" id="chart-(\w+)"[^>]*>([\s\S]*?)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['ratings', 'network', 'evidence']);
    const inner = figures[1][2];
    const root = parseXml(/<svg[\s\S]*<\/svg>/.exec(inner)![0]).documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toBe(chart.summary);
    expect(inner).toContain('<th scope="col">Testby</th>');

    const pdf = await renderReportPdf(model);
    const run = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(CHART_TEXT.networkAxis);
    expect(text).toContain(CHART_TEXT.networkLegend);
    expect(text).toContain(chart.title);

    const dir = mkdtempSync(join(tmpdir(), 'charts-docx-'));
    try {
      const file = join(dir, 'report.docx');
      writeFileSync(file, await renderReportDocx(model));
      const list = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
      expect([...list.stdout.matchAll(/\s(word\/media\/\S+\.png)\s*$/gm)]).toHaveLength(3);
      const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      expect(xml).toContain('name="chart-network"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the development plan's progress chart", () => {
  const points = [
    { date: '2027-05-02', progress: 0 },
    { date: '2027-06-14', progress: 25 },
    { date: '2027-09-30', progress: 62.5 },
  ];
  const series = [
    {
      name: 'R1',
      points: [
        { date: '2027-05-02', progress: 0 },
        { date: '2027-09-30', progress: 100 },
      ],
    },
    {
      name: 'R2',
      points: [
        { date: '2027-06-14', progress: 50 },
        { date: '2027-09-30', progress: 25 },
      ],
    },
  ];

  it('needs two days of changes; says where the plan went, as a sentence and a table', () => {
    expect(planProgressChart(points.slice(0, 1))).toBeNull();
    const chart = planProgressChart(points, series)!;
    expect(chart.summary).toBe(
      "The development plan's progress on the 3 days it changed, from 0 % on 2 May 2027 to 62.5 % on 30 September 2027.",
    );
    expect(chart.table.columns).toEqual(['Day', 'The whole plan', 'R1', 'R2']);
    expect(chart.table.rows).toEqual([
      ['2 May 2027', '0 %', '0 %', '—'],
      ['14 June 2027', '25 %', '0 %', '50 %'],
      ['30 September 2027', '62.5 %', '100 %', '25 %'],
    ]);
  });

  it('draws as valid SVG: a line for the plan and one per recommendation, on a 0 to 100 axis, with its labels', async () => {
    const drawn = await chartSvg(planProgressChart(points, series)!.spec);
    const doc = parseXml(drawn.svg);
    expect(doc.documentElement.tagName).toBe('svg');
    expect(byClass(doc, 'mark-line').flatMap((g) => g.getElementsByTagName('path'))).toHaveLength(3);
    expect(texts(doc)).toEqual(expect.arrayContaining([CHART_TEXT.planAxis, CHART_TEXT.day, CHART_TEXT.plan, 'R1', 'R2', '0', '100']));
    // The days as written, whatever the machine's time zone.
    expect(texts(doc)).toEqual(expect.arrayContaining([expect.stringMatching(/^2027-0[5-9]-\d\d$/)]));
    const alone = parseXml((await chartSvg(planProgressChart(points)!.spec)).svg);
    expect(byClass(alone, 'mark-line').flatMap((g) => g.getElementsByTagName('path'))).toHaveLength(1);
    // One line, no legend.
    expect(texts(alone)).not.toContain(CHART_TEXT.plan);
  });

  it('renders to a PNG for Word', async () => {
    const drawn = await chartSvg(planProgressChart(points, series)!.spec);
    const png = await chartPng(drawn.svg);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});

/** The fixture review with a development plan on two accepted recommendations, changed on three days. */
function withPlan(): ReportInput {
  const base = sampleReportInput();
  const action = (id: string, recommendationId: string) => ({
    id,
    recommendationId,
    description: `Action ${id}`,
    owner: 'Integration office',
    startsOn: '2027-05-01',
    dueOn: '2027-12-31',
    term: PlanActionTerm.QUICK_WIN,
    status: PlanActionStatus.UNDER_WAY,
    dropReason: null,
    progress: 50,
    weight: 1,
    createdAt: '2027-05-01T08:00:00.000Z',
  });
  const change = (actionId: string, progress: number, changedAt: string) => ({
    actionId,
    status: progress === 100 ? PlanActionStatus.DONE : PlanActionStatus.UNDER_WAY,
    progress,
    weight: 1,
    changedAt,
  });
  return {
    ...base,
    recommendations: base.recommendations.map((r) => ({ ...r, hostResponse: r.id === 'r-low' ? 'NOTED' : 'ACCEPTED' })),
    plan: {
      actions: [action('a-1', 'r-high-quick'), action('a-2', 'r-high-long')],
      changes: [
        change('a-1', 0, '2027-05-01T08:00:00.000Z'),
        change('a-2', 0, '2027-05-01T09:00:00.000Z'),
        change('a-1', 50, '2027-06-14T10:00:00.000Z'),
        change('a-2', 100, '2027-09-30T10:00:00.000Z'),
      ],
    },
  };
}

describe("the development plan's progress in the report", () => {
  it('is a chart beside the plan in HTML, PDF (text layer) and Word (a picture), a line per recommendation', async () => {
    const model = buildReportModel(withPlan());
    expect(model.planProgress.map((p) => p.date)).toEqual(['2027-05-01', '2027-06-14', '2027-09-30']);
    const chart = reportCharts(model).find((c) => c.id === 'plan')!;
    expect(chart.table.columns).toEqual(['Day', 'The whole plan', 'R1', 'R2']);
    const svg = parseXml((await chartSvg(chart.spec)).svg);
    expect(byClass(svg, 'mark-line').flatMap((g) => g.getElementsByTagName('path'))).toHaveLength(3);

    const page = await renderReportHtml(model);
    const figures = [...page.matchAll(/<figure class="chart" id="chart-(\w+)"[^>]*>([\s\S]*?)<\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['ratings', 'evidence', 'plan']);
    // Right after the plan's section, before the annex.
    expect(page.indexOf('id="chart-plan"')).toBeGreaterThan(page.indexOf('id="plan"'));
    expect(page.indexOf('id="chart-plan"')).toBeLessThan(page.indexOf('id="annex"'));
    const root = parseXml(/<svg[\s\S]*<\/svg>/.exec(figures[2][2])![0]).documentElement;
    expect(root.getAttribute('aria-label')).toBe(chart.summary);

    const pdf = await renderReportPdf(model);
    const text = spawnSync('pdftotext', ['-layout', '-', '-'], {
      input: pdf,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain(CHART_TEXT.planAxis);
    expect(text).toContain(chart.summary.slice(0, 60));

    const dir = mkdtempSync(join(tmpdir(), 'charts-docx-'));
    try {
      const file = join(dir, 'report.docx');
      writeFileSync(file, await renderReportDocx(model));
      const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
      expect(xml).toContain('name="chart-plan"');
      const list = spawnSync('unzip', ['-l', file], { encoding: 'utf8' }).stdout;
      expect([...list.matchAll(/\s(word\/media\/\S+\.png)\s*$/gm)]).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the charts in the report’s language', () => {
  it('have their titles, sentences, tables and labels in French and German, the figures unchanged', async () => {
    for (const [language, axis, title] of [
      ['fr', 'Note sur l’échelle du référentiel', 'Les notes des villes du réseau, par facteur clé, Testby mise en évidence'],
      [
        'de',
        'Bewertung auf der Skala des Benchmarks',
        'Wie die Städte des Netzwerks je Schlüsselfaktor bewertet wurden, Testby hervorgehoben',
      ],
    ] as const) {
      const model = buildReportModel({ ...withNetwork(), cityHistory: input().cityHistory }, language);
      const charts = reportCharts(model);
      const english = reportCharts(buildReportModel({ ...withNetwork(), cityHistory: input().cityHistory }));
      expect(charts.map((c) => c.id)).toEqual(english.map((c) => c.id));
      expect(charts.find((c) => c.id === 'network')!.title).toBe(title);
      for (const [i, chart] of charts.entries()) {
        expect(chart.title).not.toBe(english[i].title);
        expect(chart.summary).not.toBe(english[i].summary);
        // The same figures: the numbers of the table's cells.
        expect(chart.table.rows.map((r) => r.slice(1).filter((c) => /^\d+$/.test(c)))).toEqual(
          english[i].table.rows.map((r) => r.slice(1).filter((c) => /^\d+$/.test(c))),
        );
      }
      const ratings = parseXml((await chartSvg(charts[0].spec)).svg);
      expect(texts(ratings)).toContain(axis);
    }
  });
});
