import { ReportModel } from '../model/report-model';
import { renderReportDocx } from '../render/docx-report';
import { renderReportHtml } from '../render/html-report';
import { renderReportPdf } from '../render/pdf-report';

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
  pdf: { extension: 'pdf', mediaType: 'application/pdf', render: renderReportPdf },
  docx: {
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderReportDocx,
  },
};
