import { StakeholderCategory } from '@peervisit/directory/entities';
import {
  ConclusionStatus,
  EvidenceSource,
  EvidenceStance,
  RecommendationHorizon,
  RecommendationPriority,
} from '@peervisit/review/entities';
import { spawnSync } from 'node:child_process';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { buildReportModel, ReportInput, ReportModel } from '../model/report-model';
import { kf, sampleReportInput } from '../model/report-input.fixture';
import { renderReportDocx } from './docx-report';
import { renderReportPdf } from './pdf-report';

// The shared fixture, with non-ASCII text where the formats must keep it intact.
function input(): ReportInput {
  const data = sampleReportInput();
  data.hostCity = { ...data.hostCity, name: 'Bærum – Åsane' };
  data.conclusions = data.conclusions.map((c) =>
    c.keyFactorId === 'kf-2' ? { ...c, strengths: 'Dialogue with partners in Zürich and Łódź.\nA standing migrant council.' } : c,
  );
  data.examples = data.examples.map((e) => (e.id === 'x-2' ? { ...e, city: 'Zürich', text: 'Zürich did it.' } : e));
  return data;
}

/** The same review, long: 13 key factors with long narratives and 60 recommendations. */
function longInput(): ReportInput {
  const data = input();
  const words = (n: number, seed: string) =>
    Array.from(
      { length: n },
      (_, i) => `${seed}${i % 7 === 0 ? '.' : ''} ${['city', 'council', 'migrants', 'services', 'dialogue', 'Łódź', 'Bærum'][i % 7]}`,
    ).join(' ');
  const kfs = Array.from({ length: 13 }, (_, i) => kf(i + 1));
  data.keyFactors = kfs;
  data.review.scopeKeyFactorIds = null;
  data.selfAssessment = kfs.map((k) => ({
    keyFactorId: k.id,
    rating: 2,
    narrative: Array.from({ length: 6 }, (_, p) => words(60, `narrative${p}`)).join('\n\n'),
    status: 'SUBMITTED',
  }));
  data.conclusions = kfs.map((k) => ({
    keyFactorId: k.id,
    status: ConclusionStatus.AGREED,
    rating: 3,
    summary: Array.from({ length: 4 }, (_, p) => words(50, `summary${p}`)).join('\n\n'),
    strengths: Array.from({ length: 5 }, (_, p) => `Strength ${k.code}.${p}: ${words(15, 's')}`).join('\n'),
    areasToDevelop: Array.from({ length: 5 }, (_, p) => `Area ${k.code}.${p}: ${words(15, 'a')}`).join('\n'),
    evidenceIds: [],
  }));
  data.evidence = kfs.flatMap((k) =>
    Array.from({ length: 30 }, (_, q) => ({
      id: `e-${k.id}-${q}`,
      source: EvidenceSource.INTERVIEW,
      stakeholderCategory: StakeholderCategory.MIGRANT_ORGANISATION,
      keyFactorIds: [k.id],
      statement: `Statement ${q}.`,
      quote: words(40, `quote${q}`),
      stance: EvidenceStance.SUPPORTS,
      observedAt: `2027-03-10T${String(8 + (q % 10)).padStart(2, '0')}:${String(q).padStart(2, '0')}:00.000Z`,
      retractedAt: null,
    })),
  );
  const priorities = [RecommendationPriority.HIGH, RecommendationPriority.MEDIUM, RecommendationPriority.LOW];
  const horizons = [RecommendationHorizon.QUICK_WIN, RecommendationHorizon.MEDIUM_TERM, RecommendationHorizon.LONG_TERM];
  data.recommendations = Array.from({ length: 60 }, (_, i) => ({
    id: `r-${i}`,
    text: `Recommendation text ${i + 1}: ${words(35, 'rec')}`,
    keyFactorIds: [kfs[i % 13].id],
    priority: priorities[i % 3],
    horizon: horizons[Math.floor(i / 3) % 3],
    suggestedOwner: null,
    relatedExampleIds: [],
    createdAt: `2027-03-11T10:${String(i).padStart(2, '0')}:00.000Z`,
  }));
  return data;
}

/** One file of a ZIP archive (stored or deflated), read through its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at = next;
  }
  throw new Error(`${name} is not in the archive`);
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The PDF's text, per page, by a real extractor (pdf-parse, i.e. pdf.js). pdf.js loads its worker with a dynamic
 * import(), which jest's CommonJS sandbox refuses (it needs --experimental-vm-modules), so it runs in a plain
 * Node child process.
 */
