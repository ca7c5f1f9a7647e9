import { assertNoProblems, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { AuthTokenPurpose } from '../auth/auth-token.entity';
import { AuthTokenService } from '../auth/auth-token.service';
import { check, normaliseEmail } from '../directory.inputs';
import { AdminRightsChange } from './admin-rights-change.entity';
import { Person } from './person.entity';

export interface AdministratorLink {
  person: Person;
  /** created: a new account; promoted: an existing one made administrator; unchanged: it already was one. */
  outcome: 'created' | 'promoted' | 'unchanged';
  /** One-time link to set the password (the password-reset page), valid until expiresAt. */
  link: string;
  expiresAt: Date;
}

/**
 * `npm run admin:create`: creates a secretariat administrator, or makes an existing account one, and
 * issues a single-use password-reset token for it. No password ever passes through here: the person
 * chooses it on the reset page, so none lands in shell history, process lists or logs.
 */
export async function createAdministrator(
  dataSource: DataSource,
  input: { email: string; fullName?: string },
  options: { publicUrl: string; linkValidHours: number },
): Promise<AdministratorLink> {
  const email = normaliseEmail(input.email ?? '');
  const fullName = input.fullName?.trim();
  const problems: Problem[] = [];
  if (!email) problems.push({ path: 'email', message: "give the administrator's email address, e.g. --email name@example.org" });
  else check.email(problems, 'email', email);
  if (input.fullName !== undefined) check.text(problems, 'name', input.fullName);
  assertNoProblems(problems, 'No administrator was created');
  return dataSource.transaction(async (manager) => {
    let person = await manager.findOne(Person, { where: { email }, lock: { mode: 'pessimistic_write' } });
    const outcome = !person ? 'created' : person.isAdmin ? 'unchanged' : 'promoted';
    if (!person) {
      if (!fullName)
        assertNoProblems(
          [{ path: 'name', message: `no account has the email ${email}: give the new administrator's name, e.g. --name "Marta Kowalska"` }],
          'No administrator was created',
        );
      person = manager.create(Person, { email, fullName });
    }
    person.isAdmin = true;
    person = await manager.save(person);
    // The audit of admin rights (AdministratorsService); from the command line, so by nobody in the app.
    if (outcome !== 'unchanged') await manager.insert(AdminRightsChange, { personId: person.id, granted: true, changedById: null });
    const { token, row } = await new AuthTokenService().issue(manager, {
      purpose: AuthTokenPurpose.PASSWORD_RESET,
      email,
      personId: person.id,
      ttlMs: options.linkValidHours * 3600_000,
    });
    return { person, outcome, link: `${options.publicUrl}/reset-password?token=${token}`, expiresAt: row.expiresAt };
  });
}
