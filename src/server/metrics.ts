import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Plugin } from 'graphql-yoga';
import { getOperationAST } from 'graphql';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  graphqlOperations: Counter<'type' | 'outcome'>;
  graphqlDuration: Histogram<'type'>;
  activeSubscriptions: Gauge;
  websocketConnections: Gauge;
  webhookEvents: Counter<'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration until the response is written.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations executed, by operation type and outcome (ok or error).',
      labelNames: ['type', 'outcome'],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL query and mutation execution time.',
      labelNames: ['type'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: 'graphql_active_subscriptions',
      help: 'Subscriptions currently streaming, over WebSocket and SSE.',
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'websocket_connections',
      help: 'Open graphql-ws connections.',
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: 'webhook_events_total',
      help: 'Evolution webhook deliveries by outcome (PROCESSED, DUPLICATE, COALESCED, FAILED, UNAUTHORIZED, …).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** Counts and times operations on both transports, since both run through Yoga's envelop pipeline. */
export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute: ({ args }) => {
      const type = getOperationAST(args.document, args.operationName)?.operation ?? 'unknown';
      const stop = metrics.graphqlDuration.startTimer({ type });
      return {
        onExecuteDone: ({ result }) => {
          stop();
          const failed = 'errors' in result && Array.isArray(result.errors) && result.errors.length > 0;
          metrics.graphqlOperations.inc({ type, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe: () => ({
      onSubscribeResult: ({ result }) => {
        if (!(Symbol.asyncIterator in result)) {
          metrics.graphqlOperations.inc({ type: 'subscription', outcome: 'error' });
          return undefined;
        }
        metrics.graphqlOperations.inc({ type: 'subscription', outcome: 'ok' });
        metrics.activeSubscriptions.inc();
        return { onEnd: () => metrics.activeSubscriptions.dec() };
      },
    }),
  };
}
