import { spawnSync } from 'node:child_process';
import { DEMO_ACCOUNTS } from '@peervisit/directory';
import { hashPassword } from '@peervisit/platform';
import { connectDatabase, startProcess, waitFor } from '../fault/processes';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters' };

const seed = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed.ts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120000,
  });

async function counts() {
  const db = await connectDatabase();
  try {
    return (
      await db.query(
        'SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM review) AS reviews, (SELECT count(*)::int FROM key_factor) AS key_factors',
      )
    ).rows[0];
  } finally {
    await db.end();
  }
}

describe('the demo data loads only when asked, and never into production', () => {
  it('npm run seed loads the catalogue only; --demo with NODE_ENV=production is refused before anything is written', async () => {
    const refused = seed(['--demo'], PRODUCTION);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('The demo data is for development only');
    expect(refused.stderr).toContain('npm run admin:create');
    expect(await counts()).toEqual({ people: 0, reviews: 0, key_factors: 0 });

    const plain = seed([], PRODUCTION);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Catalogue loaded.');
    expect(plain.stdout).not.toContain('Demo');
    expect(await counts()).toEqual({ people: 0, reviews: 0, key_factors: 13 });

    const typo = seed(['--demos']);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('Unknown argument --demos. Usage: npm run seed [-- --demo]');
  }, 180000);

  it('a production API refuses to start while an account has the demo password, naming them, and starts once none has', async () => {
    expect(seed(['--demo']).status).toBe(0);
    const refused = startProcess('api', 'apps/api/src/main.ts', PRODUCTION);
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr()).toContain('PeerVisit refuses to start in production: 7 account(s) still sign in with the demo password');
    for (const account of DEMO_ACCOUNTS) expect(refused.stderr()).toContain(`  - ${account.email}`);
    expect(refused.stderr()).toContain('npm run admin:create');
    expect(refused.stderr()).not.toContain('    at '); // a message, not a stack trace

    // Every demo account but the administrator gets a new password: the administrator alone is named.
    const db = await connectDatabase();
    try {
      const others = DEMO_ACCOUNTS.filter((a) => !a.isAdmin).map((a) => a.email);
      await db.query('UPDATE person SET password_hash = $1 WHERE email = ANY($2)', [await hashPassword('a-new-password-1'), others]);
      const stillAdmin = startProcess('api', 'apps/api/src/main.ts', PRODUCTION);
      expect((await stillAdmin.exited).code).toBe(1);
      expect(stillAdmin.stderr()).toContain('1 account(s) still sign in with the demo password');
      expect(stillAdmin.stderr()).toContain('  - secretariat@example.org');
      expect(stillAdmin.stderr()).not.toContain('leader@example.org');

      // Any administrator is checked, not only the demo's.
      await db.query(
        `INSERT INTO person (email, full_name, is_admin, password_hash) VALUES ('boss@city.example', 'A Boss', true, (SELECT password_hash FROM person WHERE email = 'secretariat@example.org'))`,
      );
      await db.query(`UPDATE person SET password_hash = $1 WHERE email = 'secretariat@example.org'`, [
        await hashPassword('another-new-password'),
      ]);
      const otherAdmin = startProcess('api', 'apps/api/src/main.ts', PRODUCTION);
      expect((await otherAdmin.exited).code).toBe(1);
      expect(otherAdmin.stderr()).toContain('  - boss@city.example');
      await db.query('DELETE FROM person WHERE email = $1', ['boss@city.example']);
    } finally {
      await db.end();
    }
    const port = String(30000 + Math.floor(Math.random() * 20000));
    const api = startProcess('api', 'apps/api/src/main.ts', { ...PRODUCTION, PORT: port });
    try {
      await waitFor(
        () => api.stdout().includes('PeerVisit API listening') || api.child.exitCode !== null,
        'the API to listen',
        60000,
        () => api.stderr().slice(-2000),
      );
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    }
  }, 240000);
});
