import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Logger } from '@nestjs/common';
import { JsonLogger } from '../../platform/src/logging/json-logger';
import { createDatabaseFromTemplate, dropDatabase } from './test-database';

/**
 * Before each test file: its own database (a copy of the migrated template), its own BullMQ key
 * prefix, its own data directory. After it: all three removed.
 */
let databaseUrl: string | undefined;
let dataDir: string | undefined;
const queuePrefix = `pvtest-${randomBytes(4).toString('hex')}`;

// Loggers created outside an app (new Logger(...)) write JSON at the test level too.
Logger.overrideLogger(new JsonLogger((process.env.TEST_LOG_LEVEL as 'error') ?? 'error'));

beforeAll(async () => {
  const template = process.env.PV_TEMPLATE_DATABASE;
  if (!template) throw new Error('No template database: run the tests with `npm test` (jest globalSetup creates it).');
  databaseUrl = await createDatabaseFromTemplate(template);
  dataDir = mkdtempSync(join(tmpdir(), 'peervisit-test-'));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    PORT: '0',
    // Off unless a test asks: worker processes started by parallel test files would share 3001.
    WORKER_HEALTH_PORT: '0',
  });
  delete process.env.SMTP_URL;
});

afterAll(async () => {
  if (databaseUrl) await dropDatabase(databaseUrl);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
});
