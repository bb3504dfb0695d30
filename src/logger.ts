import { pino, type Logger } from 'pino';

/** Paths that may carry credentials; pino replaces them before anything is written. */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'connectionParams',
  'token',
  'secret',
  'apiKey',
  'password',
  '*.token',
  '*.secret',
  '*.password',
];

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'switchboard' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type { Logger };
