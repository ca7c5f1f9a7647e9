import 'reflect-metadata';
import { ConfigError, installGracefulShutdown, loadConfig } from '@peervisit/platform';
import { refuseDemoPasswordInProduction } from '@peervisit/directory';
import { clusterWorkerId, isClusterWorker, runPrimary } from './cluster';
import { createApi } from './create-api';

async function main() {
  const config = loadConfig();
  await refuseDemoPasswordInProduction(config);
  // API_PROCESSES > 1: this process only supervises; the workers (this same file) run the API.
  if (config.apiProcesses > 1 && !isClusterWorker()) return runPrimary(config.apiProcesses);
  const app = await createApi(config);
  const workerId = clusterWorkerId();
  // Says which process answered, so that the spread of connections can be checked (e.g. curl -i /health).
  if (workerId !== undefined)
    app.use(
      (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => (
        res.setHeader('X-PeerVisit-Process', String(workerId)),
        next()
      ),
    );
  installGracefulShutdown(app);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'log',
      context: 'Main',
      msg: `PeerVisit API listening on ${url}/graphql`,
      workersInProcess: config.workersInProcess,
      pid: process.pid,
      ...(workerId !== undefined && { apiProcess: workerId, apiProcesses: config.apiProcesses }),
    }) + '\n',
  );
}

main().catch((error) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`PeerVisit API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
