import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { attachment, CurrentUser, Me } from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { ReportDownloadService } from './report-download.service';

/** Report downloads, authorized like the report: drafts for the team, published versions for the city. */
@Controller('reports')
export class ReportController {
  constructor(private readonly downloads: ReportDownloadService) {}

  @Get(':id/:format')
  async download(
    @Me() user: CurrentUser,
    @Param('id') id: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return reportFile(reply, await this.downloads.open(user, id, format));
  }
}

/** A rendered report file as an attachment that no cache keeps (the follow-up report's, the Index report's). */
export function reportFile(reply: FastifyReply, file: { stream: Readable; mediaType: string; fileName: string }): StreamableFile {
  return attachment(reply, file.stream, {
    type: file.mediaType,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
