/**
 * `npm run admin:create -- --email <address> --name "<full name>"`: creates a secretariat
 * administrator (or makes an existing account one) and prints a one-time link to set the password.
 * It never takes or prints a password, so none ends up in shell history, process lists or logs.
 * Needs a migrated database (npm run migration:run or npm run seed first).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';

const LINK_VALID_HOURS = 24;
const USAGE = 'Usage: npm run admin:create -- --email <address> --name "<full name>"   (--name may be left out for an existing account)';

/** What stops the command, said plainly (no stack). */
class Refusal extends Error {}
/** A problem with the command line: said, followed by the usage. */
class UsageError extends Refusal {}

function readArguments(argv: string[]): { email: string; fullName?: string } {
  if (argv.some((a) => /^(--password|--pass|-p)(=|$)/.test(a))) {
    throw new UsageError('admin:create takes no password: it prints a one-time link where the administrator chooses one.');
  }
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.email === undefined) throw new UsageError("Give the administrator's email address with --email.");
    return { email: values.email, fullName: values.name };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message.split('. ')[0]}.`);
  }
}

async function main(): Promise<void> {
  const input = readArguments(process.argv.slice(2));
  // Loaded after the arguments are read, so that a wrong command line is answered at once.
  const { createAdministrator } = await import('@peervisit/directory');
  const { DIRECTORY_ENTITIES } = await import('@peervisit/directory/entities');
  const { dataSourceOptions, loadConfig } = await import('@peervisit/platform');
  const { PLATFORM_ENTITIES } = await import('@peervisit/platform/entities');
  const { DataSource } = await import('typeorm');
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl, [...PLATFORM_ENTITIES, ...DIRECTORY_ENTITIES], 2));
  await dataSource.initialize().catch((error: Error) => {
    throw new Refusal(`Cannot connect to PostgreSQL at DATABASE_URL (${new URL(config.databaseUrl).host}): ${error.message}`);
  });
  try {
    if (await dataSource.showMigrations())
      throw new Refusal('The database schema is missing or not up to date: run `npm run migration:run` (or `npm run seed`) first.');
    const { person, outcome, link, expiresAt } = await createAdministrator(dataSource, input, {
      publicUrl: config.publicUrl,
      linkValidHours: LINK_VALID_HOURS,
    });
    const what = { created: 'Created the administrator', promoted: 'Made an administrator of', unchanged: 'Already an administrator:' }[
      outcome
    ];
    process.stdout.write(
      [
        `${what} ${person.fullName} <${person.email}>.`,
        `To set the password, open this link (it works once, until ${expiresAt.toISOString()}):`,
        '',
        `  ${link}`,
        '',
        'Give it only to that person. Run this command again for a new link.',
        '',
      ].join('\n'),
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  // ConfigError (a wrong variable) and AppError (bad input) carry messages meant for people.
  const plain = error instanceof Refusal || ['ConfigError', 'AppError'].includes((error as Error)?.name);
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
  else if (plain) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`admin:create failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
