import type { ReportModel } from '../model/report-model';
import { RenderedChart, renderReportCharts } from './charts';
import { BODY_SIZE, Doc, drawPdf, PdfPages } from './pdf-pages';
import { bulletsOf, documentDate, reportText } from './report-text';
export { PDF_FONTS } from './pdf-pages';
import { PLAN_TABLE_WEIGHTS, planIntro, planRecommendationHeading, planRows, planTableHeader, planTitle } from './plan-section';

/** Draws the whole report on an A4 PDF with embedded DejaVu Sans, its charts as vectors. Same model, same bytes. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const charts = await renderReportCharts(model);
  return drawPdf(
    {
      language: model.language,
      title: reportText(model.language).t('title', { name: model.cover.hostCity.name }),
      subject: model.cover.title,
      date: documentDate(model),
    },
    (doc) => new PdfWriter(doc, model, charts).write(),
  );
}

class PdfWriter extends PdfPages {
  constructor(
    doc: Doc,
    private readonly model: ReportModel,
    charts: RenderedChart[] = [],
  ) {
    super(doc, model.language, charts);
  }

  write() {
    this.cover();
    this.contents(this.T.contents);
    this.summary();
    this.method();
    this.context();
    this.findings();
    this.recommendationTable();
    this.plan();
    this.annex();
    this.credits();
    this.fillContentsPageNumbers();
    this.footers(this.t('title', { name: this.model.cover.hostCity.name }));
  }

  // --- sections -----------------------------------------------------------------------------

  private cover() {
    const { cover } = this.model;
    const doc = this.doc;
    doc.y = doc.page.margins.top + 80;
    this.para(this.t('cover.kindReport', { kind: cover.reviewKindLabel }), { muted: true, size: 12 });
    this.title(this.t('title', { name: cover.hostCity.name }));
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
    const language = this.model.language;
    this.heading(planTitle(language), 2);
    this.para(planIntro(plan, language));
    this.figure('plan');
    for (const r of plan.recommendations) {
      this.heading(planRecommendationHeading(r, language), 3);
      this.table(
        null,
        planTableHeader(language).map((header, i) => ({ header, weight: PLAN_TABLE_WEIGHTS[i] })),
        planRows(r, language),
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
