import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature: HMAC-SHA1, keyed by the auth token, of the full URL Twilio requested
 * (as configured: PUBLIC_BASE_URL + path + query) followed by every POST parameter sorted by name,
 * each name immediately followed by its value (a repeated name: its values sorted); base64.
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const values = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const set = values.get(name) ?? new Set<string>();
    set.add(value);
    values.set(name, set);
  }
  let data = url;
  for (const name of [...values.keys()].sort()) {
    for (const value of [...values.get(name)!].sort()) data += name + value;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** Constant-time comparison of the `X-Twilio-Signature` header with the expected signature. */
export function isValidTwilioSignature(authToken: string, url: string, params: URLSearchParams, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
