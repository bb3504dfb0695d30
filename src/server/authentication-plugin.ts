import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { rateLimited } from '../errors.ts';
import { authenticate } from '../services/auth/authenticate.ts';
import type { Viewer } from '../services/auth/viewer.ts';
import type { RateLimiter } from '../services/rate-limit.ts';
import type { ServerContext } from './yoga.ts';

function rateLimitIdentity(viewer: Viewer, address: string): string {
  switch (viewer.kind) {
    case 'user':
      return `user:${viewer.userId}`;
    case 'apiKey':
      return `key:${viewer.apiKeyId}`;
    case 'anonymous':
      return `ip:${address}`;
  }
}

function errorResponse(ResponseClass: typeof Response, error: GraphQLError): Response {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Record<string, string> } };
  return new ResponseClass(JSON.stringify({ errors: [{ message: error.message, extensions }] }), {
    status: http?.status ?? 400,
    headers: { 'content-type': 'application/json; charset=utf-8', ...http?.headers },
  });
}

/**
 * Authenticates and rate-limits every HTTP request before Yoga parses it, so rejected credentials
 * and query bombs are throttled too. The viewer is kept for the context factory.
 */
export function useAuthentication(options: { jwtSecret: string; rateLimiter: RateLimiter }): {
  plugin: Plugin<Record<string, unknown>, ServerContext>;
  viewerOf(request: Request): Viewer | undefined;
} {
  const viewers = new WeakMap<Request, Viewer>();
  const hit = async (identity: string): Promise<GraphQLError | null> => {
    const decision = await options.rateLimiter.hit(identity);
    return decision.allowed ? null : rateLimited(decision.retryAfterSeconds);
  };
  return {
    viewerOf: (request) => viewers.get(request),
    plugin: {
      async onRequest({ request, serverContext, endResponse, fetchAPI }) {
        const address = serverContext?.req?.socket.remoteAddress ?? 'unknown';
        let viewer: Viewer;
        try {
          viewer = await authenticate(
            { authorization: request.headers.get('authorization'), apiKey: request.headers.get('x-api-key') },
            options.jwtSecret,
          );
        } catch (error) {
          // Failed credentials count against the address, so guessing keys is throttled too.
          const limited = await hit(`ip:${address}`);
          endResponse(errorResponse(fetchAPI.Response, limited ?? (error as GraphQLError)));
          return;
        }
        const limited = await hit(rateLimitIdentity(viewer, address));
        if (limited) {
          endResponse(errorResponse(fetchAPI.Response, limited));
          return;
        }
        viewers.set(request, viewer);
      },
    },
  };
}
