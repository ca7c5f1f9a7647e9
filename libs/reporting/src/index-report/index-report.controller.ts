import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentUser, Me } from '@peervisit/platform';
import type { Response } from 'express';
import { sendReportFile } from '../report/report.controller';
import { IndexReportService } from './index-report.service';

/** Index report downloads, authorized like the published results they show. */
@Controller('index-reports')
export class IndexReportController {
  constructor(private readonly reports: IndexReportService) {}

  @Get(':id/:format')
  async download(@Me() user: CurrentUser, @Param('id') id: string, @Param('format') format: string, @Res() res: Response) {
    sendReportFile(res, await this.reports.open(user, id, format));
  }
}
