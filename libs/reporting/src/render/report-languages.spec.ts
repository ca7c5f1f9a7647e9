import { LANGUAGES } from '@peervisit/platform';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import { buildReportModel, contentHash } from '../model/report-model';
import { sampleReportInput } from '../model/report-input.fixture';
import { renderReportDocx } from './docx-report';
import { escapeHtml, renderReportHtml } from './html-report';
import { renderReportPdf } from './pdf-report';
import { reportText } from './report-text';

/** What each language's report must say, in its HTML, PDF and Word files (fixed texts only: the team's words stay theirs). */
const EXPECTED = {
  en: { lang: 'en-GB', heading: 'Findings by key factor', summary: 'Executive summary', kind: 'Peer review report', credits: 'Credits' },
  fr: {
    lang: 'fr-FR',
    heading: 'Constats par facteur clé',
    summary: 'Synthèse',
    kind: 'Rapport de revue par les pairs',
    credits: 'Crédits',
  },
  de: {
    lang: 'de-DE',
    heading: 'Ergebnisse nach Schlüsselfaktor',
    summary: 'Zusammenfassung',
    kind: 'Bericht: Peer-Review',
    credits: 'Quellen und Dank',
  },
} as const;

const pdfText = (pdf: Buffer) => {
  const run = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new Error(`pdftotext failed (install poppler-utils): ${run.error?.message ?? run.stderr}`);
  return run.stdout.replace(/\s+/g, ' ');
};

describe('the report in each shipped language', () => {
  it.each(LANGUAGES)('%s: HTML with its lang, headings, labels, plurals and dates in the language', async (language) => {
    const expected = EXPECTED[language];
    const model = buildReportModel(sampleReportInput(), language);
    expect(model.language).toBe(language);
    const html = await renderReportHtml(model);
    expect(html).toContain(`<html lang="${expected.lang}">`);
    for (const text of [expected.heading, expected.summary, expected.kind, expected.credits]) expect(html).toContain(text);
    const T = reportText(language);
    // Every chapter of the contents, in the language.
    for (const title of T.contents.slice(0, 4)) expect(html).toContain(escapeHtml(title));
    expect(html).toContain(T.t('sources.interviews', { count: model.method.sources.interviews }));
    if (model.cover.visit) expect(html).toContain(T.visitText(model.cover.visit));
    if (language !== 'en') {
      for (const english of ['Executive summary', 'Findings by key factor', 'Host city', 'Kind of review', 'The evidence in summary']) {
        expect(html).not.toContain(english);
      }
    }
  });

  it('writes French dates, labels and the anonymisation wording in a French version', async () => {
    const model = buildReportModel(sampleReportInput(), 'fr');
    const html = await renderReportHtml(model);
    expect(html).toMatch(/(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d/);
    expect(html).toContain('Ville hôte');
    expect(html).toContain('Facteur clé');
    expect(model.cover.reviewKindLabel).toBe('revue par les pairs');
    expect(JSON.stringify(model)).not.toContain('[name withheld]');
    const english = buildReportModel(sampleReportInput(), 'en');
    if (JSON.stringify(english).includes('[name withheld]')) expect(JSON.stringify(model)).toContain('[nom masqué]');
    // A French and an English version of the same data are different documents.
    expect(contentHash(model)).not.toBe(contentHash(english));
  });

  it.each(LANGUAGES)('%s: the PDF declares its language and reads in it', async (language) => {
    const expected = EXPECTED[language];
    const pdf = await renderReportPdf(buildReportModel(sampleReportInput(), language));
    expect(pdf.toString('latin1')).toContain(`/Lang (${expected.lang})`);
    const text = pdfText(pdf);
    for (const phrase of [expected.heading, expected.summary, expected.credits]) expect(text).toContain(phrase);
    expect(text).toContain(reportText(language).t('page', { page: 1, pages: 2 }).split(' ')[0]);
  });

  it.each(LANGUAGES)('%s: the Word file reads in the language', async (language) => {
    const expected = EXPECTED[language];
    const docx = await renderReportDocx(buildReportModel(sampleReportInput(), language));
    const { value } = await mammoth.extractRawText({ buffer: docx });
    for (const phrase of [expected.heading, expected.summary, expected.credits]) expect(value).toContain(phrase);
  });
});
