import { ReportModel } from '../model/report-model';
import { renderReportHtml } from '../render/html-report';

// Loaded on first use: pdfkit and docx are large, and most processes never render. `require` rather
// than `import()`, for which TypeScript's nodenext rules would want a `.js` file name.
/* eslint-disable @typescript-eslint/no-require-imports */
const pdfReport = (): typeof import('../render/pdf-report') => require('../render/pdf-report');
const docxReport = (): typeof import('../render/docx-report') => require('../render/docx-report');
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ReportFormat {
  extension: string;
  mediaType: string;
  render(model: ReportModel): Promise<Buffer>;
}

/** The formats a report is rendered to, in one place. */
export const REPORT_FORMATS: Record<string, ReportFormat> = {
  html: {
    extension: 'html',
    mediaType: 'text/html; charset=utf-8',
    render: async (model) => Buffer.from(await renderReportHtml(model), 'utf8'),
  },
  pdf: {
    extension: 'pdf',
    mediaType: 'application/pdf',
    render: async (model) => pdfReport().renderReportPdf(model),
  },
  docx: {
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: async (model) => docxReport().renderReportDocx(model),
  },
};
