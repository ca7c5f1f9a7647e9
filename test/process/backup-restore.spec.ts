import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { withDatabaseName } from '@peervisit/platform';
import {
  baseDatabaseUrl,
  createReviewFixture,
  createTestApp,
  dropDatabase,
  GraphqlClient,
  TEST_PASSWORD,
  TestApp,
  until,
} from '@peervisit/testing';
import { AppModule } from '../../apps/api/src/app.module';

/** Runs `npm run backup` / `npm run restore` the way npm does (node with swc), with this env. */
function runScript(script: 'backup' | 'restore', dir: string, env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `scripts/${script}.ts`, dir], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** SHA-256 of every file under a folder, by relative path. */
function fileChecksums(root: string): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    sums[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return sums;
}

/** What must come back identical: every table's row count, the reports (hashes, files) and the documents. */
async function fingerprint(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const rowCounts: Record<string, number> = {};
    for (const { table_name } of tables)
      rowCounts[table_name] = Number((await client.query(`SELECT count(*) AS n FROM "${table_name}"`)).rows[0].n);
    const reports = (await client.query('SELECT id, version, status, content_hash, files, published, published_at FROM report ORDER BY id'))
      .rows;
    const documents = (await client.query('SELECT * FROM document ORDER BY id')).rows;
    const migrations = (await client.query('SELECT name FROM schema_migration ORDER BY id')).rows.map((r) => r.name);
    return { rowCounts, reports, documents, migrations };
  } finally {
    await client.end();
  }
}

async function tableCount(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].n);
  } finally {
    await client.end();
  }
}

const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

