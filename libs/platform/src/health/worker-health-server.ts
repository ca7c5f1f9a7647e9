import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { HealthChecks, liveness } from './health-checks';

/**
 * The worker has no HTTP API; this small server answers GET /health/live and GET /health/ready on
 * WORKER_HEALTH_PORT (on HOST), for compose and orchestrator health checks. 0 turns it off.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;

  constructor(
    private readonly checks: HealthChecks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.workerHealthPort) return;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      const answer = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, { code: 'BAD_USER_INPUT', message: 'Use GET.' });
      if (path === '/health/live') return answer(200, liveness());
      if (path === '/health/ready' || path === '/health') {
        return void this.checks.readiness().then((readiness) => answer(readiness.status === 'ok' ? 200 : 503, readiness));
      }
      answer(404, { code: 'NOT_FOUND', message: 'The worker answers only GET /health/live and GET /health/ready.' });
    });
    // A port already taken fails the start, loudly: a health check answered by something else would lie.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerHealthPort, this.config.host, () => resolve());
    });
    this.server = server;
    const { address, port } = server.address() as AddressInfo;
    this.logger.log(`Worker health checks on http://${address}:${port}/health/live and /health/ready`);
  }

  async onApplicationShutdown() {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
