import { Injectable } from '@nestjs/common';
import { CurrentUser } from '@peervisit/platform';
import { ReviewAccessService } from '@peervisit/review';
import { DataSource } from 'typeorm';
import { ReportNamePlace, reportNameCheck } from '../model/report-name-check';
import { buildReportModel, contentHash, loadReportInput } from '../model/report-model';
import { ReportReadService } from './report-read.service';

export interface ReportNameCheckResult {
  reportId: string;
  version: number;
  upToDate: boolean;
  places: ReportNamePlace[];
}

/** The expert leader's look at the names in a report version before publishing it. */
@Injectable()
export class ReportNameCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccessService,
    private readonly reports: ReportReadService,
  ) {}

  /**
   * The places of the review's current data, which is what the version shows while `upToDate` (the
   * data still gives the version's content hash); otherwise a new version would show these.
   */
  async check(user: CurrentUser, reportId: string): Promise<ReportNameCheckResult> {
    const report = await this.reports.get(user, reportId);
    await this.access.require(user, report.reviewId, 'report.publish');
    const input = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      loadReportInput(manager, report.reviewId, report.language),
    );
    return {
      reportId: report.id,
      version: report.version,
      upToDate: report.contentHash !== null && contentHash(buildReportModel(input, report.language)) === report.contentHash,
      places: reportNameCheck(input),
    };
  }
}
