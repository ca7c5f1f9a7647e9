import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { CurrentUser } from '../auth/current-user';
import { SessionStore } from '../auth/session-store';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { unauthenticated } from '../errors/app-error';

/** Where the dashboard is mounted, and the cookie's path. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'pv_queue_dashboard';
/** A link works once, within this time: long enough to click, short enough to be useless once leaked. */
export const TICKET_TTL_SECONDS = 60;
/** How long the dashboard stays open in the browser without a new link. */
export const DASHBOARD_SESSION_TTL_SECONDS = 20 * 60;

/** Audiences keep these tokens apart from access tokens and from each other (same secret, different use). */
const TICKET_AUDIENCE = 'peervisit:queue-dashboard-ticket';
const COOKIE_AUDIENCE = 'peervisit:queue-dashboard';

interface PassClaims {
  sub: string;
  sid?: string;
  jti?: string;
}

/**
 * The way into the queue dashboard for a browser. An admin asks for a one-time link (an
 * admin-only mutation, so the bearer token and the AuthGuard decide who may); opening it within a
 * minute exchanges the ticket for a short-lived HttpOnly, SameSite=Strict cookie scoped to the
 * dashboard's path, tied to the admin's sign-in session (signing out ends it).
 */
@Injectable()
export class QueueDashboardPasses {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly sessions: SessionStore,
  ) {}

  issueLink(admin: CurrentUser): { url: string; expiresAt: Date } {
    const claims: PassClaims = { sub: admin.personId, ...(admin.sessionId && { sid: admin.sessionId }), jti: randomUUID() };
    const ticket = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      audience: TICKET_AUDIENCE,
      issuer: 'peervisit',
      expiresIn: TICKET_TTL_SECONDS,
    });
    return {
      url: `${this.config.publicUrl}${QUEUE_DASHBOARD_PATH}/sign-in?ticket=${encodeURIComponent(ticket)}`,
      expiresAt: new Date(Date.now() + TICKET_TTL_SECONDS * 1000),
    };
  }

  /** Checks a ticket and spends it (once only, across processes: Redis SET NX); answers the cookie's value. */
  async redeem(ticket: unknown): Promise<string> {
    const claims = this.verify(ticket, TICKET_AUDIENCE);
    if (!claims.jti) throw unauthenticated('This queue dashboard link is not valid: ask for a new one (openQueueDashboard).');
    const redis = (await this.moduleRef.get<Queue>(getQueueToken('maintenance'), { strict: false }).client) as unknown as Redis; // BullMQ types its client loosely
    const first = await redis.set(
      `${this.config.queuePrefix}:queue-dashboard-ticket:${claims.jti}`,
      '1',
      'EX',
      TICKET_TTL_SECONDS * 2,
      'NX',
    );
    if (first !== 'OK') throw unauthenticated('This queue dashboard link was already used: ask for a new one (openQueueDashboard).');
    await this.checkSession(claims);
    const cookie: PassClaims = { sub: claims.sub, ...(claims.sid && { sid: claims.sid }) };
    return jwt.sign(cookie, this.config.jwtSecret, {
      algorithm: 'HS256',
      audience: COOKIE_AUDIENCE,
      issuer: 'peervisit',
      expiresIn: DASHBOARD_SESSION_TTL_SECONDS,
    });
  }

  /** The admin a dashboard cookie stands for, or UNAUTHENTICATED. */
  async check(cookie: unknown): Promise<string> {
    const claims = this.verify(cookie, COOKIE_AUDIENCE);
    await this.checkSession(claims);
    return claims.sub;
  }

  private verify(token: unknown, audience: string): PassClaims {
    if (typeof token !== 'string' || !token)
      throw unauthenticated('Open the queue dashboard with a link from the openQueueDashboard mutation (administrators only).');
    try {
      return jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], audience, issuer: 'peervisit' }) as PassClaims;
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError)
        throw unauthenticated('The queue dashboard link or session has expired: ask for a new link (openQueueDashboard).');
      throw unauthenticated('The queue dashboard link or session is not valid: ask for a new link (openQueueDashboard).');
    }
  }

  private async checkSession(claims: PassClaims) {
    if (claims.sid && !(await this.sessions.isActive(claims.sid)))
      throw unauthenticated('Your sign-in session has ended: sign in again and ask for a new queue dashboard link.');
  }
}
