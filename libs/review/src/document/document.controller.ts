import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpException,
  Injectable,
  NestInterceptor,
  Param,
  PayloadTooLargeException,
  Post,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  assertNoProblems,
  attachment,
  badInput,
  contentDisposition,
  CurrentUser,
  Me,
  MultipartUpload,
  nulCharacterProblems,
  unauthenticated,
  UploadedFilePart,
  UploadedPart,
} from '@peervisit/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { DocumentService, documentJson } from './document.service';

/**
 * Checks that the caller may add documents to the review *before* the body is read, then reads the
 * one `file` part into memory, up to the configured limit (UPLOAD_MAX_BYTES) and one byte more, so
 * that the service can tell "exactly over" from "within". The reader's errors become BAD_USER_INPUT
 * with a sentence a person can act on.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly reader: NestInterceptor;

  constructor(private readonly documents: DocumentService) {
    const Reader = MultipartUpload('file', { fileSize: documents.uploadMaxBytes + 1, fields: 100, fieldSize: 64 * 1024 });
    this.reader = new Reader();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: CurrentUser }>();
    if (!request.user) throw unauthenticated();
    await this.documents.assertCanAdd(request.user, (request.params as Record<string, string>).reviewId);
    try {
      return await this.reader.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        const message = this.documents.tooLargeMessage();
        throw badInput(message, [{ path: 'file', message }]);
      }
      if (error instanceof HttpException && error.getStatus() === 400) {
        throw badInput(
          `The upload could not be read (${error.message}). Send multipart/form-data with one file in a part named "file" and the text fields title, type and keyFactorIds (and replacesDocumentId for a new version).`,
        );
      }
      throw error;
    }
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `keyFactorIds` as "a,b", as a repeated field, or as keyFactorIds[]. */
function idList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Uploads and downloads of document files (GraphQL carries the rest). Errors leave as JSON through HttpErrorFilter. */
@Controller()
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  /**
   * multipart/form-data: `file`, `title`, `type`, `keyFactorIds` (comma-separated or repeated), and
   * `replacesDocumentId` to upload a new version of a document (the earlier one is retracted). 201 with the document.
   */
  @Post('reviews/:reviewId/documents')
  @UseInterceptors(DocumentUploadInterceptor)
  async upload(
    @Me() user: CurrentUser,
    @Param('reviewId') reviewId: string,
    @UploadedFilePart() file: UploadedPart | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ) {
    const fields = body ?? {};
    // Text fields go to PostgreSQL, which refuses a NUL character with an error (a 500 before).
    assertNoProblems(nulCharacterProblems(fields, 'form'), 'The upload was not stored');
    const document = await this.documents.upload(
      user,
      reviewId,
      file ? { buffer: file.buffer, originalName: file.originalName, mediaType: file.mediaType } : null,
      {
        title: text(fields.title),
        type: text(fields.type),
        keyFactorIds: idList(fields.keyFactorIds ?? fields['keyFactorIds[]']),
        replacesDocumentId: text(fields.replacesDocumentId),
      },
    );
    return documentJson(document);
  }

  /** The file, to members of the review: Content-Type, Content-Length and Content-Disposition: attachment. */
  @Get('documents/:id/file')
  async download(
    @Me() user: CurrentUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.documents.open(user, id);
    return attachment(reply, file.stream, { type: file.mediaType, length: file.size, disposition: contentDisposition(file.fileName) });
  }
}