function pdfText(pdf: Buffer): { text: string; pages: string[] } {
  const script = `
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify(result.pages.map((p) => p.text)));
    });`;
  const run = spawnSync(process.execPath, ['-e', script], { input: pdf, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdf-parse failed: ${run.stderr}`);
  const pages = (JSON.parse(run.stdout) as string[]).map(squash);
  return { text: pages.join(' '), pages };
}

/** What any rendering of the fixture must show, and must never show. */
function expectReportText(text: string, model: ReportModel) {
  expect(text).toContain('Bærum – Åsane: follow-up report');
  expect(text).toContain('Promoting cultural diversity');
  expect(text).toContain('Executive summary');
  expect(text).toMatch(/01 Heading 1 1 – Emerging/);
  expect(text).toMatch(/02 Heading 2 3 – Established/);
  for (const k of model.keyFactors) expect(text).toContain(`Key factor ${k.code}: ${k.heading}`);
  expect(text).not.toContain('Heading 3');
  expect(text).toContain('Dialogue with partners in Zürich and Łódź.');
  expect(text).toContain('A standing migrant council.');
  expect(text).toContain('High, quick.');
  expect(text).toContain('Zürich: Zürich did it.');
  expect(text).toContain('Credit to EUROCITIES.');
  expect(text).toContain('Olivia Open');
  expect(text).toContain('[name withheld] here: diversity is our strength.');
  expect(text).toContain('Interview: Interview with [name withheld]');
  expect(text).not.toMatch(/Zebedee/i);
  expect(text).not.toMatch(/Quartermaine/i);
}

describe('renderReportPdf', () => {
  it('shows every section of the report, keeps non-ASCII text intact and names no one who did not consent', async () => {
    const model = buildReportModel(input());
    const pdf = await renderReportPdf(model);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = pdfText(pdf);
    expectReportText(text, model);
    expect(text).toContain('Contents');
    expect(text).toContain('Annex: the visit programme');
    expect(text).toContain('R1 High, quick.');
    expect(pages[0]).toContain('Bærum – Åsane');
    expect(pages.at(-1)).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
  });

  it('embeds its TrueType fonts and uses no standard (non-embedded) font', async () => {
    const raw = (await renderReportPdf(buildReportModel(input()))).toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toContain('Helvetica');
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
  });

  it('gives the same bytes for the same model', async () => {
    const model = buildReportModel(input());
    const [a, b] = await Promise.all([renderReportPdf(model), renderReportPdf(buildReportModel(input()))]);
    expect(a.equals(b)).toBe(true);
  });

  it('flows a long review across many pages and repeats the table header on each page of the recommendations table', async () => {
    const model = buildReportModel(longInput());
    expect(model.keyFactors).toHaveLength(13);
    const pdf = await renderReportPdf(model);
    const { text, pages } = pdfText(pdf);
    expect(pages.length).toBeGreaterThan(30);
    for (const k of model.keyFactors) expect(text).toContain(`Key factor ${k.code}: ${k.heading}`);
    expect(text).toContain('Recommendation text 60:');
    const header = /Priority Horizon Recommendation Key factors/;
    const tablePages = pages.filter(
      (p) => /Every recommendation, by priority and horizon/.test(p) || (header.test(p) && /\bR\d+ Recommendation text/.test(p)),
    );
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(p).toMatch(header);
    // Every one of the 60 rows is in the table pages.
    const rows = new Set(tablePages.flatMap((p) => [...p.matchAll(/\bR(\d+) Recommendation text/g)].map((m) => m[1])));
    expect(rows.size).toBe(60);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
  });
  it('splits a table row taller than a page across pages instead of losing it', async () => {
    const data = input();
    data.recommendations[1].text = `${Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ')} THE-END`;
    const { text, pages } = pdfText(await renderReportPdf(buildReportModel(data)));
    expect(text).toContain('word1499 THE-END');
    expect(pages.filter((p) => /Priority Horizon Recommendation Key factors/.test(p) && /word\d+/.test(p)).length).toBeGreaterThan(1);
  });
});

describe('renderReportDocx', () => {
  it('is a real Word file with headings, tables and lists, showing every section and naming no one who did not consent', async () => {
    const model = buildReportModel(input());
    const docx = await renderReportDocx(model);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain('<h1>Executive summary</h1>');
    expect(html).toContain('<h2>Key factor 01: Heading 1</h2>');
    expect(html).toContain('<h3>Conclusion</h3>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<ul><li>Dialogue with partners in Zürich and Łódź\.<\/li><li>A standing migrant council\.<\/li><\/ul>/);
    const { value: raw } = await mammoth.extractRawText({ buffer: docx });
    const text = squash(raw);
    // Table cells come out as separate paragraphs; the summary row reads "01 Heading 1 1 – Emerging".
    expectReportText(text, model);
    expect(html).not.toMatch(/Zebedee|Quartermaine/i);
  });

  it('marks table header rows as repeating and renders a long review', async () => {
    const docx = await renderReportDocx(buildReportModel(longInput()));
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect(html).toContain('Recommendation text 60:');
    expect((html.match(/<h2>Key factor \d\d: /g) ?? []).length).toBe(13);
    // Word's "repeat header row" is w:tblHeader on the first row of each table.
    const xml = zipEntry(docx, 'word/document.xml');
    expect((xml.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g) ?? []).length).toBe((xml.match(/<w:tbl>/g) ?? []).length);
  });
});
