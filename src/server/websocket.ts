import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ExecutionArgs } from 'graphql';
import { type GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../logger.ts';
import { authenticate } from '../services/auth/authenticate.ts';
import type { Viewer } from '../services/auth/viewer.ts';
import type { Metrics } from './metrics.ts';
import type { GraphqlHandler } from './yoga.ts';

type EnvelopedArgs = ExecutionArgs & {
  rootValue: { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };
};

export interface WebSocketEndpoint {
  /** Closes every socket with 1001 (going away) and stops accepting new ones. */
  close(): Promise<void>;
}

function stringParam(params: Record<string, unknown> | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = params?.[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/** graphql-ws on the same port and path as Yoga, running Yoga's own pipeline (context, plugins, masking). */
export function attachWebSocket(
  server: Server,
  yoga: GraphqlHandler,
  options: { jwtSecret: string; maxPayload: number; metrics: Metrics; log: Logger },
): WebSocketEndpoint {
  const wss = new WebSocketServer({ server, path: yoga.graphqlEndpoint, maxPayload: options.maxPayload });
  wss.on('connection', (socket) => {
    options.metrics.websocketConnections.inc();
    socket.once('close', () => options.metrics.websocketConnections.dec());
  });

  const viewers = new WeakMap<object, Viewer>();
  const disposable = useServer(
    {
      // Authenticate once per socket: browsers cannot set headers, so connectionParams come first.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams;
        const headers = ctx.extra.request.headers;
        try {
          const viewer = await authenticate(
            {
              authorization: stringParam(params, 'authorization', 'Authorization') ?? headers.authorization,
              apiKey: stringParam(params, 'x-api-key', 'apiKey') ?? (headers['x-api-key'] as string | undefined),
            },
            options.jwtSecret,
          );
          viewers.set(ctx.extra.socket, viewer);
          return true;
        } catch (error) {
          options.log.info({ reason: (error as Error).message }, 'websocket connection refused');
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          viewer: viewers.get(ctx.extra.socket),
          requestId: randomUUID(),
        });
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const args: EnvelopedArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        return args;
      },
      execute: (args) => (args as EnvelopedArgs).rootValue.execute(args) as never,
      subscribe: (args) => (args as EnvelopedArgs).rootValue.subscribe(args) as never,
    },
    wss,
  );

  return {
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
