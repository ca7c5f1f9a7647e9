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
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { assertNoProblems, badInput, CurrentUser, Me, nulCharacterProblems, unauthenticated } from '@peervisit/platform';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { DocumentService, documentJson } from './document.service';

/** The part of multer's file object we use (memory storage; @types/multer is not installed). */
interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * Checks that the caller may add documents to the review *before* the body is read, then lets multer
 * read the one `file` part into memory, up to the configured limit (UPLOAD_MAX_BYTES) and one byte
 * more, so that the service can tell "exactly over" from "within". multer's own errors become
 * BAD_USER_INPUT with a sentence a person can act on.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(private readonly documents: DocumentService) {
    const Multer = FileInterceptor('file', {
      limits: { fileSize: documents.uploadMaxBytes + 1, files: 1, fields: 100, fieldSize: 64 * 1024 },
      // Browsers and fetch send the file name as UTF-8 in the part header.
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { user?: CurrentUser }>();
    if (!request.user) throw unauthenticated();
    await this.documents.assertCanAdd(request.user, request.params.reviewId as string);
    try {
      return await (this.multer.intercept(context, next) as Promise<Observable<unknown>>);
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

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
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
    @UploadedFile() file: UploadedPart | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ) {
    const fields = body ?? {};
    // Text fields go to PostgreSQL, which refuses a NUL character with an error (a 500 before).
    assertNoProblems(nulCharacterProblems(fields, 'form'), 'The upload was not stored');
    const document = await this.documents.upload(
      user,
      reviewId,
      file ? { buffer: file.buffer, originalName: file.originalname, mediaType: file.mimetype } : null,
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.documents.open(user, id);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, { type: file.mediaType, length: file.size, disposition: contentDisposition(file.fileName) });
  }
}
