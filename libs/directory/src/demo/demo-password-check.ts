import cluster from 'node:cluster';
import { Client } from 'pg';
import { AppConfig, ConfigError, verifyPassword } from '@peervisit/platform';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

/**
 * The accounts that still sign in with the published demo password: among the demo accounts and
 * every administrator. Not every account: each check is an argon2 verification (~64 MiB, tens of ms),
 * and the demo password reaches other accounts only through the demo seed. Accounts that share one
 * stored hash (the seed hashes the password once for all of them) cost one verification.
 */
export async function accountsWithDemoPassword(databaseUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client
      .query<{ email: string; password_hash: string }>(
        'SELECT email, password_hash FROM person WHERE password_hash IS NOT NULL AND (is_admin OR email = ANY($1)) ORDER BY email',
        [DEMO_ACCOUNTS.map((a) => a.email)],
      )
      .catch((error: { code?: string }) => {
        // 42P01: no person table yet (not migrated), so no account at all.
        if (error.code === '42P01') return { rows: [] };
        throw error;
      });
    const emailsByHash = new Map<string, string[]>();
    for (const row of rows) emailsByHash.set(row.password_hash, [...(emailsByHash.get(row.password_hash) ?? []), row.email]);
    const found: string[] = [];
    for (const [hash, emails] of emailsByHash) if (await verifyPassword(hash, DEMO_PASSWORD)) found.push(...emails);
    return found.sort();
  } finally {
    await client.end();
  }
}

/** Thrown (and printed without a stack) when a production API would start with demo credentials. */
export class DemoPasswordInProductionError extends ConfigError {
  constructor(readonly emails: string[]) {
    super([]);
    this.name = 'DemoPasswordInProductionError';
    this.message = [
      `PeerVisit refuses to start in production: ${emails.length} account(s) still sign in with the demo password, which the README publishes:`,
      ...emails.map((e) => `  - ${e}`),
      'The demo data is for development only. For production, use a database without it: create one, then run',
      '`npm run migration:run`, `npm run seed` (the catalogue, no demo) and `npm run admin:create -- --email <address> --name "<name>"`.',
      'To keep this database, first give each account above a new password (with NODE_ENV=development, use',
      '"Forgot password"; for an administrator, `npm run admin:create -- --email <address>` prints a one-time link).',
    ].join('\n');
  }
}

/**
 * Run before the API serves (see apps/api/src/main.ts). Only in production, and once: under
 * API_PROCESSES the primary has checked before starting the API processes.
 */
export async function refuseDemoPasswordInProduction(config: AppConfig): Promise<void> {
  if (config.nodeEnv !== 'production' || cluster.isWorker) return;
  const emails = await accountsWithDemoPassword(config.databaseUrl);
  if (emails.length) throw new DemoPasswordInProductionError(emails);
}
