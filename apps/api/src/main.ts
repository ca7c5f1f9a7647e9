import 'reflect-metadata';
import { ConfigError, installGracefulShutdown, loadConfig } from '@peervisit/platform';
import { createApi } from './create-api';

async function main() {
  const config = loadConfig();
  const app = await createApi(config);
  installGracefulShutdown(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'log', context: 'Main', msg: `PeerVisit API listening on ${url}/graphql`, workersInProcess: config.workersInProcess }) + '\n',
  );
}

main().catch((error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`PeerVisit API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
