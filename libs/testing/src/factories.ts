import { hashPassword } from '@peervisit/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'correct-horse-battery';

// One hash for every test person: argon2 is slow on purpose, and tests create many people.
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

/** Inserts a person who can sign in with TEST_PASSWORD. */
export async function createPerson(dataSource: DataSource, fields: { email?: string; fullName?: string; isAdmin?: boolean } = {}) {
  // Stored lower-cased, as the directory does.
  const email = (fields.email ?? `person-${randomBytes(4).toString('hex')}@example.org`).toLowerCase();
  const [row] = await dataSource.query(
    'INSERT INTO person (email, full_name, is_admin, password_hash) VALUES ($1, $2, $3, $4) RETURNING id, email',
    [email, fields.fullName ?? 'Test Person', fields.isAdmin ?? false, await testPasswordHash()],
  );
  return row as { id: string; email: string };
}

export async function createCity(dataSource: DataSource, fields: { name?: string; country?: string; timeZone?: string } = {}) {
  const [row] = await dataSource.query('INSERT INTO city (name, country, time_zone) VALUES ($1, $2, $3) RETURNING id, name', [
    fields.name ?? 'Testville',
    fields.country ?? 'BE',
    fields.timeZone ?? 'Europe/Brussels',
  ]);
  return row as { id: string; name: string };
}
