import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, JsonLogger, loadConfig } from '@peervisit/platform';
import { AppModule } from './app.module';

/** Builds the API application (not yet listening); shared by main.ts and the end-to-end tests. */
export async function createApi(config: AppConfig = loadConfig()): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ workers: config.workersInProcess }), {
    logger: new JsonLogger(config.logLevel),
    bufferLogs: true,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  return app;
}
