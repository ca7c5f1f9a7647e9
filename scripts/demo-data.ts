/**
 * The demo data `npm start` loads in development (`npm run seed -- --demo`): illustrative people,
 * cities and organisations (not real records) around the shipped EUROCITIES benchmark. The accounts
 * and their password are in libs/directory (a production API refuses to start while one still has
 * it). Every step finds before it creates, so it is idempotent.
 */
import { INestApplicationContext } from '@nestjs/common';
import { CurrentUser, hashPassword } from '@peervisit/platform';
import { AuthService, DEMO_ACCOUNTS, DEMO_PASSWORD } from '@peervisit/directory';
import { City, Organisation, OrganisationKind, Person, Stakeholder, StakeholderCategory } from '@peervisit/directory/entities';
import { TeamService } from '@peervisit/review';
import { ReviewRole } from '@peervisit/review/entities';
import { DataSource, DeepPartial, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

async function findOrCreate<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  fields: DeepPartial<T>,
): Promise<T> {
  const repo = dataSource.getRepository(entity);
  return (await repo.findOneBy(where)) ?? repo.save(repo.create({ ...(where as DeepPartial<T>), ...fields }));
}

export async function loadDemoDirectory(dataSource: DataSource): Promise<void> {
  const cities = {
    Bergen: await findOrCreate(
      dataSource,
      City,
      { name: 'Bergen', country: 'NO' },
      { timeZone: 'Europe/Oslo', eurocitiesCharterSignatory: true },
    ),
    Milan: await findOrCreate(
      dataSource,
      City,
      { name: 'Milan', country: 'IT' },
      { timeZone: 'Europe/Rome', eurocitiesCharterSignatory: true },
    ),
    Rotterdam: await findOrCreate(
      dataSource,
      City,
      { name: 'Rotterdam', country: 'NL' },
      { timeZone: 'Europe/Amsterdam', eurocitiesCharterSignatory: true },
    ),
  };
  const organisations = {
    'EUROCITIES secretariat': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'EUROCITIES secretariat' },
      { kind: OrganisationKind.NETWORK_SECRETARIAT, country: 'BE' },
    ),
    'Council of Europe': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'Council of Europe' },
      { kind: OrganisationKind.NETWORK_SECRETARIAT, country: 'FR' },
    ),
    'Bergen city administration': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'Bergen city administration' },
      { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Bergen.id, country: 'NO' },
    ),
    'Milan city administration': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'Milan city administration' },
      { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Milan.id, country: 'IT' },
    ),
    'Rotterdam city administration': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'Rotterdam city administration' },
      { kind: OrganisationKind.CITY_ADMINISTRATION, cityId: cities.Rotterdam.id, country: 'NL' },
    ),
    'Bergen migrant council': await findOrCreate(
      dataSource,
      Organisation,
      { name: 'Bergen migrant council' },
      { kind: OrganisationKind.MIGRANT_ORGANISATION, cityId: cities.Bergen.id, country: 'NO' },
    ),
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await findOrCreate(
      dataSource,
      Person,
      { email: account.email },
      {
        fullName: account.fullName,
        isAdmin: account.isAdmin,
        organisationId: organisations[account.organisation as keyof typeof organisations].id,
        passwordHash,
      },
    );
  }
  const stakeholders: DeepPartial<Stakeholder>[] = [
    {
      position: 'Deputy mayor for social affairs',
      category: StakeholderCategory.POLITICIAN,
      organisationId: organisations['Bergen city administration'].id,
    },
    {
      position: 'Head of the integration unit',
      category: StakeholderCategory.CITY_OFFICIAL,
      organisationId: organisations['Bergen city administration'].id,
    },
    {
      position: 'Chair',
      category: StakeholderCategory.MIGRANT_ORGANISATION,
      organisationId: organisations['Bergen migrant council'].id,
      name: 'Amina Yusuf',
      consentToBeNamed: true,
    },
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

/** Invites a demo person to a review team and accepts as them (demo password), as the two would in the app. */
export async function joinTeam(
  app: INestApplicationContext,
  inviter: CurrentUser,
  reviewId: string,
  invitee: CurrentUser,
  role: ReviewRole,
): Promise<void> {
  const { token } = await app.get(TeamService).add(inviter, reviewId, { personId: invitee.personId, role });
  await app.get(AuthService).acceptInvitation(token, DEMO_PASSWORD);
}
