import { PlanActionStatus, PlanActionTerm } from '@peervisit/review/entities';
import { spawnSync } from 'node:child_process';
import mammoth from 'mammoth';
import { buildReportModel, ReportInput } from '../model/report-model';
import { sampleReportInput } from '../model/report-input.fixture';
import { renderReportDocx } from './docx-report';
import { renderReportHtml } from './html-report';
import { renderReportPdf } from './pdf-report';
import { planRows, planSectionHtml } from './plan-section';

/** A plan on one accepted recommendation: an action under way, a done one and a dropped one. */
function withPlan(): ReportInput {
  const base = sampleReportInput();
  const action = (id: string, status: PlanActionStatus, progress: number, dropReason: string | null = null) => ({
    id,
    recommendationId: 'r-high-quick',
    description: `Action ${id}`,
    owner: 'Integration office',
    startsOn: '2027-05-01',
    dueOn: '2027-12-31',
    term: id === 'a-1' ? PlanActionTerm.QUICK_WIN : PlanActionTerm.LONGER_TERM,
    status,
    dropReason,
    progress,
    weight: 1,
    createdAt: '2027-05-01T08:00:00.000Z',
  });
  return {
    ...base,
    recommendations: base.recommendations.map((r) => ({ ...r, hostResponse: r.id === 'r-high-quick' ? 'ACCEPTED' : 'NOTED' })),
    plan: {
      actions: [
        action('a-1', PlanActionStatus.UNDER_WAY, 50),
        action('a-2', PlanActionStatus.DONE, 100),
        action('a-3', PlanActionStatus.DROPPED, 0, 'No budget this year.'),
      ],
      changes: [],
    },
  };
}

const pdfText = (pdf: Buffer) =>
  spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.replace(/\s+/g, ' ');

/** What the plan's section says in each language: title, a sentence of the intro, the table's words and a date. */
const EXPECTED = {
  en: {
    title: 'The development plan',
    intro: 'Overall progress: 75%.',
    header: ['Action', 'Owner', 'Term', 'Start – due', 'Status', 'Progress', 'Weight'],
    row: ['Action a-1', 'Integration office', 'Quick win', '1 May 2027 – 31 December 2027', 'Under way', '50%', '1'],
    dropped: 'Dropped: No budget this year.',
    caption: 'Actions on R1',
    heading: 'R1 High, quick. (75%)',
  },
  fr: {
    title: 'Le plan de développement',
    intro: 'Avancement global : 75 %.',
    header: ['Action', 'Responsable', 'Échéance', 'Début – fin prévue', 'État', 'Avancement', 'Poids'],
    row: ['Action a-1', 'Integration office', 'Action rapide', '1 mai 2027 – 31 décembre 2027', 'En cours', '50 %', '1'],
    dropped: 'Abandonnée : No budget this year.',
    caption: 'Actions sur R1',
    heading: 'R1 High, quick. (75 %)',
  },
  de: {
    title: 'Der Entwicklungsplan',
    intro: 'Gesamtfortschritt: 75 %.',
    header: ['Maßnahme', 'Verantwortlich', 'Frist', 'Beginn – fällig', 'Stand', 'Fortschritt', 'Gewicht'],
    row: ['Action a-1', 'Integration office', 'Schneller Erfolg', '1. Mai 2027 – 31. Dezember 2027', 'In Arbeit', '50 %', '1'],
    dropped: 'Aufgegeben: No budget this year.',
    caption: 'Maßnahmen zu R1',
    heading: 'R1 High, quick. (75 %)',
  },
} as const;

describe("the development plan's section in the report version's language", () => {
  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s: HTML, PDF and Word say it in the language', async (language) => {
    const expected = EXPECTED[language];
    const model = buildReportModel(withPlan(), language);
    const recommendation = model.plan!.recommendations[0];
    expect(recommendation.progress).toBe(75);
    const rows = planRows(recommendation, language);
    expect(rows[0]).toEqual(expected.row);
    expect(rows[1][5]).toBe(expected.row[5].replace('50', '100'));
    expect(rows[2][4]).toBe(expected.dropped);

    const section = planSectionHtml(model);
    expect(section).toContain(`<h2 id="plan-h">${expected.title}</h2>`);
    expect(section).toContain(expected.intro);
    expect(section).toContain(`<caption>${expected.caption}</caption>`);
    expect(section).toContain(expected.header.map((h) => `<th scope="col">${h}</th>`).join(''));
    const page = await renderReportHtml(model);
    expect(page).toContain(`<li><a href="#plan">${expected.title}</a></li>`);

    const pdf = pdfText(await renderReportPdf(model));
    expect(pdf).toContain(expected.title);
    expect(pdf).toContain(expected.intro);
    expect(pdf).toContain(expected.heading); // the table's cells wrap in the PDF: its words are checked in HTML and Word

    const { value: docx } = await mammoth.extractRawText({ buffer: await renderReportDocx(model) });
    expect(docx).toContain(expected.title);
    expect(docx).toContain(expected.intro);
    expect(docx).toContain(expected.row[3]);
    expect(docx).toContain(expected.dropped);
    if (language !== 'en') expect(docx).not.toContain('Start – due');
  });
});
