import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { PUB_SUB, PubSub } from '../pubsub/pub-sub';
import { AuthSession } from './auth-session.entity';

/** Pub-sub trigger that tells every API process which sessions just ended. */
export const SESSIONS_REVOKED = 'auth.sessionsRevoked';

/** Sessions remembered at most per process (one per signed-in phone or browser is plenty). */
const SESSIONS_KEPT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SessionsToRevoke {
  personId: string;
  /** Only these sessions of the person (default: all of them). */
  ids?: string[];
}

/**
 * Opens, checks and revokes sessions (AuthSession rows). The check runs on every authenticated
 * request and every subscription event, so it is one Map lookup: each process remembers a session's
 * state for SESSION_CHECK_CACHE_SECONDS and asks PostgreSQL (one primary-key read) when it has not
 * seen it lately. A revocation updates the row, then (after commit, `forget`) tells every process
 * through Redis pub-sub, so it takes effect at once everywhere; if that message is lost (Redis away),
 * the cache's short lifetime bounds how long a revoked session still works.
 */
@Injectable()
export class SessionStore {
  private readonly logger = new Logger('SessionStore');
  /** Session id → active or not, and until when that answer may be reused (ms since the epoch). */
  private readonly known = new Map<string, { active: boolean; until: number }>();
  private listening = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSub,
  ) {}

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

  /** Whether access tokens of this session may still be used (not revoked). */
  async isActive(sessionId: string): Promise<boolean> {
    this.listen();
    const known = this.known.get(sessionId);
    if (known && known.until > Date.now()) return known.active;
    if (!UUID.test(sessionId)) return false;
    const rows: { active: boolean }[] = await this.dataSource.query('SELECT revoked_at IS NULL AS active FROM auth_session WHERE id = $1', [sessionId]);
    const active = rows[0]?.active === true;
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
    await this.pubSub.publish(SESSIONS_REVOKED, { ids: sessionIds }).catch((error: Error) => {
      this.logger.warn(`Could not tell other processes that ${sessionIds.length} session(s) ended (${error.message}); they notice within ${this.config.sessionCheckCacheSeconds} s`);
    });
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
    const seconds = active ? this.config.sessionCheckCacheSeconds : Math.max(this.config.sessionCheckCacheSeconds, this.config.accessTokenTtlSeconds);
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
        this.logger.warn(`Could not listen for ended sessions (${error.message}); relying on the ${this.config.sessionCheckCacheSeconds} s cache`);
      });
  }
}
