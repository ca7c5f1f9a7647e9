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
import { bulletsOf, paragraphsOf, reportText } from './report-text';
import { PLAN_TABLE_WEIGHTS, planIntro, planRecommendationHeading, planRows, planTableHeader, planTitle } from './plan-section';

export type Block = Paragraph | Table;

const FONT = 'DejaVu Sans';
const HEADER_FILL = 'E8EEF4';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };

export const runsOf = (text: string, options: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
  text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));

export const p = (
  text: string,
  options: { bold?: boolean; italics?: boolean; muted?: boolean; pageBreakBefore?: boolean; indent?: boolean } = {},
) =>
  new Paragraph({
    children: runsOf(text, { bold: options.bold, italics: options.italics, color: options.muted ? '555555' : undefined }),
    pageBreakBefore: options.pageBreakBefore,
    indent: options.indent ? { left: 567 } : undefined,
    spacing: { after: 120 },
  });

export const heading = (text: string, level: 1 | 2 | 3 | 4, pageBreakBefore = false) =>
  new Paragraph({
    text,
    heading: { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 }[level],
    pageBreakBefore,
    keepNext: true,
  });

export const paras = (text: string | null | undefined, empty = 'Not provided.'): Paragraph[] => {
  const blocks = paragraphsOf(text);
  return blocks.length ? blocks.map((b) => p(b)) : [p(empty, { italics: true, muted: true })];
};

export const bullets = (items: string[], empty = 'Not provided.'): Paragraph[] =>
  items.length
    ? items.map((text) => new Paragraph({ children: runsOf(text), bullet: { level: 0 } }))
    : [p(empty, { italics: true, muted: true })];

export const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true, spacing: { before: 120, after: 60 } });

