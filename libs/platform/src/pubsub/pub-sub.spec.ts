import { Inject, Module } from '@nestjs/common';
import { Args, Context, Field, Int, Mutation, ObjectType, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { createTestApp, issueAccessToken, subscribe, SubscriptionClosedError, TestApp } from '@peervisit/testing';
import Redis from 'ioredis';
import { Me } from '../auth/authorization.decorators';
import { CurrentUser } from '../auth/current-user';
import { unauthenticated } from '../errors/app-error';
import { GraphqlContext } from '../graphql/graphql-context';
import { PUB_SUB, PubSub, RedisPubSubEngine } from './pub-sub';

// A tiny test-only API: sendPing publishes through PUB_SUB, ping(topic) subscribes to one topic.
@ObjectType()
class Ping {
  @Field() topic: string;
  @Field() message: string;
  @Field() sentBy: string;
  @Field({ description: 'The subscriber, through @Me() in a field of the event.' }) receivedBy: string;
  @Field(() => Int, { description: 'How many times the loader ran so far: new DataLoaders per event load again.' }) loads: number;
}

let loaderRuns = 0;

@Resolver(() => Ping)
class PingResolver {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSub) {}

  @Query(() => String)
  hello() {
    return 'hello';
  }

  @Mutation(() => Boolean)
  async sendPing(@Args('topic') topic: string, @Args('message') message: string, @Me() me: CurrentUser) {
    await this.pubSub.publish(`ping.${topic}`, { ping: { topic, message, sentBy: me.email } });
    return true;
  }

  @Subscription(() => Ping)
  ping(@Args('topic') topic: string, @Me() me: CurrentUser) {
    // The guard let the subscription through, and @Me() has the person verified at connection.
    if (!me?.email) throw unauthenticated();
    return this.pubSub.asyncIterableIterator(`ping.${topic}`);
  }

  @ResolveField(() => String)
  receivedBy(@Me() me: CurrentUser) {
    return me.email;
  }

  @ResolveField(() => Int)
  loads(@Context() ctx: GraphqlContext) {
    return ctx.loaders.get<string, number>('Ping.loads', async (keys) => keys.map(() => ++loaderRuns)).load('x');
  }
}

@Module({ providers: [PingResolver] })
class PingModule {}

const PING = 'subscription($topic: String!) { ping(topic: $topic) { topic message sentBy receivedBy loads } }';
const SEND = 'mutation($topic: String!, $message: String!) { sendPing(topic: $topic, message: $message) }';

