import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '@peervisit/platform/entities';

export enum AuthTokenPurpose {
  PASSWORD_RESET = 'PASSWORD_RESET',
  INVITATION = 'INVITATION',
}

/** A single-use emailed token. Only its SHA-256 is stored, so a database leak reveals no usable link. */
@Entity()
export class AuthToken extends CreatedEntity {
  @Column({ type: 'enum', enum: AuthTokenPurpose, enumName: 'auth_token_purpose' })
  purpose: AuthTokenPurpose;

  @Index({ unique: true })
  @Column()
  tokenHash: string;

  @Column()
  email: string;

  @Column('uuid', { nullable: true })
  personId: string | null;

  /** What accepting does (e.g. which review and role an invitation is for). */
  @Column('jsonb', { default: {} })
  payload: Record<string, unknown>;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  /** Withdrawn before use: an invitation taken back, or a reset link ended by a password change. */
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
