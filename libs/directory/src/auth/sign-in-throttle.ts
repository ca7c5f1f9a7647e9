import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, redisConnectionOptions, tooManyAttempts } from '@peervisit/platform';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';

// KEYS: the counts to check (email, then IP when known); ARGV: window seconds, then each key's limit.
// Refuses (returns the seconds to wait) when any count is at its limit; otherwise counts the attempt
// on every key and returns 0. Check and count are one script, so parallel requests cannot all pass
// the check before any of them is counted. The first attempt opens the window and reaching the
// limit restarts it, so a locked email or IP waits the whole lockout from its last counted attempt.
const RESERVE_ATTEMPT = `
local window = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then
    local ttl = redis.call('TTL', key)
    -- A count without an expiry would lock for ever: give it a window.
    if ttl < 0 then redis.call('EXPIRE', key, window); ttl = window end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 or n >= tonumber(ARGV[i + 1]) then redis.call('EXPIRE', key, window) end
end
return 0`;

// KEYS: email, then IP when known. A success clears the email's count and hands back the attempt it
// reserved on the IP (without creating a key if the window ended meanwhile).
const RELEASE_ON_SUCCESS = `
redis.call('DEL', KEYS[1])
if KEYS[2] and redis.call('EXISTS', KEYS[2]) == 1 then
  if redis.call('DECR', KEYS[2]) <= 0 then redis.call('DEL', KEYS[2]) end
end
return 0`;

interface ThrottleCommands {
  reserveSignInAttempt(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<number>;
  releaseSignInAttempt(numKeys: number, ...keys: string[]): Promise<number>;
}

/**
 * Password sign-in throttling: attempts are counted per normalised email and per client IP in fixed
 * windows of SIGN_IN_LOCKOUT_SECONDS. Each attempt is reserved (counted) atomically before the
 * password is checked; once either count is at its limit, sign-in is refused with TOO_MANY_ATTEMPTS
 * until the window ends, whether or not the password is right. A success hands its attempt back.
 * Unknown emails are counted exactly like known ones, so the refusal says nothing about which
 * accounts exist. Counts live in Redis, so several API instances share them.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly redis: Redis & ThrottleCommands;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // maxRetriesPerRequest: a sign-in should fail rather than hang while Redis is away.
    const redis = new Redis({ ...redisConnectionOptions(config.redisUrl), maxRetriesPerRequest: 2, lazyConnect: true });
    redis.defineCommand('reserveSignInAttempt', { lua: RESERVE_ATTEMPT });
    redis.defineCommand('releaseSignInAttempt', { lua: RELEASE_ON_SUCCESS });
    this.redis = redis as Redis & ThrottleCommands;
  }

  async onModuleDestroy() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  // Under QUEUE_PREFIX, so installations (and test files) sharing one Redis keep their own counts.
  // The email is hashed: the keys should not list who tried to sign in.
  private emailKey = (email: string) => `${this.config.queuePrefix}:sign-in:email:${createHash('sha256').update(email).digest('hex')}`;
  private ipKey = (ip: string) => `${this.config.queuePrefix}:sign-in:ip:${ip}`;

  /**
   * Counts one attempt for the email and the IP, or refuses with TOO_MANY_ATTEMPTS while either is
   * locked. Call before checking the password: the attempt stays counted as a failure unless
   * `release` is called after a success.
   */
  async reserve(email: string, ip: string | undefined): Promise<void> {
    const keys = [this.emailKey(email)];
    const limits = [this.config.signInMaxFailures];
    if (ip) {
      keys.push(this.ipKey(ip));
      limits.push(this.config.signInMaxFailuresPerIp);
    }
    const waitSeconds = await this.redis.reserveSignInAttempt(keys.length, ...keys, this.config.signInLockoutSeconds, ...limits);
    if (waitSeconds > 0) {
      const minutes = Math.ceil(waitSeconds / 60);
      throw tooManyAttempts(
        `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password (requestPasswordReset).`,
        waitSeconds,
      );
    }
  }

  /**
   * After a successful sign-in: clears the email's count, and takes back the attempt reserved on the
   * IP without clearing the IP's earlier failures (one good account must not unlock an IP).
   */
  async release(email: string, ip: string | undefined): Promise<void> {
    const keys = ip ? [this.emailKey(email), this.ipKey(ip)] : [this.emailKey(email)];
    await this.redis.releaseSignInAttempt(keys.length, ...keys);
  }
}
