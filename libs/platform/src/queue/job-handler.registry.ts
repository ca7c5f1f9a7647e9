import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { Job } from 'bullmq';
import { JOB_HANDLER, JobHandlerOptions } from './job-handler.decorator';
import { QUEUES, QueueName } from './queues';

type Handler = (job: Job) => Promise<unknown>;

/** Every @JobHandler in the app, checked against the QUEUES registry: none missing, none doubled. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger('JobHandlerRegistry');
  private readonly handlers = new Map<string, { options: JobHandlerOptions; run: Handler }>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit() {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const options = Reflect.getMetadata(JOB_HANDLER, prototype[method]) as JobHandlerOptions | undefined;
        if (!options) continue;
        const key = `${options.queue}/${options.name}`;
        if (this.handlers.has(key)) problems.push(`job ${key} has two handlers`);
        if (!(QUEUES[options.queue].jobs as string[]).includes(options.name)) problems.push(`job ${key} is not listed in QUEUES`);
        this.handlers.set(key, { options, run: (job) => (instance[method] as Handler).call(instance, job) });
      }
    }
    for (const [queue, spec] of Object.entries(QUEUES)) {
      for (const name of spec.jobs) if (!this.handlers.has(`${queue}/${name}`)) problems.push(`job ${queue}/${name} has no handler`);
    }
    if (problems.length) throw new Error(`Job handlers do not match the queue registry: ${problems.join('; ')}`);
  }

  repeatable(): JobHandlerOptions[] {
    return [...this.handlers.values()].map((h) => h.options).filter((o) => o.everyMs);
  }

  async run(queue: QueueName, job: Job): Promise<unknown> {
    const handler = this.handlers.get(`${queue}/${job.name}`);
    if (!handler) throw new Error(`No handler for job ${queue}/${job.name}`);
    this.logger.debug(`Running ${queue}/${job.name} (${job.id})`);
    return handler.run(job);
  }
}
