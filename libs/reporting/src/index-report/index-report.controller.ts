import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { CurrentUser, Me } from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import { reportFile } from '../report/report.controller';
import { IndexReportService } from './index-report.service';

/** Index report downloads, authorized like the published results they show. */
@Controller('index-reports')
export class IndexReportController {
  constructor(private readonly reports: IndexReportService) {}

  @Get(':id/:format')
  async download(
    @Me() user: CurrentUser,
    @Param('id') id: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return reportFile(reply, await this.reports.open(user, id, format));
  }
}
