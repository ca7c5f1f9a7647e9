import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportModel } from '../model/report-model';
import { chartPng, RenderedChart, renderReportCharts } from './charts';
import {
  bulletsOf,
  CONTENTS,
  creditSource,
  DOCUMENT_TYPE_LABEL,
  HORIZON_LABEL,
  paragraphsOf,
  PRIORITY_LABEL,
  programmeRow,
  ratingText,
  RECOMMENDATION_TABLE_HEADER,
  recommendationLine,
  SOURCE_LABEL,
  sourcesLines,
  STANCE_LABEL,
  visitText,
} from './report-text';

type Block = Paragraph | Table;

const FONT = 'DejaVu Sans';
const HEADER_FILL = 'E8EEF4';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };

const runsOf = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));

const p = (
  text: string,
  options: { bold?: boolean; italics?: boolean; muted?: boolean; pageBreakBefore?: boolean; indent?: boolean } = {},
) =>
  new Paragraph({
    children: runsOf(text, { bold: options.bold, italics: options.italics, color: options.muted ? '555555' : undefined }),
    pageBreakBefore: options.pageBreakBefore,
    indent: options.indent ? { left: 567 } : undefined,
    spacing: { after: 120 },
  });

const heading = (text: string, level: 1 | 2 | 3 | 4, pageBreakBefore = false) =>
  new Paragraph({
    text,
    heading: { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 }[level],
    pageBreakBefore,
    keepNext: true,
  });

const paras = (text: string | null | undefined, empty = 'Not provided.'): Paragraph[] => {
  const blocks = paragraphsOf(text);
  return blocks.length ? blocks.map((b) => p(b)) : [p(empty, { italics: true, muted: true })];
};

const bullets = (items: string[], empty = 'Not provided.'): Paragraph[] =>
  items.length
    ? items.map((text) => new Paragraph({ children: runsOf(text), bullet: { level: 0 } }))
    : [p(empty, { italics: true, muted: true })];

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true, spacing: { before: 120, after: 60 } });

/** A real Word table: the header row is marked as such (Word repeats it on each page) and rows do not split. */
function table(columns: { header: string; weight: number }[], rows: string[][], opts: { firstColumnBold?: boolean } = {}): Table {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => Math.round((c.weight / total) * 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ children: runsOf(text, { bold: header || (opts.firstColumnBold && i === 0) }), keepNext: header })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

const spacer = () => new Paragraph({ text: '' });

/** A chart, as a PNG of the same SVG the HTML and PDF show, and its text alternative. */
interface Figure {
  chart: RenderedChart;
  png: Buffer;
}

/** The text width of the page (A4 less the margins), in CSS pixels (96 to the inch). */
const TEXT_WIDTH_PX = Math.floor(((11906 - 2 * 1134) / 1440) * 96);

/** A chart as an inline picture whose alt text is the chart's text alternative, then its caption. */
const figure = (f: Figure | undefined): Paragraph[] => {
  if (!f) return [];
  const width = Math.min(TEXT_WIDTH_PX, f.chart.width);
  const height = Math.round((f.chart.height / f.chart.width) * width);
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: f.png,
          transformation: { width, height },
          altText: { name: `chart-${f.chart.id}`, title: f.chart.title, description: f.chart.summary },
        }),
      ],
    }),
    p(`${f.chart.title}. ${f.chart.summary}`, { italics: true, muted: true }),
  ];
};

