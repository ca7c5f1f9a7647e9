import { createReviewFixture, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';

const LIMIT = 4096;

/** Every file under a directory, relative to it. */
function filesUnder(dir: string): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => join(name, f)) : [name];
  });
}

/** A multipart body built by hand, so the file name's bytes (NUL, CR, backslashes) go out exactly as given. */
function multipart(fileName: string, mediaType: string, content: Buffer, encoded = false) {
  // encoded: RFC 5987 filename*=, which carries any byte (control characters included) percent-encoded.
  const nameParam = encoded ? `filename*=UTF-8''${encodeURIComponent(fileName)}` : `filename="${fileName}"`;
  const boundary = `----pv${Date.now()}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(field('title', 'Uploaded in a security test') + field('type', 'ANNUAL_REPORT')),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${nameParam}\r\nContent-Type: ${mediaType}\r\n\r\n`, 'utf8'),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads with a forged media type, an oversized body, or a path in the file name. */
describe('document uploads', () => {
  let t: TestApp;
  let token: string;
  let reviewId: string;
  let dataDir: string;

  beforeAll(async () => {
    process.env.UPLOAD_MAX_BYTES = String(LIMIT);
    dataDir = process.env.DATA_DIR as string;
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const f = await createReviewFixture(t.dataSource, { status: 'VISIT' });
    reviewId = f.reviewId;
    token = (await t.gql.signIn(f.people.leader.email, TEST_PASSWORD)).token as string;
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.UPLOAD_MAX_BYTES;
  });

  const upload = async (fileName: string, mediaType: string, content: Buffer, encoded = false) => {
    const { body, contentType } = multipart(fileName, mediaType, content, encoded);
    const response = await fetch(`${t.url}/reviews/${reviewId}/documents`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };
  const documentCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM document'))[0].n);

  it.each([
    [
      'text labelled as a PDF',
      'notes.pdf',
      'application/pdf',
      Buffer.from('just some text, not a PDF'),
      'is labelled application/pdf but its content is not a PDF',
    ],
    [
      'an HTML page labelled as a PNG',
      'pic.png',
      'image/png',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'is labelled image/png but its content is not a PNG image',
    ],
    [
      'a Windows executable labelled as a PNG',
      'pic.png',
      'image/png',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      'is labelled image/png but its content is not a PNG image',
    ],
    [
      'a PDF-looking executable labelled as a JPEG',
      'photo.jpg',
      'image/jpeg',
      Buffer.from('%PDF-1.4'),
      'is labelled image/jpeg but its content is not a JPEG image',
    ],
    [
      'a type not on the allow-list',
      'setup.exe',
      'application/x-msdownload',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      'files of type application/x-msdownload are not accepted',
    ],
    ['an HTML page as text/html', 'page.html', 'text/html', Buffer.from('<html></html>'), 'files of type text/html are not accepted'],
  ])('refuses %s with BAD_USER_INPUT, storing nothing', async (_what, fileName, mediaType, content, problem) => {
    const before = await documentCount();
    const { status, json } = await upload(fileName, mediaType, content);
    expect(status).toBe(400);
    expect(json.code).toBe('BAD_USER_INPUT');
    expect(json.problems.map((p: { message: string }) => p.message).join(' ')).toContain(problem);
    expect(await documentCount()).toBe(before);
    expect(filesUnder(join(dataDir, 'files'))).toEqual([]);
  });

  it('refuses a file one byte over UPLOAD_MAX_BYTES, and a far larger body, storing nothing', async () => {
    for (const size of [LIMIT + 1, 3 * 1024 * 1024]) {
      const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
      const { status, json } = await upload('big.pdf', 'application/pdf', content);
      expect({ size, status, code: json.code }).toEqual({ size, status: 400, code: 'BAD_USER_INPUT' });
      expect(json.message).toContain('4 KB (4096 bytes)');
    }
    expect(filesUnder(join(dataDir, 'files'))).toEqual([]);
    // Exactly at the limit is accepted (the refusals above are about the size).
    const atLimit = await upload('fits.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMIT - 9, 0x20)]));
    expect(atLimit.status).toBe(201);
  });

  it.each([
    ['../../etc/passwd', 'passwd', false],
    ['..\\..\\windows\\win.ini', 'win.ini', false],
    ['C:\\x\\y.pdf', 'y.pdf', false],
    ['/absolute/path/report.txt', 'report.txt', false],
    ['sub/dir/evil\u0000name\u0007\u001b.txt', 'evilname.txt', true],
    // A raw NUL in the part header, as a hand-made client can send it.
    ['evil\u0000.txt', 'evil.txt', false],
    ['..', 'document', false],
  ])('stores %j as %j: the last segment only, without control characters, inside DATA_DIR', async (given, stored, encoded) => {
    const { status, json } = await upload(given, 'text/plain', Buffer.from('plain text content'), encoded);
    expect({ status, json }).toMatchObject({ status: 201 });
    expect(json.fileName).toBe(stored);
    expect(json).not.toHaveProperty('storageKey');
    const [row] = await t.dataSource.query('SELECT storage_key FROM document WHERE id = $1', [json.id]);
    expect(row.storage_key).toMatch(new RegExp(`^documents/${reviewId}/[0-9a-f-]{36}$`));
    // Every stored file sits under DATA_DIR/files/documents/<review>, named by a uuid.
    for (const file of filesUnder(join(dataDir, 'files'))) expect(file).toMatch(new RegExp(`^documents/${reviewId}/[0-9a-f-]{36}$`));
  });

  it.each([
    // A line break in a part's file name is a header injection, never a browser's: the multipart
    // reader drops the part, so the upload has no file.
    ['a line break in the file name', 'evil\r\nname.txt', true, 'attach the file'],
  ])('refuses %s with a clear BAD_USER_INPUT, storing nothing', async (_what, fileName, encoded, message) => {
    const before = await documentCount();
    const files = filesUnder(join(dataDir, 'files')).length;
    const { status, json } = await upload(fileName, 'text/plain', Buffer.from('plain text content'), encoded);
    expect({ status, code: json.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(json.message).toContain(message);
    expect(await documentCount()).toBe(before);
    expect(filesUnder(join(dataDir, 'files'))).toHaveLength(files);
  });

  it('serves a hostile file name back in a safe download header (no header injection, attachment, nosniff)', async () => {
    const { json } = await upload('a"; filename="evil.html', 'text/plain', Buffer.from('<script>alert(1)</script>'));
    const response = await fetch(`${t.url}${json.downloadPath}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition') as string;
    expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s";]+$/);
    expect(disposition.match(/filename=/g)).toHaveLength(1);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
