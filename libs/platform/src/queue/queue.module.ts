import { BullModule, getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobRequestIdPropagation, runJobInContext } from './job-request-id';
import { QUEUE_NAMES, QUEUES, QueueName, QueueSpec, redisConnectionOptions } from './queues';

const queueRegistrations = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));

/** Producers: the connection and every queue of the registry, injectable with @InjectQueue(name). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 5000 },
      }),
    }),
    queueRegistrations,
  ],
  providers: [JobRequestIdPropagation],
  exports: [queueRegistrations],
})
export class QueueModule {}

/** One BullMQ worker per queue that has jobs; it hands each job to its @JobHandler. */
function processorFor(queue: QueueName) {
  const spec: QueueSpec = QUEUES[queue];
  // Only the settings a queue gives: an undefined one would override BullMQ's default.
  const options = {
    concurrency: spec.concurrency,
    ...(spec.lockDurationMs ? { lockDuration: spec.lockDurationMs } : {}),
    ...(spec.stalledIntervalMs ? { stalledInterval: spec.stalledIntervalMs } : {}),
  };
  @Processor(queue, options)
  class QueueProcessor extends WorkerHost {
    constructor(@Inject(JobHandlerRegistry) private readonly registry: JobHandlerRegistry) {
      super();
    }
    process(job: Job): Promise<unknown> {
      return runJobInContext(queue, job, () => this.registry.run(queue, job));
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor` });
  return QueueProcessor;
}

/** Registers the repeatable jobs idempotently once the workers are up. */
@Injectable()
class RepeatableJobScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('RepeatableJobScheduler');
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    for (const job of this.registry.repeatable()) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(job.queue), { strict: false });
      const every = typeof job.everyMs === 'function' ? job.everyMs(this.config) : (job.everyMs as number);
      const register = () => queue.upsertJobScheduler(job.name, { every }, { name: job.name });
      await register();
      this.logger.log(`Scheduled ${job.queue}/${job.name} every ${every} ms`);
      // A Redis restarted without its data loses the schedule too, and with it the sweepers that
      // re-queue the lost jobs: register again each time the connection comes back (idempotent).
      const client = await queue.client;
      client.on('ready', () => {
        register().then(
          () => this.logger.log(`Scheduled ${job.queue}/${job.name} again after Redis reconnected`),
          (error) => this.logger.warn(`Could not schedule ${job.queue}/${job.name} again after Redis reconnected: ${error}`),
        );
      });
    }
  }
}

/** The consumers. Imported by apps/worker, and by apps/api when WORKERS_IN_PROCESS is on. */
@Module({})
export class WorkersModule {
  static forRoot(): DynamicModule {
    const processors = QUEUE_NAMES.filter((q) => QUEUES[q].jobs.length > 0).map(processorFor);
    return {
      module: WorkersModule,
      imports: [DiscoveryModule],
      providers: [JobHandlerRegistry, RepeatableJobScheduler, ...processors],
      exports: [JobHandlerRegistry],
    };
  }
}
