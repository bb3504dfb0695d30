import { randomUUID } from 'node:crypto';
import { db } from '../../db.ts';
import { Prisma, type Instance } from '../../generated/prisma/client.ts';
import type { Platform } from '../platform.ts';
import { acquireLease, releaseLease } from '../workers/lease.ts';
import type { ConnectionState, ConnectResult } from './gateway.ts';
import { GatewayError } from './gateway-errors.ts';
import { publishInstanceChanged } from './instance-events.ts';

const LEASE = 'whatsapp-watchdog';
const MAX_BACKOFF_MS = 60 * 60_000;

export interface HealthJson {
  state: 'OK' | 'DEGRADED' | 'DOWN';
  reason: string | null;
  checkedAt: string;
}

function health(state: HealthJson['state'], reason: string | null): Prisma.InputJsonValue {
  return { state, reason, checkedAt: new Date().toISOString() };
}

export interface Watchdog {
  /** One pass over every live line; exported for tests and run on an interval. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Checks each live line's real connection state on its engine, repairs drifted statuses, reconnects
 * dropped lines with exponential backoff up to MAX_RECONNECT_ATTEMPTS (then FAILED with the reason),
 * and flags DEGRADED when a line says it is connected and sends succeed but nothing has come in for
 * INBOUND_SILENCE_MINUTES — Evolution's best-known silent failure. One replica runs it at a time.
 */
export function createWatchdog(platform: Platform): Watchdog {
  const { reconcileIntervalMs, maxReconnectAttempts, inboundSilenceMinutes } = platform.config;
  const holder = randomUUID();
  let running: Promise<void> | null = null;

  const save = async (instance: Instance, data: Prisma.InstanceUpdateInput): Promise<void> => {
    const updated = await db().instance.update({ where: { id: instance.id }, data });
    if (updated.status !== instance.status) publishInstanceChanged(platform, updated);
  };

  const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, reconcileIntervalMs * 2 ** Math.max(0, attempt - 1));

  const reconnect = async (instance: Instance, state: ConnectionState): Promise<void> => {
    if (instance.nextReconnectAt && instance.nextReconnectAt > new Date()) return;
    if (instance.reconnectAttempts >= maxReconnectAttempts) {
      await save(instance, {
        status: 'FAILED',
        connectionState: state,
        lastError: `Could not reconnect after ${instance.reconnectAttempts} attempts (the engine reports "${state}"): call connectInstance`,
        health: health('DOWN', 'Reconnection attempts exhausted'),
      });
      return;
    }
    const attempt = instance.reconnectAttempts + 1;
    const gateway = await platform.gateways.forInstance(instance);
    const result: ConnectResult | Error = await gateway
      .connect(instance.name)
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const reopened = !(result instanceof Error) && result.state === 'open';
    await save(instance, {
      status: reopened ? 'CONNECTED' : 'DISCONNECTED',
      connectionState: reopened ? 'open' : state,
      reconnectAttempts: reopened ? 0 : attempt,
      nextReconnectAt: reopened ? null : new Date(Date.now() + backoffMs(attempt)),
      lastError: reopened ? null : `Reconnecting (attempt ${attempt} of ${maxReconnectAttempts})${result instanceof Error ? `: ${result.message}` : ''}`,
      health: reopened ? health('OK', null) : health('DOWN', `The engine reports "${state}"`),
    });
  };

  const check = async (instance: Instance): Promise<void> => {
    const gateway = await platform.gateways.forInstance(instance);
    let state: ConnectionState;
    try {
      state = await gateway.connectionState(instance.name);
    } catch (error) {
      if (error instanceof GatewayError && error.kind === 'INSTANCE_NOT_FOUND') {
        await save(instance, {
          status: 'FAILED',
          remoteId: null,
          connectionState: null,
          lastError: 'The instance no longer exists on the Evolution server: call connectInstance to create it again',
          health: health('DOWN', 'Missing on the Evolution server'),
        });
        return;
      }
      await save(instance, { health: health('DOWN', `The Evolution server did not answer: ${(error as Error).message}`) });
      return;
    }
    if (state !== 'open') return reconnect(instance, state);

    const silentSince = Date.now() - inboundSilenceMinutes * 60_000;
    const inboundSilent = (instance.lastInboundAt?.getTime() ?? instance.lastConnectedAt?.getTime() ?? Date.now()) < silentSince;
    const sendsSucceed = instance.lastOutboundAt !== null && (instance.lastInboundAt === null || instance.lastOutboundAt > instance.lastInboundAt);
    await save(instance, {
      status: 'CONNECTED',
      connectionState: 'open',
      reconnectAttempts: 0,
      nextReconnectAt: null,
      ...(instance.status !== 'CONNECTED' ? { lastConnectedAt: new Date(), lastError: null } : {}),
      health:
        inboundSilent && sendsSucceed
          ? health('DEGRADED', `Connected and sending, but nothing received for over ${inboundSilenceMinutes} minutes: restart the line`)
          : health('OK', null),
    });
  };

  const runOnce = async (): Promise<void> => {
    if (!(await acquireLease(LEASE, holder, reconcileIntervalMs * 2))) return;
    const instances = await db().instance.findMany({
      where: { deletedAt: null, remoteId: { not: null }, status: { in: ['CONNECTED', 'CONNECTING', 'DISCONNECTED'] } },
    });
    for (const instance of instances) {
      await check(instance).catch((error: unknown) => platform.log.error({ err: error, instance: instance.name }, 'watchdog check failed'));
    }
  };

  const timer = setInterval(() => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => platform.log.error({ err: error }, 'watchdog pass failed'))
      .finally(() => {
        running = null;
      });
  }, reconcileIntervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
      await releaseLease(LEASE, holder).catch(() => {});
    },
  };
}
