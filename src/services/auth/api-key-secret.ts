import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const API_KEY_PATTERN = /^sb_([a-z0-9]{8})_([A-Za-z0-9]{32,128})$/;

function randomString(length: number, alphabet: string): string {
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export function isApiKeyFormat(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key `sb_<8-char prefix>_<40 random chars>`; only its hash is ever stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomString(8, PREFIX_ALPHABET);
  const key = `sb_${prefix}_${randomString(40, ALPHABET)}`;
  return { key, prefix, hash: hashApiKey(key) };
}
