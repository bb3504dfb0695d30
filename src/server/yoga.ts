import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { Logger } from '../logger.ts';
import { schema } from '../schema/index.ts';
import { createAccess } from '../services/access.ts';
import { authenticate } from '../services/auth/authenticate.ts';
import type { Viewer } from '../services/auth/viewer.ts';
import type { AppPubSub } from '../services/events/event-bus.ts';
import type { RateLimiter } from '../services/rate-limit.ts';
import { rateLimited } from '../errors.ts';
import { type Metrics, useOperationMetrics } from './metrics.ts';

/** What the HTTP and WebSocket layers hand to Yoga with each request or operation. */
export interface ServerContext {
  req?: IncomingMessage;
  requestId?: string;
  /** Set by graphql-ws after `onConnect` authenticated the socket. */
  viewer?: Viewer;
}

export type GraphqlHandler = YogaServerInstance<ServerContext, Context>;

export interface GraphqlOptions {
  production: boolean;
  jwtSecret: string;
  pubsub: AppPubSub;
  rateLimiter: RateLimiter;
  metrics: Metrics;
  log: Logger;
}

export const GRAPHQL_LIMITS = { maxDepth: 12, maxAliases: 20, maxTokens: 2_000, maxCost: 10_000, maxDirectives: 30 };

function rateLimitIdentity(viewer: Viewer, address: string | undefined): string {
  switch (viewer.kind) {
    case 'user':
      return `user:${viewer.userId}`;
    case 'apiKey':
      return `key:${viewer.apiKeyId}`;
    case 'anonymous':
      return `ip:${address ?? 'unknown'}`;
  }
}

async function enforceRateLimit(limiter: RateLimiter, identity: string): Promise<void> {
  const decision = await limiter.hit(identity);
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
}

export function createGraphqlHandler(options: GraphqlOptions): GraphqlHandler {
  const { log } = options;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.production ? false : { subscriptionsProtocol: 'WS', title: 'Switchboard GraphiQL' },
    maskedErrors: { isDev: !options.production },
    logging: {
      debug: (...args) => log.debug({ args }, 'graphql'),
      info: (...args) => log.info({ args }, 'graphql'),
      warn: (...args) => log.warn({ args }, 'graphql'),
      error: (...args) => log.error({ err: args.find((arg) => arg instanceof Error), args: args.filter((arg) => !(arg instanceof Error)) }, 'graphql error'),
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
        maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
        maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
        maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
        costLimit: { maxCost: GRAPHQL_LIMITS.maxCost },
        blockFieldSuggestion: { enabled: options.production },
      }),
      useOperationMetrics(options.metrics),
    ],
    context: async (initial): Promise<Context> => {
      const requestId = initial.requestId ?? randomUUID();
      let viewer = initial.viewer;
      if (!viewer) {
        const address = initial.req?.socket.remoteAddress;
        try {
          viewer = await authenticate(
            { authorization: initial.request.headers.get('authorization'), apiKey: initial.request.headers.get('x-api-key') },
            options.jwtSecret,
          );
        } catch (error) {
          // Failed credentials count against the address, so guessing keys is throttled too.
          await enforceRateLimit(options.rateLimiter, `ip:${address ?? 'unknown'}`);
          throw error;
        }
        await enforceRateLimit(options.rateLimiter, rateLimitIdentity(viewer, address));
      }
      return { viewer, access: createAccess(viewer), pubsub: options.pubsub, requestId };
    },
  });
}
