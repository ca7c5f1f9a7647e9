import { DataSource } from 'typeorm';
import { createCity, createPerson } from './factories';

/**
 * A peer review of a host city already in the given status, built with SQL (not through the
 * services, whose rules other tests cover): a team with every role, the EUROCITIES benchmark
 * (which must be seeded), a scope, and a visit window. For tests of what comes after.
 */
export async function createReviewFixture(
  dataSource: DataSource,
  options: { status?: string; scope?: number[]; visitStart?: string; visitEnd?: string; timeZone?: string; cityName?: string } = {},
) {
  const city = await createCity(dataSource, {
    name: options.cityName ?? `Host ${Math.random().toString(36).slice(2, 7)}`,
    country: 'NO',
    timeZone: options.timeZone ?? 'Europe/Oslo',
  });
  const [benchmark] = await dataSource.query(
    "SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD' AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1",
  );
  if (!benchmark) throw new Error('Seed the catalogue first (CatalogueSeed.run()).');
  const keyFactors: { id: string; number: number; code: string }[] = await dataSource.query(
    'SELECT id, number, code FROM key_factor WHERE benchmark_id = $1 ORDER BY number',
    [benchmark.id],
  );
  const scope = options.scope ? keyFactors.filter((k) => options.scope!.includes(k.number)) : keyFactors;
  const leader = await createPerson(dataSource, { fullName: 'Lena Leader' });
  const peer = await createPerson(dataSource, { fullName: 'Piet Peer' });
  const peer2 = await createPerson(dataSource, { fullName: 'Paula Peer' });
  const coordinator = await createPerson(dataSource, { fullName: 'Coco Coordinator' });
  const contributor = await createPerson(dataSource, { fullName: 'Carl Contributor' });
  const observer = await createPerson(dataSource, { fullName: 'Olga Observer' });
  const [review] = await dataSource.query(
    `INSERT INTO review (title, kind, host_city_id, benchmark_id, scope_key_factor_ids, status, visit_starts_at, visit_ends_at, created_by_id)
     VALUES ($1, 'PEER_REVIEW', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      `Review of ${city.name}`,
      city.id,
      benchmark.id,
      options.scope ? scope.map((k) => k.id) : null,
      options.status ?? 'VISIT',
      options.visitStart ?? '2027-03-10T08:00:00Z',
      options.visitEnd ?? '2027-03-11T17:00:00Z',
      leader.id,
    ],
  );
  const roles: [{ id: string }, string][] = [
    [leader, 'EXPERT_LEADER'],
    [peer, 'PEER'],
    [peer2, 'PEER'],
    [coordinator, 'HOST_COORDINATOR'],
    [contributor, 'HOST_CONTRIBUTOR'],
    [observer, 'OBSERVER'],
  ];
  for (const [person, role] of roles)
    await dataSource.query('INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, $3)', [review.id, person.id, role]);
  return {
    reviewId: review.id as string,
    city,
    benchmarkId: benchmark.id as string,
    keyFactors: scope,
    people: { leader, peer, peer2, coordinator, contributor, observer },
  };
}
