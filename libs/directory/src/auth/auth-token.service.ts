import { Injectable } from '@nestjs/common';
import { badInput } from '@peervisit/platform';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull, LessThan } from 'typeorm';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

/** Issues and redeems single-use emailed tokens (password reset, invitation). */
@Injectable()
export class AuthTokenService {
  async issue(
    manager: EntityManager,
    fields: {
      purpose: AuthTokenPurpose;
      email: string;
      personId?: string | null;
      payload?: Record<string, unknown>;
      createdById?: string | null;
      ttlMs: number;
    },
  ): Promise<{ token: string; row: AuthToken }> {
    const token = newSecret();
    const row = await manager.save(
      manager.create(AuthToken, {
        purpose: fields.purpose,
        tokenHash: sha256(token),
        email: fields.email,
        personId: fields.personId ?? null,
        payload: fields.payload ?? {},
        createdById: fields.createdById ?? null,
        expiresAt: new Date(Date.now() + fields.ttlMs),
      }),
    );
    return { token, row };
  }

  /** Locks and marks the token used; refuses one that is unknown, used, withdrawn or expired, saying which. */
  async redeem(manager: EntityManager, purpose: AuthTokenPurpose, token: string): Promise<AuthToken> {
    const row = await manager.findOne(AuthToken, { where: { tokenHash: sha256(token), purpose }, lock: { mode: 'pessimistic_write' } });
    const what = purpose === AuthTokenPurpose.PASSWORD_RESET ? 'password-reset link' : 'invitation';
    // A reset asked for an address without an account has a row too (so the request does the same
    // work either way), but nothing to reset: it reads as unknown.
    if (!row || (purpose === AuthTokenPurpose.PASSWORD_RESET && !row.personId)) {
      throw badInput(`This ${what} is not valid. Check you copied the whole link.`, [{ path: 'token', message: 'unknown token' }]);
    }
    if (row.usedAt) throw badInput(`This ${what} has already been used.`, [{ path: 'token', message: 'already used' }]);
    if (row.revokedAt) {
      throw badInput(
        purpose === AuthTokenPurpose.PASSWORD_RESET
          ? 'This password-reset link no longer works: the password was changed since it was sent. Ask for a new one if you need it.'
          : 'This invitation was withdrawn or replaced by a newer one. Ask the person who invited you.',
        [{ path: 'token', message: 'withdrawn' }],
      );
    }
    if (row.expiresAt.getTime() < Date.now()) {
      throw badInput(`This ${what} expired on ${row.expiresAt.toISOString()}. Ask for a new one.`, [{ path: 'token', message: 'expired' }]);
    }
    row.usedAt = new Date();
    await manager.save(row);
    return row;
  }

  /** Withdraws every reset link of the person not used yet (the password just changed). */
  async revokeResetLinks(manager: EntityManager, personId: string): Promise<void> {
    await manager.update(
      AuthToken,
      { personId, purpose: AuthTokenPurpose.PASSWORD_RESET, usedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  /** Gives a token a new secret and a new lifetime (the old link stops working); answers the new secret. */
  async renew(manager: EntityManager, row: AuthToken, ttlMs: number): Promise<string> {
    const token = newSecret();
    row.tokenHash = sha256(token);
    row.expiresAt = new Date(Date.now() + ttlMs);
    await manager.save(row);
    return token;
  }

  /** Removes tokens that stopped being usable (expired, used, withdrawn) before `before`. */
  async purgeExpired(manager: EntityManager, before: Date): Promise<number> {
    const expired = await manager.delete(AuthToken, { expiresAt: LessThan(before) });
    const used = await manager.delete(AuthToken, { usedAt: LessThan(before) });
    const revoked = await manager.delete(AuthToken, { revokedAt: LessThan(before) });
    return (expired.affected ?? 0) + (used.affected ?? 0) + (revoked.affected ?? 0);
  }
}
