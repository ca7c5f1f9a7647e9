import { Injectable, NestMiddleware } from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { join, relative } from 'node:path';
import { cacheControlFor, isApiPath, WEB_APP_DIST, webAppBuilt } from './web-app-files';

/**
 * Serves the built web app (apps/web/dist) from the API's origin: its files with the right caching,
 * and index.html for any other page a browser asks for (client routes such as /reviews/…/notebook),
 * except under the API's own paths. When the app is not built it steps aside and the fallback pages
 * (FallbackPagesController) answer the links sent by email.
 */
@Injectable()
export class WebAppMiddleware implements NestMiddleware {
  private readonly files = express.static(WEB_APP_DIST, {
    index: false,
    // Vite writes no dotfiles we serve; refuse them like a plain static server would.
    dotfiles: 'ignore',
    setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlFor(relative(WEB_APP_DIST, path).split('\\').join('/'))),
  });

  use(req: Request, res: Response, next: NextFunction) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || !webAppBuilt()) return next();
    this.files(req, res, () => {
      // Not a file: a page of the app when a browser asks for one; anything else keeps its 404.
      if (!req.accepts('html') || /\.[a-z0-9]+$/i.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(WEB_APP_DIST, 'index.html'));
    });
  }
}
