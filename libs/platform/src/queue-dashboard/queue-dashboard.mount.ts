import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

const cookieOf = (request: FastifyRequest, name: string) =>
  (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

/**
 * bull-board at /admin/queues, for administrators only (see QueueDashboardPasses for the way in).
 * Registered on Fastify directly, in a scope of its own (its guard, bull-board's plugin): bull-board brings its own routes, and Nest's guard knows only bearer tokens. Registered
 * during module init, after Nest's routes and before the server starts.
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

  onModuleInit() {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP (scripts)
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded only by a process that serves HTTP */
    const { createBullBoard }: typeof import('@bull-board/api') = require('@bull-board/api');
    const { BullMQAdapter }: typeof import('@bull-board/api/bullMQAdapter') = require('@bull-board/api/bullMQAdapter');
    const { FastifyAdapter }: typeof import('@bull-board/fastify') = require('@bull-board/fastify');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const board = new FastifyAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: QUEUE_NAMES.map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'PeerVisit queues' } },
    });
    // Plugins registered, not awaited: Fastify loads them in this order when the server starts.
    void fastify.register(
      async (dashboard) => {
        dashboard.get('/sign-in', (request, reply) => this.signIn(request, reply));
        void dashboard.register(async (guarded) => {
          guarded.addHook('onRequest', (request, reply) => this.guard(request, reply));
          void guarded.register(board.registerPlugin());
        });
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
  }

  /** Exchanges a one-time link's ticket for the dashboard cookie, then leaves the ticket out of the address bar. */
  private async signIn(request: FastifyRequest, reply: FastifyReply) {
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    try {
      const value = await this.passes.redeem((request.query as Record<string, unknown>).ticket);
      // The value is a JWT (base64url and dots): nothing in it needs encoding.
      const secure = request.protocol === 'https' || this.config.publicUrl.startsWith('https:');
      const cookie = `${QUEUE_DASHBOARD_COOKIE}=${value}; Max-Age=${DASHBOARD_SESSION_TTL_SECONDS}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
      return reply.header('Set-Cookie', cookie).redirect(`${QUEUE_DASHBOARD_PATH}/`, 303);
    } catch (error) {
      return this.refuse(reply, error);
    }
  }

  /** An onRequest hook: a refusal is answered here and the route never runs. */
  private async guard(request: FastifyRequest, reply: FastifyReply) {
    try {
      const adminId = await this.passes.check(cookieOf(request, QUEUE_DASHBOARD_COOKIE));
      // Defence in depth against cross-site requests, beyond SameSite=Strict: a change (retry,
      // clean, remove a job) must come from a page of this origin. Browsers always send Origin on them.
      if (!SAFE_METHODS.has(request.method)) {
        const own = [`${request.protocol}://${request.host}`, new URL(this.config.publicUrl).origin];
        if (!own.includes(String(request.headers.origin))) {
          throw new AppError(
            ErrorCode.FORBIDDEN,
            'Changes to the queues are accepted only from the dashboard page itself (the Origin header did not match).',
          );
        }
        this.logger.log(`Admin ${adminId}: ${request.method} ${request.url.split('?')[0]}`);
      }
    } catch (error) {
      return this.refuse(reply, error);
    }
  }

  private refuse(reply: FastifyReply, error: unknown) {
    if (!(error instanceof AppError)) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return reply
        .status(500)
        .send({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side; it has been logged.' });
    }
    return reply.status(HTTP_STATUS_OF[error.code]).send({ code: error.code, message: error.message });
  }
}
