import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Context } from '../context.ts';
import type { Logger } from '../logger.ts';
import { schema } from '../schema/index.ts';
import { createAccess } from '../services/access.ts';
import { ANONYMOUS, type Viewer } from '../services/auth/viewer.ts';
import type { Platform } from '../services/platform.ts';
import type { RateLimiter } from '../services/rate-limit.ts';
import { useAuthentication } from './authentication-plugin.ts';
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
  platform: Platform;
  rateLimiter: RateLimiter;
  metrics: Metrics;
  log: Logger;
}

export const GRAPHQL_LIMITS = { maxDepth: 12, maxAliases: 20, maxTokens: 2_000, maxCost: 10_000, maxDirectives: 30 };

export function createGraphqlHandler(options: GraphqlOptions): GraphqlHandler {
  const { log } = options;
  const authentication = useAuthentication({ jwtSecret: options.jwtSecret, rateLimiter: options.rateLimiter });
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
      authentication.plugin,
      useOperationMetrics(options.metrics),
    ],
    context: (initial): Context => {
      // graphql-ws authenticated the socket in onConnect; HTTP requests were authenticated in onRequest.
      const viewer = initial.viewer ?? authentication.viewerOf(initial.request) ?? ANONYMOUS;
      return {
        viewer,
        access: createAccess(viewer),
        pubsub: options.platform.pubsub,
        platform: options.platform,
        requestId: initial.requestId ?? randomUUID(),
      };
    },
  });
}
