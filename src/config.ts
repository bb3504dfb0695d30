import { readFileSync } from 'node:fs';
import { z } from 'zod';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const integer = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: optionalString,
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('.data'),
  REDIS_URL: optionalString,
  JWT_SECRET: optionalString,
  ENCRYPTION_KEY: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: integer(600),
  MAX_BODY_BYTES: integer(1_048_576),
  SHUTDOWN_TIMEOUT_MS: integer(10_000),
  EVOLUTION_API_URL: optionalString,
  EVOLUTION_API_KEY: optionalString,
  EVOLUTION_MAX_INSTANCES_PER_SERVER: integer(500),
  EVOLUTION_TIMEOUT_MS: integer(10_000),
  MAX_WEBHOOK_BODY_BYTES: integer(16 * 1_048_576),
  RECONCILE_INTERVAL_MS: integer(60_000),
  INBOUND_SILENCE_MINUTES: integer(60),
  MAX_RECONNECT_ATTEMPTS: integer(5),
  SANDBOX_DELIVERY_DELAY_MS: integer(800),
  MAX_SEND_ATTEMPTS: integer(8),
  OUTBOX_POLL_INTERVAL_MS: integer(1_000),
  OUTBOX_LEASE_MS: integer(60_000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(0).default(64),
  SELF_SERVICE_PLANS: z.enum(['true', 'false']).default('false'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  AI_DEBOUNCE_MS: z.coerce.number().int().min(0).default(1_500),
  AI_TIMEOUT_MS: integer(8_000),
  AI_CONCURRENCY: z.coerce.number().int().min(0).default(8),
  AI_POLL_INTERVAL_MS: integer(1_000),
  AI_LEASE_MS: integer(60_000),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_API_URL: z.string().trim().default('https://api.twilio.com'),
  TWILIO_PRICING_URL: z.string().trim().default('https://pricing.twilio.com'),
  EXPORT_URL_TTL_SECONDS: integer(3_600),
});

