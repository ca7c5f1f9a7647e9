import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../database/base.entity';

/**
 * One signed-in device or browser: what a sign-in (or an accepted invitation, or a password reset)
 * starts, and what its rotating refresh tokens keep alive. Its id is the `sid` claim of every access
 * token issued for it, so revoking the row ends those tokens too. Platform owns it because every
 * request checks it (AccessTokenService.authenticate); the directory lib issues and rotates tokens.
 */
@Entity()
@Index(['personId', 'lastUsedAt'])
export class AuthSession extends CreatedEntity {
  /** The person (no foreign key: platform knows no feature entity; people are never deleted). */
  @Column('uuid')
  personId: string;

  /** The User-Agent header when the session started, so a person can tell their sessions apart. */
  @Column('text', { nullable: true })
  userAgent: string | null;

  /** Sign-in or the last refresh. */
  @Column('timestamptz')
  lastUsedAt: Date;

  /** Until when its refresh token may be used: moves forward at each refresh (sliding). */
  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** Why it ended: signed out, password changed, refresh token reused... */
  @Column('text', { nullable: true })
  revokedReason: string | null;
}
