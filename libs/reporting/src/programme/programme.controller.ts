import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { CurrentUser, Me, requestLanguage } from '@peervisit/platform';
import type { Response } from 'express';
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
    @Res() res: Response,
  ) {
    const file = await this.programme.pdf(user, reviewId, language || requestLanguage());
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Language': file.language,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(file.body);
  }
}
