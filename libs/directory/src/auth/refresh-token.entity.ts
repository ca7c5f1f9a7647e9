import { AuthSession, CreatedEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/**
 * One refresh token of a session. Each refresh uses its token up and issues the next, so the tokens
 * of one session form a chain (the "family"); a token used twice means a copy is in someone else's
 * hands, and the whole session is revoked. Only the SHA-256 is stored.
 */
@Entity()
export class RefreshToken extends CreatedEntity {
  @Index()
  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => AuthSession, { onDelete: 'CASCADE' })
  @JoinColumn()
  session?: AuthSession;

  @Index({ unique: true })
  @Column()
  tokenHash: string;

  /** When it was exchanged for the next one; a used token presented again revokes the session. */
  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
