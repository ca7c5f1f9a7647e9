import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReviewModule } from '@peervisit/review';
import { ReportController } from './report/report.controller';
import { Report } from './report/report.entity';
import { ReportResolver } from './report/report.resolver';
import { ReportService } from './report/report.service';
import { ReportNameCheckResolver } from './report/report-name-check.resolver';
import { ReportNameCheckService } from './report/report-name-check.service';

export const REPORTING_ENTITIES = [Report];

/** Follow-up reports: the model, its renderings, versions and publication. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), ReviewModule],
  controllers: [ReportController],
  providers: [ReportService, ReportNameCheckService, ReportResolver, ReportNameCheckResolver],
  exports: [ReportService],
})
export class ReportingModule {}
