import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { Metrics } from './metrics.ts';
import type { GraphqlHandler } from './yoga.ts';

export interface HttpRoutes {
  health(): unknown;
  ready(): Promise<{ ok: boolean; body: unknown }>;
}

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function payloadTooLarge(res: ServerResponse, limit: number): void {
  // The client may still be sending: close the connection rather than read the rest.
  sendJson(
    res,
    413,
    { errors: [{ message: `The request body exceeds ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { connection: 'close' },
  );
}

/** Reads the whole body, refusing at the first byte over the limit. Null when it was refused. */
async function readBoundedBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    payloadTooLarge(res, limit);
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      payloadTooLarge(res, limit);
      req.resume();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface HttpHandlerOptions {
  yoga: GraphqlHandler;
  routes: HttpRoutes;
  metrics: Metrics;
  maxBodyBytes: number;
  log: Logger;
  /** Responses still open (long-lived SSE streams among them), so shutdown can end them. */
  openResponses: Set<ServerResponse>;
}

export function createHttpHandler(options: HttpHandlerOptions) {
  const { yoga, routes, metrics, log } = options;
  // The listener merges extra server-context parts into its default `{ req, res }`; its type only omits them.
  const listen = yoga.requestListener as (req: IncomingMessage, res: ServerResponse, context: { requestId: string }) => Promise<void> | void;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = KNOWN_ROUTES.has(url.pathname) ? url.pathname : 'other';
    const incomingId = req.headers['x-request-id'];
    const requestId = typeof incomingId === 'string' && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID();
    res.setHeader('x-request-id', requestId);
    options.openResponses.add(res);
    res.once('close', () => {
      options.openResponses.delete(res);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = req.method ?? 'GET';
      metrics.httpRequests.inc({ method, route, status: String(res.statusCode) });
      metrics.httpDuration.observe({ method, route }, seconds);
      log.info({ requestId, method, route, status: res.statusCode, durationMs: Math.round(seconds * 1000) }, 'request');
    });

    try {
      switch (url.pathname) {
        case '/health':
          return sendJson(res, 200, routes.health());
        case '/ready': {
          const { ok, body } = await routes.ready();
          return sendJson(res, ok ? 200 : 503, body);
        }
        case '/metrics':
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(await metrics.registry.metrics());
          return;
        case '/graphql': {
          if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
            const body = await readBoundedBody(req, res, options.maxBodyBytes);
            if (body === null) return;
            // @whatwg-node/server uses an already-read body instead of the consumed stream.
            (req as IncomingMessage & { body?: Buffer }).body = body;
          }
          await listen(req, res, { requestId });
          return;
        }
        default:
          return sendJson(res, 404, { error: 'Not found', routes: [...KNOWN_ROUTES] });
      }
    } catch (error) {
      log.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    }
  };
}
