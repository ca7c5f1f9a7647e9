import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config.schema';
import { redisConnectionOptions } from '../queue/queues';

/** What a request is counted against: its client address, and the person when it carries a valid token. */
export interface RequestSource {
  ip: string;
  personId?: string;
}

/**
 * The global request rate limit: fixed windows of RATE_LIMIT_WINDOW_SECONDS counted in Redis by
 * rate-limiter-flexible, one count per client IP and one per person, so every API process shares
 * them. Once a key is over its limit it is refused from memory until its window ends (no Redis
 * round trip for a flood). If Redis does not answer within 500 ms or is away, each process counts
 * on its own (the insurance limiter) rather than refusing everyone or letting everyone through.
 */
@Injectable()
export class RequestRateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('RequestRateLimiter');
  private readonly redis: Redis;
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  /** Connected on the first request, so a process that serves no HTTP (the worker) opens nothing. */
  private connected?: Promise<unknown>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Offline queue off and a command timeout: a missing Redis fails over to the insurance at once.
    this.redis = new Redis({
      ...redisConnectionOptions(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: 500,
      maxRetriesPerRequest: 1,
      connectionName: 'peervisit-rate-limit',
    });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis connection: ${error.message}; counting in memory meanwhile`));
    const limiter = (name: string, points: number) => {
      const options = { keyPrefix: `${config.queuePrefix}:rate:${name}`, points, duration: config.rateLimitWindowSeconds };
      return new RateLimiterRedis({
        ...options,
        storeClient: this.redis,
        inMemoryBlockOnConsumed: points + 1,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    this.perIp = limiter('ip', config.rateLimitPerIp);
    this.perAccount = limiter('account', config.rateLimitPerAccount);
  }

  /** Counts the request; answers how many seconds to wait when the address or the person is over its limit. */
  async consume(source: RequestSource): Promise<{ retryAfterSeconds: number; over: 'ip' | 'account' } | undefined> {
    await (this.connected ??= this.redis.connect().catch(() => undefined));
    const [ip, account] = await Promise.allSettled([
      this.perIp.consume(source.ip),
      source.personId ? this.perAccount.consume(source.personId) : Promise.resolve(undefined),
    ]);
    const refusals = [
      { over: 'ip' as const, outcome: ip },
      { over: 'account' as const, outcome: account },
    ].flatMap(({ over, outcome }) => {
      if (outcome.status === 'fulfilled') return [];
      if (outcome.reason instanceof RateLimiterRes)
        return [{ over, retryAfterSeconds: Math.max(1, Math.ceil(outcome.reason.msBeforeNext / 1000)) }];
      // Neither Redis nor the insurance answered: let the request through rather than fail it.
      this.logger.warn(`Rate limit not checked (${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)})`);
      return [];
    });
    return refusals.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
