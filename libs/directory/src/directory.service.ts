import { Injectable } from '@nestjs/common';
import { assertNoProblems, badInput, conflict, hashPassword, notFound, PageArgs, paginate, passwordProblem, Problem } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { AuthService } from './auth/auth.service';
import { SessionService } from './auth/session.service';
import { City } from './city/city.entity';
import { check, CityInput, normaliseEmail, OrganisationInput, PersonInput, StakeholderInput } from './directory.inputs';
import { Organisation } from './organisation/organisation.entity';
import { Person } from './person/person.entity';
import { Stakeholder } from './stakeholder/stakeholder.entity';

/** Cities, organisations, people and stakeholders: the rules for creating and changing them. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  /** `column` is searched and sorted on; `sortColumn` when they differ (stakeholders: name may be null). */
  private search<T extends { id: string }>(entity: new () => T, column: string, page: PageArgs & { search?: string }, sortColumn = column) {
    const query = this.dataSource.getRepository(entity).createQueryBuilder('row');
    if (page.search) query.where(`row.${column} ILIKE :search`, { search: `%${page.search.replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(query as never, page, sortColumn as never) as ReturnType<typeof paginate<T>>;
  }

  cities(page: PageArgs & { search?: string }) {
    return this.search(City, 'name', page);
  }
  organisations(page: PageArgs & { search?: string }) {
    return this.search(Organisation, 'name', page);
  }
  people(page: PageArgs & { search?: string }) {
    return this.search(Person, 'fullName', page);
  }
  stakeholders(page: PageArgs & { search?: string }) {
    // Searched by name, sorted by creation (searching createdAt with ILIKE was a 500).
    return this.search(Stakeholder, 'name', page, 'createdAt');
  }

  async get<T extends { id: string }>(entity: new () => T, id: string, label: string): Promise<T> {
    const row = await this.dataSource.getRepository(entity).findOneBy({ id } as never);
    if (!row) throw notFound(`${label} ${id}`);
    return row;
  }

  byIds<T extends { id: string }>(entity: new () => T, ids: readonly string[]): Promise<T[]> {
    return this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
  }

  async saveCity(input: CityInput, id?: string): Promise<City> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.country(problems, 'country', input.country);
    check.timeZone(problems, 'timeZone', input.timeZone);
    check.nonNegative(problems, 'population', input.population);
    if (input.iccMemberSince != null && (input.iccMemberSince < 2008 || input.iccMemberSince > new Date().getFullYear())) {
      problems.push({ path: 'iccMemberSince', message: `expected a year between 2008 (when the network started) and ${new Date().getFullYear()}` });
    }
    assertNoProblems(problems, 'The city was not saved');
    const repo = this.dataSource.getRepository(City);
    const city = id ? await this.get(City, id, 'City') : repo.create();
    Object.assign(city, { ...input, population: input.population ?? null, iccMemberSince: input.iccMemberSince ?? null });
    return repo.save(city);
  }

  async saveOrganisation(input: OrganisationInput, id?: string): Promise<Organisation> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.country(problems, 'country', input.country);
    if (input.cityId && !(await this.dataSource.getRepository(City).existsBy({ id: input.cityId }))) {
      problems.push({ path: 'cityId', message: 'no city has this id' });
    }
    assertNoProblems(problems, 'The organisation was not saved');
    const repo = this.dataSource.getRepository(Organisation);
    const organisation = id ? await this.get(Organisation, id, 'Organisation') : repo.create();
    Object.assign(organisation, { ...input, cityId: input.cityId ?? null, country: input.country ?? null });
    return repo.save(organisation);
  }

  async savePerson(input: PersonInput, id?: string): Promise<Person> {
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
    const person = id ? await this.get(Person, id, 'Person') : repo.create();
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

  async saveStakeholder(input: StakeholderInput, id?: string): Promise<Stakeholder> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.text(problems, 'position', input.position);
    if (!input.name?.trim() && !input.position?.trim()) problems.push({ path: 'position', message: 'give a name or a position, so the team knows whom they met' });
    if (!(await this.dataSource.getRepository(City).existsBy({ id: input.cityId }))) problems.push({ path: 'cityId', message: 'no city has this id' });
    if (input.organisationId && !(await this.dataSource.getRepository(Organisation).existsBy({ id: input.organisationId }))) {
      problems.push({ path: 'organisationId', message: 'no organisation has this id' });
    }
    assertNoProblems(problems, 'The stakeholder was not saved');
    const repo = this.dataSource.getRepository(Stakeholder);
    const stakeholder = id ? await this.get(Stakeholder, id, 'Stakeholder') : repo.create();
    Object.assign(stakeholder, {
      ...input,
      name: input.name?.trim() || null,
      position: input.position?.trim() || null,
      organisationId: input.organisationId ?? null,
      consentToBeNamed: input.consentToBeNamed ?? false,
    });
    return repo.save(stakeholder);
  }

  async findPersonByEmail(email: string): Promise<Person | null> {
    return this.dataSource.getRepository(Person).findOneBy({ email: normaliseEmail(email) });
  }

  requireId(id: string | undefined, label: string): string {
    if (!id) throw badInput(`Say which ${label}: its id is required.`);
    return id;
  }
}
