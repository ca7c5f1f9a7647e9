/**
 * `npm run backup -- <dir>`: writes a consistent copy of the installation into <dir> (new or empty):
 * - database.dump: pg_dump, custom format, of DATABASE_URL;
 * - files/: every stored file (DATA_DIR/files: uploaded documents, rendered reports);
 * - manifest.json, written last: checksums of all of it, the row count of every table, versions.
 * The dump and the row counts come from one snapshot, so they agree even while the service runs.
 * Restore with `npm run restore -- <dir>` (into an empty installation). See docs/operations.md.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadConfig } from '@peervisit/platform';
import { Client } from 'pg';
import {
  BACKUP_FORMAT,
  BackupError,
  checksum,
  copyWithChecksum,
  DATABASE_DUMP,
  FILES_DIR,
  libpqEnv,
  listFiles,
  Manifest,
  MANIFEST,
  peervisitVersion,
  pgTool,
  rowCounts,
  run,
  runScript,
  serverVersion,
  StoredFile,
  toolVersion,
} from './backup/backup-tools';

async function main() {
  const [target] = process.argv.slice(2);
  if (!target) throw new BackupError('Usage: npm run backup -- <directory>   (a new or empty directory)');
  const dir = resolve(target);
  const existing = await readdir(dir).catch(() => []);
  if (existing.length) throw new BackupError(`${dir} is not empty: give a new or empty directory, so that no earlier backup is mixed in.`);
  await mkdir(dir, { recursive: true });

  const config = loadConfig();
  const pgDump = await toolVersion(pgTool('pg_dump'));
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const server = await serverVersion(client);
    if (pgDump.major < server.major) {
      throw new BackupError(
        `pg_dump ${pgDump.major} cannot dump a PostgreSQL ${server.major} server: install the client tools of version ${server.major} or newer (or set PG_BIN_DIR).`,
      );
    }
    // One snapshot for the dump and the counts: rows written meanwhile are in neither.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const dumpPath = join(dir, DATABASE_DUMP);
    await run(
      pgTool('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0].snapshot}`, `--file=${dumpPath}`],
      libpqEnv(config.databaseUrl),
    );
    const counts = await rowCounts(client);
    const lastMigration = counts.schema_migration
      ? ((await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY timestamp DESC, id DESC LIMIT 1')).rows[0]
          ?.name ?? null)
      : null;
    await client.query('COMMIT');

    // Files after the dump: a file referenced by the dump was stored before it (files are written
    // before their row commits); files added since are extra and harmless.
    const filesRoot = join(config.dataDir, 'files');
    const files: StoredFile[] = [];
    for (const path of await listFiles(filesRoot)) {
      files.push({ path, ...(await copyWithChecksum(join(filesRoot, path), join(dir, FILES_DIR, path))) });
    }

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      versions: {
        peervisit: await peervisitVersion(),
        node: process.version,
        postgresServer: server.text,
        pgDump: pgDump.text,
        lastMigration,
      },
      database: { file: DATABASE_DUMP, ...(await checksum(dumpPath)), rowCounts: counts },
      files,
    };
    await writeFile(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    const rowsTotal = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `Backup written to ${dir}: ${Object.keys(counts).length} tables (${rowsTotal} rows, ${manifest.database.bytes} bytes dumped), ` +
        `${files.length} stored files (${files.reduce((a, f) => a + f.bytes, 0)} bytes). Schema at ${lastMigration ?? '(no migrations)'}.\n`,
    );
  } finally {
    await client.end();
  }
}

runScript(main);
