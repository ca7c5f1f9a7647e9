import { Block, bullets, caption, docxBytes, docxFigure, Figure, heading, p, table } from '../render/docx-report';
import { CSS, html, Html, htmlFigure, paragraphs } from '../render/html-report';
import { chartPng, RenderedChart } from '../render/charts';
import { Doc, drawPdf, PdfPages } from '../render/pdf-pages';
import { reportText } from '../render/report-text';
import { renderIndexReportCharts } from './index-report-charts';
import { IndexBlock, indexReportBlocks, indexReportTitle } from './index-report-document';
import type { IndexReportModel } from './index-report-model';

// The Index report in the three formats of the report pipeline, each drawing the same blocks
// (index-report-document.ts) with the pipeline's own building blocks and chart renderings.

/** One self-contained HTML document: inline CSS, the charts as inline SVG with their tables. */
export async function renderIndexReportHtml(model: IndexReportModel): Promise<Buffer> {
  const charts = await renderIndexReportCharts(model);
  const T = reportText(model.language);
  const block = (b: IndexBlock): Html | string => {
    switch (b.kind) {
      case 'title':
        return html`<h1>${b.text}</h1>`;
      case 'heading':
        return b.level === 1 ? html`<h2>${b.text}</h2>` : b.level === 2 ? html`<h3>${b.text}</h3>` : html`<h4>${b.text}</h4>`;
      case 'para':
        return b.muted ? html`<p class="empty">${b.text}</p>` : b.bold ? html`<p><strong>${b.text}</strong></p>` : paragraphs(b.text, '');
      case 'meta':
        return html`<dl class="meta">${b.items.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`)}</dl>`;
      case 'bullets':
        return b.items.length ? html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p class="empty">${b.empty}</p>`;
      case 'table':
        return html`<table><caption>${b.caption}</caption><thead><tr>${b.columns.map((c) => html`<th scope="col">${c.header}</th>`)}</tr></thead>
<tbody>${b.rows.map((r) => html`<tr>${r.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table>`;
      case 'figure':
        return htmlFigure(charts.find((c) => c.id === b.id));
    }
  };
  const doc = html`<!DOCTYPE html>
<html lang="${T.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${indexReportTitle(model)}</title>
<style>${new Html(CSS)}</style>
</head>
<body>
${indexReportBlocks(model).map(
  (b) => html`${block(b)}
`,
)}</body>
</html>
`;
  return Buffer.from(doc.value, 'utf8');
}

/** The PDF: A4, embedded fonts, the charts as vectors (their labels are in the text layer). */
export async function renderIndexReportPdf(model: IndexReportModel): Promise<Buffer> {
  const charts = await renderIndexReportCharts(model);
  const title = indexReportTitle(model);
  return drawPdf(
    {
      language: model.language,
      title,
      subject: `${model.definition.code} v${model.definition.version}`,
      date: new Date(`${model.publishedOn}T00:00:00Z`),
    },
    (doc) => new IndexPdfWriter(doc, model.language, charts).write(indexReportBlocks(model), title),
  );
}

class IndexPdfWriter extends PdfPages {
  constructor(doc: Doc, language: string, charts: RenderedChart[]) {
    super(doc, language, charts);
  }

  write(blocks: IndexBlock[], title: string) {
    this.doc.y = this.doc.page.margins.top + 40;
    for (const b of blocks) {
      if (b.kind === 'title') this.title(b.text);
      else if (b.kind === 'heading' && b.level === 1) this.chapter(b.text, !!b.newPage);
      else if (b.kind === 'heading') this.heading(b.text, (b.level + 1) as 3 | 4);
      else if (b.kind === 'para') this.para(b.text, { bold: b.bold, muted: b.muted });
      else if (b.kind === 'meta') for (const [name, value] of b.items) this.label(name, value);
      else if (b.kind === 'bullets') this.bullets(b.items, b.empty);
      else if (b.kind === 'table') this.table(b.caption, b.columns, b.rows, { firstColumnBold: true });
      else this.figure(b.id);
    }
    this.footers(title);
  }
}

/** The Word document: real headings and tables, the charts as PNG pictures with their text alternative. */
export async function renderIndexReportDocx(model: IndexReportModel): Promise<Buffer> {
  const figures: Figure[] = [];
  for (const chart of await renderIndexReportCharts(model)) figures.push({ chart, png: await chartPng(chart.svg) });
  const out: Block[] = [];
  for (const b of indexReportBlocks(model)) {
    if (b.kind === 'title') out.push(heading(b.text, 1));
    else if (b.kind === 'heading') out.push(heading(b.text, (b.level + 1) as 2 | 3 | 4, !!b.newPage));
    else if (b.kind === 'para') out.push(p(b.text, { bold: b.bold, italics: b.muted, muted: b.muted }));
    else if (b.kind === 'meta') for (const [name, value] of b.items) out.push(p(name, { bold: true }), p(value));
    else if (b.kind === 'bullets') out.push(...bullets(b.items, b.empty));
    else if (b.kind === 'table') out.push(caption(b.caption), table(b.columns, b.rows, { firstColumnBold: true }));
    else out.push(...docxFigure(figures.find((f) => f.chart.id === b.id)));
  }
  return docxBytes(
    { language: model.language, title: indexReportTitle(model), subject: `${model.definition.code} v${model.definition.version}` },
    out,
  );
}
