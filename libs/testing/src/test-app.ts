import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter, JsonLogger, loadConfig, PlatformModule, prepareHttpApp } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import type { Server } from 'node:http';
import { GraphqlClient } from './graphql-client';

export interface TestApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  gql: GraphqlClient;
  close(): Promise<void>;
}

/**
 * Boots the platform plus the given modules on this test file's database and a free port.
 * Pass `module` to boot a whole app module instead (end-to-end tests).
 */
export async function createTestApp(options: { imports?: (Type | DynamicModule)[]; module?: Type | DynamicModule }): Promise<TestApp> {
  const config = loadConfig();
  const moduleRef = await Test.createTestingModule({
    imports: options.module ? [options.module] : [PlatformModule, ...(options.imports ?? [])],
  })
    .setLogger(new JsonLogger(config.logLevel))
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(config), {
    logger: new JsonLogger(config.logLevel),
  });
  await prepareHttpApp(app);
  app.enableShutdownHooks();
  // The tests' client (fetch, undici) keeps idle sockets for 4 s and may reuse one just as Node's
  // default 5 s keep-alive closes it on a loaded machine: an ECONNRESET on a POST, which it does not
  // retry. The server keeps idle sockets longer than the client does.
  (app.getHttpServer() as Server).keepAliveTimeout = 60_000;
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource), gql: new GraphqlClient(url), close: () => app.close() };
}
