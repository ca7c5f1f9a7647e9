import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { PUB_SUB, PubSub } from '../pubsub/pub-sub';
import { redisConnectionOptions } from '../queue/queues';
import { isUuid } from '../validation/uuid';
import { AuthSession } from './auth-session.entity';

/** Pub-sub trigger that tells every API process which sessions just ended. */
export const SESSIONS_REVOKED = 'auth.sessionsRevoked';

/** Sessions remembered at most per process (one per signed-in phone or browser is plenty). */
const SESSIONS_KEPT = 10_000;

export interface SessionsToRevoke {
  personId: string;
  /** Only these sessions of the person (default: all of them). */
  ids?: string[];
}

/**
 * Opens, checks and revokes sessions (AuthSession rows, the source of truth). The check runs on every
 * authenticated request and every subscription event, so it stays off PostgreSQL:
 * - each process remembers a session's state for SESSION_CHECK_CACHE_SECONDS (a Map lookup);
 * - otherwise one Redis EXISTS on the session's revocation mark, which `forget` writes (after the
 *   revoking transaction committed) for as long as an access token of the session can live; it also
 *   tells every process through pub-sub, so their caches drop the session at once;
 * - PostgreSQL only when Redis cannot answer; and when Redis comes back (perhaps without its data),
 *   the marks of sessions revoked within the last access-token lifetime are written again.
 * Refreshing always reads the row, so a revoked session can never be refreshed.
 */
@Injectable()
export class SessionStore implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionStore');
  /** Session id → active or not, and until when that answer may be reused (ms since the epoch). */
  private readonly known = new Map<string, { active: boolean; until: number }>();
  private listening = false;
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {
    // A check should fall back to PostgreSQL rather than wait while Redis is away.
    this.redis = new Redis({
      ...redisConnectionOptions(config.redisUrl),
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectionName: 'peervisit-sessions',
    });
    this.redis.on('error', () => undefined); // each failed command is handled where it is sent
    // After a reconnection (the first connection is covered by onApplicationBootstrap, before any request).
    let connected = false;
    this.redis.on('ready', () => {
      if (connected) void this.restoreMarks();
      connected = true;
    });
  }

  async onApplicationBootstrap() {
    await this.restoreMarks();
  }

  async onModuleDestroy() {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private markKey = (sessionId: string) => `${this.config.queuePrefix}:session-revoked:${sessionId}`;
  /** How long a mark must outlive the revocation: the longest an access token of the session may still live. */
  private markSeconds = () => this.config.accessTokenTtlSeconds + this.config.sessionCheckCacheSeconds;

  /** Starts a session (in the caller's transaction), its refresh chain valid until `expiresAt`. */
  open(manager: EntityManager, fields: { personId: string; userAgent?: string | null; expiresAt: Date }): Promise<AuthSession> {
    const now = new Date();
    return manager.save(
      manager.create(AuthSession, {
        personId: fields.personId,
        // A header is whatever the client sends: keep enough to recognise a browser, not a novel.
        userAgent: fields.userAgent?.slice(0, 300) || null,
        lastUsedAt: now,
        expiresAt: fields.expiresAt,
      }),
    );
  }

  /** Whether access tokens of this session (the signed `sid` of a verified token) may still be used. */
  async isActive(sessionId: string): Promise<boolean> {
    this.listen();
    const known = this.known.get(sessionId);
    if (known && known.until > Date.now()) return known.active;
    if (!isUuid(sessionId)) return false;
    let active: boolean;
    try {
      active = (await this.redis.exists(this.markKey(sessionId))) === 0;
    } catch {
      const rows: { active: boolean }[] = await this.dataSource.query(
        'SELECT revoked_at IS NULL AS active FROM auth_session WHERE id = $1',
        [sessionId],
      );
      active = rows[0]?.active === true;
    }
    this.remember(sessionId, active);
    return active;
  }

  /**
   * Ends the person's sessions (all, or the ids given) that are still active, inside the caller's
   * transaction; answers the ids it ended. Call `forget(ids)` once the transaction has committed.
   */
  async revoke(manager: EntityManager, which: SessionsToRevoke, reason: string): Promise<string[]> {
    if (which.ids && !which.ids.length) return [];
    const ended = await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where({ personId: which.personId, revokedAt: IsNull(), ...(which.ids ? { id: In(which.ids) } : {}) })
      .returning(['id'])
      .execute();
    return (ended.raw as { id: string }[]).map((row) => row.id);
  }

  /** After the revoking transaction committed: every process stops accepting these sessions now. */
  async forget(sessionIds: string[]): Promise<void> {
    if (!sessionIds.length) return;
    for (const id of sessionIds) this.remember(id, false);
    try {
      await this.writeMarks(sessionIds);
    } catch (error) {
      // The rows say revoked: they are written again from PostgreSQL when Redis is back.
      this.logger.error(`Could not mark ${sessionIds.length} ended session(s) in Redis: ${(error as Error).message}`);
    }
    await this.pubSub.publish(SESSIONS_REVOKED, { ids: sessionIds }).catch((error: Error) => {
      this.logger.warn(
        `Could not tell other processes that ${sessionIds.length} session(s) ended (${error.message}); they notice within ${this.config.sessionCheckCacheSeconds} s`,
      );
    });
  }

  private async writeMarks(sessionIds: string[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) pipeline.set(this.markKey(id), '1', 'EX', this.markSeconds());
    const replies = (await pipeline.exec()) ?? [];
    const failed = replies.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /** Redis (re)connected, perhaps empty: marks the sessions revoked recently enough for their tokens to live. */
  private async restoreMarks(): Promise<void> {
    try {
      const rows: { id: string }[] = await this.dataSource.query(
        'SELECT id FROM auth_session WHERE revoked_at > now() - make_interval(secs => $1)',
        [this.markSeconds()],
      );
      if (rows.length) await this.writeMarks(rows.map((row) => row.id));
    } catch (error) {
      this.logger.warn(`Could not restore the marks of ended sessions in Redis: ${(error as Error).message}`);
    }
  }

  /** Revokes and forgets in one go, outside any transaction of the caller. */
  async revokeNow(which: SessionsToRevoke, reason: string): Promise<string[]> {
    const ids = await this.revoke(this.dataSource.manager, which, reason);
    await this.forget(ids);
    return ids;
  }

  /** The person's sessions that can still be used or refreshed, the most recently used first. */
  listActive(personId: string): Promise<AuthSession[]> {
    return this.dataSource.getRepository(AuthSession).find({
      where: { personId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC' },
    });
  }

  private remember(sessionId: string, active: boolean): void {
    // An ended session never comes back: remember that as long as any of its access tokens may live.
    const seconds = active
      ? this.config.sessionCheckCacheSeconds
      : Math.max(this.config.sessionCheckCacheSeconds, this.config.accessTokenTtlSeconds);
    this.known.delete(sessionId);
    if (this.known.size >= SESSIONS_KEPT) this.known.delete(this.known.keys().next().value as string);
    this.known.set(sessionId, { active, until: Date.now() + seconds * 1000 });
  }

  /** Listens for revocations made by other processes, from the first check on (before it nothing is cached). */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.pubSub
      .subscribe<{ ids: string[] }>(SESSIONS_REVOKED, (message) => {
        for (const id of message.ids ?? []) this.remember(id, false);
      })
      .catch((error: Error) => {
        this.listening = false;
        this.logger.warn(
          `Could not listen for ended sessions (${error.message}); relying on the ${this.config.sessionCheckCacheSeconds} s cache`,
        );
      });
  }
}
