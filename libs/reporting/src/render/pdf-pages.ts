import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { RenderedChart } from './charts';
import { paragraphsOf, reportText, ReportText } from './report-text';

// The building blocks of the reports drawn with pdfkit (the follow-up report, the Index report): an
// A4 document with embedded fonts, headings, paragraphs, tables that break across pages, charts as
// vectors, a contents page and footers.

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
export const BODY_SIZE = 10.5;
const CELL_SIZE = 9.5;
const CELL_PAD = 4;

export type Doc = PDFKit.PDFDocument;

export interface Column {
  header: string;
  /** Share of the table's width. */
  weight: number;
}

/** An A4 PDF with embedded DejaVu Sans, drawn by `draw`; the same drawing and date give the same bytes. */
export function drawPdf(
  meta: { language: string | undefined; title: string; subject: string; date: Date },
  draw: (doc: Doc) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    // The default font: without it pdfkit would load (and write) Helvetica, a non-embedded standard font.
    font: PDF_FONTS.regular,
    // The document's language (its /Lang), read by screen readers and text extraction.
    lang: reportText(meta.language).locale,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Creator: 'PeerVisit',
      Producer: 'PeerVisit',
      CreationDate: meta.date,
      ModDate: meta.date,
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
    draw(doc);
    doc.end();
  } catch (error) {
    return Promise.reject(error);
  }
  return done;
}

/** A report's pages: the primitives its sections are written with, in the report's language. */
export abstract class PdfPages {
  protected readonly left: number;
  protected readonly width: number;
  /** Page index (0-based) where each chapter of the contents starts. */
  protected readonly chapterPages = new Map<string, number>();
  protected contentsLines: { title: string; page: number; y: number }[] = [];

  /** The report's fixed texts in its language. */
  protected readonly T: ReportText;
  protected readonly t: ReportText['t'];

  constructor(
    protected readonly doc: Doc,
    language: string | undefined,
    protected readonly charts: RenderedChart[] = [],
  ) {
    this.T = reportText(language);
    this.t = this.T.t;
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  // --- primitives ---------------------------------------------------------------------------

  protected get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  protected get pageIndex() {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  protected ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  protected chapter(title: string, newPage = true) {
    if (newPage) this.doc.addPage();
    this.chapterPages.set(title, this.pageIndex);
    this.doc.outline.addItem(title);
    this.heading(title, 1);
  }

  protected heading(text: string, level: 1 | 2 | 3 | 4) {
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

  /** The cover's title, large. */
  protected title(text: string) {
    this.doc.font(BOLD).fontSize(26).fillColor(ACCENT).text(text, this.left, this.doc.y, { width: this.width });
  }

  protected para(text: string, opts: { bold?: boolean; muted?: boolean; indent?: number; size?: number } = {}) {
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

  protected paras(text: string | null | undefined, empty = this.t('notProvided')) {
    const blocks = paragraphsOf(text);
    if (!blocks.length) this.para(empty, { muted: true });
    for (const b of blocks) this.para(b);
  }

  protected bullets(items: string[], empty = this.t('notProvided')) {
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

  protected label(name: string, value: string) {
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
  protected figure(id: RenderedChart['id']) {
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
  protected table(caption: string | null, columns: Column[], rows: string[][], opts: { firstColumnBold?: boolean } = {}) {
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
  protected splitRow(cells: string[], widths: number[], height: number): [string[], string[]] {
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

  /** The contents page: one line per chapter, its page number filled in at the end (fillContentsPageNumbers). */
  protected contents(titles: string[]) {
    const doc = this.doc;
    doc.addPage();
    this.heading(this.t('contents'), 1);
    titles.forEach((title, i) => {
      doc.font(REGULAR).fontSize(11.5).fillColor(INK);
      const y = doc.y;
      doc.text(`${i + 1}. ${title}`, this.left, y, { width: this.width - 50 });
      this.contentsLines.push({ title, page: this.pageIndex, y });
      doc.moveDown(0.4);
    });
  }

  protected fillContentsPageNumbers() {
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

  /** The report's title and "page n of m" at the foot of every page. */
  protected footers(title: string) {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
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
}
