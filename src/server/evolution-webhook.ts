import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import type { EvolutionIngestion } from '../services/whatsapp/ingestion.ts';
import { WEBHOOK_SECRET_HEADER } from '../services/whatsapp/instances.ts';
import { readBoundedBody, sendJson } from './http-body.ts';
import type { Metrics } from './metrics.ts';

export const EVOLUTION_WEBHOOK_PREFIX = '/webhooks/evolution/';

/**
 * `POST /webhooks/evolution/:instanceName` (and `/:instanceName/:eventSuffix` for byEvents).
 * The per-instance secret header is checked before the body is read: a bad or missing secret and
 * an unknown instance get 401 and nothing is stored. The body's own `apikey` is never trusted.
 */
export function createEvolutionWebhookHandler(options: { ingestion: EvolutionIngestion; maxBodyBytes: number; metrics: Metrics; log: Logger }) {
  const { ingestion, metrics, log } = options;
  return async (req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string): Promise<void> => {
    const segments = pathname.slice(EVOLUTION_WEBHOOK_PREFIX.length).split('/').filter(Boolean);
    if (segments.length < 1 || segments.length > 2) return sendJson(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' }, { allow: 'POST' });
    let instanceName: string;
    try {
      instanceName = decodeURIComponent(segments[0]!);
    } catch {
      return sendJson(res, 404, { error: 'Not found' });
    }
    const secret = req.headers[WEBHOOK_SECRET_HEADER];
    const instance = await ingestion.authenticate(instanceName, typeof secret === 'string' ? secret : undefined);
    if (!instance) {
      metrics.webhookEvents.inc({ outcome: 'UNAUTHORIZED' });
      req.resume();
      return sendJson(res, 401, { error: 'Unknown instance or bad secret' }, { connection: 'close' });
    }
    const raw = await readBoundedBody(req, res, options.maxBodyBytes);
    if (raw === null) return;
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      metrics.webhookEvents.inc({ outcome: 'INVALID_JSON' });
      return sendJson(res, 400, { error: 'The body is not JSON' });
    }
    try {
      const outcome = await ingestion.ingest(instance, body, undefined, text);
      metrics.webhookEvents.inc({ outcome });
      sendJson(res, 200, { ok: true, outcome });
    } catch (error) {
      // Nothing could be stored (the database is down): let Evolution retry the delivery.
      log.error({ err: error, requestId, instance: instanceName }, 'webhook could not be stored');
      metrics.webhookEvents.inc({ outcome: 'UNAVAILABLE' });
      sendJson(res, 503, { error: 'Temporarily unavailable; retry' });
    }
  };
}
