import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, PayloadTooLargeException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import { BODY_LIMIT_BYTES } from '../http/body-limit';
import { AppError, ErrorCode, HTTP_STATUS_OF } from './app-error';
import { localisedErrorMessage } from './error-messages';

/** The code a 4xx status stands for (one code per status; 413 and 429 have their own). */
export function codeOfStatus(status: number): ErrorCode {
  const code = (Object.entries(HTTP_STATUS_OF).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ?? null;
  return code ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
}

const TOO_LARGE_MESSAGE = `The request body is over the size limit of ${BODY_LIMIT_BYTES} bytes. Send less in one request (split it, or upload files as documents).`;

/**
 * An error from reading the request before any route ran, which Fastify gives a 4xx `statusCode`
 * (Nest's adapter hands most of them on as an HttpException of that status): a body over the size
 * limit, JSON that does not parse, a body of a type nothing reads, an encoding not read
 * (http-server.ts). These are the caller's, not ours.
 */
function clientErrorStatus(exception: unknown): number | null {
  if (!(exception instanceof Error)) return null;
  // `expose: false` (http-errors, e.g. `send` not finding a file of ours) is not the caller's to read.
  const { statusCode: status, expose } = exception as Error & { statusCode?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose !== false ? status : null;
}

/**
 * For the plain HTTP routes (health, uploads, downloads) and what happens before Apollo (body
 * parsing): AppError becomes a JSON body with the same code the GraphQL API uses. GraphQL errors
 * pass through to Apollo's formatError. Only what is ours (a 5xx) is logged as an error.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const response: unknown = host.switchToHttp().getResponse();
    // Through the adapter: a route's answer is Fastify's reply, a middleware's Node's own response.
    const send = (status: number, body: object) => {
      // A route may have set its own type before it failed (@Header('Content-Type', 'text/calendar')).
      const contentType = 'application/json; charset=utf-8';
      if (typeof (response as { header?: unknown }).header === 'function') (response as FastifyReply).header('Content-Type', contentType);
      else (response as ServerResponse).setHeader('Content-Type', contentType);
      this.adapterHost.httpAdapter.reply(response, body, status);
    };
    if (exception instanceof AppError) {
      send(HTTP_STATUS_OF[exception.code], {
        code: exception.code,
        message: localisedErrorMessage(exception.code, exception.message),
        ...exception.details,
      });
      return;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : clientErrorStatus(exception);
    // A body over Fastify's limit (Nest hands it on as a plain HttpException); a route's own refusal
    // of too large a file (PayloadTooLargeException) keeps its message, which names that route's limit.
    if (status === 413 && !(exception instanceof PayloadTooLargeException)) {
      send(413, { code: ErrorCode.PAYLOAD_TOO_LARGE, message: TOO_LARGE_MESSAGE });
      return;
    }
    if (status !== null && exception instanceof HttpException) {
      // Nest's own exceptions (unknown route, a guard's refusal, a body that does not parse) get the same stable codes.
      send(status, { code: codeOfStatus(status), message: exception.message });
      return;
    }
    if (status !== null) {
      send(status, {
        code: codeOfStatus(status),
        message: `The request could not be read: ${(exception as Error).message.replace(/\.$/, '')}.`,
      });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    send(500, { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' });
  }
}
