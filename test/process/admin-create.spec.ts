import { spawnSync } from 'node:child_process';
import { DirectoryModule } from '@peervisit/directory';
import { createPerson, createTestApp, TestApp } from '@peervisit/testing';
import { withAdminClient, withDatabaseName } from '@peervisit/platform';

const PUBLIC_URL = 'https://peervisit.example.net';

/** `npm run admin:create -- ...args` as an operator types it. */
const adminCreate = (args: string[], env: Record<string, string> = {}) =>
  spawnSync('npm', ['run', '--silent', 'admin:create', '--', ...args], {
    env: { ...process.env, PUBLIC_URL, ...env },
    encoding: 'utf8',
    timeout: 90000,
  });

const linkIn = (stdout: string) => new RegExp(`${PUBLIC_URL}/reset-password\\?token=([A-Za-z0-9_-]+)`).exec(stdout)?.[1];

describe('npm run admin:create', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ imports: [DirectoryModule] });
  });
  afterAll(() => t?.close());

  const people = async () =>
    (await t.dataSource.query(
      'SELECT email, full_name AS "fullName", is_admin AS "isAdmin", password_hash IS NOT NULL AS "hasPassword" FROM person ORDER BY email',
    )) as object[];
  const tokens = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM auth_token'))[0].n);

  it('creates an administrator without a password and prints a one-time link, valid 24 hours, that sets it', async () => {
    const run = adminCreate(['--email', ' Ada.Admin@City.Example ', '--name', 'Ada Admin']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created the administrator Ada Admin <ada.admin@city.example>.');
    const token = linkIn(run.stdout) as string;
    expect(token).toBeDefined();
    expect(await people()).toEqual([{ email: 'ada.admin@city.example', fullName: 'Ada Admin', isAdmin: true, hasPassword: false }]);
    const [row] = await t.dataSource.query(`SELECT purpose, EXTRACT(EPOCH FROM expires_at - now()) / 3600 AS hours FROM auth_token`);
    expect(row.purpose).toBe('PASSWORD_RESET');
    expect(Number(row.hours)).toBeGreaterThan(23.9);
    expect(Number(row.hours)).toBeLessThanOrEqual(24);

    // The link's page calls resetPassword with the token; the new administrator then signs in.
    const reset = await t.gql.request(
      `mutation ($token: String!) { resetPassword(token: $token, newPassword: "chosen-by-ada-1") { accessToken } }`,
      { token },
    );
    expect(reset.errors).toBeUndefined();
    const ada = await t.gql.signIn('ada.admin@city.example', 'chosen-by-ada-1');
    expect(await ada.ok(`{ me { email isAdmin } }`)).toEqual({ me: { email: 'ada.admin@city.example', isAdmin: true } });
    // One time only.
    const again = await t.gql.request(
      `mutation ($token: String!) { resetPassword(token: $token, newPassword: "someone-else-1") { accessToken } }`,
      { token },
    );
    expect(again.errors?.[0].message).toBe('This password-reset link has already been used.');
  }, 120000);

  it('promotes an existing account, keeping its name and password until the link is used', async () => {
    const person = await createPerson(t.dataSource, { email: 'peer@city.example', fullName: 'Pia Peer' });
    const run = adminCreate(['--email', person.email]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Made an administrator of Pia Peer <peer@city.example>.');
    expect(linkIn(run.stdout)).toBeDefined();
    expect(await people()).toContainEqual({ email: 'peer@city.example', fullName: 'Pia Peer', isAdmin: true, hasPassword: true });
  }, 120000);

  it('refuses bad input with a message saying what to fix, and writes nothing', async () => {
    const before = { people: await people(), tokens: await tokens() };
    const cases: [string[], string][] = [
      [[], "Give the administrator's email address with --email."],
      [['--email'], "Option '--email <value>' argument missing."],
      [
        ['--email', 'not-an-address', '--name', 'X'],
        'No administrator was created: email: expected an email address like name@example.org',
      ],
      [
        ['--email', 'new@city.example'],
        "No administrator was created: name: no account has the email new@city.example: give the new administrator's name",
      ],
      [['--email', 'new@city.example', '--name', '  '], 'No administrator was created: name: must not be empty'],
      [
        ['--email', 'new@city.example', '--name', 'N', '--password', 'secret-123'],
        'admin:create takes no password: it prints a one-time link where the administrator chooses one.',
      ],
      [['--email', 'new@city.example', '--name', 'N', '--password=secret-123'], 'admin:create takes no password'],
      [['--mail', 'new@city.example'], "Unknown option '--mail'."],
    ];
    for (const [args, message] of cases) {
      const run = adminCreate(args);
      expect({ args, status: run.status }).toEqual({ args, status: 1 });
      expect(run.stderr).toContain(message);
      expect(run.stdout).not.toContain('reset-password');
      expect(run.stderr).not.toContain('    at '); // a message, not a stack trace
      expect(run.stderr + run.stdout).not.toContain('secret-123');
    }
    expect({ people: await people(), tokens: await tokens() }).toEqual(before);
  }, 300000);

  it('says to migrate first on a database without the schema, and what is wrong when PostgreSQL does not answer', async () => {
    const name = `pv_empty_${Date.now()}`;
    const url = withDatabaseName(process.env.DATABASE_URL as string, name);
    await withAdminClient(url, (c) => c.query(`CREATE DATABASE ${name}`));
    try {
      const run = adminCreate(['--email', 'a@city.example', '--name', 'A'], { DATABASE_URL: url });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'The database schema is missing or not up to date: run `npm run migration:run` (or `npm run seed`) first.',
      );
    } finally {
      await withAdminClient(url, (c) => c.query(`DROP DATABASE ${name}`));
    }
    const down = adminCreate(['--email', 'a@city.example', '--name', 'A'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/peervisit' });
    expect(down.status).toBe(1);
    expect(down.stderr).toContain('Cannot connect to PostgreSQL at DATABASE_URL (127.0.0.1:1)');
  }, 120000);
});
