import { Controller, Get, Inject, Param, Post, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  assertNoProblems,
  attachment,
  badInput,
  contentDisposition,
  CurrentUser,
  Me,
  MultipartUpload,
  ParsingLimits,
  parsingLimitsOf,
  Public,
  UploadedFilePart,
  UploadedPart,
} from '@peervisit/platform';
import type { FastifyReply } from 'fastify';
import { readGoodPracticeDocx } from './docx/read-good-practice-docx';
import { GoodPractice } from './good-practice.entity';
import { GoodPracticeService } from './good-practice.service';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A filled-in template is a few pages; this is generous. */
export const DOCX_MAX_BYTES = 10 * 1024 * 1024;

const fileNameOf = (practice: GoodPractice) =>
  `${`${practice.city} - ${practice.title}`
    .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
    .slice(0, 120)
    .trim()}.docx`;

export const practiceJson = (p: GoodPractice) => ({
  id: p.id,
  status: p.status,
  title: p.title,
  city: p.city,
  country: p.country,
  version: p.version,
  createdById: p.createdById,
  createdAt: p.createdAt,
});

/**
 * The good practice as a Word document in the ICC template, both ways. Authorized like the GraphQL
 * equivalents: a signed-in member imports a filled-in template as a draft of their own (see
 * GoodPracticeService.importWord), exporting needs read access (a published practice: anyone,
 * signed in or not, like goodPractice(id)).
 */
@Controller('good-practices')
export class GoodPracticeDocxController {
  private readonly parsingLimits: ParsingLimits;

  constructor(
    private readonly practices: GoodPracticeService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.parsingLimits = parsingLimitsOf(config);
  }

  /**
   * multipart/form-data with one `file` (.docx): 201 with the new draft, 400 with every problem
   * found, 413 over 10 MB. The authentication guard refuses strangers before the body is read; the file is read
   * within PARSE_* limits.
   */
  @Post('import.docx')
  @UseInterceptors(MultipartUpload('file', { fileSize: DOCX_MAX_BYTES, tooLargeMessage: 'The file is larger than 10 MB.' }))
  async importDocx(@Me() user: CurrentUser, @UploadedFilePart() file: UploadedPart | undefined) {
    if (!file)
      throw badInput('Send the Word document as multipart/form-data in a part named "file".', [{ path: 'file', message: 'required' }]);
    const { document, problems } = await readGoodPracticeDocx(file.buffer, { limits: this.parsingLimits });
    assertNoProblems(problems, 'The Word document was not imported');
    const practice = await this.practices.importWord(user, document);
    return practiceJson(practice);
  }

  /** The good practice as a .docx in the layout of the ICC template (NOT_FOUND for what the caller may not read). */
  @Public()
  @Get(':id/export.docx')
  async exportDocx(
    @Me() user: CurrentUser | undefined,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const practice = await this.practices.get(user, id);
    // Loaded on first use: docx is large, and most processes never write a Word file (`require`:
    // TypeScript's nodenext rules would want a `.js` file name for `import()`).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeGoodPracticeDocx }: typeof import('./docx/write-good-practice-docx') = require('./docx/write-good-practice-docx');
    const buffer = await writeGoodPracticeDocx(await this.practices.documentOf(practice));
    // no-store even when published: the same URL serves a draft to its author.
    return attachment(reply, buffer, {
      type: DOCX_MEDIA_TYPE,
      length: buffer.length,
      disposition: contentDisposition(fileNameOf(practice)),
    });
  }
}
