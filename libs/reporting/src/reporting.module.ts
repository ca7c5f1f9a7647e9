import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IccIndexModule } from '@peervisit/icc-index';
import { ReviewModule } from '@peervisit/review';
import { ExportsController } from './exports/exports.controller';
import { ExportsService } from './exports/exports.service';
import { IndexReportController } from './index-report/index-report.controller';
import { IndexReportResolver } from './index-report/index-report.resolver';
import { IndexReportService } from './index-report/index-report.service';
import { ProgrammeController } from './programme/programme.controller';
import { ProgrammeExportService } from './programme/programme-export.service';
import { ReportController } from './report/report.controller';
import { ReportResolver } from './report/report.resolver';
import { ReportDownloadService } from './report/report-download.service';
import { ReportAnnouncer } from './report/report-live';
import { ReportPublishService } from './report/report-publish.service';
import { ReportQueue } from './report/report-queue';
import { ReportReadService } from './report/report-read.service';
import { ReportRenderService } from './report/report-render.service';
import { ReportRequestService } from './report/report-request.service';
import { ReportSweepService } from './report/report-sweep.service';
import { ReportNameCheckResolver } from './report/report-name-check.resolver';
import { ReportNameCheckService } from './report/report-name-check.service';
import { REPORTING_ENTITIES } from './entities';

/** Follow-up reports: the model, its renderings, versions and publication; and the Index report. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), ReviewModule, IccIndexModule],
  controllers: [ReportController, ProgrammeController, ExportsController, IndexReportController],
  providers: [
    ProgrammeExportService,
    ExportsService,
    ReportAnnouncer,
    ReportQueue,
    ReportRequestService,
    ReportRenderService,
    ReportSweepService,
    ReportPublishService,
    ReportReadService,
    ReportDownloadService,
    ReportNameCheckService,
    ReportResolver,
    ReportNameCheckResolver,
    IndexReportService,
    IndexReportResolver,
  ],
  exports: [ReportRequestService, ReportPublishService, ReportReadService],
})
export class ReportingModule {}
