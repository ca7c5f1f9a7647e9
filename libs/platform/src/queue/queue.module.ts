import { BullModule, getQueueToken, Processor, WorkerHost } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { JobHandlerRegistry } from './job-handler.registry';
import { QUEUE_NAMES, QUEUES, QueueName, redisConnectionOptions } from './queues';

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
  exports: [queueRegistrations],
})
export class QueueModule {}

/** One BullMQ worker per queue that has jobs; it hands each job to its @JobHandler. */
function processorFor(queue: QueueName) {
  @Processor(queue, { concurrency: QUEUES[queue].concurrency })
  class QueueProcessor extends WorkerHost {
    constructor(@Inject(JobHandlerRegistry) private readonly registry: JobHandlerRegistry) {
      super();
    }
    process(job: Job): Promise<unknown> {
      return this.registry.run(queue, job);
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
      await queue.upsertJobScheduler(job.name, { every }, { name: job.name });
      this.logger.log(`Scheduled ${job.queue}/${job.name} every ${every} ms`);
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
