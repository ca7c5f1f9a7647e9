import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { AppError, ErrorCode, HTTP_STATUS_OF } from './app-error';

/**
 * For the plain HTTP routes (health, uploads, downloads): AppError becomes a JSON body with the
 * same code the GraphQL API uses. GraphQL errors pass through to Apollo's formatError.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AppError) {
      response.status(HTTP_STATUS_OF[exception.code]).json({ code: exception.code, message: exception.message, ...exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      // Nest's own exceptions (unknown route, a guard's refusal) get the same stable codes.
      const status = exception.getStatus();
      const code = (Object.entries(HTTP_STATUS_OF).find(([, s]) => s === status)?.[0] as ErrorCode | undefined) ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
      response.status(status).json({ code, message: exception.message });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' });
  }
}
