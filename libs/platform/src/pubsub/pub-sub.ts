import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { PubSubAsyncIterator } from 'graphql-redis-subscriptions/dist/pubsub-async-iterator';
import Redis from 'ioredis';
import { AppConfig } from '../config/config.schema';
import { redisConnectionOptions } from '../queue/queues';

/**
 * Injection token of the GraphQL pub-sub. Publish on one API instance, receive on every instance:
 * events go through Redis.
 *
 *   constructor(@Inject(PUB_SUB) private readonly pubSub: PubSub) {}
 *   await this.pubSub.publish(`reviewChanged.${review.id}`, { reviewChanged: { id: review.id } });
 *   @Subscription(...) reviewChanged(@Args('id') id: string) { return this.pubSub.asyncIterableIterator(`reviewChanged.${id}`); }
 *
 * Payloads travel as JSON: a Date arrives as an ISO string, a class instance as a plain object.
 * Publish ids and small values, and let the subscription's resolvers load the rest.
 */
export const PUB_SUB = Symbol('PUB_SUB');

/** What a resolver or service uses (graphql-subscriptions' PubSubEngine, plus whenSubscribed). */
export interface PubSub {
  /** Sends the payload (as JSON) to every subscriber of the trigger, on every instance. */
  publish<T>(trigger: string, payload: T): Promise<void>;
  /** What a @Subscription returns: the events of these triggers, from now on. */
  asyncIterableIterator<T>(triggers: string | readonly string[]): AsyncIterableIterator<T>;
  subscribe<T>(trigger: string, onMessage: (message: T) => void): Promise<number>;
  unsubscribe(subId: number): void;
  /** Resolves once every subscription started so far is in place in Redis. */
  whenSubscribed(): Promise<void>;
}

/**
 * graphql-redis-subscriptions' RedisPubSub on two ioredis connections (a subscribed connection can do
 * nothing else), with every channel prefixed by `QUEUE_PREFIX:pubsub:` so installations or test
 * files sharing one Redis never see each other's events.
 */
export class RedisPubSubEngine extends RedisPubSub implements PubSub, OnApplicationShutdown {
  private closed = false;
  private readonly pending = new Set<Promise<void>>();
  /** Publishes waiting for the next flush, in the order they were made. */
  private outgoing: { channel: string; message: string; resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    private readonly channelPrefix: string,
    publisher: Redis,
    subscriber: Redis,
  ) {
    super({ publisher, subscriber, triggerTransform: (trigger) => channelPrefix + (Array.isArray(trigger) ? trigger.join('.') : trigger) });
  }

  static fromConfig(config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>): RedisPubSubEngine {
    const logger = new Logger('PubSub');
    const options = redisConnectionOptions(config.redisUrl);
    // Connected on first use, so a process that never publishes or subscribes (the worker, scripts)
    // opens no connection. A publish gives up after a few retries rather than hanging the mutation
    // that publishes; the subscriber waits for Redis to come back and subscribes again (autoResubscribe).
    const publisher = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 3, connectionName: 'peervisit-pubsub-publisher' });
    const subscriber = new Redis({
      ...options,
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectionName: 'peervisit-pubsub-subscriber',
    });
    for (const [name, client] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      client.on('error', (error: Error) => logger.error(`Redis ${name} connection: ${error.message}`));
    }
    return new RedisPubSubEngine(`${config.queuePrefix}:pubsub:`, publisher, subscriber);
  }

  /**
   * Resolves once Redis has taken the event. Publishes made during one turn of the event loop (under
   * load, many requests finish in the same turn) leave in one pipeline: one socket write instead of
   * one per event. They are sent in the order they were made, on the one publisher connection, so
   * subscribers see them in that order, as before.
   */
  override publish<T>(trigger: string, payload: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`The pub-sub is closed: ${trigger} was not published.`));
    return new Promise<void>((resolve, reject) => {
      if (!this.outgoing.length) setImmediate(() => this.flush());
      this.outgoing.push({ channel: this.channelPrefix + trigger, message: JSON.stringify(payload), resolve, reject });
    });
  }

  /** Sends the waiting publishes as one pipeline, and settles each one with its own reply. */
  private flush(): void {
    const batch = this.outgoing;
    if (!batch.length) return;
    this.outgoing = [];
    const pipeline = this.getPublisher().pipeline();
    for (const { channel, message } of batch) pipeline.publish(channel, message);
    pipeline.exec().then(
      (replies) =>
        batch.forEach((p, i) => {
          const error = replies?.[i]?.[0];
          if (error) p.reject(error);
          else p.resolve();
        }),
      (error: Error) => batch.forEach((p) => p.reject(error)),
    );
  }

  /**
   * Like RedisPubSub's, except that the Redis subscription starts at once instead of on the first
   * read, so an event published right after a client subscribed is not lost.
   */
  override asyncIterableIterator<T>(triggers: string | readonly string[], options?: unknown): AsyncIterableIterator<T> {
    const iterator = super.asyncIterableIterator(triggers as string | string[], options);
    const subscribed: Promise<unknown> = (iterator as { subscribeAll(): Promise<number[]> }).subscribeAll();
    // Failures reach the subscriber through next(); here they only end the wait in whenSubscribed().
    const settled = subscribed.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return iterator;
  }

  override asyncIterator<T>(triggers: string | string[], options?: unknown): PubSubAsyncIterator<T> {
    return this.asyncIterableIterator<T>(triggers, options) as PubSubAsyncIterator<T>;
  }

  /** Resolves once every Redis subscription started so far is in place (Redis confirmed it). */
  async whenSubscribed(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  override unsubscribe(subId: number): void {
    // Subscriptions still open at shutdown end after the connections are closed; nothing to tell Redis then.
    if (this.closed) return;
    super.unsubscribe(subId);
  }

  /**
   * After the HTTP and WebSocket servers have stopped (Nest's dispose runs before this hook), so the
   * subscriptions they held have already been unsubscribed.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Events published in this very turn go out before QUIT (same connection, so in that order).
    this.flush();
    await Promise.all(
      [this.getPublisher(), this.getSubscriber()].map(async (client) => {
        // A connection never used was never opened: quit() would open it just to close it.
        if (client.status === 'wait' || client.status === 'end') return client.disconnect();
        // QUIT is answered before the socket closes; wait for the close (at most 2 s) so nothing is left open.
        const ended = new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            client.disconnect();
            resolve();
          }, 2000);
          client.once('end', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        await client.quit().catch(() => client.disconnect());
        await ended;
      }),
    );
  }
}
