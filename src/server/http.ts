import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import { EVOLUTION_WEBHOOK_PREFIX } from './evolution-webhook.ts';
import { EXPORT_DOWNLOAD_PREFIX, type ExportDownloadHandler } from './export-download.ts';
import { readBoundedBody, sendJson } from './http-body.ts';
import { TWILIO_WEBHOOK_PREFIX } from './twilio-webhook.ts';
import type { Metrics } from './metrics.ts';
import type { GraphqlHandler } from './yoga.ts';

export interface HttpRoutes {
  health(): unknown;
  ready(): Promise<{ ok: boolean; body: unknown }>;
}

const KNOWN_ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export interface HttpHandlerOptions {
  /** Null in a ROLE=worker process: it serves health, readiness and metrics only. */
  yoga: GraphqlHandler | null;
  routes: HttpRoutes;
  metrics: Metrics;
  maxBodyBytes: number;
  log: Logger;
  /** `POST /webhooks/evolution/…` deliveries. */
  evolutionWebhook: ((req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string) => Promise<void>) | null;
  /** `GET /exports/<id>/download?token=…`; null in a ROLE=worker process. */
  exportDownload?: ExportDownloadHandler | null;
  /** `POST /webhooks/twilio/voice…` requests (Twilio-signed); null in a ROLE=worker process. */
  twilioWebhook?: ((req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string) => Promise<void>) | null;
  /** Responses still open (long-lived SSE streams among them), so shutdown can end them. */
  openResponses: Set<ServerResponse>;
}

export function createHttpHandler(options: HttpHandlerOptions) {
  const { yoga, routes, metrics, log } = options;
  // The listener merges extra server-context parts into its default `{ req, res }`; its type only omits them.
  const listen = yoga?.requestListener as ((req: IncomingMessage, res: ServerResponse, context: { requestId: string }) => Promise<void> | void) | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = KNOWN_ROUTES.has(url.pathname)
      ? url.pathname
      : url.pathname.startsWith(EVOLUTION_WEBHOOK_PREFIX)
        ? '/webhooks/evolution'
        : url.pathname.startsWith(EXPORT_DOWNLOAD_PREFIX)
          ? '/exports/download'
          : url.pathname.startsWith(TWILIO_WEBHOOK_PREFIX)
            ? '/webhooks/twilio'
            : 'other';
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
          if (!listen) return sendJson(res, 404, { error: 'This process runs with ROLE=worker: no API here' });
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
          if (route === '/webhooks/evolution' && options.evolutionWebhook) return await options.evolutionWebhook(req, res, url.pathname, requestId);
          if (route === '/exports/download' && options.exportDownload) return await options.exportDownload(req, res, url);
          if (route === '/webhooks/twilio' && options.twilioWebhook) return await options.twilioWebhook(req, res, url.pathname, requestId);
          return sendJson(res, 404, { error: 'Not found', routes: [...KNOWN_ROUTES] });
      }
    } catch (error) {
      log.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    }
  };
}
