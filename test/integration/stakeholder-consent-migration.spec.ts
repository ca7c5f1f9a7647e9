import { dataSourceOptions } from '@peervisit/platform';
import { DataSource } from 'typeorm';

/**
 * Consent records replace the yes/no (issue 21): the migration gives each stakeholder who had agreed to
 * be named one NAMED record, marked legacy (how and by whom unknown), and nobody else a record. Run on
 * this file's own database: the migration is undone, rows of the former shape are written, and it runs again.
 */
describe('the stakeholder consent migration', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await new DataSource(dataSourceOptions(process.env.DATABASE_URL as string, [], 2)).initialize();
  });
  afterAll(() => ds?.destroy());

  it('turns a true consent_to_be_named into a legacy NAMED record, and leaves the rest without one', async () => {
    const migration = ds.migrations.find((m) => m.name === 'StakeholderConsent1795951411806')!;
    const runner = ds.createQueryRunner();
    try {
      await migration.down(runner);
      const [city] = await ds.query("INSERT INTO city (name, country, time_zone) VALUES ('Legacyville', 'NO', 'Europe/Oslo') RETURNING id");
      const rows: { id: string; name: string }[] = await ds.query(
        `INSERT INTO stakeholder (name, category, city_id, consent_to_be_named, updated_at) VALUES
           ('Agreed Once', 'RESIDENT', $1, true, '2025-05-01T10:00:00Z'), ('Never Asked', 'RESIDENT', $1, false, now()) RETURNING id, name`,
        [city.id],
      );
      await migration.up(runner);
      const records = await ds.query(
        'SELECT stakeholder_id, kind, given, method, recorded_by_id, recorded_at, legacy, note FROM stakeholder_consent ORDER BY stakeholder_id',
      );
      expect(records).toEqual([
        {
          stakeholder_id: rows[0].id,
          kind: 'NAMED',
          given: true,
          method: 'NOT_RECORDED',
          recorded_by_id: null,
          recorded_at: new Date('2025-05-01T10:00:00Z'),
          legacy: true,
          note: expect.stringMatching(/former yes\/no/),
        },
      ]);
      // The current state is unchanged: still named, and nobody agreed to be quoted or contacted.
      expect(
        await ds.query('SELECT name, consent_to_be_named, consent_to_be_quoted, consent_to_be_contacted FROM stakeholder ORDER BY name'),
      ).toEqual([
        { name: 'Agreed Once', consent_to_be_named: true, consent_to_be_quoted: false, consent_to_be_contacted: false },
        { name: 'Never Asked', consent_to_be_named: false, consent_to_be_quoted: false, consent_to_be_contacted: false },
      ]);
    } finally {
      await runner.release();
    }
  });
});
