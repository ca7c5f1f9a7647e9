import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import accepts from 'accepts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import send from 'send';
import serveStatic from 'serve-static';
import { cacheControlFor, isApiPath, WEB_APP_DIR, webAppBuilt } from './web-app-files';

type MiddlewareRequest = IncomingMessage & { originalUrl?: string };

/**
 * Serves the built web app (apps/web/dist) from the API's origin: its files with the right caching,
 * and index.html for any other page a browser asks for (client routes such as /reviews/…/notebook),
 * except under the API's own paths. When the app is not built it steps aside and the fallback pages
 * (FallbackPagesController) answer the links sent by email. Works on Node's own request and
 * response, which is what Fastify gives Nest's middleware.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly files: ReturnType<typeof serveStatic<ServerResponse>>;

  constructor(@Inject(WEB_APP_DIR) private readonly dist: string) {
    this.files = serveStatic(dist, {
      index: false,
      // Vite writes no dotfiles we serve; refuse them like a plain static server would.
      dotfiles: 'ignore',
      setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(relative(dist, path).split('\\').join('/'))),
    });
  }

  use(req: MiddlewareRequest, res: ServerResponse, next: (error?: unknown) => void) {
    // The middleware runner strips the pattern it is mounted on from req.url: work from the
    // original URL, as a static server at the root would see it.
    const originalUrl = req.originalUrl ?? req.url ?? '/';
    const path = new URL(originalUrl, 'http://local').pathname;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(path) || !webAppBuilt(this.dist)) return next();
    const mountedUrl = req.url;
    req.url = originalUrl;
    this.files(req, res, (error?: unknown) => {
      req.url = mountedUrl;
      if (error) return next(error);
      // Not a file: a page of the app when a browser asks for one; anything else keeps its 404.
      if (!accepts(req).type('html') || /\.[a-z0-9]+$/i.test(path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      send(req, join(this.dist, 'index.html'), { cacheControl: false })
        .on('error', (sendError: unknown) => next(sendError))
        .pipe(res);
    });
  }
}
