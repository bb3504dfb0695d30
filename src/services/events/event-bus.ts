import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Topics } from './topics.ts';

export type EventsKind = 'memory' | 'redis';
export type AppPubSub = PubSub<Topics>;

export interface EventBus {
  kind: EventsKind;
  pubsub: AppPubSub;
  /** The Redis client commands go through (rate limits, locks), when Redis is configured. */
  redis: Redis | undefined;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

const CONNECT_TIMEOUT_MS = 5_000;

function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 2 });
  // Swallow connection errors here: ioredis reconnects by itself, and readiness reports the outage.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new RedisUnavailableError(
      `Redis at ${describeRedisUrl(url)} is unreachable: ${(error as Error).message || (error as Error).name}`,
      { cause: error },
    );
  }
  return client;
}

/**
 * The client with `methods` made fire-and-forget: the Redis event target calls publish/subscribe
 * without handling their promises, and while Redis is down an unhandled rejection would take the
 * process with it. Events published meanwhile are lost to live listeners only: every inbox event is
 * also stored, and subscribers fill holes in the sequence from the database.
 */
function guarded(client: Redis, methods: ('publish' | 'subscribe' | 'unsubscribe')[], onError: (error: Error) => void): Redis {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (methods.includes(property as 'publish')) {
        return (...args: unknown[]) => (value as (...args: unknown[]) => Promise<unknown>).apply(target, args).catch(onError);
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

/** Redis pub/sub when REDIS_URL is set (two connections: publish, subscribe), in-process otherwise. */
export async function openEventBus(redisUrl: string | undefined, onError: (error: Error) => void = () => {}): Promise<EventBus> {
  if (!redisUrl) {
    return { kind: 'memory', pubsub: createPubSub<Topics>(), redis: undefined, ping: async () => {}, close: async () => {} };
  }
  const publishClient = await connectRedis(redisUrl);
  const subscribeClient = await connectRedis(redisUrl).catch((error: unknown) => {
    publishClient.disconnect();
    throw error;
  });
  const eventTarget = createRedisEventTarget<CustomEvent>({
    publishClient: guarded(publishClient, ['publish'], onError),
    subscribeClient: guarded(subscribeClient, ['subscribe', 'unsubscribe'], onError),
  });
  return {
    kind: 'redis',
    pubsub: createPubSub<Topics>({ eventTarget }),
    redis: publishClient,
    ping: async () => {
      await publishClient.ping();
    },
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
