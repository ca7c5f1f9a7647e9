import { Inject, Injectable } from '@nestjs/common';
import { IndexAssessmentService, IndexResultsService } from '@peervisit/icc-index';
import { IndexAssessment, IndexAssessmentStatus } from '@peervisit/icc-index/entities';
import {
  badInput,
  conflict,
  CurrentUser,
  FILE_STORAGE,
  FileStorage,
  forbidden,
  invalidTransition,
  isLanguage,
  isUuid,
  LANGUAGES,
  notFound,
} from '@peervisit/platform';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../model/report-model';
import { REPORT_FORMATS } from '../report/report-formats';
import { buildIndexReportModel, IndexReportModel } from './index-report-model';
import { IndexReport } from './index-report.entity';

// Loaded on first use: pdfkit and docx are large, and most processes never render. `require` rather
// than `import()`, for which TypeScript's nodenext rules would want a `.js` file name.
/* eslint-disable @typescript-eslint/no-require-imports */
const renderers = (): typeof import('./index-report-render') => require('./index-report-render');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The Index report's formats: the follow-up report's file types, drawn by the Index renderers. */
const INDEX_RENDERERS: Record<string, (model: IndexReportModel) => Promise<Buffer>> = {
  html: async (model) => renderers().renderIndexReportHtml(model),
  pdf: async (model) => renderers().renderIndexReportPdf(model),
  docx: async (model) => renderers().renderIndexReportDocx(model),
};

/**
 * The Index report of a published assessment: generated on request, in every format, and stored;
 * read and downloaded by whoever may read the published results (the city, its experts, the
 * secretariat), as IndexAssessmentService.mayReadResults says.
 */
@Injectable()
export class IndexReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assessments: IndexAssessmentService,
    private readonly results: IndexResultsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** A new version of the report, rendered at once (a few seconds at most) in `language` (default English). */
  async generate(user: CurrentUser, assessmentId: string, language?: string | null): Promise<IndexReport> {
    if (language !== undefined && language !== null && !isLanguage(language)) {
      throw badInput(`The Index report was not generated: language: one of ${LANGUAGES.join(', ')}`, [
        { path: 'language', message: `one of ${LANGUAGES.join(', ')}` },
      ]);
    }
    const assessment = await this.readable(user, assessmentId);
    if (assessment.status !== IndexAssessmentStatus.PUBLISHED)
      throw invalidTransition('The Index report is made from published results; publish this assessment first.');
    const model = await this.model(user, assessment, language ?? 'en');
    const files: Record<string, string> = {};
    try {
      for (const [format, render] of Object.entries(INDEX_RENDERERS)) {
        const saved = await this.storage.put(Readable.from([await render(model)]), { prefix: `index-reports/${assessment.id}` });
        files[format] = saved.key;
      }
      return await this.dataSource.transaction(async (manager) => {
        // The assessment's row, locked: two requests at once get versions n and n + 1.
        await manager.findOne(IndexAssessment, { where: { id: assessment.id }, lock: { mode: 'pessimistic_write' } });
        const version = ((await manager.getRepository(IndexReport).maximum('version', { assessmentId: assessment.id })) ?? 0) + 1;
        return manager.save(
          manager.create(IndexReport, {
            assessmentId: assessment.id,
            version,
            language: model.language,
            files,
            contentHash: createHash('sha256').update(canonicalJson(model)).digest('hex'),
            requestedById: user.personId,
          }),
        );
      });
    } catch (error) {
      for (const key of Object.values(files)) await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /** The assessment's report versions, newest first. */
  async list(user: CurrentUser, assessmentId: string): Promise<IndexReport[]> {
    await this.readable(user, assessmentId);
    return this.dataSource.getRepository(IndexReport).find({ where: { assessmentId }, order: { version: 'DESC' } });
  }

  /** A rendered file of a version, authorized like the results it shows. */
  async open(user: CurrentUser, reportId: string, format: string): Promise<{ stream: Readable; mediaType: string; fileName: string }> {
    const report = isUuid(reportId) ? await this.dataSource.getRepository(IndexReport).findOneBy({ id: reportId }) : null;
    if (!report) throw notFound(`Index report ${reportId}`);
    const assessment = await this.readable(user, report.assessmentId);
    // Own properties only: `format` comes from the URL, and "constructor" or "__proto__" are inherited names.
    const spec = Object.hasOwn(REPORT_FORMATS, format) && Object.hasOwn(INDEX_RENDERERS, format) ? REPORT_FORMATS[format] : undefined;
    if (!spec) throw badInput(`Index reports come as ${Object.keys(INDEX_RENDERERS).join(', ')}; not ${format}.`);
    const key = Object.hasOwn(report.files ?? {}, format) ? report.files[format] : undefined;
    if (!key) throw conflict(`Version ${report.version} has no ${format}.`);
    return {
      stream: await this.storage.get(key),
      mediaType: spec.mediaType,
      fileName: `${await this.results.cityName(assessment)} - Intercultural Cities Index ${assessment.publishedAt?.toISOString().slice(0, 10) ?? ''} v${report.version}.${spec.extension}`,
    };
  }

  /** The report's model, from what this reader may read of the results and the comparison. */
  async model(user: CurrentUser, assessment: IndexAssessment, language: string): Promise<IndexReportModel> {
    const results = await this.results.results(user, assessment, language);
    if (!results) throw forbidden('The Index report shows the results, which you may not read yet.');
    const comparison = await this.results.comparison(user, assessment.id, language);
    const definition = await this.assessments.definitionOf(assessment);
    const [city]: { name: string; country: string }[] = await this.dataSource.query('SELECT name, country FROM city WHERE id = $1', [
      assessment.cityId,
    ]);
    return buildIndexReportModel({
      language,
      city,
      definition,
      assessmentId: assessment.id,
      publishedAt: assessment.publishedAt!,
      results,
      comparison,
    });
  }

  /** The assessment, when the caller may read its results (the city once published, its experts, the secretariat). */
  private async readable(user: CurrentUser, assessmentId: string): Promise<IndexAssessment> {
    if (!isUuid(assessmentId)) throw notFound(`Index assessment ${assessmentId}`);
    const { assessment, roles } = await this.assessments.find(user, assessmentId);
    if (!this.assessments.mayReadResults(roles, assessment))
      throw forbidden('The Index report is read by whoever may read the published results: the city, its experts and the secretariat.');
    return assessment;
  }
}
