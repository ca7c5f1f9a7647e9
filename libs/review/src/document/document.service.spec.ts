import { CatalogueSeed } from '@peervisit/catalogue';
import { CurrentUser } from '@peervisit/platform';
import { createCity, createPerson, createTestApp, TEST_PASSWORD, TestApp } from '@peervisit/testing';
import { createHash, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AuditLog } from '../audit/audit-log.service';
import { ReviewModule } from '../review.module';
import { DocumentService } from './document.service';

const LIMIT = 2048;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size = 600) => {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.7\n').copy(bytes);
  bytes.write('\n%%EOF', size - 6);
  return bytes;
};

describe('Documents (uploads and downloads over HTTP, links and retraction over GraphQL)', () => {
  let t: TestApp;
  let service: DocumentService;
  const previousLimit = process.env.UPLOAD_MAX_BYTES;
  let keyFactorIds: string[]; // in benchmark order; the review's scope is the first five
  let reviewId: string;
  let closedReviewId: string;
  const tokens: Record<'leader' | 'peer' | 'observer' | 'stranger', string> = { leader: '', peer: '', observer: '', stranger: '' };
  const people: Record<string, { id: string; email: string }> = {};

  const signIn = async (email: string) =>
    (
      await t.gql.ok<{ signIn: { accessToken: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
        { e: email, p: TEST_PASSWORD },
      )
    ).signIn.accessToken;

  const storedFiles = async (): Promise<string[]> => {
    const root = join(process.env.DATA_DIR as string, 'files', 'documents');
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  };
  const rowCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM document'))[0].n);

  async function upload(
    token: string | undefined,
    fields: {
      bytes?: Uint8Array;
      name?: string;
      mediaType?: string;
      title?: string;
      type?: string;
      keyFactorIds?: string[] | string;
      review?: string;
    },
  ) {
    const form = new FormData();
    if (fields.title !== undefined) form.append('title', fields.title);
    if (fields.type !== undefined) form.append('type', fields.type);
    const ids = fields.keyFactorIds ?? [];
    for (const id of Array.isArray(ids) ? ids : [ids]) form.append('keyFactorIds', id);
    if (fields.bytes)
      form.append('file', new Blob([fields.bytes], { type: fields.mediaType ?? 'application/pdf' }), fields.name ?? 'report.pdf');
    const response = await fetch(`${t.url}/reviews/${fields.review ?? reviewId}/documents`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const download = (token: string | undefined, documentId: string) =>
    fetch(`${t.url}/documents/${documentId}/file`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    process.env.UPLOAD_MAX_BYTES = String(LIMIT);
    t = await createTestApp({ imports: [ReviewModule] });
    service = t.app.get(DocumentService);
    await t.app.get(CatalogueSeed).run();
    const [benchmark] = await t.dataSource.query("SELECT id FROM benchmark WHERE code = 'EUROCITIES-PCD'");
    keyFactorIds = (await t.dataSource.query('SELECT id FROM key_factor WHERE benchmark_id = $1 ORDER BY number', [benchmark.id])).map(
      (r: { id: string }) => r.id,
    );
    const city = await createCity(t.dataSource, { name: 'Bergen', country: 'NO', timeZone: 'Europe/Oslo' });
    for (const who of ['leader', 'peer', 'observer', 'stranger', 'admin'] as const) {
      people[who] = await createPerson(t.dataSource, { email: `${who}@example.org`, isAdmin: who === 'admin' });
    }
    const insertReview = async (title: string, status: string) =>
      (
        await t.dataSource.query(
          `INSERT INTO review (title, kind, host_city_id, benchmark_id, status, created_by_id, scope_key_factor_ids)
           VALUES ($1, 'PEER_REVIEW', $2, $3, $4, $5, $6) RETURNING id`,
          [title, city.id, benchmark.id, status, people.admin.id, keyFactorIds.slice(0, 5)],
        )
      )[0].id as string;
    reviewId = await insertReview('Peer review of Bergen', 'VISIT');
    closedReviewId = await insertReview('Earlier review of Bergen', 'CLOSED');
    for (const review of [reviewId, closedReviewId]) {
      for (const [who, role] of [
        ['leader', 'EXPERT_LEADER'],
        ['peer', 'PEER'],
        ['observer', 'OBSERVER'],
      ]) {
        await t.dataSource.query('INSERT INTO team_member (review_id, person_id, role) VALUES ($1, $2, $3)', [
          review,
          people[who].id,
          role,
        ]);
      }
    }
    for (const who of ['leader', 'peer', 'observer', 'stranger'] as const) tokens[who] = await signIn(people[who].email);
  });
  afterAll(async () => {
    await t?.close();
    if (previousLimit === undefined) delete process.env.UPLOAD_MAX_BYTES;
    else process.env.UPLOAD_MAX_BYTES = previousLimit;
  });

  it('stores an upload with its checksum and gives the same bytes back to members only', async () => {
    const bytes = pdf();
    const { status, body } = await upload(tokens.peer, {
      bytes,
      name: 'Årsrapport 2024 (final).pdf',
      title: '  Annual report 2024 ',
      type: 'ANNUAL_REPORT',
      keyFactorIds: [keyFactorIds[0], `${keyFactorIds[1]},${keyFactorIds[2]}`],
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      reviewId,
      title: 'Annual report 2024',
      type: 'ANNUAL_REPORT',
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
      mediaType: 'application/pdf',
      fileName: 'Årsrapport 2024 (final).pdf',
      keyFactorIds: keyFactorIds.slice(0, 3),
      addedById: people.peer.id,
      url: null,
      retractedAt: null,
      downloadPath: `/documents/${body.id}/file`,
    });
    expect(body).not.toHaveProperty('storageKey');
    const [audit] = await t.dataSource.query("SELECT actor_id, after FROM audit_entry WHERE entity_id = $1 AND action = 'document.add'", [
      body.id,
    ]);
    expect(audit).toMatchObject({ actor_id: people.peer.id, after: { sha256: sha256(bytes), title: 'Annual report 2024' } });
    expect(audit.after).not.toHaveProperty('storageKey');

    const response = await download(tokens.observer, body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="_rsrapport 2024 (final).pdf"; filename*=UTF-8''%C3%85rsrapport%202024%20%28final%29.pdf`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

    const stranger = await download(tokens.stranger, body.id);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ code: 'FORBIDDEN', message: 'You are not a member of this review.' });
    const anonymous = await download(undefined, body.id);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await download(tokens.peer, randomUUID())).status).toBe(404);
  });

  it('refuses strangers and anonymous callers before reading the upload, leaving nothing', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    expect(await upload(tokens.stranger, { bytes: pdf(), title: 'Sneaky', type: 'OTHER' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await upload(undefined, { bytes: pdf(), title: 'Sneaky', type: 'OTHER' })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    // Refused before the body is read, even when there is a lot of it.
    expect(await upload(tokens.stranger, { bytes: pdf(2 * 1024 * 1024), title: 'Large and sneaky', type: 'OTHER' })).toMatchObject({
      status: 403,
    });
    expect(await upload(tokens.observer, { bytes: pdf(), title: 'Observer', type: 'OTHER' })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: expect.stringMatching(/you are the observer\.$/) },
    });
    expect(await storedFiles()).toEqual(files);
    expect(await rowCount()).toBe(rows);
  });

  it('refuses a file over UPLOAD_MAX_BYTES with the sizes, leaving no file and no row', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    const wayOver = await upload(tokens.peer, { bytes: pdf(2 * 1024 * 1024), title: 'Too big', type: 'OTHER' });
    expect(wayOver).toMatchObject({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        message: 'The file is larger than 2 KB (2048 bytes), the limit for an upload.',
        problems: [{ path: 'file' }],
      },
    });
    const justOver = await upload(tokens.peer, { bytes: pdf(LIMIT + 1), title: 'One byte too big', type: 'OTHER' });
    expect(justOver).toMatchObject({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        problems: [{ path: 'file', message: 'The file is 2 KB (2049 bytes); the limit is 2 KB (2048 bytes).' }],
      },
    });
    expect(await upload(tokens.peer, { bytes: pdf(LIMIT), title: 'Exactly at the limit', type: 'OTHER' })).toMatchObject({ status: 201 });
    expect(await storedFiles()).toHaveLength(files.length + 1);
    expect(await rowCount()).toBe(rows + 1);
  });

  it('refuses a media type not accepted and a file whose content does not match its label', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    const zip = await upload(tokens.peer, {
      bytes: Buffer.from('PK\x03\x04rest'),
      name: 'a.zip',
      mediaType: 'application/zip',
      title: 'Archive',
      type: 'OTHER',
    });
    expect(zip).toMatchObject({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        problems: [
          {
            path: 'file',
            message: expect.stringMatching(/^files of type application\/zip are not accepted; send one of application\/pdf, /),
          },
        ],
      },
    });
    const fake = await upload(tokens.peer, {
      bytes: Buffer.from('<html>not a pdf</html>'),
      name: 'minutes.pdf',
      title: 'Minutes',
      type: 'MINUTES',
    });
    expect(fake).toMatchObject({
      status: 400,
      body: { problems: [{ path: 'file', message: '"minutes.pdf" is labelled application/pdf but its content is not a PDF' }] },
    });
    const png = await upload(tokens.peer, {
      bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      name: 'chart.png',
      mediaType: 'image/png',
      title: 'Chart',
      type: 'MONITORING_DATA',
    });
    expect(png.body.problems).toEqual([{ path: 'file', message: '"chart.png" is labelled image/png but its content is not a PNG image' }]);
    const jpeg = await upload(tokens.peer, {
      bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      name: 'photo.jpg',
      mediaType: 'image/jpeg',
      title: 'Photo',
      type: 'OTHER',
    });
    expect(jpeg.status).toBe(201);
    const text = await upload(tokens.peer, {
      bytes: Buffer.from('a,b\n1,2\n'),
      name: 'data.csv',
      mediaType: 'text/csv',
      title: 'Data',
      type: 'MONITORING_DATA',
    });
    expect(text.status).toBe(201);
    expect(await storedFiles()).toHaveLength(files.length + 2);
    expect(await rowCount()).toBe(rows + 2);
  });

  it('lists every problem at once: title, type, key factors (unknown, out of scope) and the file', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    const unknown = randomUUID();
    const { status, body } = await upload(tokens.peer, {
      bytes: Buffer.from('plain text'),
      name: 'notes.pdf',
      title: ' ',
      type: 'DIARY',
      keyFactorIds: [keyFactorIds[0], unknown, keyFactorIds[12], 'kf-1'],
    });
    expect(status).toBe(400);
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message).toMatch(/^The document was not added: title: must not be empty; /);
    expect(body.problems).toEqual([
      { path: 'title', message: 'must not be empty' },
      {
        path: 'type',
        message:
          '"DIARY" is not a document type; expected one of MINUTES, BRIEFING, ANNUAL_REPORT, MONITORING_DATA, PRESS_RELEASE, STRATEGY, OTHER',
      },
      { path: 'keyFactorIds[1]', message: `${unknown} is not a key factor of this review's benchmark` },
      { path: 'keyFactorIds[2]', message: `${keyFactorIds[12]} is a key factor outside this review's scope` },
      { path: 'keyFactorIds[3]', message: "kf-1 is not a key factor of this review's benchmark" },
      { path: 'file', message: '"notes.pdf" is labelled application/pdf but its content is not a PDF' },
    ]);
    const missing = await upload(tokens.peer, { title: 'No file', type: 'OTHER' });
    expect(missing.body.problems).toEqual([{ path: 'file', message: 'attach the file (a multipart part named "file")' }]);
    expect(await storedFiles()).toEqual(files);
    expect(await rowCount()).toBe(rows);
  });

  it('takes no documents in a closed review', async () => {
    const refused = await upload(tokens.peer, { review: closedReviewId, bytes: pdf(), title: 'Late', type: 'OTHER' });
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', message: 'Documents can no longer be added: the review "Earlier review of Bergen" is closed.' },
    });
    const link = await t.gql
      .as(tokens.peer)
      .request(
        'mutation($r: ID!) { addDocumentLink(reviewId: $r, input: { title: "Late", type: OTHER, url: "https://example.org" }) { id } }',
        { r: closedReviewId },
      );
    expect(link.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('removes the stored file when the row cannot be written, and reads streams too', async () => {
    const peer: CurrentUser = { personId: people.peer.id, email: people.peer.email, isAdmin: false };
    const [files, rows] = [await storedFiles(), await rowCount()];
    const audit = jest.spyOn(t.app.get(AuditLog), 'record').mockRejectedValueOnce(new Error('the database went away'));
    await expect(
      service.upload(
        peer,
        reviewId,
        { buffer: pdf(), originalName: 'x.pdf', mediaType: 'application/pdf' },
        { title: 'Doomed', type: 'OTHER' },
      ),
    ).rejects.toThrow('the database went away');
    audit.mockRestore();
    expect(await storedFiles()).toEqual(files);
    expect(await rowCount()).toBe(rows);

    // A stream arriving in small chunks: the signature is read across them, and the size limit holds.
    const bytes = pdf(1500);
    const chunks = (b: Buffer) => Readable.from(Array.from({ length: Math.ceil(b.length / 3) }, (_, i) => b.subarray(i * 3, i * 3 + 3)));
    const streamed = await service.upload(
      peer,
      reviewId,
      { stream: chunks(bytes), originalName: 'c:\\docs\\brief.pdf', mediaType: 'application/pdf; charset=binary' },
      { title: 'Streamed', type: 'BRIEFING' },
    );
    expect(streamed).toMatchObject({ sha256: sha256(bytes), sizeBytes: 1500, fileName: 'brief.pdf', mediaType: 'application/pdf' });
    await expect(
      service.upload(
        peer,
        reviewId,
        { stream: chunks(pdf(LIMIT + 100)), originalName: 'big.pdf', mediaType: 'application/pdf' },
        { title: 'Big', type: 'OTHER' },
      ),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'The file is larger than 2 KB (2048 bytes), the limit for an upload.' });
    expect(await storedFiles()).toHaveLength(files.length + 1);
  });

  const LINK = `mutation($r: ID!, $input: DocumentLinkInput!) {
    addDocumentLink(reviewId: $r, input: $input) { id title type url keyFactorIds fileName sha256 downloadPath }
  }`;

  it('adds links over GraphQL, checking the url and the key factors', async () => {
    const peer = t.gql.as(tokens.peer);
    const { addDocumentLink } = await peer.ok(LINK, {
      r: reviewId,
      input: {
        title: 'Integration strategy 2030',
        type: 'STRATEGY',
        url: 'https://bergen.kommune.no/strategy',
        keyFactorIds: [keyFactorIds[4]],
      },
    });
    expect(addDocumentLink).toMatchObject({
      title: 'Integration strategy 2030',
      type: 'STRATEGY',
      url: 'https://bergen.kommune.no/strategy',
      keyFactorIds: [keyFactorIds[4]],
      fileName: null,
      sha256: null,
      downloadPath: null,
    });

    const bad = await peer.request(LINK, {
      r: reviewId,
      input: { title: 'x'.repeat(301), type: 'OTHER', url: 'ftp://example.org/file', keyFactorIds: [keyFactorIds[7]] },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { path: 'title', message: 'must be at most 300 characters' },
        { path: 'keyFactorIds[0]', message: `${keyFactorIds[7]} is a key factor outside this review's scope` },
        { path: 'url', message: 'must start with http:// or https://, not ftp:' },
      ],
    });
    const notUrl = await peer.request(LINK, { r: reviewId, input: { title: 'T', type: 'OTHER', url: 'bergen.no' } });
    expect(notUrl.errors?.[0].extensions?.problems).toEqual([
      { path: 'url', message: 'expected a web address such as https://example.org/report.pdf' },
    ]);
    const stranger = await t.gql
      .as(tokens.stranger)
      .request(LINK, { r: reviewId, input: { title: 'T', type: 'OTHER', url: 'https://example.org' } });
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const response = await download(tokens.peer, addDocumentLink.id);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: '"Integration strategy 2030" is a link, not an uploaded file: follow its url https://bergen.kommune.no/strategy.',
    });
  });

  const LIST =
    'query($r: ID!, $all: Boolean) { reviewDocuments(reviewId: $r, includeRetracted: $all) { id title retractedAt retractionReason downloadPath } }';
  const RETRACT = 'mutation($d: ID!, $why: String!) { retractDocument(documentId: $d, reason: $why) { id retractedAt retractionReason } }';

  it('retracts without losing anything: the row and the file stay, and show with includeRetracted', async () => {
    const leader = t.gql.as(tokens.leader);
    const { reviewDocuments: before } = await leader.ok(LIST, { r: reviewId });
    const target = before.find((d: { title: string }) => d.title === 'Annual report 2024');
    expect(target.downloadPath).toBe(`/documents/${target.id}/file`);

    const byPeer = await t.gql.as(tokens.peer).request(RETRACT, { d: target.id, why: 'Wrong year' });
    expect(byPeer.errors?.[0]).toMatchObject({
      message: 'Only the expert leader or host coordinator can do this; you are the peer.',
      extensions: { code: 'FORBIDDEN' },
    });
    const noReason = await leader.request(RETRACT, { d: target.id, why: '  ' });
    expect(noReason.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'reason', message: 'say why the document is retracted' }],
    });

    const { retractDocument } = await leader.ok(RETRACT, { d: target.id, why: 'Superseded by the 2025 report' });
    expect(retractDocument).toMatchObject({
      id: target.id,
      retractionReason: 'Superseded by the 2025 report',
      retractedAt: expect.any(String),
    });
    const again = await leader.request(RETRACT, { d: target.id, why: 'Twice' });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');

    const { reviewDocuments: current } = await leader.ok(LIST, { r: reviewId });
    expect(current.map((d: { id: string }) => d.id)).not.toContain(target.id);
    expect(current).toHaveLength(before.length - 1);
    const { reviewDocuments: all } = await leader.ok(LIST, { r: reviewId, all: true });
    expect(all.find((d: { id: string }) => d.id === target.id)).toMatchObject({ retractionReason: 'Superseded by the 2025 report' });

    const [row] = await t.dataSource.query('SELECT retracted_at, storage_key FROM document WHERE id = $1', [target.id]);
    expect(row.retracted_at).toBeInstanceOf(Date);
    expect((await download(tokens.observer, target.id)).status).toBe(200);
    const [audit] = await t.dataSource.query("SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'document.retract'", [
      target.id,
    ]);
    expect(audit.before.retractedAt).toBeNull();
    expect(audit.after.retractionReason).toBe('Superseded by the 2025 report');

    const stranger = await t.gql.as(tokens.stranger).request(LIST, { r: reviewId });
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Refused before anything runs: every ID argument must be a UUID (input-checks.plugin.ts).
    const notAnId = await leader.request(LIST, { r: 'not-a-uuid' });
    expect(notAnId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
