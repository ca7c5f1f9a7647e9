import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { unauthenticated } from '../errors/app-error';
import { CurrentUser } from './current-user';
import { SessionStore } from './session-store';

interface AccessTokenClaims {
  sub: string;
  email: string;
  admin: boolean;
  /** The session (AuthSession id) the token belongs to; revoking the session ends the token. */
  sid: string;
  /** The person's language at sign-in or refresh (API error messages); absent in older tokens. */
  lng?: string;
}

/** Verified tokens remembered at most (one per signed-in phone or browser is plenty). */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Short-lived signed access tokens (HS256), each tied to a revocable session.
 * `authenticate` is THE check for a bearer token: HTTP requests (AuthGuard), the WebSocket's
 * connection and each subscription event all call it.
 */
@Injectable()
export class AccessTokenService {
  // Given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every
  // verify, which cost about a millisecond per request under load; a secret KeyObject skips that.
  private readonly verifyKey: KeyObject;
  /** Tokens whose signature and claims were already checked, oldest first, with their expiry (seconds since the epoch). */
  private readonly verified = new Map<string, { user: CurrentUser & { sessionId: string }; exp: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionStore,
  ) {
    this.verifyKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  issue(user: CurrentUser & { sessionId: string }): { token: string; expiresAt: Date } {
    const claims: AccessTokenClaims = { sub: user.personId, email: user.email, admin: user.isAdmin, sid: user.sessionId };
    if (user.language) claims.lng = user.language;
    const token = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'peervisit',
    });
    return { token, expiresAt: new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000) };
  }

  /**
   * The person a bearer token stands for, or UNAUTHENTICATED (forged, expired, or its session ended:
   * signed out, password changed or reset, refresh token reused). Cheap enough to call per request
   * and per subscription event: a Map lookup for the signature, one for the session state.
   */
  async authenticate(token: string): Promise<CurrentUser> {
    const user = this.verifySignature(token);
    if (!(await this.sessions.isActive(user.sessionId))) {
      throw unauthenticated('Your session has ended (signed out, password changed, or ended from another device): sign in again.');
    }
    return user;
  }

  /** Signature, algorithm, issuer, expiry and claims; says nothing about the session. */
  private verifySignature(token: string): CurrentUser & { sessionId: string } {
    // A phone sends the same token with every request until it expires; checking its signature and
    // claims again each time was about 4 % of the API thread under load. The signature cannot change,
    // so a token checked once is only checked for its exp (and its session) again.
    const known = this.verified.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return { ...known.user };
    if (known) this.verified.delete(token);
    let claims: AccessTokenClaims & { exp: number };
    try {
      claims = jwt.verify(token, this.verifyKey, { algorithms: ['HS256'], issuer: 'peervisit' }) as AccessTokenClaims & { exp: number };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError)
        throw unauthenticated('Your access token has expired: refresh it (refreshSession) or sign in again.');
      throw unauthenticated('The access token is not valid: sign in again.');
    }
    // Tokens from before sessions existed carry no sid: they cannot be revoked, so they are refused.
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string')
      throw unauthenticated('The access token is not valid: sign in again.');
    const user: CurrentUser & { sessionId: string } = {
      personId: claims.sub,
      email: claims.email,
      isAdmin: claims.admin === true,
      sessionId: claims.sid,
    };
    if (typeof claims.lng === 'string') user.language = claims.lng;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { user, exp: claims.exp });
    return { ...user };
  }
}
