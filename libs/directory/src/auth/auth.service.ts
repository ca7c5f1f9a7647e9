import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  assertNoProblems,
  badInput,
  conflict,
  CurrentUser,
  DomainEventBus,
  EventPhase,
  hashPassword,
  isUuid,
  JobHandler,
  OutboxService,
  notFound,
  passwordProblem,
  Problem,
  unauthenticated,
  verifyPassword,
} from '@peervisit/platform';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { check, normaliseEmail } from '../directory.inputs';
import { Person } from '../person/person.entity';
import { AuthToken, AuthTokenPurpose } from './auth-token.entity';
import { AuthTokenService, sha256 } from './auth-token.service';
import './invitation.events';
import { SessionService, SignedIn } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

export type { SignedIn } from './session.service';

export type InvitationAcceptedHandler = (manager: EntityManager, person: Person, payload: Record<string, unknown>) => Promise<void>;

/** Who is signing in, from the request: the address for throttling, the browser for the session list. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string | null;
}

/** What an invitation email says besides its link. */
export interface InvitationWording {
  invitedBy: Person;
  reviewId?: string;
  reviewTitle: string;
  roleLabel: string;
}

/** What a new account may choose when accepting an invitation. */
export interface NewAccountChoices {
  fullName?: string;
  timeZone?: string;
  locale?: string;
}

