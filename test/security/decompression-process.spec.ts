import { CatalogueModule, CatalogueSeed, writeGoodPracticeDocx } from '@peervisit/catalogue';
import { createPerson, createTestApp, GraphqlClient, TEST_PASSWORD } from '@peervisit/testing';
import bergen from '../../libs/catalogue/src/data/icc-good-practice-bergen.json';
import { AppProcess, startProcess, stopProcesses, waitFor } from '../fault/processes';
import { buildDocx, documentXml, heavyDocument } from './decompression-zip';

/**
 * The same defence in the real API process (node -r @swc-node/register apps/api/src/main.ts, as
 * npm start and docker run it): the worker thread loads there too, a Word file that needs too much
 * memory stops only its thread, and the process keeps serving.
 */
describe('decompression bombs against the real API process', () => {
  let api: AppProcess;
  let url: string;
  let admin: GraphqlClient;
  // Built before the API starts: building blocks this process for seconds.
  const heavy = heavyDocument();
  const bomb = buildDocx(documentXml(Buffer.alloc(60 * 1024 * 1024, '<w:p/>')));

  beforeAll(async () => {
    const setup = await createTestApp({ imports: [CatalogueModule] });
    await setup.app.get(CatalogueSeed).run();
    const secretariat = await createPerson(setup.dataSource, { isAdmin: true });
    await setup.close();
    const port = 30000 + Math.floor(Math.random() * 20000);
    url = `http://127.0.0.1:${port}`;
    api = startProcess('api', 'apps/api/src/main.ts', { PORT: String(port), WORKERS_IN_PROCESS: 'false', LOG_LEVEL: 'debug' });
    await waitFor(
      () => api.stdout().includes('PeerVisit API listening') || api.child.exitCode !== null,
      'the API to listen',
      60_000,
      () => api.stderr().slice(-2000),
    );
    admin = await new GraphqlClient(url).signIn(secretariat.email, TEST_PASSWORD);
  }, 180_000);
  afterAll(() => (api ? stopProcesses([api]) : undefined));

  const upload = async (body: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([body]), 'practice.docx');
    const response = await fetch(`${url}/good-practices/import.docx`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
      body: form,
    });
    return { status: response.status, json: (await response.json()) as { code: string; problems?: { path: string; message: string }[] } };
  };

  it('imports a real Word document (the worker thread loads under @swc-node/register)', async () => {
    expect(await upload(await writeGoodPracticeDocx(bergen as never))).toMatchObject({
      status: 201,
      json: { status: 'DRAFT', city: 'Bergen' },
    });
  });

  it('refuses a bomb and a memory-hungry document with BAD_USER_INPUT, answering /health meanwhile, and lives on', async () => {
    expect(await upload(bomb)).toMatchObject({
      status: 400,
      json: { code: 'BAD_USER_INPUT', problems: [{ path: 'file', message: expect.stringContaining('expands to more than 50 MB') }] },
    });

    let answered = false;
    const importing = upload(heavy).finally(() => (answered = true));
    // Positive signal: the process logs (at debug level) that the file is being read in a worker thread.
    const reading = () =>
      api.logs().filter((l) => l.msg === 'Reading the Word document in a worker thread (convertGoodPracticeDocxInThread)').length;
    const before = reading();
    await waitFor(
      () => answered || reading() > before,
      'the API process to read the document in a worker thread',
      30_000,
      () => api.stdout().slice(-2000),
      20,
    );
    expect(answered).toBe(false);
    const latencies: number[] = [];
    while (!answered && latencies.length < 20) {
      const asked = Date.now();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      if (!answered) latencies.push(Date.now() - asked);
    }
    expect(latencies.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    expect(await importing).toMatchObject({
      status: 400,
      json: {
        code: 'BAD_USER_INPUT',
        problems: [
          {
            path: 'file',
            message: expect.stringMatching(
              /^The Word document (needs more than 256 MB of memory|took longer than 15 s) to read and was stopped\./,
            ),
          },
        ],
      },
    });
    expect(api.child.exitCode).toBeNull();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(api.stderr()).not.toContain('heap out of memory');
  });
});
