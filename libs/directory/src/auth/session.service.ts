import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTokenService,
  APP_CONFIG,
  AppConfig,
  CurrentUser,
  isUuid,
  notFound,
  SessionStore,
  unauthenticated,
} from '@peervisit/platform';
import { AuthSession } from '@peervisit/platform/entities';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { Person } from '../person/person.entity';
import { sha256 } from './auth-token.service';
import { RefreshToken } from './refresh-token.entity';

/** What signing in (or refreshing, resetting a password, accepting an invitation) answers. */
export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  person: Person;
}

/** A session as its owner sees it in their list. */
export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  current: boolean;
}

const ENDED = 'This session has ended (signed out, password changed, or ended from another device): sign in again.';

type RefreshOutcome = { signedIn: SignedIn } | { refused: string; revoked?: string[] };

/**
 * Sessions: a short-lived access token (ACCESS_TOKEN_TTL_SECONDS) plus a rotating refresh token,
 * valid for REFRESH_TOKEN_TTL_DAYS after the last refresh, so a phone offline for days during a
 * visit can refresh when it is back. Each refresh uses its token up and issues the next; a used
 * token presented again revokes the session. Revoking a session (SessionStore) ends its access
 * tokens at once, because every request checks the session.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    private readonly accessTokens: AccessTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session for the person, in the caller's transaction when one is given. */
  async start(person: Person, userAgent?: string | null, manager: EntityManager = this.dataSource.manager): Promise<SignedIn> {
    const session = await this.sessions.open(manager, { personId: person.id, userAgent, expiresAt: this.refreshExpiry() });
    const refreshToken = await this.issueRefreshToken(manager, session.id);
    return this.signedIn(person, session, refreshToken);
  }

  /**
   * Exchanges a refresh token for a new access token and the next refresh token. The token is locked,
   * so two refreshes with one token are serialised: the second finds it used and revokes the session.
   */
  async refresh(token: string): Promise<SignedIn> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      const row = await manager.findOne(RefreshToken, { where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { refused: 'This refresh token is not valid: sign in again.' };
      const session = await manager.findOne(AuthSession, { where: { id: row.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt) return { refused: ENDED };
      if (row.usedAt) {
        // Someone holds a copy of a token this session already exchanged: end the session everywhere.
        const revoked = await this.sessions.revoke(
          manager,
          { personId: session.personId, ids: [session.id] },
          'a used refresh token was presented again',
        );
        return {
          refused:
            "This refresh token was already used, so a copy of it may be in someone else's hands: the session has been ended on every device. Sign in again.",
          revoked,
        };
      }
      if (session.expiresAt.getTime() <= Date.now())
        return {
          refused: `This session expired on ${session.expiresAt.toISOString()} after ${this.config.refreshTokenTtlDays} days without use: sign in again.`,
        };
      const person = await manager.findOneBy(Person, { id: session.personId });
      if (!person) return { refused: ENDED };
      row.usedAt = new Date();
      await manager.save(row);
      session.lastUsedAt = new Date();
      session.expiresAt = this.refreshExpiry();
      await manager.save(session);
      const next = await this.issueRefreshToken(manager, session.id);
      // The person is read again, so a changed admin flag or email reaches the next access token.
      return { signedIn: this.signedIn(person, session, next) };
    });
    if ('refused' in outcome) {
      // The revocation committed (the transaction returned normally); now every process learns of it.
      if (outcome.revoked) await this.sessions.forget(outcome.revoked);
      throw unauthenticated(outcome.refused);
    }
    return outcome.signedIn;
  }

  /** Ends the caller's session, and the session of `refreshToken` too if it is one of theirs. */
  async signOut(user: CurrentUser, refreshToken?: string | null): Promise<boolean> {
    const ids = user.sessionId ? [user.sessionId] : [];
    if (refreshToken) {
      const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(refreshToken) });
      if (row) ids.push(row.sessionId);
    }
    // personId in the revocation keeps a refresh token of someone else's from ending their session.
    await this.sessions.revokeNow({ personId: user.personId, ids }, 'signed out');
    return true;
  }

  /** The caller's sessions that can still be used, most recently used first. */
  async list(user: CurrentUser): Promise<SessionView[]> {
    const sessions = await this.sessions.listActive(user.personId);
    return sessions.map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      userAgent: s.userAgent,
      current: s.id === user.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions (e.g. a lost phone). Ending one already ended is fine. */
  async end(user: CurrentUser, sessionId: string): Promise<boolean> {
    const mine =
      isUuid(sessionId) && (await this.dataSource.getRepository(AuthSession).existsBy({ id: sessionId, personId: user.personId }));
    if (!mine) throw notFound(`Session ${sessionId} of yours`);
    await this.sessions.revokeNow({ personId: user.personId, ids: [sessionId] }, 'ended by its owner');
    return true;
  }

  /** Ends every session of the person inside the caller's transaction; call `forget` with the ids after commit. */
  endAll(manager: EntityManager, personId: string, reason: string): Promise<string[]> {
    return this.sessions.revoke(manager, { personId }, reason);
  }

  forget(sessionIds: string[]): Promise<void> {
    return this.sessions.forget(sessionIds);
  }

  /** Sessions ended or expired before `before` (with their tokens), and refresh tokens used before it. */
  async purgeEnded(manager: EntityManager, before: Date): Promise<number> {
    const revoked = await manager.delete(AuthSession, { revokedAt: LessThan(before) });
    const expired = await manager.delete(AuthSession, { revokedAt: IsNull(), expiresAt: LessThan(before) });
    const used = await manager.delete(RefreshToken, { usedAt: LessThan(before) });
    return (revoked.affected ?? 0) + (expired.affected ?? 0) + (used.affected ?? 0);
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 24 * 3600 * 1000);
  }

  private async issueRefreshToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, { sessionId, tokenHash: sha256(token) });
    return token;
  }

  private signedIn(person: Person, session: AuthSession, refreshToken: string): SignedIn {
    const { token, expiresAt } = this.accessTokens.issue({
      personId: person.id,
      email: person.email,
      isAdmin: person.isAdmin,
      sessionId: session.id,
      language: person.locale,
    });
    return { accessToken: token, expiresAt, refreshToken, refreshExpiresAt: session.expiresAt, person };
  }
}
