import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { unauthenticated } from '../errors/app-error';
import { CurrentUser } from './current-user';

interface AccessTokenClaims {
  sub: string;
  email: string;
  admin: boolean;
}

/** Short-lived signed access tokens (HS256). */
@Injectable()
export class AccessTokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, { algorithms: ['HS256'], issuer: 'peervisit' }) as AccessTokenClaims;
      return { personId: claims.sub, email: claims.email, isAdmin: claims.admin };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw unauthenticated('Your access token has expired: sign in again.');
      throw unauthenticated('The access token is not valid: sign in again.');
    }
  }
}
