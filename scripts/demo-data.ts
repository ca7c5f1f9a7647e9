/**
 * The demo data `npm start` loads: illustrative people, cities and organisations (not real records)
 * around the shipped EUROCITIES benchmark. Every step finds before it creates, so it is idempotent.
 */
import { CurrentUser, hashPassword } from '@peervisit/platform';
import { City, Organisation, OrganisationKind, Person, Stakeholder, StakeholderCategory } from '@peervisit/directory';
import { DataSource, DeepPartial, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

export const DEMO_PASSWORD = 'peervisit-demo';

export const DEMO_ACCOUNTS = [
  { email: 'secretariat@example.org', fullName: 'Marta Kowalska', role: 'network secretariat (admin)', isAdmin: true, organisation: 'EUROCITIES secretariat' },
  { email: 'leader@example.org', fullName: 'Jonas Berg', role: 'expert leader', isAdmin: false, organisation: 'Milan city administration' },
  { email: 'peer.milan@example.org', fullName: 'Elena Rossi', role: 'peer', isAdmin: false, organisation: 'Milan city administration' },
  { email: 'peer.rotterdam@example.org', fullName: 'Pieter de Vries', role: 'peer in Bergen, host coordinator in Rotterdam', isAdmin: false, organisation: 'Rotterdam city administration' },
  { email: 'coordinator.bergen@example.org', fullName: 'Ingrid Solheim', role: 'host coordinator', isAdmin: false, organisation: 'Bergen city administration' },
  { email: 'contributor.bergen@example.org', fullName: 'Kari Nilsen', role: 'host contributor', isAdmin: false, organisation: 'Bergen city administration' },
  { email: 'observer@example.org', fullName: 'Thomas Weber', role: 'observer', isAdmin: false, organisation: 'Council of Europe' },
];

async function findOrCreate<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, where: FindOptionsWhere<T>, fields: DeepPartial<T>): Promise<T> {
  const repo = dataSource.getRepository(entity);
  return (await repo.findOneBy(where)) ?? repo.save(repo.create({ ...(where as DeepPartial<T>), ...fields }));
}

export async function loadDemoDirectory(dataSource: DataSource): Promise<void> {
  const cities = {
    Bergen: await findOrCreate(dataSource, City, { name: 'Bergen', country: 'NO' }, { timeZone: 'Europe/Oslo', eurocitiesCharterSignatory: true }),
    Milan: await findOrCreate(dataSource, City, { name: 'Milan', country: 'IT' }, { timeZone: 'Europe/Rome', eurocitiesCharterSignatory: true }),
    Rotterdam: await findOrCreate(dataSource, City, { name: 'Rotterdam', country: 'NL' }, { timeZone: 'Europe/Amsterdam', eurocitiesCharterSignatory: true }),
  };
  const organisations = {
    'EUROCITIES secretariat': await findOrCreate(dataSource, Organisation, { name: 'EUROCITIES secretariat' }, { kind: OrganisationKind.NETWORK_SECRETARIAT, country: 'BE' }),
    'Council of Europe': await findOrCreate(dataSource, Organisation, { name: 'Council of Europe' }, { kind: OrganisationKind.NETWORK_SECRETARIAT, country: 'FR' }),
    'Bergen city administration': await findOrCreate(dataSource, Organisation, { name: 'Bergen city administration' }, { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Bergen.id, country: 'NO' }),
    'Milan city administration': await findOrCreate(dataSource, Organisation, { name: 'Milan city administration' }, { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Milan.id, country: 'IT' }),
    'Rotterdam city administration': await findOrCreate(dataSource, Organisation, { name: 'Rotterdam city administration' }, { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Rotterdam.id, country: 'NL' }),
    'Bergen migrant council': await findOrCreate(dataSource, Organisation, { name: 'Bergen migrant council' }, { kind: OrganisationKind.MIGRANT_ORGANISATION, cityId: cities.Bergen.id, country: 'NO' }),
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await findOrCreate(dataSource, Person, { email: account.email }, {
      fullName: account.fullName,
      isAdmin: account.isAdmin,
      organisationId: organisations[account.organisation as keyof typeof organisations].id,
      passwordHash,
    });
  }
  const stakeholders: DeepPartial<Stakeholder>[] = [
    { position: 'Deputy mayor for social affairs', category: StakeholderCategory.POLITICIAN, organisationId: organisations['Bergen city administration'].id },
    { position: 'Head of the integration unit', category: StakeholderCategory.CITY_OFFICIAL, organisationId: organisations['Bergen city administration'].id },
    { position: 'Chair', category: StakeholderCategory.MIGRANT_ORGANISATION, organisationId: organisations['Bergen migrant council'].id, name: 'Amina Yusuf', consentToBeNamed: true },
    { position: 'Youth worker', category: StakeholderCategory.CIVIL_SOCIETY },
  ];
  for (const stakeholder of stakeholders) {
    await findOrCreate(dataSource, Stakeholder, { cityId: cities.Bergen.id, position: stakeholder.position as string }, stakeholder);
  }
}

/** A demo person as the services see a signed-in caller. */
export async function demoCaller(dataSource: DataSource, email: string): Promise<CurrentUser> {
  const p = await dataSource.getRepository(Person).findOneByOrFail({ email });
  return { personId: p.id, email: p.email, isAdmin: p.isAdmin };
}
