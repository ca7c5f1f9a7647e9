import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { join, relative } from 'node:path';
import { cacheControlFor, isApiPath, WEB_APP_DIR, webAppBuilt } from './web-app-files';

/**
 * Serves the built web app (apps/web/dist) from the API's origin: its files with the right caching,
 * and index.html for any other page a browser asks for (client routes such as /reviews/…/notebook),
 * except under the API's own paths. When the app is not built it steps aside and the fallback pages
 * (FallbackPagesController) answer the links sent by email.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly files: ReturnType<typeof express.static>;

  constructor(@Inject(WEB_APP_DIR) private readonly dist: string) {
    this.files = express.static(dist, {
      index: false,
      // Vite writes no dotfiles we serve; refuse them like a plain static server would.
      dotfiles: 'ignore',
      setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(relative(dist, path).split('\\').join('/'))),
    });
  }

  use(req: Request, res: Response, next: NextFunction) {
    // Nest mounts middleware on a route pattern, which rewrites req.url to the part after it: work
    // from the original URL, as a static server at the root would see it.
    const path = new URL(req.originalUrl, 'http://local').pathname;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(path) || !webAppBuilt(this.dist)) return next();
    const mountedUrl = req.url;
    req.url = req.originalUrl;
    this.files(req, res, () => {
      req.url = mountedUrl;
      // Not a file: a page of the app when a browser asks for one; anything else keeps its 404.
      if (!req.accepts('html') || /\.[a-z0-9]+$/i.test(path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(this.dist, 'index.html'));
    });
  }
}
