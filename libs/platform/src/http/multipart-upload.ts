import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import type {} from '@fastify/multipart'; // its request methods (parts, isMultipart)
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

/** The file of a multipart upload, read into memory. */
export interface UploadedPart {
  fieldName: string;
  originalName: string;
  mediaType: string;
  size: number;
  buffer: Buffer;
}

export interface MultipartLimits {
  /** Bytes of the file; past it the upload is refused as too large (PayloadTooLargeException). */
  fileSize: number;
  /** What that refusal says (default: "File too large"). */
  tooLargeMessage?: string;
  /** Text fields, and bytes in one (default 100 and 64 KiB). */
  fields?: number;
  fieldSize?: number;
}

const UPLOADED = Symbol('uploadedPart');
type UploadRequest = FastifyRequest & { [UPLOADED]?: UploadedPart };

/**
 * Reads a multipart/form-data body with one file in the part named `fileField`: the text fields
 * become the body (`@Body()`, a field sent twice an array) and the file `@UploadedFilePart()`. A file
 * over `fileSize` is a PayloadTooLargeException; any other part or limit the caller got wrong a
 * BadRequestException saying which. Nothing is read before the interceptors and guards ahead of it
 * have run. A body that is not multipart is left as parsed (no file).
 */
export function MultipartUpload(fileField: string, limits: MultipartLimits): Type<NestInterceptor> {
  class MultipartUploadInterceptor implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<UploadRequest>();
      if (request.isMultipart()) await read(request, fileField, limits);
      return next.handle();
    }
  }
  return mixin(MultipartUploadInterceptor);
}

/** The file MultipartUpload read, or undefined when none was sent. */
export const UploadedFilePart = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedPart | undefined => context.switchToHttp().getRequest<UploadRequest>()[UPLOADED],
);

async function read(request: UploadRequest, fileField: string, limits: MultipartLimits): Promise<void> {
  const fields: Record<string, string | string[]> = {};
  try {
    // File names are read as UTF-8 (what browsers and fetch send in the part header).
    const parts = request.parts({
      limits: { fileSize: limits.fileSize, files: 1, fields: limits.fields ?? 100, fieldSize: limits.fieldSize ?? 64 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField) throw new BadRequestException(`Unexpected file part "${part.fieldname}"`);
        const buffer = await part.toBuffer();
        request[UPLOADED] = {
          fieldName: part.fieldname,
          originalName: part.filename,
          mediaType: part.mimetype,
          size: buffer.length,
          buffer,
        };
        continue;
      }
      if (part.valueTruncated) throw new BadRequestException(`Field "${part.fieldname}" is too long`);
      const value = String(part.value);
      const earlier = Object.hasOwn(fields, part.fieldname) ? fields[part.fieldname] : undefined;
      fields[part.fieldname] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
    }
  } catch (error) {
    throw asHttpError(error, limits.tooLargeMessage ?? 'File too large');
  }
  request.body = fields;
}

/** @fastify/multipart's errors as the caller's: too large a file, or a message saying what was wrong. */
function asHttpError(error: unknown, tooLargeMessage: string): unknown {
  if (!(error instanceof Error) || error instanceof BadRequestException) return error;
  const { code } = error as Error & { code?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeException(tooLargeMessage);
  if (typeof code === 'string' && code.startsWith('FST_')) return new BadRequestException(error.message.replace(/\.$/, ''));
  // busboy's own: a body that does not parse as multipart (cut short, a broken boundary).
  if (/multipart|boundary|form|part/i.test(error.message)) return new BadRequestException(error.message.replace(/\.$/, ''));
  return error;
}
