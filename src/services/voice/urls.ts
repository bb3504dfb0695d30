/** Where Twilio reaches us. Every URL is built from PUBLIC_BASE_URL: Twilio signs exactly the URL it was given. */
export const TWILIO_VOICE_PATH = '/webhooks/twilio/voice';
export const TWILIO_GATHER_PATH = `${TWILIO_VOICE_PATH}/gather`;
export const TWILIO_STATUS_PATH = `${TWILIO_VOICE_PATH}/status`;
export const TWILIO_RECORDING_PATH = `${TWILIO_VOICE_PATH}/recording`;
/** Where a forwarded call's outcome comes (`<Dial action>`): unanswered forwards go to voicemail. */
export const TWILIO_DIAL_PATH = `${TWILIO_VOICE_PATH}/dial`;

export const TWILIO_WEBHOOK_PATHS = [TWILIO_VOICE_PATH, TWILIO_GATHER_PATH, TWILIO_STATUS_PATH, TWILIO_RECORDING_PATH, TWILIO_DIAL_PATH] as const;
export type TwilioWebhookPath = (typeof TWILIO_WEBHOOK_PATHS)[number];

export function isTwilioWebhookPath(pathname: string): pathname is TwilioWebhookPath {
  return (TWILIO_WEBHOOK_PATHS as readonly string[]).includes(pathname);
}

/** The voice and status-callback URLs set on every number we buy (and shown for manual ones). */
export function numberWebhooks(publicBaseUrl: string): { voiceUrl: string; statusCallbackUrl: string } {
  return { voiceUrl: `${publicBaseUrl}${TWILIO_VOICE_PATH}`, statusCallbackUrl: `${publicBaseUrl}${TWILIO_STATUS_PATH}` };
}
