import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CatalogueSeed } from '@peervisit/catalogue';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter, JsonLogger, loadConfig, prepareHttpApp } from '@peervisit/platform';
import { capturedMail, createPerson, createReviewFixture, GraphqlClient, TEST_PASSWORD } from '@peervisit/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { WEB_APP_DIR } from './web-app-files';

/** The API on a free port, serving `dir` as the built web app (an empty dir: not built). */
async function start(dir: string) {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register({ workers: true })] })
    .overrideProvider(WEB_APP_DIR)
    .useValue(dir)
    .setLogger(new JsonLogger('error'))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(loadConfig()), { logger: new JsonLogger('error') });
  await prepareHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource) };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const linkToken = async (to: string, path: string) => {
  for (let i = 0; i < 150; i++) {
    const mail = (await capturedMail()).find((m) => m.to.includes(to) && m.text.includes(path));
    if (mail) return new RegExp(`${path}\\?token=([^\\s<>"]+)`).exec(mail.text)?.[1] as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail with a ${path} link reached ${to}`);
};

describe('the web app on the API origin', () => {
  let dist: string;
  let server: { app: INestApplication; url: string; dataSource: DataSource };

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>PeerVisit app</title>');
    writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
    server = await start(dist);
  });
  afterAll(async () => {
    await server?.app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, accept = 'text/html') => fetch(`${server.url}${path}`, { headers: { accept } });

  it('serves hashed assets as immutable, and the page and service worker to be revalidated', async () => {
    const asset = await get('/assets/index-AbC123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/sw.js', '/manifest.webmanifest']) {
      const response = await get(path);
      expect({ path, status: response.status, cache: response.headers.get('cache-control') }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
      });
    }
    expect(await (await get('/')).text()).toContain('PeerVisit app');
  });

  it('answers client routes with the app, but never the API routes or missing files', async () => {
    for (const path of [
      '/reviews/5d0c3b6e-0000-4000-8000-000000000000',
      '/reviews/x/coverage',
      '/profile',
      '/reset-password?token=abc',
      '/accept-invitation?token=abc',
    ]) {
      const response = await get(path);
      expect({ path, status: response.status, body: await response.text() }).toEqual({
        path,
        status: 200,
        body: expect.stringContaining('PeerVisit app'),
      });
    }
    for (const path of [
      '/health',
      '/graphql',
      '/explorer',
      '/calendar/nothing.ics',
      '/reports/x/pdf',
      '/documents/x/file',
      '/metrics',
      '/admin/queues',
      '/assets/missing.js',
    ]) {
      const body = await (await get(path)).text();
      expect({ path, app: body.includes('PeerVisit app') }).toEqual({ path, app: false });
    }
  });
});

describe('the email links when the web app is not built', () => {
  let empty: string;
  let server: { app: INestApplication; url: string; dataSource: DataSource };

  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'web-none-'));
    server = await start(empty);
    await server.app.get(CatalogueSeed).run();
  });
  afterAll(async () => {
    await server?.app.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('says at / that the app is not built', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('the web app is not built');
  });

  it('/reset-password sets a new password with the emailed token, and says what is wrong otherwise', async () => {
    const person = await createPerson(server.dataSource);
    await new GraphqlClient(server.url).ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: person.email });
    const token = await linkToken(person.email, '/reset-password');
    const page = await (await fetch(`${server.url}/reset-password?token=${token}`)).text();
    expect(page).toContain(`value="${token}"`);

    const tooShort = await fetch(`${server.url}/reset-password`, form({ token, password: 'short' }));
    expect(tooShort.status).toBe(400);
    expect(await tooShort.text()).toContain('at least 10 characters');
    const done = await fetch(`${server.url}/reset-password`, form({ token, password: 'a-fresh-password-9' }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Your new password is set');
    await expect(new GraphqlClient(server.url).signIn(person.email, 'a-fresh-password-9')).resolves.toBeDefined();
    const reused = await fetch(`${server.url}/reset-password`, form({ token, password: 'another-password-9' }));
    expect(reused.status).toBe(400);
  });

  it('/accept-invitation creates the account with its name, time zone and language', async () => {
    const fixture = await createReviewFixture(server.dataSource, { status: 'PREPARATION', scope: [1] });
    const leader = await new GraphqlClient(server.url).signIn(fixture.people.leader.email, TEST_PASSWORD);
    const email = `new-${Date.now()}@example.org`;
    await leader.ok('mutation($r: ID!, $input: AddTeamMemberInput!) { addTeamMember(reviewId: $r, input: $input) { __typename } }', {
      r: fixture.reviewId,
      input: { email, role: 'PEER' },
    });
    const token = await linkToken(email, '/accept-invitation');
    const page = await (await fetch(`${server.url}/accept-invitation?token=${token}`)).text();
    expect(page).toContain('<select id="timeZone"');
    expect(page).toContain('<select id="locale"');

    const noName = await fetch(
      `${server.url}/accept-invitation`,
      form({ token, password: 'invitee-password-1', timeZone: 'Europe/Oslo', locale: 'de' }),
    );
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('give your name');
    const done = await fetch(
      `${server.url}/accept-invitation`,
      form({ token, fullName: 'Nora New', password: 'invitee-password-1', timeZone: 'Europe/Oslo', locale: 'de' }),
    );
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Welcome, Nora New');
    const [person] = await server.dataSource.query('SELECT full_name, time_zone, locale FROM person WHERE email = $1', [email]);
    expect(person).toEqual({ full_name: 'Nora New', time_zone: 'Europe/Oslo', locale: 'de' });
  });
});
