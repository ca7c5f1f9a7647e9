import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { languageFromAcceptLanguage } from '../i18n/languages';
import { acceptRequestId, REQUEST_ID_HEADER, runWithRequestContext } from './request-context';

/**
 * Gives every HTTP request an id (the caller's X-Request-Id when well-formed, else a new one), echoes
 * it in the response header, and runs the rest of the request with it, so every log line, every
 * GraphQL error and every job the request enqueues carries it.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) {
    const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const acceptLanguage = languageFromAcceptLanguage(req.headers['accept-language']);
    runWithRequestContext(acceptLanguage ? { requestId, acceptLanguage } : { requestId }, next);
  }
}