export interface Config {
  version: string;
  production: boolean;
  port: number;
  host: string;
  publicBaseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Unset outside production: the server then generates one and keeps it under dataDir. */
  jwtSecret: string | undefined;
  /** Likewise generated under dataDir outside production when unset. */
  encryptionKey: Buffer | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  rateLimitPerMinute: number;
  maxBodyBytes: number;
  shutdownTimeoutMs: number;
  evolution: {
    /** A default server registered at startup when both are set. */
    apiUrl: string | undefined;
    apiKey: string | undefined;
    maxInstancesPerServer: number;
    timeoutMs: number;
  };
  maxWebhookBodyBytes: number;
  reconcileIntervalMs: number;
  inboundSilenceMinutes: number;
  maxReconnectAttempts: number;
  sandboxDeliveryDelayMs: number;
  outbox: {
    /** Send attempts before a retryable failure becomes FAILED. */
    maxSendAttempts: number;
    /** Safety-net poll; new work normally wakes the sender at once through the `outbox:nudge` topic. */
    pollIntervalMs: number;
    /** How long a claimed message stays with its sender before another replica may take it over. */
    leaseMs: number;
    /** Sends in flight at once in this process; 0 runs no sender here (API-only replicas). */
    concurrency: number;
  };
  /** Owners may change their own plan (otherwise only admins). */
  selfServicePlans: boolean;
  /** `api` serves GraphQL and webhooks only, `worker` runs the background workers only, `all` both. */
  role: 'all' | 'api' | 'worker';
  ai: {
    /** Quiet time after a customer's last message before the AI answers, so a burst gets one answer. */
    debounceMs: number;
    /** One model call, retries excluded. */
    timeoutMs: number;
    /** Conversations answered at once in this process; 0 runs no AI worker here. */
    concurrency: number;
    pollIntervalMs: number;
    leaseMs: number;
    /** Unset: the built-in rule-based intents and answers (no model). */
    openai: { apiKey: string; baseUrl: string | undefined; model: string } | undefined;
  };
  /** Unset: phone numbers can only be registered manually. */
  twilio: { accountSid: string; authToken: string; apiUrl: string; /** Twilio's Pricing API (monthly number prices). */ pricingUrl: string } | undefined;
  exports: {
    /** How long a download link stays valid. */
    urlTtlSeconds: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A 32-byte key given as 64 hex characters or as base64. */
function parseEncryptionKey(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('ENCRYPTION_KEY must be 32 bytes, given as 64 hex characters or base64');
  }
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === 'production';
  if (production && (!vars.JWT_SECRET || !vars.ENCRYPTION_KEY)) {
    throw new ConfigError('NODE_ENV=production requires JWT_SECRET and ENCRYPTION_KEY');
  }
  if (Boolean(vars.EVOLUTION_API_URL) !== Boolean(vars.EVOLUTION_API_KEY)) {
    throw new ConfigError('EVOLUTION_API_URL and EVOLUTION_API_KEY go together: set both or neither');
  }
  if (vars.EVOLUTION_API_URL && !/^https?:\/\//.test(vars.EVOLUTION_API_URL)) {
    throw new ConfigError('EVOLUTION_API_URL must start with http:// or https://');
  }
  if (vars.OUTBOX_LEASE_MS <= vars.EVOLUTION_TIMEOUT_MS) {
    // A lease shorter than one send would let a second replica resend a message still in flight.
    throw new ConfigError('OUTBOX_LEASE_MS must be longer than EVOLUTION_TIMEOUT_MS');
  }
  if (Boolean(vars.TWILIO_ACCOUNT_SID) !== Boolean(vars.TWILIO_AUTH_TOKEN)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together: set both or neither');
  }
  if (vars.OPENAI_BASE_URL && !/^https?:\/\//.test(vars.OPENAI_BASE_URL)) {
    throw new ConfigError('OPENAI_BASE_URL must start with http:// or https://');
  }
  if (vars.AI_LEASE_MS <= 4 * vars.AI_TIMEOUT_MS + 2_000) {
    // One decision makes up to two model calls, each retried once: a shorter lease would let a second replica answer the same messages.
    throw new ConfigError('AI_LEASE_MS must be longer than four times AI_TIMEOUT_MS plus 2 seconds');
  }
  if (vars.JWT_SECRET && vars.JWT_SECRET.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  return {
    version: packageJson.version,
    production,
    port: vars.PORT,
    host: vars.HOST,
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.DATA_DIR,
    redisUrl: vars.REDIS_URL,
    jwtSecret: vars.JWT_SECRET,
    encryptionKey: vars.ENCRYPTION_KEY ? parseEncryptionKey(vars.ENCRYPTION_KEY) : undefined,
    logLevel: vars.LOG_LEVEL,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: vars.MAX_BODY_BYTES,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    evolution: {
      apiUrl: vars.EVOLUTION_API_URL?.replace(/\/+$/, ''),
      apiKey: vars.EVOLUTION_API_KEY,
      maxInstancesPerServer: vars.EVOLUTION_MAX_INSTANCES_PER_SERVER,
      timeoutMs: vars.EVOLUTION_TIMEOUT_MS,
    },
    maxWebhookBodyBytes: vars.MAX_WEBHOOK_BODY_BYTES,
    reconcileIntervalMs: vars.RECONCILE_INTERVAL_MS,
    inboundSilenceMinutes: vars.INBOUND_SILENCE_MINUTES,
    maxReconnectAttempts: vars.MAX_RECONNECT_ATTEMPTS,
    sandboxDeliveryDelayMs: vars.SANDBOX_DELIVERY_DELAY_MS,
    outbox: {
      maxSendAttempts: vars.MAX_SEND_ATTEMPTS,
      pollIntervalMs: vars.OUTBOX_POLL_INTERVAL_MS,
      leaseMs: vars.OUTBOX_LEASE_MS,
      concurrency: vars.OUTBOX_CONCURRENCY,
    },
    selfServicePlans: vars.SELF_SERVICE_PLANS === 'true',
    role: vars.ROLE,
    ai: {
      debounceMs: vars.AI_DEBOUNCE_MS,
      timeoutMs: vars.AI_TIMEOUT_MS,
      concurrency: vars.AI_CONCURRENCY,
      pollIntervalMs: vars.AI_POLL_INTERVAL_MS,
      leaseMs: vars.AI_LEASE_MS,
      openai: vars.OPENAI_API_KEY
        ? { apiKey: vars.OPENAI_API_KEY, baseUrl: vars.OPENAI_BASE_URL?.replace(/\/+$/, ''), model: vars.OPENAI_MODEL }
        : undefined,
    },
    twilio:
      vars.TWILIO_ACCOUNT_SID && vars.TWILIO_AUTH_TOKEN
        ? {
            accountSid: vars.TWILIO_ACCOUNT_SID,
            authToken: vars.TWILIO_AUTH_TOKEN,
            apiUrl: vars.TWILIO_API_URL.replace(/\/+$/, ''),
            pricingUrl: vars.TWILIO_PRICING_URL.replace(/\/+$/, ''),
          }
        : undefined,
    exports: { urlTtlSeconds: vars.EXPORT_URL_TTL_SECONDS },
  };
}
