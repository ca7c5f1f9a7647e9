import { Controller, Get, Param, Res } from '@nestjs/common';
import { CurrentUser, Me } from '@peervisit/platform';
import type { Response } from 'express';
import { ProgrammeExportService } from './programme-export.service';

/** The printable visit programme, served beside the report downloads and authorized like the programme. */
@Controller('reports/programme')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeExportService) {}

  @Get(':reviewId/pdf')
  async download(@Me() user: CurrentUser, @Param('reviewId') reviewId: string, @Res() res: Response) {
    const file = await this.programme.pdf(user, reviewId);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(file.body);
  }
}
