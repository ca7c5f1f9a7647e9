import { Injectable } from '@nestjs/common';
import { assertNoProblems, conflict, hashPassword, PageArgs, passwordProblem, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { check, normaliseEmail, PersonInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { Organisation } from '../organisation/organisation.entity';
import { Person } from './person.entity';

/** People with an account: the rules for creating and changing them (signing in is the auth services'). */
@Injectable()
export class PersonService {
  private readonly rows: DirectoryRows<Person>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {
    this.rows = new DirectoryRows(dataSource, Person, 'Person');
  }

  search(page: PageArgs & { search?: string }) {
    return this.rows.search('fullName', page);
  }

  async save(input: PersonInput, id?: string): Promise<Person> {
    const problems: Problem[] = [];
    const email = normaliseEmail(input.email);
    check.email(problems, 'email', email);
    check.text(problems, 'fullName', input.fullName);
    check.timeZone(problems, 'timeZone', input.timeZone);
    if (input.password !== undefined && input.password !== null) {
      const problem = passwordProblem(input.password);
      if (problem) problems.push({ path: 'password', message: problem });
    }
    if (input.organisationId && !(await this.dataSource.getRepository(Organisation).existsBy({ id: input.organisationId }))) {
      problems.push({ path: 'organisationId', message: 'no organisation has this id' });
    }
    assertNoProblems(problems, 'The person was not saved');
    const repo = this.dataSource.getRepository(Person);
    const clash = await repo.findOneBy({ email });
    if (clash && clash.id !== id) throw conflict(`Someone already has the email ${email}.`);
    const person = await this.rows.getOrCreate(id);
    const wasAdmin = !!id && person.isAdmin;
    const { password, ...fields } = input;
    Object.assign(person, {
      ...fields,
      email,
      organisationId: input.organisationId ?? null,
      locale: input.locale ?? person.locale ?? 'en',
      timeZone: input.timeZone ?? person.timeZone ?? 'Europe/Brussels',
      isAdmin: input.isAdmin ?? person.isAdmin ?? false,
    });
    if (password) person.passwordHash = await hashPassword(password);
    if (!id) return repo.save(person);
    // A password set by an admin ends the person's sessions and reset links; so does losing the
    // admin flag, which access tokens carry, so that it takes effect at once.
    const { saved, ended } = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(person);
      if (password) return { saved, ended: await this.auth.passwordSetFor(manager, saved.id) };
      if (wasAdmin && !saved.isAdmin) return { saved, ended: await this.sessions.endAll(manager, saved.id, 'admin rights removed') };
      return { saved, ended: [] };
    });
    await this.sessions.forget(ended);
    return saved;
  }
}
