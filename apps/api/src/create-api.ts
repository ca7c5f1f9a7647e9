import { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, JsonLogger, loadConfig } from '@peervisit/platform';
import { createServer } from 'node:http';
import { AppModule } from './app.module';

// Fastify is loaded only when a bench variant asks for it (`require`: TypeScript's nodenext rules
// would want a `.js` file name for `import()`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadFastifyAdapter = (): typeof import('./fastify-adapter') => require('./fastify-adapter');

/**
 * Express on a Node HTTP server that cuts off slow clients: a request whose headers have not all
 * arrived within HTTP_HEADERS_TIMEOUT_MS, or whose body has not within HTTP_REQUEST_TIMEOUT_MS, is
 * answered 408 and its connection closed, so a client trickling bytes cannot hold a connection (and
 * its memory) for ever. Node checks these deadlines every `connectionsCheckingInterval` (30 s by
 * default, which let a slow client run well past them); here every second, or faster for short limits.
 * WebSocket connections are not requests once upgraded: they are not cut off.
 */
export class TimeoutExpressAdapter extends ExpressAdapter {
  constructor(private readonly timeouts: Pick<AppConfig, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'>) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    // HTTPS and forced closing are not used here; Nest's own server handles them if they ever are.
    if (options?.httpsOptions || options?.forceCloseConnections) return super.initHttpServer(options);
    const { httpHeadersTimeoutMs: headersTimeout, httpRequestTimeoutMs: requestTimeout } = this.timeouts;
    const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(headersTimeout / 4)));
    this.httpServer = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, this.getInstance());
  }
}

/** Builds the API application (not yet listening); shared by main.ts and the end-to-end tests. */
export async function createApi(config: AppConfig = loadConfig()): Promise<INestApplication> {
  // API_STACK_VARIANT=fastify: a bench variant only (docs/performance.md says what does not run on it yet).
  if (config.stack.httpAdapter === 'fastify')
    return NestFactory.create<NestFastifyApplication>(
      AppModule.register({ workers: config.workersInProcess }),
      loadFastifyAdapter().fastifyAdapter(config),
      {
        logger: new JsonLogger(config.logLevel),
        bufferLogs: true,
      },
    );
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ workers: config.workersInProcess }),
    new TimeoutExpressAdapter(config),
    {
      logger: new JsonLogger(config.logLevel),
      bufferLogs: true,
    },
  );
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  return app;
}