async function waitUntil(check: () => boolean, timeoutMs = 10000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GraphQL subscriptions across API instances (Redis pub-sub)', () => {
  let a: TestApp;
  let b: TestApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    // Two separate Nest apps on the same database, Redis and QUEUE_PREFIX, as two API instances would be.
    a = await createTestApp({ imports: [PingModule] });
    b = await createTestApp({ imports: [PingModule] });
    alice = await issueAccessToken(a.app, { personId: '00000000-0000-4000-8000-000000000001', email: 'alice@example.org', isAdmin: false });
    bob = await issueAccessToken(a.app, { personId: '00000000-0000-4000-8000-000000000002', email: 'bob@example.org', isAdmin: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('delivers an event published by a mutation on instance A to a subscriber connected to instance B', async () => {
    const sub = await subscribe(b.url, bob, PING, { topic: 'garden' });
    try {
      expect(await a.gql.as(alice).ok(SEND, { topic: 'garden', message: 'hello from A' })).toEqual({ sendPing: true });
      const event = await sub.next();
      expect(event.errors).toBeUndefined();
      expect(event.data?.ping).toMatchObject({
        topic: 'garden',
        message: 'hello from A',
        sentBy: 'alice@example.org',
        receivedBy: 'bob@example.org',
      });

      // Each event is executed with new DataLoaders: the second one loads again instead of reusing the first's cache.
      await a.gql.as(alice).ok(SEND, { topic: 'garden', message: 'again' });
      const second = await sub.next();
      expect(second.data?.ping.message).toBe('again');
      expect(second.data?.ping.loads).toBe(event.data?.ping.loads + 1);
    } finally {
      await sub.close();
    }
  });

  it('gives a subscriber only its own topic', async () => {
    const garden = await subscribe(b.url, bob, PING, { topic: 'garden' });
    const kitchen = await subscribe(a.url, alice, PING, { topic: 'kitchen' });
    try {
      await a.gql.as(alice).ok(SEND, { topic: 'garden', message: 'for the garden' });
      expect((await garden.next()).data?.ping.message).toBe('for the garden');
      await kitchen.expectNothing(500);

      await b.gql.as(bob).ok(SEND, { topic: 'kitchen', message: 'for the kitchen' });
      expect((await kitchen.next()).data?.ping).toMatchObject({
        message: 'for the kitchen',
        sentBy: 'bob@example.org',
        receivedBy: 'alice@example.org',
      });
      await garden.expectNothing(300);
    } finally {
      await garden.close();
      await kitchen.close();
    }
  });

  it('refuses a connection without a token, or with an invalid one, saying why', async () => {
    const anonymous = subscribe(b.url, undefined, PING, { topic: 'garden' });
    await expect(anonymous).rejects.toBeInstanceOf(SubscriptionClosedError);
    await expect(anonymous).rejects.toMatchObject({
      code: 4403,
      reason: 'UNAUTHENTICATED: send connectionParams { Authorization: "Bearer <access token>" }.',
    });
    await expect(subscribe(b.url, 'forged.token.value', PING, { topic: 'garden' })).rejects.toMatchObject({
      code: 4403,
      reason: 'UNAUTHENTICATED: The access token is not valid: sign in again.',
    });
  });

  it('applies the HTTP rules to the WebSocket: only subscriptions, validated, errors formatted', async () => {
    const mutation = await subscribe(b.url, bob, SEND, { topic: 'garden', message: 'over ws' });
    expect((await mutation.next()).errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Only subscriptions go over the WebSocket'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    await mutation.close();

    const invalid = await subscribe(b.url, bob, 'subscription { ping(topic: "x") { nope } }');
    expect((await invalid.next()).errors).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "nope" on type "Ping".',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    await invalid.close();
  });

  it('closes cleanly with subscriptions open: the clients are told the server is going away, Redis is let go', async () => {
    const c = await createTestApp({ imports: [PingModule] });
    const sub = await subscribe(c.url, bob, PING, { topic: 'closing' });
    const pubSub = c.app.get<RedisPubSubEngine>(PUB_SUB);
    await c.close();
    await expect(sub.next(2000)).rejects.toMatchObject({ code: 1001, reason: 'Going away' });
    expect([pubSub.getPublisher().status, pubSub.getSubscriber().status]).toEqual(['end', 'end']);
    await expect(pubSub.publish('closing', {})).rejects.toThrow('The pub-sub is closed');
    await sub.close();
  });

  it('sends the publishes of one turn of the event loop as one pipeline, each delivered once and in order', async () => {
    const publisher = a.app.get<RedisPubSubEngine>(PUB_SUB);
    const subscriber = b.app.get<RedisPubSubEngine>(PUB_SUB);
    const received: string[] = [];
    const ids = await Promise.all(['burst.one', 'burst.two'].map((t) => subscriber.subscribe<{ n: string }>(t, (m) => received.push(m.n))));
    try {
      await publisher.publish('burst.one', { n: 'warm-up' }); // connects the publisher
      const socket = (publisher.getPublisher() as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
      const write = socket.write;
      let writes = 0;
      socket.write = function (this: unknown, ...args: unknown[]) {
        writes++;
        return write.apply(this, args);
      };
      const expected: string[] = [];
      try {
        // 200 events on two channels in one turn, as many requests finishing together would make.
        const burst = [];
        for (let i = 0; i < 200; i++) {
          const n = `${i % 2 ? 'two' : 'one'}-${i}`;
          expected.push(n);
          burst.push(publisher.publish(i % 2 ? 'burst.two' : 'burst.one', { n }));
        }
        await Promise.all(burst);
        expect(writes).toBe(1);
        // A publish in a later turn still goes out on its own.
        await publisher.publish('burst.two', { n: 'later' });
        expected.push('later');
        expect(writes).toBe(2);
      } finally {
        socket.write = write;
      }
      await waitUntil(() => received.length >= expected.length + 1);
      expect(received).toEqual(['warm-up', ...expected]);
    } finally {
      ids.forEach((id) => subscriber.unsubscribe(id));
    }
  });

  it('prefixes channels with QUEUE_PREFIX, so parallel test files and installations do not share events', async () => {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const sub = await subscribe(b.url, bob, PING, { topic: 'prefixed' });
    try {
      const [, subscribers] = (await redis.pubsub('NUMSUB', `${process.env.QUEUE_PREFIX}:pubsub:ping.prefixed`)) as [string, number];
      expect(Number(subscribers)).toBe(1);
      const [, bare] = (await redis.pubsub('NUMSUB', 'ping.prefixed')) as [string, number];
      expect(Number(bare)).toBe(0);
    } finally {
      await sub.close();
      redis.disconnect();
    }
  });
});
