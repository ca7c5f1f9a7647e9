import { Injectable } from '@nestjs/common';
import { assertNoProblems, conflict, CurrentUser, hashPassword, PageArgs, paginate, passwordProblem, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { check, normaliseEmail, PersonInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { Organisation } from '../organisation/organisation.entity';
import { AdministratorsService } from './administrators.service';
import { Person } from './person.entity';

/** People with an account: the rules for creating and changing them (signing in is the auth services'). */
@Injectable()
export class PersonService {
  private readonly rows: DirectoryRows<Person>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly admins: AdministratorsService,
  ) {
    this.rows = new DirectoryRows(dataSource, Person, 'Person');
  }

  /** By part of the name or of the email, in name order. */
  search(page: PageArgs & { search?: string }) {
    const query = this.dataSource.getRepository(Person).createQueryBuilder('row');
    if (page.search?.trim())
      query.where('(row.fullName ILIKE :search OR row.email ILIKE :search)', {
        search: `%${page.search.trim().replace(/[%_\\]/g, '\\$&')}%`,
      });
    return paginate(query, page, 'fullName');
  }

  byIds(ids: readonly string[]): Promise<Person[]> {
    return this.rows.byIds(ids);
  }

  /** Creates a person, or changes one when `id` is given; `actor` is the administrator doing it (for the audit of admin rights). */
  async save(input: PersonInput, id?: string, actor?: CurrentUser): Promise<Person> {
    const problems: Problem[] = [];
    const email = normaliseEmail(input.email);
    check.email(problems, 'email', email);
    check.text(problems, 'fullName', input.fullName);
    check.timeZone(problems, 'timeZone', input.timeZone);
    const locale = check.locale(problems, 'locale', input.locale);
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
      locale: locale ?? person.locale ?? 'en',
      timeZone: input.timeZone ?? person.timeZone ?? 'Europe/Brussels',
      isAdmin: input.isAdmin ?? person.isAdmin ?? false,
    });
    if (password) person.passwordHash = await hashPassword(password);
    // A password set by an admin ends the person's sessions and reset links. A change of the admin
    // flag follows the administrators' rules (one always remains, recorded, sessions ended when lost).
    const { saved, ended } = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(person);
      const ended = await this.admins.changed(manager, actor?.personId ?? null, saved, wasAdmin);
      if (id && password) ended.push(...(await this.auth.passwordSetFor(manager, saved.id)));
      return { saved, ended };
    });
    await this.sessions.forget([...new Set(ended)]);
    return saved;
  }
}
