import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { unauthenticated } from '../errors/app-error';
import { CurrentUser } from './current-user';

interface AccessTokenClaims {
  sub: string;
  email: string;
  admin: boolean;
}

/** Verified tokens remembered at most (one per signed-in phone or browser is plenty). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Short-lived signed access tokens (HS256). */
@Injectable()
export class AccessTokenService {
  // Given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every
  // verify, which cost about a millisecond per request under load; a secret KeyObject skips that.
  private readonly verifyKey: KeyObject;
  /** Tokens already verified, oldest first, with their expiry (seconds since the epoch). */
  private readonly verified = new Map<string, { user: CurrentUser; exp: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.verifyKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  issue(user: CurrentUser): { token: string; expiresAt: Date } {
    const claims: AccessTokenClaims = { sub: user.personId, email: user.email, admin: user.isAdmin };
    const token = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'peervisit',
    });
    return { token, expiresAt: new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000) };
  }

  verify(token: string): CurrentUser {
    // A phone sends the same token with every request until it expires; checking its signature and
    // claims again each time was about 4 % of the API thread under load. A token verified once stays
    // valid until its exp (nothing else can revoke it), which is checked on every use.
    const known = this.verified.get(token);
    if (known && Math.floor(Date.now() / 1000) < known.exp) return { ...known.user };
    if (known) this.verified.delete(token);
    try {
      const claims = jwt.verify(token, this.verifyKey, { algorithms: ['HS256'], issuer: 'peervisit' }) as AccessTokenClaims & { exp: number };
      const user = { personId: claims.sub, email: claims.email, isAdmin: claims.admin };
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { user, exp: claims.exp });
      return { ...user };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('Your access token has expired: sign in again.');
      throw unauthenticated('The access token is not valid: sign in again.');
    }
  }
}
