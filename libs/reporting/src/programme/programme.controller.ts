import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { attachment, CurrentUser, Me, requestLanguage } from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import { ProgrammeExportService } from './programme-export.service';

/**
 * The printable visit programme, served beside the report downloads and authorized like the programme.
 * In `?language=` when given (en, fr, de), else the reader's (Accept-Language, else their own).
 */
@Controller('reports/programme')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeExportService) {}

  @Get(':reviewId/pdf')
  async download(
    @Me() user: CurrentUser,
    @Param('reviewId') reviewId: string,
    @Query('language') language: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.programme.pdf(user, reviewId, language || requestLanguage());
    return attachment(reply, file.body, {
      type: 'application/pdf',
      language: file.language,
      length: file.body.length,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
