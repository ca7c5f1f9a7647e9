import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';

export interface Check {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
}

export interface Readiness {
  status: 'ok' | 'degraded';
  checks: { postgres: Check; redis: Check };
}

async function timed(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness: PostgreSQL and Redis each answer within 2 s. Shared by the API's /health routes and the
 * worker's health port. Redis is probed on a connection of its own, which fails fast instead of
 * queueing the PING behind BullMQ's (which waits for Redis forever).
 */
@Injectable()
export class HealthChecks implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: () => 1000,
    });
    this.redis.on('error', () => undefined); // reported by the probe, not as an unhandled event
  }

  async readiness(): Promise<Readiness> {
    const [postgres, redis] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }),
    ]);
    return { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded', checks: { postgres, redis } };
  }

  onModuleDestroy() {
    this.redis.disconnect();
  }
}

/** Liveness: the process answers; it checks nothing outside it, so a database outage never restarts it. */
export const liveness = () => ({ status: 'ok' as const, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) });
