import { Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { languageFromAcceptLanguage } from '../i18n/languages';
import { acceptRequestId, REQUEST_CONTEXT_OF, REQUEST_ID_HEADER, RequestContext, runWithRequestContext } from './request-context';

/**
 * Gives every HTTP request an id (the caller's X-Request-Id when well-formed, else a new one), echoes
 * it in the response header, and runs the rest of the request with it, so every log line, every
 * GraphQL error and every job the request enqueues carries it. The context is also kept on the
 * request: reading the body loses it, and RequestContextHooks enters it again before the handler.
 */
@Injectable()
export class RequestIdMiddleware implements NestMiddleware {
  use(req: IncomingMessage & { [REQUEST_CONTEXT_OF]?: RequestContext }, res: ServerResponse, next: () => void) {
    const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER.toLowerCase()]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const acceptLanguage = languageFromAcceptLanguage(req.headers['accept-language']);
    const context: RequestContext = acceptLanguage ? { requestId, acceptLanguage } : { requestId };
    req[REQUEST_CONTEXT_OF] = context;
    runWithRequestContext(context, next);
  }
}
