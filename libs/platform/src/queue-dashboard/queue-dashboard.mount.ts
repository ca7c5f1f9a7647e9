import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, Response, Router } from 'express';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { AppError, ErrorCode, HTTP_STATUS_OF } from '../errors/app-error';
import { QUEUE_NAMES } from '../queue/queues';
import {
  DASHBOARD_SESSION_TTL_SECONDS,
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QueueDashboardPasses,
} from './queue-dashboard-passes';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const cookieOf = (req: Request, name: string) =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * bull-board at /admin/queues, for administrators only (see QueueDashboardPasses for the way in).
 * Mounted on Express directly: bull-board brings its own router, and Nest's guard knows only bearer
 * tokens. Registered during module init, after Nest's routes and before its 404 handler.
 */
@Injectable()
export class QueueDashboardMount implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly passes: QueueDashboardPasses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private board?: Router;

  onModuleInit() {
    const app = this.adapterHost.httpAdapter?.getInstance<Express>();
    if (!app) return; // an application context without HTTP (scripts)
    app.get(`${QUEUE_DASHBOARD_PATH}/sign-in`, (req, res) => void this.signIn(req, res));
    app.use(
      QUEUE_DASHBOARD_PATH,
      (req, res, next) => void this.guard(req, res, next),
      (req, res, next) => this.router()(req, res, next),
    );
  }

  /**
   * bull-board's router, built on the first request that passed the guard: bull-board is loaded only
   * then, since most processes never serve the dashboard (`require`: TypeScript's nodenext rules would
   * want a `.js` file name for `import()`).
   */
  private router(): Router {
    if (this.board) return this.board;
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createBullBoard }: typeof import('@bull-board/api') = require('@bull-board/api');
    const { BullMQAdapter }: typeof import('@bull-board/api/bullMQAdapter') = require('@bull-board/api/bullMQAdapter');
    const { ExpressAdapter }: typeof import('@bull-board/express') = require('@bull-board/express');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      // @bull-board/express pins its own patch release of @bull-board/api; the interface is the same.
      serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'PeerVisit queues' } },
    });
    this.board = board.getRouter() as Router;
    return this.board;
  }

  /** Exchanges a one-time link's ticket for the dashboard cookie, then leaves the ticket out of the address bar. */
  private async signIn(req: Request, res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    try {
      const value = await this.passes.redeem(req.query.ticket);
      res.cookie(QUEUE_DASHBOARD_COOKIE, value, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure || this.config.publicUrl.startsWith('https:'),
        path: QUEUE_DASHBOARD_PATH,
        maxAge: DASHBOARD_SESSION_TTL_SECONDS * 1000,
      });
      res.redirect(303, `${QUEUE_DASHBOARD_PATH}/`);
    } catch (error) {
      this.refuse(res, error);
    }
  }

  private async guard(req: Request, res: Response, next: NextFunction) {
    try {
      const adminId = await this.passes.check(cookieOf(req, QUEUE_DASHBOARD_COOKIE));
      // Defence in depth against cross-site requests, beyond SameSite=Strict: a change (retry,
      // clean, remove a job) must come from a page of this origin. Browsers always send Origin on them.
      if (!SAFE_METHODS.has(req.method)) {
        const own = [`${req.protocol}://${req.get('host')}`, new URL(this.config.publicUrl).origin];
        if (!own.includes(String(req.headers.origin))) {
          throw new AppError(
            ErrorCode.FORBIDDEN,
            'Changes to the queues are accepted only from the dashboard page itself (the Origin header did not match).',
          );
        }
        this.logger.log(`Admin ${adminId}: ${req.method} ${req.originalUrl.split('?')[0]}`);
      }
      next();
    } catch (error) {
      this.refuse(res, error);
    }
  }

  private refuse(res: Response, error: unknown) {
    if (!(error instanceof AppError)) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      res.status(500).json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' });
      return;
    }
    res.status(HTTP_STATUS_OF[error.code]).json({ code: error.code, message: error.message });
  }
}
