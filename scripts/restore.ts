/**
 * `npm run restore -- <dir>`: brings a backup made by `npm run backup` back into an EMPTY
 * installation: the database of DATABASE_URL (created when missing; refused when it has any table)
 * and DATA_DIR/files (refused when it holds any file). Every checksum is verified before anything is
 * written, the dump is restored in one transaction, and the row counts are compared afterwards.
 * See docs/operations.md.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ensureDatabase, loadConfig } from '@peervisit/platform';
import { Client } from 'pg';
import {
  BACKUP_FORMAT,
  BackupError,
  checksum,
  copyWithChecksum,
  FILES_DIR,
  knownMigrations,
  libpqEnv,
  listFiles,
  Manifest,
  MANIFEST,
  pgTool,
  rowCounts,
  run,
  runScript,
  toolVersion,
} from './backup/backup-tools';

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    throw new BackupError(`${dir} is not a complete PeerVisit backup: it has no ${MANIFEST} (the backup writes it last).`);
  }
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new BackupError(
      `${join(dir, MANIFEST)} is in format ${JSON.stringify(manifest.format)}; this version restores ${BACKUP_FORMAT}.`,
    );
  return manifest;
}

/** Every checksum of the backup, before anything is written: a damaged backup is refused whole. */
async function verifyBackup(dir: string, manifest: Manifest) {
  const problems: string[] = [];
  const dump = await checksum(join(dir, manifest.database.file)).catch(() => undefined);
  if (dump?.sha256 !== manifest.database.sha256)
    problems.push(`${manifest.database.file} ${dump ? 'does not match its checksum' : 'is missing'}`);
  for (const file of manifest.files) {
    const found = await checksum(join(dir, FILES_DIR, file.path)).catch(() => undefined);
    if (found?.sha256 !== file.sha256) problems.push(`${FILES_DIR}/${file.path} ${found ? 'does not match its checksum' : 'is missing'}`);
  }
  if (problems.length)
    throw new BackupError(`The backup in ${dir} is damaged; nothing was restored:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

async function main() {
  const [source] = process.argv.slice(2);
  if (!source) throw new BackupError('Usage: npm run restore -- <backup directory>');
  const dir = resolve(source);
  const manifest = await readManifest(dir);
  const config = loadConfig();

  const migrations = await knownMigrations();
  if (manifest.versions.lastMigration && !migrations.includes(manifest.versions.lastMigration)) {
    throw new BackupError(
      `This backup comes from a newer PeerVisit (its schema is at ${manifest.versions.lastMigration}, which this version does not know). Restore it with PeerVisit ${manifest.versions.peervisit} or later.`,
    );
  }
  const pgRestore = await toolVersion(pgTool('pg_restore'));
  const dumpMajor = /\(PostgreSQL\) (\d+)/.exec(manifest.versions.pgDump)?.[1];
  if (dumpMajor && pgRestore.major < Number(dumpMajor)) {
    throw new BackupError(
      `The dump was written by pg_dump ${dumpMajor}; pg_restore ${pgRestore.major} cannot read it. Install the client tools of version ${dumpMajor} or newer (or set PG_BIN_DIR).`,
    );
  }
  await verifyBackup(dir, manifest);

  // Only into an empty installation: a restore never merges into, or overwrites, live data.
  const filesRoot = join(config.dataDir, 'files');
  const presentFiles = await listFiles(filesRoot);
  if (presentFiles.length) {
    throw new BackupError(
      `${filesRoot} already holds ${presentFiles.length} file(s) (e.g. ${presentFiles[0]}). Restore only into an empty installation: point DATA_DIR at a new directory.`,
    );
  }
  await ensureDatabase(config.databaseUrl);
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const { rows: relations } = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
        ORDER BY 1`,
    );
    if (relations.length) {
      const database = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1));
      throw new BackupError(
        `The database "${database}" is not empty (${relations.length} tables or other relations, e.g. ${relations
          .slice(0, 3)
          .map((r) => r.name)
          .join(', ')}). ` +
          'Restore only into an empty database: create a new one (or drop this one) and point DATABASE_URL at it. Nothing was changed.',
      );
    }

    await run(
      pgTool('pg_restore'),
      [
        '--single-transaction',
        '--exit-on-error',
        '--no-owner',
        '--no-privileges',
        `--dbname=${libpqEnv(config.databaseUrl).PGDATABASE}`,
        join(dir, manifest.database.file),
      ],
      libpqEnv(config.databaseUrl),
    );

    for (const file of manifest.files) {
      const copied = await copyWithChecksum(join(dir, FILES_DIR, file.path), join(filesRoot, file.path));
      if (copied.sha256 !== file.sha256)
        throw new BackupError(
          `${file.path} changed while it was being copied (checksum differs); restore again into an empty installation.`,
        );
    }

    const counts = await rowCounts(client);
    const differences = [...new Set([...Object.keys(counts), ...Object.keys(manifest.database.rowCounts)])]
      .filter((table) => counts[table] !== manifest.database.rowCounts[table])
      .map((table) => `${table}: ${manifest.database.rowCounts[table] ?? 'absent'} in the backup, ${counts[table] ?? 'absent'} restored`);
    if (differences.length)
      throw new BackupError(`The restored row counts differ from the backup's:\n${differences.map((d) => `  - ${d}`).join('\n')}`);

    const pending = manifest.versions.lastMigration
      ? migrations.slice(migrations.indexOf(manifest.versions.lastMigration) + 1)
      : migrations;
    process.stdout.write(
      `Restored ${dir}: ${Object.keys(counts).length} tables, row counts identical; ${manifest.files.length} stored files, checksums identical.\n` +
        (pending.length
          ? `This version has ${pending.length} newer migration(s): run \`npm run migration:run\` before starting the service.\n`
          : ''),
    );
  } finally {
    await client.end();
  }
}

runScript(main);
