import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, createHttpAdapter, JsonLogger, loadConfig, prepareHttpApp } from '@peervisit/platform';
import { AppModule } from './app.module';

/** Builds the API application (not yet listening); shared by main.ts, the bench and the end-to-end tests. */
export async function createApi(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ workers: config.workersInProcess }),
    createHttpAdapter(config),
    {
      logger: new JsonLogger(config.logLevel),
      bufferLogs: true,
    },
  );
  await prepareHttpApp(app);
  return app;
}
