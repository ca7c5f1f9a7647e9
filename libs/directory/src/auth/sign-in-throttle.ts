import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, redisConnectionOptions, tooManyAttempts } from '@peervisit/platform';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/** How long an address the person signed in from stays one they "used before". */
const KNOWN_ADDRESS_DAYS = 90;

/**
 * The address attempts are counted under: an IPv4 address as is (also when IPv4-mapped), an IPv6
 * address by its /64, since one subscriber is usually given a whole /64 and could otherwise rotate.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** What reserve() counted, so release() hands back exactly that. */
export interface SignInAttempt {
  email: string;
  address?: string;
  countedOnAccount: boolean;
}

/**
 * Password sign-in throttling (rate-limiter-flexible on Redis, its "login protection" pattern), so
 * that guessing is slow but nobody can lock a person out:
 * - per email and client address: SIGN_IN_MAX_FAILURES (5) failures lock that email *from that
 *   address* only; failures from elsewhere never block the person's own address;
 * - per address: SIGN_IN_MAX_FAILURES_PER_IP (50) failures over any emails lock the address;
 * - per email from all addresses: SIGN_IN_MAX_FAILURES_PER_ACCOUNT (50) failures (a botnet spreading
 *   its guesses) keep out addresses the person has never signed in from; addresses they signed in
 *   from in the last 90 days are not counted there, and a password reset lifts it.
 * Each attempt is counted (atomically, per key) before the password is checked, so parallel guesses
 * cannot overtake the count; a success hands its attempt back. Unknown emails are counted exactly
 * like known ones, so a refusal says nothing about which accounts exist. Keys live under
 * QUEUE_PREFIX, with emails and addresses of known-address sets hashed.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly byAddress: RateLimiterRedis;
  private readonly byEmailAndAddress: RateLimiterRedis;
  private readonly byAccount: RateLimiterRedis;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // maxRetriesPerRequest: a sign-in should fail rather than hang while Redis is away.
    this.redis = new Redis({ ...redisConnectionOptions(config.redisUrl), maxRetriesPerRequest: 2, lazyConnect: true });
    this.prefix = `${config.queuePrefix}:sign-in`;
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:${name}`,
        points,
        duration: config.signInLockoutSeconds,
        // Reaching the limit blocks for the whole lockout from that attempt on.
        blockDuration: config.signInLockoutSeconds,
      });
    this.byAddress = limiter('ip', config.signInMaxFailuresPerIp);
    this.byEmailAndAddress = limiter('email-ip', config.signInMaxFailures);
    this.byAccount = limiter('account', config.signInMaxFailuresPerAccount);
  }

  async onModuleDestroy() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /**
   * Counts one attempt, or refuses with TOO_MANY_ATTEMPTS while a limit that applies is reached. Call
   * before checking the password; the attempt stays counted as a failure unless `release` is called.
   */
  async reserve(email: string, ip: string | undefined): Promise<SignInAttempt> {
    const emailHash = hash(email);
    const address = ip ? addressKey(ip) : undefined;
    const attempt: SignInAttempt = { email, address, countedOnAccount: false };
    if (address) await this.consume(this.byAddress, address, 'elsewhere');
    await this.consume(this.byEmailAndAddress, `${emailHash}:${address ?? 'unknown'}`, 'elsewhere');
    if (!address || !(await this.redis.sismember(this.knownKey(emailHash), hash(address)))) {
      await this.consume(this.byAccount, emailHash, 'new-address');
      attempt.countedOnAccount = true;
    }
    return attempt;
  }

  /**
   * After a successful sign-in: clears the count of this email from this address, remembers the
   * address as one the person uses, and hands back the attempt counted on the address and the
   * account, without clearing their earlier failures (one good account must not unlock an address,
   * and the person's own success must not reset a botnet's count).
   */
  async release(attempt: SignInAttempt): Promise<void> {
    const emailHash = hash(attempt.email);
    await this.byEmailAndAddress.delete(`${emailHash}:${attempt.address ?? 'unknown'}`);
    if (attempt.address) {
      await this.byAddress.reward(attempt.address, 1);
      const known = this.knownKey(emailHash);
      await this.redis
        .multi()
        .sadd(known, hash(attempt.address))
        .expire(known, KNOWN_ADDRESS_DAYS * 24 * 3600)
        .exec();
    }
    if (attempt.countedOnAccount) await this.byAccount.reward(emailHash, 1);
  }

  /** After a password reset: the account-wide count starts again, so the person can sign in from anywhere. */
  async clearAccount(email: string): Promise<void> {
    await this.byAccount.delete(hash(email));
  }

  private knownKey = (emailHash: string) => `${this.prefix}:known:${emailHash}`;

  private async consume(limiter: RateLimiterRedis, key: string, why: 'elsewhere' | 'new-address'): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const waitSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const minutes = Math.ceil(waitSeconds / 60);
      const when = `try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
      throw tooManyAttempts(
        why === 'new-address'
          ? `Too many failed sign-ins for this account from many places: sign in from a device or network you have used before, ${when}, or reset your password (requestPasswordReset).`
          : `Too many failed sign-ins: ${when}, or reset your password (requestPasswordReset).`,
        waitSeconds,
      );
    }
  }
}