/** Sign-in, password reset and change, and invitations. Sessions are SessionService's. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  /** The kinds of invitation some lib said what accepting does; any other is refused. */
  private readonly invitationKinds = new Set<string>();
  // A constant hash to verify against when the email is unknown, so timing does not reveal accounts.
  private readonly dummyHash = hashPassword('not-a-real-password-000');

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AuthTokenService,
    private readonly sessions: SessionService,
    private readonly outbox: OutboxService,
    private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEventBus,
  ) {}

  async signIn(email: string, password: string, client: ClientInfo = {}): Promise<SignedIn> {
    const normalised = normaliseEmail(email);
    // Reserve the attempt before checking the password, so parallel guesses cannot overtake the count;
    // a failure (or an error on the way) keeps it counted, a success hands it back.
    const attempt = await this.throttle.reserve(normalised, client.ip);
    const person = await this.dataSource.getRepository(Person).findOneBy({ email: normalised });
    const ok = person?.passwordHash
      ? await verifyPassword(person.passwordHash, password)
      : (await verifyPassword(await this.dummyHash, password), false);
    if (!person || !ok) throw unauthenticated('The email or password is wrong.');
    await this.throttle.release(attempt);
    return this.sessions.start(person, client.userAgent);
  }

  async me(personId: string): Promise<Person> {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: personId });
    if (!person) throw notFound('Your account');
    return person;
  }

  /** One's own language and time zone (what emails, invites and reports are written in and shown at). */
  async updateMySettings(personId: string, choices: { locale?: string | null; timeZone?: string | null }): Promise<Person> {
    const problems: Problem[] = [];
    check.timeZone(problems, 'timeZone', choices.timeZone);
    const locale = check.locale(problems, 'locale', choices.locale);
    assertNoProblems(problems, 'Your settings were not changed');
    const person = await this.me(personId);
    if (choices.timeZone) person.timeZone = choices.timeZone;
    if (locale) person.locale = locale;
    return this.dataSource.getRepository(Person).save(person);
  }

  /**
   * Answers the same, after the same work, whether or not the email has an account: a token row and
   * an outbox message are written either way (the token of an unknown address can reset nothing), and
   * the message is queued either way; at send time the renderer drops the one without an account.
   * So neither the answer nor its timing says whether the account exists.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const normalised = normaliseEmail(email);
    const person = await this.dataSource.getRepository(Person).findOneBy({ email: normalised });
    const dedupeKey = await this.dataSource.transaction(async (manager) => {
      const { token, row } = await this.tokens.issue(manager, {
        purpose: AuthTokenPurpose.PASSWORD_RESET,
        email: normalised,
        personId: person?.id ?? null,
        ttlMs: this.config.passwordResetTtlMinutes * 60_000,
      });
      const key = `notice:password-reset:${row.id}`;
      await this.outbox.schedule(manager, {
        dedupeKey: key,
        template: 'password-reset',
        recipientId: person?.id ?? null,
        recipientEmail: normalised,
        data: {
          secret: token,
          linkBase: `${this.config.publicUrl}/reset-password?token=`,
          validMinutes: this.config.passwordResetTtlMinutes,
        },
        dueAt: new Date(),
      });
      return key;
    });
    await this.outbox.enqueueScheduled({ dedupeKeys: [dedupeKey] });
  }

  /** Sets a new password with an emailed link; every session and every other reset link of the person ends. */
  async resetPassword(token: string, newPassword: string, client: ClientInfo = {}): Promise<SignedIn> {
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput(`The new password ${problem}.`, [{ path: 'newPassword', message: problem }]);
    const hash = await hashPassword(newPassword);
    const { signedIn, ended } = await this.dataSource.transaction(async (manager) => {
      // Lock the person first, so two resets of one person run one after the other and the second
      // finds its link withdrawn by the first.
      const peek = await manager.findOneBy(AuthToken, { tokenHash: sha256(token), purpose: AuthTokenPurpose.PASSWORD_RESET });
      if (peek?.personId) await manager.findOne(Person, { where: { id: peek.personId }, lock: { mode: 'pessimistic_write' } });
      const row = await this.tokens.redeem(manager, AuthTokenPurpose.PASSWORD_RESET, token);
      const person = await manager.findOneByOrFail(Person, { id: row.personId as string });
      return this.setPassword(manager, person, hash, 'password reset', client);
    });
    await this.sessions.forget(ended);
    await this.throttle.clearAccount(signedIn.person.email);
    return signedIn;
  }

  /** A signed-in person changes their password: every session ends (this one too) and a new one starts. */
  async changePassword(user: CurrentUser, currentPassword: string, newPassword: string, client: ClientInfo = {}): Promise<SignedIn> {
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput(`The new password ${problem}.`, [{ path: 'newPassword', message: problem }]);
    const hash = await hashPassword(newPassword);
    const { signedIn, ended } = await this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(Person, { where: { id: user.personId }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound('Your account');
      if (!person.passwordHash || !(await verifyPassword(person.passwordHash, currentPassword))) {
        throw badInput('The current password is wrong.', [{ path: 'currentPassword', message: 'does not match your password' }]);
      }
      return this.setPassword(manager, person, hash, 'password changed', client);
    });
    await this.sessions.forget(ended);
    return signedIn;
  }

  /**
   * For a password set by someone else (an admin, in the caller's transaction): every session and
   * reset link of the person ends. Answers the ended session ids, for `SessionService.forget` after commit.
   */
  async passwordSetFor(manager: EntityManager, personId: string): Promise<string[]> {
    await this.tokens.revokeResetLinks(manager, personId);
    return this.sessions.endAll(manager, personId, 'password set by an admin');
  }

  private async setPassword(manager: EntityManager, person: Person, hash: string, reason: string, client: ClientInfo) {
    person.passwordHash = hash;
    const saved = await manager.save(person);
    await this.tokens.revokeResetLinks(manager, person.id);
    const ended = await this.sessions.endAll(manager, person.id, reason);
    const signedIn = await this.sessions.start(saved, client.userAgent, manager);
    return { signedIn, ended };
  }

  /**
   * Later capabilities (the review team) say what accepting an invitation of theirs does: a handler
   * of `invitation.accepted` for that kind, in the accepting transaction. `owner` names it in the bus's list.
   */
  onInvitationAccepted(kind: string, handler: InvitationAcceptedHandler, owner = `invitations of kind ${kind}`): void {
    if (this.invitationKinds.has(kind)) throw new Error(`Two handlers for invitations of kind ${kind}`);
    this.invitationKinds.add(kind);
    this.events.on('invitation.accepted', EventPhase.IN_TRANSACTION, owner, async (accepted, { manager }) => {
      if (accepted.kind === kind) await handler(manager, accepted.person, accepted.payload);
    });
  }

  /**
   * Creates an expiring invitation and schedules its email in the caller's transaction (sent at once
   * through the outbox once the caller commits); returns the token row.
   */
  async invite(
    manager: EntityManager,
    invitation: InvitationWording & { email: string; kind: string; payload: Record<string, unknown> },
  ): Promise<{ id: string; token: string; row: AuthToken }> {
    const problems: Problem[] = [];
    const email = normaliseEmail(invitation.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      problems.push({ path: 'email', message: 'expected an email address like name@example.org' });
    assertNoProblems(problems, 'The invitation was not sent');
    const { token, row } = await this.tokens.issue(manager, {
      purpose: AuthTokenPurpose.INVITATION,
      email,
      payload: { ...invitation.payload, kind: invitation.kind },
      createdById: invitation.invitedBy.id,
      ttlMs: this.config.invitationTtlDays * 24 * 3600 * 1000,
    });
    await this.scheduleInvitationEmail(manager, row, token, invitation, `notice:invitation:${row.id}`);
    return { id: row.id, token, row };
  }

  /** Invitations of a kind not yet accepted, withdrawn or expired whose payload contains `match`, oldest first. */
  pendingInvitations(kind: string, match: Record<string, unknown>, manager: EntityManager = this.dataSource.manager): Promise<AuthToken[]> {
    return manager
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .where({ purpose: AuthTokenPurpose.INVITATION, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) })
      .andWhere('t.payload @> :match::jsonb', { match: JSON.stringify({ ...match, kind }) })
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  /** Locks an invitation of this kind whose payload contains `match` and that was not accepted or withdrawn. */
  async openInvitation(manager: EntityManager, id: string, kind: string, match: Record<string, unknown>): Promise<AuthToken> {
    const row = isUuid(id)
      ? await manager.findOne(AuthToken, { where: { id, purpose: AuthTokenPurpose.INVITATION }, lock: { mode: 'pessimistic_write' } })
      : null;
    const fits = row && Object.entries({ ...match, kind }).every(([key, value]) => row.payload[key] === value);
    if (!row || !fits) throw notFound(`Invitation ${id}`);
    if (row.usedAt) throw conflict('This invitation has already been accepted.');
    if (row.revokedAt) throw conflict('This invitation was already withdrawn.');
    return row;
  }

  /** Withdraws an invitation (see openInvitation): its link stops working. */
  async withdrawInvitation(manager: EntityManager, row: AuthToken): Promise<AuthToken> {
    row.revokedAt = new Date();
    return manager.save(row);
  }

  /** Sends an invitation again with a new link and a new lifetime; the old link stops working. */
  async resendInvitation(manager: EntityManager, row: AuthToken, wording: InvitationWording): Promise<AuthToken> {
    const token = await this.tokens.renew(manager, row, this.config.invitationTtlDays * 24 * 3600 * 1000);
    // A new key per link: the first message may already be sent, and a sent row is never touched again.
    await this.scheduleInvitationEmail(manager, row, token, wording, `notice:invitation:${row.id}:${row.tokenHash.slice(0, 16)}`);
    return row;
  }

  private async scheduleInvitationEmail(
    manager: EntityManager,
    row: AuthToken,
    token: string,
    wording: InvitationWording,
    dedupeKey: string,
  ): Promise<void> {
    await this.outbox.schedule(manager, {
      dedupeKey,
      template: 'invitation',
      recipientEmail: row.email,
      reviewId: wording.reviewId ?? null,
      data: {
        secret: token,
        linkBase: `${this.config.publicUrl}/accept-invitation?token=`,
        inviterName: wording.invitedBy.fullName,
        reviewTitle: wording.reviewTitle,
        roleLabel: wording.roleLabel,
        // The role's code, so the email names it in the reader's language.
        ...(typeof row.payload.role === 'string' ? { role: row.payload.role } : {}),
        validDays: this.config.invitationTtlDays,
      },
      dueAt: new Date(),
    });
  }

  /**
   * Accepts an invitation: creates the account when the email has none (with the name, password,
   * time zone and language given), or checks the password of the existing one; then runs the handler
   * of the invitation's kind and starts a session.
   */
  async acceptInvitation(
    token: string,
    password: string,
    choices: NewAccountChoices = {},
    client: ClientInfo = {},
  ): Promise<SignedIn & { payload: Record<string, unknown> }> {
    const problems: Problem[] = [];
    check.timeZone(problems, 'timeZone', choices.timeZone);
    const locale = check.locale(problems, 'locale', choices.locale);
    assertNoProblems(problems, 'The invitation was not accepted');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.redeem(manager, AuthTokenPurpose.INVITATION, token);
      let person = await manager.findOneBy(Person, { email: row.email });
      if (person?.passwordHash) {
        if (!(await verifyPassword(person.passwordHash, password))) {
          throw unauthenticated(`An account for ${row.email} exists: give its password to accept the invitation.`);
        }
        // Choices made on the acceptance page apply to an existing account too (editable later).
        if (choices.timeZone || locale) {
          if (choices.timeZone) person.timeZone = choices.timeZone;
          if (locale) person.locale = locale;
          person = await manager.save(person);
        }
      } else {
        const problem = passwordProblem(password);
        if (problem) problems.push({ path: 'password', message: problem });
        if (!person && !choices.fullName?.trim()) problems.push({ path: 'fullName', message: 'give your name for your new account' });
        assertNoProblems(problems, 'The invitation was not accepted');
        person = person ?? manager.create(Person, { email: row.email, fullName: (choices.fullName as string).trim() });
        if (choices.timeZone) person.timeZone = choices.timeZone;
        if (locale) person.locale = locale;
        person.passwordHash = await hashPassword(password);
        person = await manager.save(person);
      }
      const kind = String(row.payload.kind ?? '');
      if (kind && !this.invitationKinds.has(kind)) throw conflict(`Invitations of kind "${kind}" cannot be accepted by this server.`);
      await this.events.publish('invitation.accepted', { kind, person, payload: row.payload }, manager);
      return { ...(await this.sessions.start(person, client.userAgent, manager)), payload: row.payload };
    });
  }

  /**
   * The retention rule for sign-in links and sessions (RETENTION_TOKEN_DAYS, docs/privacy.md): deleted
   * that long after they were used, withdrawn, ended or expired. `now` moves in tests.
   */
  @JobHandler({ queue: 'maintenance', name: 'purge-expired-tokens', everyMs: 3600_000 })
  purgeExpiredTokens(): Promise<{ removed: number }> {
    return this.purgeTokens(new Date());
  }

  async purgeTokens(now: Date): Promise<{ removed: number }> {
    const before = new Date(now.getTime() - this.config.retentionTokenDays * 86_400_000);
    const removed =
      (await this.tokens.purgeExpired(this.dataSource.manager, before)) + (await this.sessions.purgeEnded(this.dataSource.manager, before));
    if (removed) this.logger.log(`Removed ${removed} used or expired sign-in tokens and sessions`);
    return { removed };
  }
}