/** A real Word table: the header row is marked as such (Word repeats it on each page) and rows do not split. */
export function table(columns: { header: string; weight: number }[], rows: string[][], opts: { firstColumnBold?: boolean } = {}): Table {
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

export const spacer = () => new Paragraph({ text: '' });

/** A chart, as a PNG of the same SVG the HTML and PDF show, and its text alternative. */
export interface Figure {
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

/** The chart picture under its name for other reports (the html renderer has its own `figure`). */
export { figure as docxFigure };

function body(model: ReportModel, figures: Figure[] = []): Block[] {
  const chart = (id: RenderedChart['id']) => figures.find((f) => f.chart.id === id);
  const { cover, executiveSummary: summary, method, context, keyFactors, recommendationTable, annex, credit } = model;
  const out: Block[] = [];
  const T = reportText(model.language);
  const t = T.t;
  const parasIn = (text: string | null | undefined, empty = t('notProvided')) => paras(text, empty);
  const bulletsIn = (items: string[], empty = t('notProvided')) => bullets(items, empty);

  // Cover
  out.push(
    p(t('cover.kindReport', { kind: cover.reviewKindLabel }), { muted: true }),
    new Paragraph({ text: t('title', { name: cover.hostCity.name }), heading: HeadingLevel.TITLE }),
    p(cover.title),
  );
  for (const [name, value] of [
    [t('cover.hostCity'), `${cover.hostCity.name} (${cover.hostCity.country})`],
    [
      t('cover.benchmark'),
      t('cover.benchmarkValue', { title: cover.benchmark.title, code: cover.benchmark.code, version: cover.benchmark.version }),
    ],
    [t('cover.kind'), cover.reviewKindLabel],
    [t('cover.visit'), T.visitText(cover.visit)],
  ])
    out.push(new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(value)], spacing: { after: 80 } }));
  out.push(heading(t('team.heading'), 2));
  if (cover.team.length)
    out.push(
      caption(t('team.caption')),
      table(
        [
          { header: t('col.name'), weight: 2 },
          { header: t('col.role'), weight: 1.5 },
          { header: t('col.city'), weight: 1.5 },
        ],
        cover.team.map((m) => [m.name, m.role, m.city ?? '—']),
      ),
    );
  else out.push(p(t('team.none'), { italics: true, muted: true }));

  // Contents
  out.push(heading(t('contents'), 1, true), ...T.contents.map((title, i) => p(`${i + 1}. ${title}`)));

  // Executive summary
  out.push(
    heading(t('section.summary'), 1, true),
    caption(t('summary.ratingsCaption')),
    table(
      [
        { header: t('col.keyFactor'), weight: 1 },
        { header: t('col.heading'), weight: 4 },
        { header: t('col.rating'), weight: 2 },
      ],
      summary.keyFactors.map((k) => [k.code, k.heading, T.ratingText(k.rating)]),
      { firstColumnBold: true },
    ),
  );
  if (summary.ratingScale.length)
    out.push(
      caption(t('summary.scaleCaption')),
      table(
        [
          { header: t('col.rating'), weight: 1 },
          { header: t('col.label'), weight: 2 },
          { header: t('col.meaning'), weight: 4 },
        ],
        summary.ratingScale.map((l) => [String(l.value), l.label, l.description]),
        { firstColumnBold: true },
      ),
    );
  out.push(...figure(chart('ratings')), ...figure(chart('history')), ...figure(chart('network')));
  out.push(
    heading(t('summary.highPriority'), 2),
    ...bulletsIn(
      summary.highPriorityRecommendations.map((r) => T.recommendationLine(r)),
      t('summary.noHighPriority'),
    ),
  );

  // Method
  out.push(
    heading(t('section.method'), 1, true),
    ...parasIn(method.description),
    heading(t('method.standard'), 2),
    ...parasIn(method.standard),
    heading(t('method.sources'), 2),
    ...bulletsIn(T.sourcesLines(method.sources)),
    ...figure(chart('evidence')),
  );
  if (method.sources.stakeholderCategories.length)
    out.push(
      caption(t('method.categoriesCaption')),
      table(
        [
          { header: t('col.category'), weight: 3 },
          { header: t('col.peopleMet'), weight: 1 },
        ],
        method.sources.stakeholderCategories.map((c) => [c.label, String(c.count)]),
      ),
    );
  if (method.sources.documents.length)
    out.push(
      caption(t('method.documentsCaption')),
      table(
        [
          { header: t('col.title'), weight: 3 },
          { header: t('col.type'), weight: 1 },
        ],
        method.sources.documents.map((d) => [d.title, T.label('docType', d.type)]),
      ),
    );
  if (method.sources.namedStakeholders.length)
    out.push(
      heading(t('method.named'), 3),
      ...bulletsIn(method.sources.namedStakeholders.map((s) => [s.name, s.position, s.organisation].filter(Boolean).join(', '))),
    );

  // Context
  out.push(heading(t('section.context'), 1, true));
  if (!context.length) out.push(p(t('context.none'), { italics: true, muted: true }));
  for (const c of context) out.push(heading(`${c.code} ${c.name}`, 2), ...parasIn(c.note, t('context.noNote')));

  // Findings
  out.push(heading(t('section.findings'), 1, true));
  keyFactors.forEach((k, i) => {
    out.push(heading(t('kf.heading', { code: k.code, heading: k.heading }), 2, i > 0), p(k.statement, { italics: true }));
    out.push(heading(t('kf.selfAssessment'), 3));
    if (k.selfAssessment)
      out.push(
        p(t(k.selfAssessment.submitted ? 'kf.ownRating' : 'kf.ownRatingDraft', { rating: T.ratingText(k.selfAssessment.rating) })),
        ...parasIn(k.selfAssessment.narrative),
      );
    else out.push(p(t('kf.noSelfAssessment'), { italics: true, muted: true }));
    out.push(
      heading(t('kf.evidence'), 3),
      caption(t('kf.evidenceCaption', { code: k.code, count: k.evidence.total })),
      table(
        [
          { header: t('col.source'), weight: 3 },
          { header: t('col.items'), weight: 1 },
        ],
        k.evidence.bySource.map((s) => [T.label('source', s.source), String(s.count)]),
        { firstColumnBold: true },
      ),
      caption(t('kf.stanceCaption', { code: k.code })),
      table(
        [
          { header: t('col.stance'), weight: 3 },
          { header: t('col.items'), weight: 1 },
        ],
        k.evidence.byStance.map((s) => [T.label('stance', s.stance), String(s.count)]),
        { firstColumnBold: true },
      ),
    );
    for (const q of k.evidence.quotes) out.push(p(`“${q.text}”`, { indent: true }), p(`— ${q.attribution}`, { indent: true, muted: true }));
    out.push(heading(t('kf.conclusion'), 3));
    if (k.conclusion)
      out.push(
        p(t('kf.rating', { rating: T.ratingText(k.conclusion.rating) }), { bold: true }),
        ...parasIn(k.conclusion.summary),
        heading(t('kf.strengths'), 4),
        ...bulletsIn(bulletsOf(k.conclusion.strengths)),
        heading(t('kf.areas'), 4),
        ...bulletsIn(bulletsOf(k.conclusion.areasToDevelop)),
      );
    else out.push(p(t('kf.noConclusion'), { italics: true, muted: true }));
    out.push(
      heading(t('section.recommendations'), 3),
      ...bulletsIn(
        k.recommendations.map((r) => T.recommendationLine(r)),
        t('kf.noRecommendations'),
      ),
    );
    out.push(
      heading(t('kf.goodPractices'), 3),
      ...bulletsIn(
        k.goodPractices.map(
          (g) =>
            `${g.city}: ${g.text}${g.referencedByRecommendations.length ? ` ${t('kf.seeRecommendations', { refs: g.referencedByRecommendations.join(', ') })}` : ''}`,
        ),
        t('kf.noExamples'),
      ),
    );
  });

  // Recommendations table
  out.push(
    heading(t('section.recommendationsLong'), 1, true),
    caption(t('recs.caption')),
    table(
      T.recommendationTableHeader.map((header, i) => ({ header, weight: [1, 1.2, 5, 1.2][i] })),
      recommendationTable.flatMap((cell) =>
        cell.recommendations.map((r) => [
          T.label('priority', cell.priority),
          T.label('horizon', cell.horizon),
          `${r.ref} ${r.text}`,
          r.keyFactorCodes.join(', '),
        ]),
      ),
    ),
  );

  // The development plan
  if (model.plan) {
    const language = model.language;
    out.push(heading(planTitle(language), 2), p(planIntro(model.plan, language)), ...figure(chart('plan')));
    for (const r of model.plan.recommendations)
      out.push(
        heading(planRecommendationHeading(r, language), 3),
        table(
          planTableHeader(language).map((header, i) => ({ header, weight: PLAN_TABLE_WEIGHTS[i] })),
          planRows(r, language),
        ),
      );
  }

  // Annex
  out.push(heading(t('section.annex'), 1, true));
  if (annex.programme.length)
    out.push(
      caption(t('annex.caption')),
      table(
        [
          { header: t('col.when'), weight: 1.6 },
          { header: t('col.session'), weight: 3 },
          { header: t('col.keyFactors'), weight: 1.1 },
          { header: t('col.stakeholdersMet'), weight: 2.3 },
        ],
        annex.programme.map((s) => T.programmeRow(s)),
      ),
    );
  else out.push(p(t('annex.none'), { italics: true, muted: true }));

  // Credits
  out.push(spacer(), heading(t('section.credits'), 1), ...parasIn(credit.attribution), p(T.creditSource(credit)));
  return out;
}

