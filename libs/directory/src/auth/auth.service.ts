import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AccessTokenService,
  APP_CONFIG,
  AppConfig,
  assertNoProblems,
  badInput,
  conflict,
  hashPassword,
  JobHandler,
  OutboxService,
  notFound,
  passwordProblem,
  Problem,
  unauthenticated,
  verifyPassword,
} from '@peervisit/platform';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseEmail } from '../directory.inputs';
import { Person } from '../person/person.entity';
import { AuthTokenPurpose } from './auth-token.entity';
import { AuthTokenService } from './auth-token.service';
import { SignInThrottle } from './sign-in-throttle';

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  person: Person;
}

export type InvitationAcceptedHandler = (manager: EntityManager, person: Person, payload: Record<string, unknown>) => Promise<void>;

/** Sign-in, password reset and invitations. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  private readonly invitationHandlers = new Map<string, InvitationAcceptedHandler>();
  // A constant hash to verify against when the email is unknown, so timing does not reveal accounts.
  private readonly dummyHash = hashPassword('not-a-real-password-000');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AuthTokenService,
    private readonly accessTokens: AccessTokenService,
    private readonly outbox: OutboxService,
    private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `ip` is the client's address, for the per-IP attempt count (see SignInThrottle). */
  async signIn(email: string, password: string, ip?: string): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    // Reserve the attempt before checking the password, so parallel guesses cannot overtake the count;
    // a failure (or an error on the way) keeps it counted, a success hands it back.
    await this.throttle.reserve(normalised, ip);
    const person = await this.dataSource.getRepository(Person).findOneBy({ email: normalised });
    const ok = person?.passwordHash ? await verifyPassword(person.passwordHash, password) : (await verifyPassword(await this.dummyHash, password), false);
    if (!person || !ok) throw unauthenticated('The email or password is wrong.');
    await this.throttle.release(normalised, ip);
    return this.session(person);
  }

  session(person: Person): SignedIn {
    const { token, expiresAt } = this.accessTokens.issue({ personId: person.id, email: person.email, isAdmin: person.isAdmin });
    return { accessToken: token, expiresAt, person };
  }

  async me(personId: string): Promise<Person> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw notFound('Your account');
    return person;
  }

  /**
   * Sends a reset link when the email has an account; answers the same either way (no account
   * discovery). The message goes through the outbox like every other, sent at once.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ email: normaliseEmail(email) });
    if (!person) {
      this.logger.log('Password reset asked for an unknown email; nothing sent');
      return;
    }
    const dedupeKey = await this.dataSource.transaction(async (manager) => {
      const { token, row } = await this.tokens.issue(manager, {
        purpose: AuthTokenPurpose.PASSWORD_RESET,
        email: person.email,
        personId: person.id,
        ttlMs: this.config.passwordResetTtlMinutes * 60_000,
      });
      const key = `notice:password-reset:${row.id}`;
      await this.outbox.schedule(manager, {
        dedupeKey: key,
        template: 'password-reset',
        recipientId: person.id,
        recipientEmail: person.email,
        data: { secret: token, linkBase: `${this.config.publicUrl}/reset-password?token=`, validMinutes: this.config.passwordResetTtlMinutes },
        dueAt: new Date(),
      });
      return key;
    });
    await this.outbox.enqueueScheduled({ dedupeKeys: [dedupeKey] });
  }

  async resetPassword(token: string, newPassword: string): Promise<SignedIn> {
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput(`The new password ${problem}.`, [{ path: 'newPassword', message: problem }]);
    const hash = await hashPassword(newPassword);
    const person = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.redeem(manager, AuthTokenPurpose.PASSWORD_RESET, token);
      const person = await manager.findOneByOrFail(Person, { id: row.personId as string });
      person.passwordHash = hash;
      return manager.save(person);
    });
    return this.session(person);
  }

  /** Later capabilities (the review team) say what accepting an invitation of theirs does. */
  onInvitationAccepted(kind: string, handler: InvitationAcceptedHandler): void {
    if (this.invitationHandlers.has(kind)) throw new Error(`Two handlers for invitations of kind ${kind}`);
    this.invitationHandlers.set(kind, handler);
  }

  /**
   * Creates an expiring invitation and schedules its email in the caller's transaction (sent at once
   * through the outbox once the caller commits); returns the token row id.
   */
  async invite(
    manager: EntityManager,
    invitation: { email: string; kind: string; payload: Record<string, unknown>; invitedBy: Person; reviewId?: string; reviewTitle: string; roleLabel: string },
  ): Promise<{ id: string; token: string }> {
    const problems: Problem[] = [];
    const email = normaliseEmail(invitation.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ path: 'email', message: 'expected an email address like name@example.org' });
    assertNoProblems(problems, 'The invitation was not sent');
    const { token, row } = await this.tokens.issue(manager, {
      purpose: AuthTokenPurpose.INVITATION,
      email,
      payload: { ...invitation.payload, kind: invitation.kind },
      createdById: invitation.invitedBy.id,
      ttlMs: this.config.invitationTtlDays * 24 * 3600 * 1000,
    });
    await this.outbox.schedule(manager, {
      dedupeKey: `notice:invitation:${row.id}`,
      template: 'invitation',
      recipientEmail: email,
      reviewId: invitation.reviewId ?? null,
      data: {
        secret: token,
        linkBase: `${this.config.publicUrl}/accept-invitation?token=`,
        inviterName: invitation.invitedBy.fullName,
        reviewTitle: invitation.reviewTitle,
        roleLabel: invitation.roleLabel,
        validDays: this.config.invitationTtlDays,
      },
      dueAt: new Date(),
    });
    return { id: row.id, token };
  }

  /**
   * Accepts an invitation: creates the account when the email has none (with the name and password
   * given), or checks the password of the existing one; then runs the handler of the invitation's kind.
   */
  async acceptInvitation(token: string, password: string, fullName?: string): Promise<SignedIn & { payload: Record<string, unknown> }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.redeem(manager, AuthTokenPurpose.INVITATION, token);
      let person = await manager.findOneBy(Person, { email: row.email });
      if (person?.passwordHash) {
        if (!(await verifyPassword(person.passwordHash, password))) {
          throw unauthenticated(`An account for ${row.email} exists: give its password to accept the invitation.`);
        }
      } else {
        const problems: Problem[] = [];
        const problem = passwordProblem(password);
        if (problem) problems.push({ path: 'password', message: problem });
        if (!person && !fullName?.trim()) problems.push({ path: 'fullName', message: 'give your name for your new account' });
        assertNoProblems(problems, 'The invitation was not accepted');
        person = person ?? manager.create(Person, { email: row.email, fullName: (fullName as string).trim() });
        person.passwordHash = await hashPassword(password);
        person = await manager.save(person);
      }
      const kind = String(row.payload.kind ?? '');
      const handler = this.invitationHandlers.get(kind);
      if (kind && !handler) throw conflict(`Invitations of kind "${kind}" cannot be accepted by this server.`);
      if (handler) await handler(manager, person, row.payload);
      return { person, payload: row.payload };
    });
    return { ...this.session(result.person), payload: result.payload };
  }

  @JobHandler({ queue: 'maintenance', name: 'purge-expired-tokens', everyMs: 3600_000 })
  async purgeExpiredTokens(): Promise<{ removed: number }> {
    const removed = await this.tokens.purgeExpired(this.dataSource.manager);
    if (removed) this.logger.log(`Removed ${removed} used or expired sign-in tokens`);
    return { removed };
  }
}
