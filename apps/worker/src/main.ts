import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, installGracefulShutdown, JsonLogger, loadConfig } from '@peervisit/platform';
import { WorkerModule } from './worker.module';

async function main() {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new JsonLogger(config.logLevel) });
  // BullMQ workers close after their running jobs when the app closes.
  installGracefulShutdown(app);
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'log', context: 'Main', msg: 'PeerVisit worker running' }) + '\n',
  );
}

main().catch((error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`PeerVisit worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
