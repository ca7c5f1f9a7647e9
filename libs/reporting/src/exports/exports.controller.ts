import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { AdminOnly, attachment, CurrentUser, Me } from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import { ExportFile, ExportsService } from './exports.service';

const send = (reply: FastifyReply, file: ExportFile): StreamableFile =>
  attachment(reply, file.body, {
    type: file.mediaType,
    length: file.body.length,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });

/**
 * Spreadsheet exports (XLSX, CSV): /exports/reviews/:reviewId/{ratings,recommendations,evidence}.{xlsx,csv}
 * (evidence with ?anonymise=true) and /exports/network/ratings.{xlsx,csv}?benchmark=&version= for
 * the secretariat. The service decides who may read what and audits each export.
 */
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @AdminOnly()
  @Get('network/:file')
  async network(
    @Me() user: CurrentUser,
    @Param('file') file: string,
    @Query('benchmark') benchmark: string | undefined,
    @Query('version') version: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(reply, await this.exports.networkRatings(user, single(benchmark), single(version), file));
  }

  @Get('reviews/:reviewId/:file')
  async review(
    @Me() user: CurrentUser,
    @Param('reviewId') reviewId: string,
    @Param('file') file: string,
    @Query('anonymise') anonymise: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(reply, await this.exports.reviewExport(user, reviewId, file, { anonymise: single(anonymise) === 'true' }));
  }
}

/** A query parameter given twice arrives as an array; only a single value counts. */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
