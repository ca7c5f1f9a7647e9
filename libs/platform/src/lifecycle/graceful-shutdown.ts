import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT: stop taking requests and jobs, let running ones finish (Nest closes the HTTP
 * server, BullMQ workers wait for their active jobs, TypeORM closes its pool), then exit 0.
 * Used instead of Nest's enableShutdownHooks, which re-raises the signal and so never exits with 0.
 */
export function installGracefulShutdown(app: INestApplicationContext, timeoutMs = 30000): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: no new requests or jobs; waiting for running ones to finish`);
    const timer = setTimeout(() => {
      logger.error(`Still busy after ${timeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    try {
      await app.close();
      logger.log('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error(`Error while stopping: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    }
  };
  // `on`, not `once`: under API_PROCESSES a worker can get the signal twice (from the terminal's
  // process group and from the primary passing it on); the second must not kill it mid-shutdown.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
