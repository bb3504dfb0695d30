import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { VoiceService } from '../services/voice/calls.ts';
import { isValidTwilioSignature } from '../services/voice/signature.ts';
import { isTwilioWebhookPath, TWILIO_DIAL_PATH, TWILIO_GATHER_PATH, TWILIO_RECORDING_PATH, TWILIO_STATUS_PATH, TWILIO_VOICE_PATH } from '../services/voice/urls.ts';
import { readBoundedBody, sendJson } from './http-body.ts';

export const TWILIO_WEBHOOK_PREFIX = '/webhooks/twilio/';

/** Twilio's voice requests are a few dozen short form fields; anything bigger is not Twilio. */
export const MAX_TWILIO_BODY_BYTES = 64 * 1024;

const SIGNATURE_HEADER = 'x-twilio-signature';

/** Said when a step of a call could not be stored: Twilio would otherwise play its own error message. */
const APOLOGY =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-US">Sorry, we cannot take your call right now. Please try again later.</Say><Hangup/></Response>';

function sendXml(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(xml) });
  res.end(xml);
}

/**
 * `POST /webhooks/twilio/voice[/gather|/dial|/recording|/status]` (form-encoded). Every request's
 * `X-Twilio-Signature` is checked against PUBLIC_BASE_URL + the requested path and query and the
 * POST parameters, keyed by TWILIO_AUTH_TOKEN: a request without a valid one (or any request while
 * Twilio is not configured) gets 403 and nothing is stored. The answer is TwiML (`text/xml`).
 */
export function createTwilioWebhookHandler(options: { voice: VoiceService; config: Pick<Config, 'publicBaseUrl' | 'twilio'>; log: Logger }) {
  const { voice, config, log } = options;
  return async (req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string): Promise<void> => {
    if (!isTwilioWebhookPath(pathname)) return sendJson(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' }, { allow: 'POST' });
    const signature = req.headers[SIGNATURE_HEADER];
    if (!config.twilio || typeof signature !== 'string' || signature === '') {
      req.resume();
      return sendJson(res, 403, { error: 'Missing or invalid Twilio signature' }, { connection: 'close' });
    }
    const raw = await readBoundedBody(req, res, MAX_TWILIO_BODY_BYTES);
    if (raw === null) return;
    const params = new URLSearchParams(raw.toString('utf8'));
    // Twilio signs the URL it was given, which we built from PUBLIC_BASE_URL: correct behind a proxy.
    const signedUrl = `${config.publicBaseUrl}${req.url ?? pathname}`;
    if (!isValidTwilioSignature(config.twilio.authToken, signedUrl, params, signature)) {
      log.warn({ requestId, path: pathname }, 'Twilio webhook with a bad signature refused');
      return sendJson(res, 403, { error: 'Missing or invalid Twilio signature' });
    }
    try {
      switch (pathname) {
        case TWILIO_VOICE_PATH:
          return sendXml(res, 200, await voice.incoming(params));
        case TWILIO_GATHER_PATH:
          return sendXml(res, 200, await voice.gather(params));
        case TWILIO_DIAL_PATH:
          return sendXml(res, 200, await voice.dialed(params));
        case TWILIO_RECORDING_PATH:
          return sendXml(res, 200, await voice.recorded(params));
        case TWILIO_STATUS_PATH:
          await voice.status(params);
          return sendXml(res, 200, '<?xml version="1.0" encoding="UTF-8"?><Response/>');
      }
    } catch (error) {
      log.error({ err: error, requestId, path: pathname, callSid: params.get('CallSid') }, 'Twilio webhook could not be processed');
      if (pathname === TWILIO_STATUS_PATH) return sendJson(res, 503, { error: 'Temporarily unavailable; retry' });
      return sendXml(res, 200, APOLOGY);
    }
  };
}