function body(model: ReportModel, figures: Figure[] = []): Block[] {
  const chart = (id: RenderedChart['id']) => figures.find((f) => f.chart.id === id);
  const { cover, executiveSummary: summary, method, context, keyFactors, recommendationTable, annex, credit } = model;
  const out: Block[] = [];

  // Cover
  out.push(
    p(`${cover.reviewKindLabel} report`, { muted: true }),
    new Paragraph({ text: `${cover.hostCity.name}: follow-up report`, heading: HeadingLevel.TITLE }),
    p(cover.title),
  );
  for (const [name, value] of [
    ['Host city', `${cover.hostCity.name} (${cover.hostCity.country})`],
    ['Benchmark', `${cover.benchmark.title} (${cover.benchmark.code}, version ${cover.benchmark.version})`],
    ['Kind of review', cover.reviewKindLabel],
    ['Visit', visitText(cover.visit)],
  ])
    out.push(new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)], spacing: { after: 80 } }));
  out.push(heading('The review team', 2));
  if (cover.team.length)
    out.push(
      caption('Members of the review team'),
      table(
        [
          { header: 'Name', weight: 2 },
          { header: 'Role', weight: 1.5 },
          { header: 'City', weight: 1.5 },
        ],
        cover.team.map((m) => [m.name, m.role, m.city ?? '—']),
      ),
    );
  else out.push(p('No team recorded.', { italics: true, muted: true }));

  // Contents
  out.push(heading('Contents', 1, true), ...CONTENTS.map((title, i) => p(`${i + 1}. ${title}`)));

  // Executive summary
  out.push(
    heading('Executive summary', 1, true),
    caption('Key factors and their ratings'),
    table(
      [
        { header: 'Key factor', weight: 1 },
        { header: 'Heading', weight: 4 },
        { header: 'Rating', weight: 2 },
      ],
      summary.keyFactors.map((k) => [k.code, k.heading, ratingText(k.rating)]),
      { firstColumnBold: true },
    ),
  );
  if (summary.ratingScale.length)
    out.push(
      caption('Rating scale'),
      table(
        [
          { header: 'Rating', weight: 1 },
          { header: 'Label', weight: 2 },
          { header: 'Meaning', weight: 4 },
        ],
        summary.ratingScale.map((l) => [String(l.value), l.label, l.description]),
        { firstColumnBold: true },
      ),
    );
  out.push(...figure(chart('ratings')), ...figure(chart('history')));
  out.push(
    heading('High-priority recommendations', 2),
    ...bullets(summary.highPriorityRecommendations.map(recommendationLine), 'No high-priority recommendations.'),
  );

  // Method
  out.push(
    heading('Method', 1, true),
    ...paras(method.description),
    heading("The benchmark's standard", 2),
    ...paras(method.standard),
    heading('Sources', 2),
    ...bullets(sourcesLines(method.sources)),
    ...figure(chart('evidence')),
  );
  if (method.sources.stakeholderCategories.length)
    out.push(
      caption('Stakeholders met, by category'),
      table(
        [
          { header: 'Category', weight: 3 },
          { header: 'People met', weight: 1 },
        ],
        method.sources.stakeholderCategories.map((c) => [c.label, String(c.count)]),
      ),
    );
  if (method.sources.documents.length)
    out.push(
      caption('Documents consulted'),
      table(
        [
          { header: 'Title', weight: 3 },
          { header: 'Type', weight: 1 },
        ],
        method.sources.documents.map((d) => [d.title, DOCUMENT_TYPE_LABEL[d.type] ?? d.type]),
      ),
    );
  if (method.sources.namedStakeholders.length)
    out.push(
      heading('People who agreed to be named', 3),
      ...bullets(method.sources.namedStakeholders.map((s) => [s.name, s.position, s.organisation].filter(Boolean).join(', '))),
    );

  // Context
  out.push(heading("The city's context", 1, true));
  if (!context.length) out.push(p('No context factors.', { italics: true, muted: true }));
  for (const c of context) out.push(heading(`${c.code} ${c.name}`, 2), ...paras(c.note, 'The city wrote no note on this factor.'));

  // Findings
  out.push(heading('Findings by key factor', 1, true));
  keyFactors.forEach((k, i) => {
    out.push(heading(`Key factor ${k.code}: ${k.heading}`, 2, i > 0), p(k.statement, { italics: true }));
    out.push(heading('What the self-assessment said', 3));
    if (k.selfAssessment)
      out.push(
        p(`The city's own rating: ${ratingText(k.selfAssessment.rating)}${k.selfAssessment.submitted ? '' : ' (draft)'}.`),
        ...paras(k.selfAssessment.narrative),
      );
    else out.push(p('No self-assessment entry.', { italics: true, muted: true }));
    out.push(
      heading('The evidence in summary', 3),
      caption(`Evidence on key factor ${k.code} (${k.evidence.total} items)`),
      table(
        [
          { header: 'Source', weight: 3 },
          { header: 'Items', weight: 1 },
        ],
        k.evidence.bySource.map((s) => [SOURCE_LABEL[s.source] ?? s.source, String(s.count)]),
        { firstColumnBold: true },
      ),
      caption(`Evidence on key factor ${k.code} by stance`),
      table(
        [
          { header: 'Stance', weight: 3 },
          { header: 'Items', weight: 1 },
        ],
        k.evidence.byStance.map((s) => [STANCE_LABEL[s.stance] ?? s.stance, String(s.count)]),
        { firstColumnBold: true },
      ),
    );
    for (const q of k.evidence.quotes) out.push(p(`“${q.text}”`, { indent: true }), p(`— ${q.attribution}`, { indent: true, muted: true }));
    out.push(heading('Conclusion', 3));
    if (k.conclusion)
      out.push(
        p(`Rating: ${ratingText(k.conclusion.rating)}`, { bold: true }),
        ...paras(k.conclusion.summary),
        heading('Strengths', 4),
        ...bullets(bulletsOf(k.conclusion.strengths)),
        heading('Areas to develop', 4),
        ...bullets(bulletsOf(k.conclusion.areasToDevelop)),
      );
    else out.push(p('No agreed conclusion.', { italics: true, muted: true }));
    out.push(
      heading('Recommendations', 3),
      ...bullets(k.recommendations.map(recommendationLine), 'No recommendations on this key factor.'),
    );
    out.push(
      heading('Related good practices', 3),
      ...bullets(
        k.goodPractices.map(
          (g) => `${g.city}: ${g.text}${g.referencedByRecommendations.length ? ` (see ${g.referencedByRecommendations.join(', ')})` : ''}`,
        ),
        'The benchmark gives no city examples for this key factor.',
      ),
    );
  });

  // Recommendations table
  out.push(
    heading('Recommendations by priority and horizon', 1, true),
    caption('Every recommendation, by priority and horizon'),
    table(
      RECOMMENDATION_TABLE_HEADER.map((header, i) => ({ header, weight: [1, 1.2, 5, 1.2][i] })),
      recommendationTable.flatMap((cell) =>
        cell.recommendations.map((r) => [
          PRIORITY_LABEL[cell.priority],
          HORIZON_LABEL[cell.horizon],
          `${r.ref} ${r.text}`,
          r.keyFactorCodes.join(', '),
        ]),
      ),
    ),
  );

  // Annex
  out.push(heading('Annex: the visit programme', 1, true));
  if (annex.programme.length)
    out.push(
      caption("Sessions held (times in the host city's time zone)"),
      table(
        [
          { header: 'When', weight: 1.6 },
          { header: 'Session', weight: 3 },
          { header: 'Key factors', weight: 1.1 },
          { header: 'Stakeholders met', weight: 2.3 },
        ],
        annex.programme.map(programmeRow),
      ),
    );
  else out.push(p('No sessions were held.', { italics: true, muted: true }));

  // Credits
  out.push(spacer(), heading('Credits', 1), ...paras(credit.attribution), p(creditSource(credit)));
  return out;
}

/** The whole report as a Word document: real headings, tables with repeating header rows, bullet lists, charts as pictures. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const figures: Figure[] = [];
  for (const chart of await renderReportCharts(model)) figures.push({ chart, png: await chartPng(chart.svg) });
  const title = `${model.cover.hostCity.name}: follow-up report`;
  const doc = new Document({
    title,
    subject: model.cover.title,
    creator: 'PeerVisit',
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${title} · Page `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: ' of ', size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: body(model, figures),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
