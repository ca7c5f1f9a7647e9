/** `npm run schema:emit`: writes the code-first schema to schema.graphql (a test fails when they differ). */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter, JsonLogger, loadConfig } from '@peervisit/platform';
import { AppModule } from '../apps/api/src/app.module';

export async function emittedSchema(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ workers: false }), createHttpAdapter(loadConfig()), {
    logger: new JsonLogger('warn'),
  });
  try {
    await app.init();
    return printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  emittedSchema()
    .then((sdl) => {
      writeFileSync(join(__dirname, '..', 'schema.graphql'), sdl);
      console.log(`Wrote schema.graphql (${sdl.split('\n').length} lines).`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
