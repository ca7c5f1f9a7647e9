import { spawnSync } from 'node:child_process';
import { DataSource } from 'typeorm';

const seed = () =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed.ts', '--demo'], {
    env: process.env,
    encoding: 'utf8',
    timeout: 120000,
  });

describe('npm run seed -- --demo (the demo data npm start loads in development)', () => {
  it('loads the catalogue, the demo directory, a review in self-assessment and one in the visit, and a second run changes nothing', async () => {
    const first = seed();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('demo review: created');
    const ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    try {
      const counts = async () =>
        (
          await ds.query(`SELECT
            (SELECT count(*)::int FROM person) AS people,
            (SELECT count(*)::int FROM key_factor) AS key_factors,
            (SELECT count(*)::int FROM team_member) AS members,
            (SELECT count(*)::int FROM self_assessment_entry) AS entries,
            (SELECT count(*)::int FROM document) AS documents,
            (SELECT count(*)::int FROM audit_entry) AS audit,
            (SELECT count(*)::int FROM visit_session) AS sessions,
            (SELECT count(*)::int FROM evidence) AS evidence,
            (SELECT string_agg(status::text, ',' ORDER BY title) FROM review) AS statuses`)
        )[0];
      const before = await counts();
      expect(before).toMatchObject({
        people: 7,
        key_factors: 13,
        members: 9,
        documents: 3,
        sessions: 9,
        evidence: 30,
        statuses: 'SELF_ASSESSMENT,VISIT',
      });
      expect(before.entries).toBeGreaterThanOrEqual(7);
      const second = seed();
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('demo review: exists; demo visit: exists');
      expect(await counts()).toEqual(before);
    } finally {
      await ds.destroy();
    }
  }, 240000);
});
