import { createPerson, GraphqlClient, TEST_PASSWORD } from '@peervisit/testing';
import { Client, createClient } from 'graphql-ws';
import { connect, Socket } from 'node:net';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { AppProcess, startProcess, waitFor } from '../fault/processes';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;

/** A raw TCP client that sends `head` at once, then one byte every 100 ms until the server closes the connection. */
function trickle(port: number, head: string) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  socket.on('data', (chunk) => (received += chunk));
  socket.on('error', () => undefined);
  socket.once('connect', () => {
    socket.write(head);
    timer = setInterval(() => socket.writable && socket.write('a'), 100);
  });
  const closed = new Promise<{ afterMs: number; received: string }>((resolve) =>
    socket.once('close', () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, received });
    }),
  );
  return { closed, destroy: () => (clearInterval(timer), socket.destroy()) };
}

/** The server answered 408 and closed the connection once `limitMs` had passed (checked every second at most). */
async function expectCutOff(client: ReturnType<typeof trickle>, limitMs: number) {
  const { afterMs, received } = await client.closed;
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
  expect(afterMs).toBeGreaterThanOrEqual(limitMs - 100);
  expect(afterMs).toBeLessThan(limitMs + 2000);
}

/**
 * HTTP_HEADERS_TIMEOUT_MS and HTTP_REQUEST_TIMEOUT_MS on the real API process (apps/api/src/main.ts,
 * where the server listens): a client that trickles its headers or its body, never idle, is cut off
 * with 408; a WebSocket, once upgraded, is not a request and stays open.
 */
describe('HTTP header and body timeouts', () => {
  let api: AppProcess;
  let port: number;
  let dataSource: DataSource;

  beforeAll(async () => {
    port = 30000 + Math.floor(Math.random() * 20000);
    api = startProcess('api', 'apps/api/src/main.ts', {
      PORT: String(port),
      WORKERS_IN_PROCESS: 'false',
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    });
    await waitFor(
      () => api.stdout().includes('PeerVisit API listening') || api.child.exitCode !== null,
      'the API to listen',
      60000,
      () => api.stderr().slice(-2000),
    );
    expect(api.child.exitCode).toBeNull();
    dataSource = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  }, 90000);
  afterAll(async () => {
    await dataSource?.destroy();
    if (api?.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
  });

  it('closes a connection whose headers trickle in past HTTP_HEADERS_TIMEOUT_MS, with 408', async () => {
    const client = trickle(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    try {
      await expectCutOff(client, HEADERS_TIMEOUT_MS);
    } finally {
      client.destroy();
    }
  });

  it('closes a request whose body trickles in past HTTP_REQUEST_TIMEOUT_MS, with 408, while an open WebSocket stays up', async () => {
    const person = await createPerson(dataSource);
    const token = (await new GraphqlClient(`http://127.0.0.1:${port}`).signIn(person.email, TEST_PASSWORD)).token as string;
    const closes: number[] = [];
    const ws: Client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    await new Promise<void>((resolve) => ws.on('connected', () => resolve()));

    // A 10,000-byte body at 10 bytes a second would take over 16 minutes.
    const client = trickle(
      port,
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{',
    );
    try {
      await expectCutOff(client, REQUEST_TIMEOUT_MS);

      // The socket opened before the slow request is older than the request timeout, and still answers.
      const answer = await new Promise<unknown>((resolve, reject) =>
        ws.subscribe(
          { query: 'subscription { evidenceChanged(reviewId: "00000000-0000-4000-8000-000000000000") { id } }' },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
      expect(answer).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      expect(closes).toEqual([]);
    } finally {
      client.destroy();
      await ws.dispose();
    }
  });

  it('still serves a normal request', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });
});
