import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, redisConnectionOptions, tooManyAttempts } from '@peervisit/platform';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

// Counts one failure; the first failure opens the window, and reaching the limit restarts it, so a
// locked email or IP waits the whole lockout from its last counted failure. Atomic in Redis, so
// several API instances share the count.
const COUNT_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 or n >= tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * Password sign-in throttling: failures are counted per normalised email and per client IP in
 * fixed windows of SIGN_IN_LOCKOUT_SECONDS. Once either count reaches its limit, sign-in is refused
 * with TOO_MANY_ATTEMPTS until the window ends, whether or not the password is right. Unknown emails
 * are counted exactly like known ones, so the refusal says nothing about which accounts exist.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // maxRetriesPerRequest: a sign-in should fail rather than hang while Redis is away.
    this.redis = new Redis({ ...redisConnectionOptions(config.redisUrl), maxRetriesPerRequest: 2, lazyConnect: true });
  }

  async onModuleDestroy() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  // Under QUEUE_PREFIX, so installations (and test files) sharing one Redis keep their own counts.
  // The email is hashed: the keys should not list who tried to sign in.
  private emailKey = (email: string) => `${this.config.queuePrefix}:sign-in:email:${createHash('sha256').update(email).digest('hex')}`;
  private ipKey = (ip: string) => `${this.config.queuePrefix}:sign-in:ip:${ip}`;

  /** Refuses with TOO_MANY_ATTEMPTS while the email or the IP is locked. Call before checking the password. */
  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const checks: [string, number][] = [[this.emailKey(email), this.config.signInMaxFailures]];
    if (ip) checks.push([this.ipKey(ip), this.config.signInMaxFailuresPerIp]);
    let waitSeconds = 0;
    for (const [key, limit] of checks) {
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      if (Number(count ?? 0) >= limit) waitSeconds = Math.max(waitSeconds, ttl > 0 ? ttl : this.config.signInLockoutSeconds);
    }
    if (waitSeconds > 0) {
      const minutes = Math.ceil(waitSeconds / 60);
      throw tooManyAttempts(
        `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password (requestPasswordReset).`,
        waitSeconds,
      );
    }
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    const ttl = this.config.signInLockoutSeconds;
    await this.redis.eval(COUNT_FAILURE, 1, this.emailKey(email), ttl, this.config.signInMaxFailures);
    if (ip) await this.redis.eval(COUNT_FAILURE, 1, this.ipKey(ip), ttl, this.config.signInMaxFailuresPerIp);
  }

  /** A successful sign-in clears the email's count (not the IP's: one good account must not unlock an IP). */
  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.emailKey(email));
  }
}