/** The whole report as a Word document: real headings, tables with repeating header rows, bullet lists, charts as pictures. */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const figures: Figure[] = [];
  for (const chart of await renderReportCharts(model)) figures.push({ chart, png: await chartPng(chart.svg) });
  const T = reportText(model.language);
  return docxBytes(
    { language: model.language, title: T.t('title', { name: model.cover.hostCity.name }), subject: model.cover.title },
    body(model, figures),
  );
}

/** A Word document of A4 pages in DejaVu Sans, in the report's language, with the title and page numbers in the footer. */
export function docxBytes(meta: { language: string | undefined; title: string; subject: string }, children: Block[]): Promise<Buffer> {
  const T = reportText(meta.language);
  const title = meta.title;
  const doc = new Document({
    title,
    subject: meta.subject,
    creator: 'PeerVisit',
    // The document's language, so Word checks spelling and reads it aloud in it.
    styles: { default: { document: { run: { font: FONT, size: 21, language: { value: T.locale } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  // "Page {page} of {pages}" with Word's own page fields where the catalogue puts the numbers.
                  ...pageFooter(title, T.t('page', { page: '\u0001', pages: '\u0002' })),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The footer's runs: the title, then the page phrase with Word's PAGE and NUMPAGES fields in place of its markers. */
function pageFooter(title: string, phrase: string): TextRun[] {
  return [`${title} · `, ...phrase.split(/(\u0001|\u0002)/)]
    .filter((part) => part)
    .map((part) =>
      part === '\u0001'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 16 })
        : part === '\u0002'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 })
          : new TextRun({ text: part, size: 16 }),
    );
}
