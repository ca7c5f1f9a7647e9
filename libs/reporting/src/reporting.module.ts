import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReviewModule } from '@peervisit/review';
import { ExportsController } from './exports/exports.controller';
import { ExportsService } from './exports/exports.service';
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

/** Follow-up reports: the model, its renderings, versions and publication. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), ReviewModule],
  controllers: [ReportController, ProgrammeController, ExportsController],
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
  ],
  exports: [ReportRequestService, ReportPublishService, ReportReadService],
})
export class ReportingModule {}
