import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportModel } from '../model/report-model';
import { RenderedChart, renderReportCharts } from './charts';
import { bulletsOf, documentDate, paragraphsOf, reportText, ReportText } from './report-text';
import { PLAN_TABLE_HEADER, PLAN_TABLE_WEIGHTS, PLAN_TITLE, planIntro, planRecommendationHeading, planRows } from './plan-section';

const fontDir = () => join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** TrueType fonts, embedded (subset) in the PDF: the standard 14 PDF fonts cannot show many European letters. */
export const PDF_FONTS = {
  get regular() {
    return join(fontDir(), 'DejaVuSans.ttf');
  },
  get bold() {
    return join(fontDir(), 'DejaVuSans-Bold.ttf');
  },
};

const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const MARGIN = 56; // ~2 cm
const FOOTER_GAP = 24;
const INK = '#1a1a1a';
const ACCENT = '#0b3558';
const MUTED = '#555555';
const RULE = '#8a8a8a';
const HEADER_FILL = '#e8eef4';
const BODY_SIZE = 10.5;
const CELL_SIZE = 9.5;
const CELL_PAD = 4;

type Doc = PDFKit.PDFDocument;

interface Column {
  header: string;
  /** Share of the table's width. */
  weight: number;
}

/** Draws the whole report on an A4 PDF with embedded DejaVu Sans, its charts as vectors. Same model, same bytes. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const charts = await renderReportCharts(model);
  const date = documentDate(model);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    // The default font: without it pdfkit would load (and write) Helvetica, a non-embedded standard font.
    font: PDF_FONTS.regular,
    // The document's language (its /Lang), read by screen readers and text extraction.
    lang: reportText(model.language).locale,
    displayTitle: true,
    info: {
      Title: reportText(model.language).t('title', { name: model.cover.hostCity.name }),
      Subject: model.cover.title,
      Creator: 'PeerVisit',
      Producer: 'PeerVisit',
      CreationDate: date,
      ModDate: date,
    },
  });
  doc.registerFont(REGULAR, PDF_FONTS.regular);
  doc.registerFont(BOLD, PDF_FONTS.bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    new PdfWriter(doc, model, charts).write();
    doc.end();
  } catch (error) {
    return Promise.reject(error);
  }
  return done;
}

class PdfWriter {
  private readonly left: number;
  private readonly width: number;
  /** Page index (0-based) where each chapter of CONTENTS starts. */
  private readonly chapterPages = new Map<string, number>();
  private contentsLines: { title: string; page: number; y: number }[] = [];

  /** The report's fixed texts in its language. */
  private readonly T: ReportText;
  private readonly t: ReportText['t'];

  constructor(
    private readonly doc: Doc,
    private readonly model: ReportModel,
    private readonly charts: RenderedChart[] = [],
  ) {
    this.T = reportText(model.language);
    this.t = this.T.t;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  write() {
    this.cover();
    this.contents();
    this.summary();
    this.method();
    this.context();
    this.findings();
    this.recommendationTable();
    this.plan();
    this.annex();
    this.credits();
    this.fillContentsPageNumbers();
    this.footers();
  }

  // --- primitives ---------------------------------------------------------------------------

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private get pageIndex() {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private chapter(title: string, newPage = true) {
    if (newPage) this.doc.addPage();
    this.chapterPages.set(title, this.pageIndex);
    this.doc.outline.addItem(title);
    this.heading(title, 1);
  }

  private heading(text: string, level: 1 | 2 | 3 | 4) {
    const size = { 1: 18, 2: 15, 3: 13, 4: 11.5 }[level];
    const doc = this.doc;
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(size * 1.4 + BODY_SIZE * 4);
    if (doc.y > doc.page.margins.top + 1) doc.moveDown(level <= 2 ? 0.8 : 0.5);
    doc.font(BOLD).fontSize(size).fillColor(ACCENT).text(text, this.left, doc.y, { width: this.width });
    if (level <= 2) {
      const y = doc.y + 2;
      doc
        .save()
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(level === 1 ? 1.5 : 0.75)
        .strokeColor(ACCENT)
        .stroke()
        .restore();
      doc.y = y + 4;
    }
    doc.moveDown(0.3);
    doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
  }

  private para(text: string, opts: { bold?: boolean; muted?: boolean; indent?: number; size?: number } = {}) {
    const doc = this.doc;
    const indent = opts.indent ?? 0;
    doc
      .font(opts.bold ? BOLD : REGULAR)
      .fontSize(opts.size ?? BODY_SIZE)
      .fillColor(opts.muted ? MUTED : INK)
      .text(text, this.left + indent, doc.y, { width: this.width - indent, lineGap: 1.5 });
    doc.moveDown(0.4);
    doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
  }

  private paras(text: string | null | undefined, empty = this.t('notProvided')) {
    const blocks = paragraphsOf(text);
    if (!blocks.length) this.para(empty, { muted: true });
    for (const b of blocks) this.para(b);
  }

  private bullets(items: string[], empty = this.t('notProvided')) {
    if (!items.length) return this.para(empty, { muted: true });
    const doc = this.doc;
    for (const item of items) {
      doc.font(REGULAR).fontSize(BODY_SIZE).fillColor(INK);
      this.ensureSpace(doc.currentLineHeight(true));
      const y = doc.y;
      doc.text('•', this.left + 6, y, { width: 10, lineBreak: false });
      doc.text(item, this.left + 18, y, { width: this.width - 18, lineGap: 1.5 });
      doc.moveDown(0.25);
    }
    doc.moveDown(0.2);
  }

  private label(name: string, value: string) {
    const doc = this.doc;
    this.ensureSpace(BODY_SIZE * 3);
    doc.font(BOLD).fontSize(BODY_SIZE).fillColor(INK).text(name, this.left, doc.y, { width: this.width });
    doc.font(REGULAR).text(value, this.left, doc.y, { width: this.width, lineGap: 1.5 });
    doc.moveDown(0.4);
  }

  /**
   * A chart as vectors (svg-to-pdfkit): its labels are text in the report's embedded fonts, so they
   * are in the PDF's text layer; the caption under it says what it shows (the text alternative).
   */
  private figure(id: RenderedChart['id']) {
    const chart = this.charts.find((c) => c.id === id);
    if (!chart) return;
    const doc = this.doc;
    // CSS pixels to points (96 to 72 per inch), never wider than the text.
    const width = Math.min(this.width, chart.width * 0.75);
    const height = (chart.height / chart.width) * width;
    this.ensureSpace(height + BODY_SIZE * 6);
    doc.moveDown(0.5);
    const y = doc.y;
    SVGtoPDF(doc as unknown as typeof PDFDocument, chart.svg, this.left, y, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
      warningCallback: () => undefined,
    });
    doc.x = this.left;
    doc.y = y + height + 6;
    this.para(`${chart.title}. ${chart.summary}`, { muted: true, size: 9.5 });
  }

  /**
   * A table drawn row by row: a row that does not fit moves to a new page, where the header row is
   * drawn again. A row taller than a whole page is split across pages line by line.
   */
  private table(caption: string | null, columns: Column[], rows: string[][], opts: { firstColumnBold?: boolean } = {}) {
    const doc = this.doc;
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellHeight = (text: string, i: number, bold: boolean) => {
      doc.font(bold ? BOLD : REGULAR).fontSize(CELL_SIZE);
      return doc.heightOfString(text || ' ', { width: widths[i] - 2 * CELL_PAD, lineGap: 1 }) + 2 * CELL_PAD;
    };
    const rowHeight = (cells: string[], header: boolean) =>
      Math.max(...cells.map((t, i) => cellHeight(t, i, header || (!!opts.firstColumnBold && i === 0))));

    const drawRow = (cells: string[], header: boolean) => {
      const h = rowHeight(cells, header);
      const y = doc.y;
      if (header) doc.save().rect(this.left, y, this.width, h).fill(HEADER_FILL).restore();
      cells.forEach((text, i) => {
        doc.save().rect(xs[i], y, widths[i], h).lineWidth(0.5).strokeColor(RULE).stroke().restore();
        doc
          .font(header || (opts.firstColumnBold && i === 0) ? BOLD : REGULAR)
          .fontSize(CELL_SIZE)
          .fillColor(INK)
          .text(text, xs[i] + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD, lineGap: 1 });
      });
      doc.x = this.left;
      doc.y = y + h;
    };
    const headerCells = columns.map((c) => c.header);
    const headerHeight = rowHeight(headerCells, true);
    const pageBody = this.bottom - doc.page.margins.top;

    if (caption) {
      this.ensureSpace(BODY_SIZE * 2 + headerHeight + (rows.length ? rowHeight(rows[0], false) : 0));
      doc.moveDown(0.3);
      doc.font(BOLD).fontSize(BODY_SIZE).fillColor(INK).text(caption, this.left, doc.y, { width: this.width });
      doc.moveDown(0.2);
    }
    this.ensureSpace(headerHeight + (rows.length ? Math.min(rowHeight(rows[0], false), pageBody / 2) : 0));
    drawRow(headerCells, true);
    for (const row of rows) {
      let cells = row;
      // Split a row too tall for a page into pieces that fit (by lines of its cells).
      while (rowHeight(cells, false) > pageBody - headerHeight) {
        const [fits, rest] = this.splitRow(cells, widths, pageBody - headerHeight - doc.currentLineHeight(true) * 2);
        if (doc.y + rowHeight(fits, false) > this.bottom) {
          doc.addPage();
          drawRow(headerCells, true);
        }
        drawRow(fits, false);
        cells = rest;
      }
      if (doc.y + rowHeight(cells, false) > this.bottom) {
        doc.addPage();
        drawRow(headerCells, true);
      }
      drawRow(cells, false);
    }
    doc.moveDown(0.6);
  }

  /** Splits each cell's words so the first part fits in `height`. */
  private splitRow(cells: string[], widths: number[], height: number): [string[], string[]] {
    const doc = this.doc;
    doc.font(REGULAR).fontSize(CELL_SIZE);
    const fits: string[] = [];
    const rest: string[] = [];
    cells.forEach((text, i) => {
      const words = text.split(/(\s+)/);
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const h = doc.heightOfString(words.slice(0, mid).join('') || ' ', { width: widths[i] - 2 * CELL_PAD, lineGap: 1 }) + 2 * CELL_PAD;
        if (h <= height) lo = mid;
        else hi = mid - 1;
      }
      const cut = Math.max(lo, Math.min(1, words.length));
      fits.push(words.slice(0, cut).join('').trimEnd());
      rest.push(words.slice(cut).join('').trimStart());
    });
    return [fits, rest];
  }

  // --- sections -----------------------------------------------------------------------------

  private cover() {
    const { cover } = this.model;
    const doc = this.doc;
    doc.y = doc.page.margins.top + 80;
    this.para(this.t('cover.kindReport', { kind: cover.reviewKindLabel }), { muted: true, size: 12 });
    doc
      .font(BOLD)
      .fontSize(26)
      .fillColor(ACCENT)
      .text(this.t('title', { name: cover.hostCity.name }), this.left, doc.y, { width: this.width });
    doc.moveDown(0.5);
    this.para(cover.title, { size: 14 });
    doc.moveDown(1);
    this.label(this.t('cover.hostCity'), `${cover.hostCity.name} (${cover.hostCity.country})`);
    this.label(
      this.t('cover.benchmark'),
      this.t('cover.benchmarkValue', { title: cover.benchmark.title, code: cover.benchmark.code, version: cover.benchmark.version }),
    );
    this.label(this.t('cover.kind'), cover.reviewKindLabel);
    this.label(this.t('cover.visit'), this.T.visitText(cover.visit));
    this.heading(this.t('team.heading'), 2);
    if (cover.team.length)
      this.table(
        this.t('team.caption'),
        [
          { header: this.t('col.name'), weight: 2 },
          { header: this.t('col.role'), weight: 1.5 },
          { header: this.t('col.city'), weight: 1.5 },
        ],
        cover.team.map((m) => [m.name, m.role, m.city ?? '—']),
      );
    else this.para(this.t('team.none'), { muted: true });
  }

  private contents() {
    const doc = this.doc;
    doc.addPage();
    this.heading(this.t('contents'), 1);
    this.T.contents.forEach((title, i) => {
      doc.font(REGULAR).fontSize(11.5).fillColor(INK);
      const y = doc.y;
      doc.text(`${i + 1}. ${title}`, this.left, y, { width: this.width - 50 });
      this.contentsLines.push({ title, page: this.pageIndex, y });
      doc.moveDown(0.4);
    });
  }

  private fillContentsPageNumbers() {
    const doc = this.doc;
    for (const line of this.contentsLines) {
      const target = this.chapterPages.get(line.title);
      if (target === undefined) continue;
      doc.switchToPage(line.page);
      doc
        .font(REGULAR)
        .fontSize(11.5)
        .fillColor(INK)
        .text(String(target + 1), this.left + this.width - 50, line.y, { width: 50, align: 'right', lineBreak: false });
    }
  }

  private footers() {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const title = this.t('title', { name: this.model.cover.hostCity.name });
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      // Writing inside the bottom margin: lift the margin so pdfkit does not start a new page.
      doc.page.margins.bottom = 0;
      const y = doc.page.height - MARGIN - 4;
      doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
      doc.text(title, this.left, y, { width: this.width * 0.7, lineBreak: false, ellipsis: true });
      doc.text(this.t('page', { page: i + 1, pages: range.count }), this.left + this.width * 0.7, y, {
        width: this.width * 0.3,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins.bottom = bottomMargin;
    }
  }

  private summary() {
    const { executiveSummary: summary } = this.model;
    this.chapter(this.t('section.summary'));
    this.table(
      this.t('summary.ratingsCaption'),
      [
        { header: this.t('col.keyFactor'), weight: 1 },
        { header: this.t('col.heading'), weight: 4 },
        { header: this.t('col.rating'), weight: 2 },
      ],
      summary.keyFactors.map((k) => [k.code, k.heading, this.T.ratingText(k.rating)]),
      { firstColumnBold: true },
    );
    if (summary.ratingScale.length)
      this.table(
        this.t('summary.scaleCaption'),
        [
          { header: this.t('col.rating'), weight: 1 },
          { header: this.t('col.label'), weight: 2 },
          { header: this.t('col.meaning'), weight: 4 },
        ],
        summary.ratingScale.map((l) => [String(l.value), l.label, l.description]),
        { firstColumnBold: true },
      );
    this.figure('ratings');
    this.figure('history');
    this.figure('network');
    this.heading(this.t('summary.highPriority'), 3);
    this.bullets(
      summary.highPriorityRecommendations.map((r) => this.T.recommendationLine(r)),
      this.t('summary.noHighPriority'),
    );
  }

  private method() {
    const { method } = this.model;
    this.chapter(this.t('section.method'));
    this.paras(method.description);
    this.heading(this.t('method.standard'), 3);
    this.paras(method.standard);
    this.heading(this.t('method.sources'), 3);
    this.bullets(this.T.sourcesLines(method.sources));
    this.figure('evidence');
    if (method.sources.stakeholderCategories.length)
      this.table(
        this.t('method.categoriesCaption'),
        [
          { header: this.t('col.category'), weight: 3 },
          { header: this.t('col.peopleMet'), weight: 1 },
        ],
        method.sources.stakeholderCategories.map((c) => [c.label, String(c.count)]),
      );
    if (method.sources.documents.length)
      this.table(
        this.t('method.documentsCaption'),
        [
          { header: this.t('col.title'), weight: 3 },
          { header: this.t('col.type'), weight: 1 },
        ],
        method.sources.documents.map((d) => [d.title, this.T.label('docType', d.type)]),
      );
    if (method.sources.namedStakeholders.length) {
      this.heading(this.t('method.named'), 4);
      this.bullets(method.sources.namedStakeholders.map((s) => [s.name, s.position, s.organisation].filter(Boolean).join(', ')));
    }
  }

  private context() {
    this.chapter(this.t('section.context'));
    if (!this.model.context.length) return this.para(this.t('context.none'), { muted: true });
    for (const c of this.model.context) {
      this.heading(`${c.code} ${c.name}`, 3);
      this.paras(c.note, this.t('context.noNote'));
    }
  }

  private findings() {
    this.chapter(this.t('section.findings'));
    this.model.keyFactors.forEach((k, i) => {
      if (i > 0) this.doc.addPage();
      this.doc.outline.addItem(this.t('kf.outline', { code: k.code }));
      this.heading(this.t('kf.heading', { code: k.code, heading: k.heading }), 2);
      this.para(k.statement, { bold: true });

      this.heading(this.t('kf.selfAssessment'), 4);
      if (k.selfAssessment) {
        this.para(
          this.t(k.selfAssessment.submitted ? 'kf.ownRating' : 'kf.ownRatingDraft', { rating: this.T.ratingText(k.selfAssessment.rating) }),
        );
        this.paras(k.selfAssessment.narrative);
      } else this.para(this.t('kf.noSelfAssessment'), { muted: true });

      this.heading(this.t('kf.evidence'), 4);
      this.table(
        this.t('kf.evidenceCaption', { code: k.code, count: k.evidence.total }),
        [
          { header: this.t('col.source'), weight: 3 },
          { header: this.t('col.items'), weight: 1 },
        ],
        k.evidence.bySource.map((s) => [this.T.label('source', s.source), String(s.count)]),
        { firstColumnBold: true },
      );
      this.table(
        this.t('kf.stanceCaption', { code: k.code }),
        [
          { header: this.t('col.stance'), weight: 3 },
          { header: this.t('col.items'), weight: 1 },
        ],
        k.evidence.byStance.map((s) => [this.T.label('stance', s.stance), String(s.count)]),
        { firstColumnBold: true },
      );
      for (const q of k.evidence.quotes) {
        this.ensureSpace(BODY_SIZE * 4);
        const top = this.doc.y;
        const startPage = this.pageIndex;
        this.para(`“${q.text}”`, { indent: 16 });
        this.para(`— ${q.attribution}`, { indent: 16, muted: true, size: 9.5 });
        if (this.pageIndex === startPage)
          this.doc
            .save()
            .moveTo(this.left + 4, top)
            .lineTo(this.left + 4, this.doc.y - 6)
            .lineWidth(3)
            .strokeColor('#8aa4bd')
            .stroke()
            .restore();
      }

      this.heading(this.t('kf.conclusion'), 4);
      if (k.conclusion) {
        this.para(this.t('kf.rating', { rating: this.T.ratingText(k.conclusion.rating) }), { bold: true });
        this.paras(k.conclusion.summary);
        this.heading(this.t('kf.strengths'), 4);
        this.bullets(bulletsOf(k.conclusion.strengths));
        this.heading(this.t('kf.areas'), 4);
        this.bullets(bulletsOf(k.conclusion.areasToDevelop));
      } else this.para(this.t('kf.noConclusion'), { muted: true });

      this.heading(this.t('section.recommendations'), 4);
      this.bullets(
        k.recommendations.map((r) => this.T.recommendationLine(r)),
        this.t('kf.noRecommendations'),
      );

      this.heading(this.t('kf.goodPractices'), 4);
      this.bullets(
        k.goodPractices.map(
          (g) =>
            `${g.city}: ${g.text}${g.referencedByRecommendations.length ? ` ${this.t('kf.seeRecommendations', { refs: g.referencedByRecommendations.join(', ') })}` : ''}`,
        ),
        this.t('kf.noExamples'),
      );
    });
  }

  private recommendationTable() {
    this.chapter(this.t('section.recommendationsLong'));
    this.table(
      this.t('recs.caption'),
      this.T.recommendationTableHeader.map((header, i) => ({ header, weight: [1, 1.2, 5, 1.2][i] })),
      this.model.recommendationTable.flatMap((cell) =>
        cell.recommendations.map((r) => [
          this.T.label('priority', cell.priority),
          this.T.label('horizon', cell.horizon),
          `${r.ref} ${r.text}`,
          r.keyFactorCodes.join(', '),
        ]),
      ),
    );
  }

  /** The development plan, within the recommendations chapter (the contents list stays the same for every report). */
  private plan() {
    const plan = this.model.plan;
    if (!plan) return;
    this.heading(PLAN_TITLE, 2);
    this.para(planIntro(plan));
    this.figure('plan');
    for (const r of plan.recommendations) {
      this.heading(planRecommendationHeading(r), 3);
      this.table(
        null,
        PLAN_TABLE_HEADER.map((header, i) => ({ header, weight: PLAN_TABLE_WEIGHTS[i] })),
        planRows(r),
      );
    }
  }

  private annex() {
    this.chapter(this.t('section.annex'));
    const programme = this.model.annex.programme;
    if (!programme.length) return this.para(this.t('annex.none'), { muted: true });
    this.table(
      this.t('annex.caption'),
      [
        { header: this.t('col.when'), weight: 1.6 },
        { header: this.t('col.session'), weight: 3 },
        { header: this.t('col.keyFactors'), weight: 1.1 },
        { header: this.t('col.stakeholdersMet'), weight: 2.3 },
      ],
      programme.map((s) => this.T.programmeRow(s)),
    );
  }

  private credits() {
    const { credit } = this.model;
    this.chapter(this.t('section.credits'), false);
    this.paras(credit.attribution);
    this.para(this.T.creditSource(credit));
  }
}
