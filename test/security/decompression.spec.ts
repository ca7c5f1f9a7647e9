import { boundedWorkersRunning } from '@peervisit/platform';
import { writeGoodPracticeDocx } from '@peervisit/catalogue';
import { gzipSync } from 'node:zlib';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import bergen from '../../libs/catalogue/src/data/icc-good-practice-bergen.json';
import { AppModule } from '../../apps/api/src/app.module';
import { waitFor } from '../fault/processes';
import { buildDocx, buildZip, documentXml, heavyDocument, paragraphs } from './decompression-zip';

const MB = 1024 * 1024;

/**
 * Decompression bombs and other hostile Word files, uploaded through the real HTTP API with the
 * default PARSE_* limits: each is refused with BAD_USER_INPUT saying which limit it went past,
 * nothing is written, and the API keeps answering while a file is being read.
 */
describe('decompression bombs (good-practice Word import)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let ordinary: GraphqlClient;
  let member: { id: string; email: string };
  const files = {} as Record<'expanded' | 'parts' | 'ratio' | 'lie' | 'heavy' | 'gzippedImport', Buffer>;

  beforeAll(async () => {
    // Built before the app listens: building blocks this process (the server's too) for seconds, and
    // a keep-alive connection the server closed meanwhile would be reset under the next request.
    files.expanded = buildDocx(documentXml(Buffer.alloc(60 * MB, '<w:p/>')));
    files.parts = buildDocx(
      documentXml(paragraphs(1, () => 'City: Bergen')),
      Array.from({ length: 4997 }, (_, i) => ({ name: `word/media/part${i}.xml`, data: Buffer.from('<x/>') })),
    );
    files.ratio = buildDocx(documentXml(Buffer.alloc(20 * MB, '<w:p><w:r><w:t>City: Bergen</w:t></w:r></w:p>')));
    files.lie = buildDocx(documentXml(Buffer.alloc(40 * MB, '<w:p/>')), [], 2048);
    files.heavy = heavyDocument();
    const padded = { ...bergen, action: { ...bergen.action, mainPurpose: 'x'.repeat(20 * MB) } };
    files.gzippedImport = gzipSync(
      JSON.stringify({ query: 'mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', variables: { d: padded } }),
    );
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    const secretariat = await createPerson(t.dataSource, { isAdmin: true });
    member = await createPerson(t.dataSource);
    admin = await t.gql.signIn(secretariat.email, TEST_PASSWORD);
    ordinary = await t.gql.signIn(member.email, TEST_PASSWORD);
  }, 180_000);
  afterAll(() => t?.close());

  const upload = async (client: GraphqlClient, body: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([body]), 'practice.docx');
    const response = await fetch(`${t.url}/good-practices/import.docx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}` },
      body: form,
    });
    return {
      status: response.status,
      json: (await response.json()) as { code: string; message: string; problems?: { path: string; message: string }[] },
    };
  };
  /** Rows a good-practice import writes. */
  const written = async () =>
    (
      await t.dataSource.query(
        'SELECT (SELECT count(*) FROM good_practice)::int AS practices, (SELECT count(*) FROM good_practice_revision)::int AS revisions',
      )
    )[0];

  it('imports a real Word document in the template (the secretariat)', async () => {
    const { status, json } = await upload(admin, await writeGoodPracticeDocx(bergen as never));
    expect({ status, json }).toMatchObject({ status: 201, json: { status: 'DRAFT', city: 'Bergen', title: bergen.action.title } });
  });

  it('refuses a stranger before its file is read; the JSON import stays the secretariat', async () => {
    const before = await written();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await writeGoodPracticeDocx(bergen as never))]), 'practice.docx');
    const stranger = await fetch(`${t.url}/good-practices/import.docx`, { method: 'POST', body: form });
    expect(stranger.status).toBe(401);
    const viaJson = await ordinary.request('mutation($d: JSON!) { importGoodPractice(document: $d) { id } }', { d: bergen });
    expect(viaJson.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
  });

  it("imports a member's Word document as a draft of theirs, within the same limits", async () => {
    const { status, json } = await upload(ordinary, await writeGoodPracticeDocx(bergen as never));
    expect({ status, json }).toMatchObject({ status: 201, json: { status: 'DRAFT', createdById: member.id } });
    const bomb = await upload(ordinary, files.ratio);
    expect(bomb).toMatchObject({ status: 400, json: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    [
      'a document.xml of 60 MB in a 60 kB upload',
      'expanded',
      'The Word document expands to more than 50 MB, the most accepted (its parts declare at least 60 MB). Remove large images or embedded files, or split it.',
    ],
    [
      'an archive of 5,000 parts',
      'parts',
      'The Word document holds 5000 parts; at most 1000 are accepted. Remove embedded files or split it.',
    ],
    [
      'a part compressed about 1,000-fold, within the size limit',
      'ratio',
      /^Part "word\/document\.xml" of the Word document expands \d{3,4}-fold \(\d+ kB to 20 MB\); at most 100-fold is accepted, so it looks like a decompression bomb rather than a document\./,
    ],
    [
      'a part that declares 2 kB and expands to 40 MB',
      'lie',
      /^Part "word\/document\.xml" of the Word document does not hold the size it declares \(too many bytes in the stream\. expected 2048\./,
    ],
  ] as const)('refuses %s with BAD_USER_INPUT saying which limit, writing nothing', async (_what, file, message) => {
    const before = await written();
    expect(files[file].length).toBeLessThan(2 * MB);
    const { status, json } = await upload(admin, files[file]);
    expect(status).toBe(400);
    expect(json.code).toBe('BAD_USER_INPUT');
    expect(json.message).toMatch(/^The Word document was not imported: file: /);
    expect(json.problems).toEqual([{ path: 'file', message: typeof message === 'string' ? message : expect.stringMatching(message) }]);
    expect(await written()).toEqual(before);
  });

  it('stops a document that passes the archive checks but needs too much memory, in its worker thread, while the API keeps answering', async () => {
    const before = await written();
    const started = Date.now();
    let answeredAt = 0;
    const importing = upload(admin, files.heavy).then((r) => ((answeredAt = Date.now()), r));

    // Positive signal: the file is being read in a worker thread right now.
    await waitFor(
      () => boundedWorkersRunning() > 0 || answeredAt > 0,
      'the Word document to be read in a worker thread',
      30_000,
      undefined,
      10,
    );
    expect(answeredAt).toBe(0);

    // Meanwhile the API answers health checks and queries promptly (mammoth alone takes over 15 s and 1 GB on this file).
    const latencies: number[] = [];
    while (!answeredAt && latencies.length < 20) {
      const asked = Date.now();
      const [health, me] = await Promise.all([fetch(`${t.url}/health`), admin.request('{ me { id } }')]);
      expect(health.status).toBe(200);
      expect(me.errors).toBeUndefined();
      if (!answeredAt) latencies.push(Date.now() - asked);
    }
    expect(latencies.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...latencies)).toBeLessThan(2000);

    const { status, json } = await importing;
    expect(status).toBe(400);
    expect(json.code).toBe('BAD_USER_INPUT');
    expect(json.problems).toEqual([
      {
        path: 'file',
        message: expect.stringMatching(
          /^The Word document (needs more than 256 MB of memory to read|took longer than 15 s to read) and was stopped\. Make it simpler \(fewer pages, tables or images\) or split it\.$/,
        ),
      },
    ]);
    expect(answeredAt - started).toBeLessThan(45_000);
    expect(await written()).toEqual(before);
    expect(boundedWorkersRunning()).toBe(0);

    // The API is whole: the next import works.
    expect((await upload(admin, await writeGoodPracticeDocx(bergen as never))).status).toBe(201);
  });

  it('inflates a compressed JSON import only up to the body limit: 20 MB of gzip-encoded GraphQL is refused with 413 at once', async () => {
    const before = await written();
    const body = files.gzippedImport;
    expect(body.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${admin.token}` },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/^The request body is over the size limit/);
    // body-parser stops inflating at the limit (100 kB), rather than inflating 20 MB first.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await written()).toEqual(before);
  });

  it('answers compressed bodies that nobody reads, or that break after the limit, and keeps running', async () => {
    const health = () => fetch(`${t.url}/health/live`).then((r) => r.status);
    // A GET saying gzip with no body; a gzip body of a type nothing reads; a multipart upload gzip-encoded.
    expect((await fetch(`${t.url}/health/live`, { headers: { 'content-encoding': 'gzip' } })).status).toBe(200);
    const csv = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip', 'apollo-require-preflight': 'true' },
      body: 'hello',
    });
    expect(csv.status).toBe(415);
    const form = new FormData();
    form.append('file', new Blob([gzipSync(Buffer.from('not a docx'))]), 'practice.docx');
    const multipart = new Request(`${t.url}/good-practices/import.docx`, { method: 'POST', body: form });
    const compressed = await fetch(multipart.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin.token}`,
        'content-type': multipart.headers.get('content-type') as string,
        'content-encoding': 'gzip',
      },
      body: gzipSync(Buffer.from(await multipart.arrayBuffer())),
    });
    expect(compressed.status).toBe(415);
    expect(await compressed.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('without Content-Encoding') });
    // A gzip body that inflates past the limit and is cut short after it: 413, and its broken end harms nothing.
    const bomb = gzipSync(Buffer.from(JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(1_000_000) } })));
    const cut = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'apollo-require-preflight': 'true' },
      body: bomb.subarray(0, bomb.length - 8),
    });
    expect(cut.status).toBe(413);
    // The process answered each, and answers after each (an uncaught stream error would have ended it).
    for (let i = 0; i < 3; i++) expect(await health()).toBe(200);
  });

  it('refuses a Word document over 10 MB with 413, saying the limit', async () => {
    const before = await written();
    const { status, json } = await upload(admin, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    expect({ status, json }).toEqual({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 10 MB.' } });
    expect(await written()).toEqual(before);
  });

  it('says plainly when the upload is not a ZIP archive at all, or a broken one', async () => {
    const truncated = buildZip([{ name: 'word/document.xml', data: documentXml('<w:p/>') }]).subarray(0, 60);
    const { status, json } = await upload(admin, truncated);
    expect(status).toBe(400);
    expect(json.problems).toEqual([
      {
        path: 'file',
        message: expect.stringMatching(
          /^The file could not be read as a Word document \(\.docx\): The Word document is not a valid ZIP archive \(/,
        ),
      },
    ]);
  });
});