describe('npm run backup, then npm run restore into an empty installation', () => {
  let t: TestApp;
  let coordinator: GraphqlClient;
  let reportId: string;
  let publishedPdf: string;
  const scratch = mkdtempSync(join(tmpdir(), 'peervisit-backup-test-'));
  const backupDir = join(scratch, 'backup');
  const restoredDataDir = join(scratch, 'restored-data');
  const restoredDatabaseUrl = withDatabaseName(baseDatabaseUrl(), `pv_restore_${randomBytes(5).toString('hex')}`);
  const damagedDatabaseUrl = withDatabaseName(baseDatabaseUrl(), `pv_restore_${randomBytes(5).toString('hex')}`);

  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: true }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const f = await createReviewFixture(t.dataSource, { status: 'FEEDBACK', scope: [1, 2] });
    for (const kf of f.keyFactors) {
      await t.dataSource.query(
        "INSERT INTO conclusion (review_id, key_factor_id, rating, summary, strengths, areas_to_develop, status, agreed_at) VALUES ($1, $2, 3, $3, 'Visible leadership.', 'Reach migrant residents.', 'AGREED', now())",
        [f.reviewId, kf.id, `Conclusion on key factor ${kf.code}.`],
      );
    }
    const leader = await t.gql.signIn(f.people.leader.email, TEST_PASSWORD);
    coordinator = await t.gql.signIn(f.people.coordinator.email, TEST_PASSWORD);
    for (const [title, content] of [
      ['Annual report', '%PDF-1.4\n% the annual report\n'],
      ['Integration strategy', '%PDF-1.4\n% the strategy, other bytes\n'],
    ]) {
      const form = new FormData();
      form.append('title', title);
      form.append('type', 'ANNUAL_REPORT');
      form.append('file', new Blob([content], { type: 'application/pdf' }), `${title}.pdf`);
      const upload = await fetch(`${t.url}/reviews/${f.reviewId}/documents`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${leader.token}` },
      });
      if (upload.status !== 201) throw new Error(`Upload failed: ${upload.status} ${await upload.text()}`);
    }
    reportId = (await leader.ok('mutation($r: ID!) { requestReport(reviewId: $r) { id } }', { r: f.reviewId })).requestReport.id;
    await until(
      'the report to be rendered',
      async () =>
        (await leader.ok('query($r: ID!) { reviewReports(reviewId: $r) { id status } }', { r: f.reviewId })).reviewReports.find(
          (r: { id: string; status: string }) => r.id === reportId && r.status === 'READY',
        ),
      60000,
    );
    await leader.ok('mutation($id: ID!) { publishReport(reportId: $id) { published } }', { id: reportId });
    publishedPdf = sha256(
      await (await fetch(`${t.url}/reports/${reportId}/pdf`, { headers: { authorization: `Bearer ${coordinator.token}` } })).arrayBuffer(),
    );
  }, 120000);

  afterAll(async () => {
    await t?.close();
    await dropDatabase(restoredDatabaseUrl);
    await dropDatabase(damagedDatabaseUrl);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('restores the database and the stored files identical: row counts, report hashes, documents, file checksums', async () => {
    const backup = await runScript('backup', backupDir);
    expect({ code: backup.code, stderr: backup.stderr }).toEqual({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/Backup written to .*: \d+ tables/);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.versions).toMatchObject({
      peervisit: expect.any(String),
      lastMigration: expect.any(String),
      postgresServer: expect.any(String),
      pgDump: expect.stringContaining('pg_dump'),
    });
    expect(manifest.files.length).toBeGreaterThanOrEqual(5); // two documents, three report formats

    const original = await fingerprint(process.env.DATABASE_URL as string);
    const originalFiles = fileChecksums(join(process.env.DATA_DIR as string, 'files'));
    expect(original.reports).toHaveLength(1);
    expect(original.reports[0]).toMatchObject({ published: true, content_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(original.documents).toHaveLength(2);
    expect(manifest.database.rowCounts).toEqual(original.rowCounts);

    const restore = await runScript('restore', backupDir, { DATABASE_URL: restoredDatabaseUrl, DATA_DIR: restoredDataDir });
    expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: '' });
    expect(restore.stdout).toContain('row counts identical');

    expect(await fingerprint(restoredDatabaseUrl)).toEqual(original);
    expect(fileChecksums(join(restoredDataDir, 'files'))).toEqual(originalFiles);
  });

  it('the restored installation serves the published report byte for byte', async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
    Object.assign(process.env, { DATABASE_URL: restoredDatabaseUrl, DATA_DIR: restoredDataDir });
    const restored = await createTestApp({ module: AppModule.register({ workers: false }) });
    Object.assign(process.env, saved);
    try {
      const pdf = await fetch(`${restored.url}/reports/${reportId}/pdf`, { headers: { authorization: `Bearer ${coordinator.token}` } });
      expect(pdf.status).toBe(200);
      expect(sha256(await pdf.arrayBuffer())).toBe(publishedPdf);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    const before = await fingerprint(restoredDatabaseUrl);
    const again = await runScript('restore', backupDir, { DATABASE_URL: restoredDatabaseUrl, DATA_DIR: join(scratch, 'another-data-dir') });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^The database "pv_restore_\w+" is not empty \(\d+ tables or other relations, e\.g\. .*\)\. Restore only into an empty database/,
    );
    expect(again.stderr).not.toContain('    at '); // a sentence, not a stack
    expect(await fingerprint(restoredDatabaseUrl)).toEqual(before);
    const intoFiles = await runScript('restore', backupDir, { DATABASE_URL: damagedDatabaseUrl, DATA_DIR: restoredDataDir });
    expect(intoFiles.code).toBe(1);
    expect(intoFiles.stderr).toContain('already holds');
  });

  it('refuses a damaged backup before writing anything', async () => {
    const [first] = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')).files as { path: string }[];
    writeFileSync(join(backupDir, 'files', first.path), 'tampered');
    const damaged = await runScript('restore', backupDir, { DATABASE_URL: damagedDatabaseUrl, DATA_DIR: join(scratch, 'damaged-data') });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain(`files/${first.path} does not match its checksum`);
    await expect(tableCount(damagedDatabaseUrl)).rejects.toThrow(/does not exist/);
  });

  it('refuses to write a backup over a directory that is not empty', async () => {
    const over = await runScript('backup', backupDir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('is not empty');
  });
});
