/**
 * What `npm run backup` and `npm run restore` share: the manifest, the PostgreSQL client tools,
 * checksummed copies of the stored files, and row counts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';

export const MANIFEST = 'manifest.json';
export const DATABASE_DUMP = 'database.dump';
export const FILES_DIR = 'files';
export const BACKUP_FORMAT = 'peervisit-backup/1';

export interface StoredFile {
  /** Relative to DATA_DIR/files, with / separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  versions: { peervisit: string; node: string; postgresServer: string; pgDump: string; lastMigration: string | null };
  database: { file: string; bytes: number; sha256: string; rowCounts: Record<string, number> };
  files: StoredFile[];
}

/** A refusal said plainly: the scripts print its message, without a stack, and exit 1. */
export class BackupError extends Error {}

/** libpq's environment for a postgres:// URL, so that no password shows in a process list. */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    ...process.env,
    PGHOST: url.hostname || '127.0.0.1',
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.password && { PGPASSWORD: decodeURIComponent(url.password) }),
    ...(sslmode && { PGSSLMODE: sslmode }),
  };
}

/** pg_dump or pg_restore: from PG_BIN_DIR when set, else from the PATH. */
export const pgTool = (name: 'pg_dump' | 'pg_restore') => (process.env.PG_BIN_DIR ? join(process.env.PG_BIN_DIR, name) : name);

/** Runs a tool; resolves with its stdout, or throws with its stderr. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found. Install the PostgreSQL client tools (the same major version as the server, or newer), or set PG_BIN_DIR to their folder.`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`)),
    );
  });
}

/** The major version of a client tool, e.g. 15 for "pg_dump (PostgreSQL) 15.20 (Debian ...)". */
export async function toolVersion(command: string): Promise<{ text: string; major: number }> {
  const text = (await run(command, ['--version'])).trim();
  const match = /\(PostgreSQL\) (\d+)/.exec(text) ?? /(\d+)\.\d+/.exec(text);
  if (!match) throw new BackupError(`Could not read the version of ${command} from "${text}".`);
  return { text, major: Number(match[1]) };
}

export async function serverVersion(client: Client): Promise<{ text: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; num: string }>(
    "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num",
  );
  return { text: rows[0].server_version, major: Math.floor(Number(rows[0].num) / 10000) };
}

/** Exact row counts of every table in the public schema. */
export async function rowCounts(client: Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name.replace(/"/g, '""')}"`);
    counts[name] = Number(rows[0].n);
  }
  return counts;
}

/** Every file under a folder (recursively), as paths relative to it with / separators; none when it does not exist. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Copies a file (refusing to overwrite one), computing its size and SHA-256 on the way. */
export async function copyWithChecksum(from: string, to: string): Promise<{ bytes: number; sha256: string }> {
  await mkdir(dirname(to), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(
    createReadStream(from),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(to, { flags: 'wx' }),
  );
  return { bytes, sha256: hash.digest('hex') };
}

export async function checksum(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

export async function peervisitVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The migrations this code knows, by the names TypeORM records (class name: Name + timestamp). */
export async function knownMigrations(): Promise<string[]> {
  const folder = join(__dirname, '..', '..', 'libs', 'platform', 'src', 'database', 'migrations');
  return (await readdir(folder))
    .map((file) => /^(\d+)-(\w+)\.(ts|js)$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => `${m[2]}${m[1]}`);
}

/** Runs a script's main: a BackupError (or a config error) is printed plainly and exits 1. */
export function runScript(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const plain = error instanceof BackupError || (error instanceof Error && error.name === 'ConfigError');
      process.stderr.write(`${plain ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
