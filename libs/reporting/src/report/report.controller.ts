import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentUser, Me } from '@peervisit/platform';
import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { ReportDownloadService } from './report-download.service';

/** Report downloads, authorized like the report: drafts for the team, published versions for the city. */
@Controller('reports')
export class ReportController {
  constructor(private readonly downloads: ReportDownloadService) {}

  @Get(':id/:format')
  async download(@Me() user: CurrentUser, @Param('id') id: string, @Param('format') format: string, @Res() res: Response) {
    sendReportFile(res, await this.downloads.open(user, id, format));
  }
}

/** A rendered report file as an attachment that no cache keeps (the follow-up report's, the Index report's). */
export function sendReportFile(res: Response, file: { stream: Readable; mediaType: string; fileName: string }) {
  res.set({
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  file.stream.pipe(res);
}
