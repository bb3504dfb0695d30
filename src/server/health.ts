import type { DatabaseKind } from '../services/db/database.ts';
import type { EventsKind } from '../services/events/event-bus.ts';
import type { WhatsAppMode } from '../services/whatsapp/gateways.ts';

export interface Modes {
  database: DatabaseKind;
  events: EventsKind;
  /** `sandbox` (simulated lines) until an Evolution server is registered. */
  whatsapp: WhatsAppMode;
  /** `rules`: the built-in classifier and answers; `openai`: an OpenAI-compatible model (rules when it fails). */
  ai: 'rules' | 'openai';
  /** `twilio`: numbers are provisioned and calls answered through Twilio; `manual`: numbers can only be registered. */
  voice: 'twilio' | 'manual';
}

export interface HealthReport {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  /** What this process does (ROLE): all, api or worker. */
  role: 'all' | 'api' | 'worker';
  modes: Modes;
}

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  checks: Record<string, 'ok' | string>;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(check: () => Promise<void>): Promise<'ok' | string> {
  return Promise.race([
    check().then(
      () => 'ok' as const,
      (error: Error) => `down: ${error.message || error.name}`,
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve(`down: no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Ready only when every configured dependency answers and the server is not shutting down. */
export async function checkReadiness(checks: Record<string, () => Promise<void>>, shuttingDown: boolean): Promise<ReadinessReport> {
  const results = Object.fromEntries(
    await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await withTimeout(check)] as const)),
  );
  if (shuttingDown) results.server = 'down: shutting down';
  const ready = Object.values(results).every((result) => result === 'ok');
  return { status: ready ? 'ready' : 'unavailable', checks: results };
}
