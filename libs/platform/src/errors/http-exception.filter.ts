import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { AppError, ErrorCode, HTTP_STATUS_OF } from './app-error';
import { localisedErrorMessage } from './error-messages';

/** The code a 4xx status stands for (one code per status; 413 and 429 have their own). */
export function codeOfStatus(status: number): ErrorCode {
  const code = (Object.entries(HTTP_STATUS_OF).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ?? null;
  return code ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
}

/**
 * An error from express' body parsers (http-errors: a 4xx `status` and `expose: true`), e.g. a body
 * over the size limit or JSON that does not parse. These are the caller's, not ours.
 */
interface ClientHttpError {
  status: number;
  type?: string;
  limit?: number;
  message: string;
}
function clientHttpError(exception: unknown): ClientHttpError | null {
  if (!(exception instanceof Error)) return null;
  const { status, expose } = exception as Error & { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? (exception as Error & ClientHttpError) : null;
}

/**
 * For the plain HTTP routes (health, uploads, downloads) and what happens before Apollo (body
 * parsing): AppError becomes a JSON body with the same code the GraphQL API uses. GraphQL errors
 * pass through to Apollo's formatError. Only what is ours (a 5xx) is logged as an error.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AppError) {
      response
        .status(HTTP_STATUS_OF[exception.code])
        .json({ code: exception.code, message: localisedErrorMessage(exception.code, exception.message), ...exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      // Nest's own exceptions (unknown route, a guard's refusal) get the same stable codes.
      const status = exception.getStatus();
      response.status(status).json({ code: codeOfStatus(status), message: exception.message });
      return;
    }
    const clientError = clientHttpError(exception);
    if (clientError) {
      if (clientError.status === 413) {
        const limit = typeof clientError.limit === 'number' ? ` of ${clientError.limit} bytes` : '';
        response.status(413).json({
          code: ErrorCode.PAYLOAD_TOO_LARGE,
          message: `The request body is over the size limit${limit}. Send less in one request (split it, or upload files as documents).`,
        });
      } else {
        response
          .status(clientError.status)
          .json({ code: codeOfStatus(clientError.status), message: `The request could not be read: ${clientError.message}.` });
      }
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' });
  }
}
