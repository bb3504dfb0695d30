import { Prisma } from '../../generated/prisma/client.ts';
import type { InstanceStatus } from '../../generated/prisma/enums.ts';
import type { NormalisedEvent } from './evolution-events.ts';
import { jidToPhone } from './evolution-events.ts';
import { publishInstanceChanged, publishQr } from './instance-events.ts';
import type { IngestScope } from './ingest-scope.ts';
import { applyBusinessProfile, qrColumn, storedQr } from './instances.ts';

type LifecycleEvent = Extract<NormalisedEvent, { kind: 'connection' | 'qr' | 'qrLimit' | 'loggedOut' | 'removed' | 'instanceStatus' }>;

/** WhatsApp's reason codes for a permanent close, in words an owner can act on. */
function closeReason(code: number | null): string {
  switch (code) {
    case 401:
      return 'Logged out from the phone (WhatsApp 401): scan a new QR to reconnect';
    case 403:
      return 'WhatsApp refused this account (403)';
    case 402:
    case 406:
      return `WhatsApp closed the session (${code})`;
    default:
      return code === null ? 'The connection closed' : `The connection closed (reason ${code})`;
  }
}

function changes(scope: IngestScope, event: LifecycleEvent): { data: Prisma.InstanceUpdateInput; qr: boolean } | null {
  const current = scope.instance.status;
  switch (event.kind) {
    case 'connection':
      switch (event.state) {
        case 'open':
          return {
            qr: false,
            data: {
              status: 'CONNECTED',
              connectionState: 'open',
              phoneNumber: event.ownJid ? jidToPhone(event.ownJid) : undefined,
              profileName: event.profileName ?? undefined,
              lastConnectedAt: new Date(),
              lastError: null,
              statusReason: null,
              reconnectAttempts: 0,
              nextReconnectAt: null,
              qrCode: Prisma.DbNull,
            },
          };
        case 'connecting': {
          // Evolution reconnects on its own and reports each attempt: only a drop from CONNECTED matters.
          const status: InstanceStatus | undefined = current === 'CONNECTED' ? 'CONNECTING' : undefined;
          return { qr: false, data: { connectionState: 'connecting', status } };
        }
        case 'close': {
          const loggedOut = event.statusReason === 401;
          return {
            qr: false,
            data: {
              status: loggedOut ? 'LOGGED_OUT' : 'DISCONNECTED',
              connectionState: 'close',
              statusReason: event.statusReason,
              lastError: closeReason(event.statusReason),
              qrCode: Prisma.DbNull,
            },
          };
        }
        case 'refused':
          return {
            qr: false,
            data: {
              status: 'FAILED',
              connectionState: 'refused',
              statusReason: event.statusReason,
              lastError: 'No QR code was scanned in time (QR limit reached): call connectInstance for a new one',
              qrCode: Prisma.DbNull,
            },
          };
      }
      break;
    case 'qr':
      if (current === 'CONNECTED') return null;
      return { qr: true, data: { status: 'QR_PENDING', connectionState: 'connecting', qrCode: qrColumn(storedQr(event.qr)) } };
    case 'qrLimit':
      return { qr: false, data: { lastError: `Evolution: ${event.message}` } };
    case 'loggedOut':
      return { qr: false, data: { status: 'LOGGED_OUT', connectionState: 'close', lastError: closeReason(401), qrCode: Prisma.DbNull } };
    case 'removed':
      return {
        qr: false,
        data: {
          status: 'FAILED',
          remoteId: null,
          connectionState: null,
          lastError: 'The instance was removed from the Evolution server: call connectInstance to create it again',
          qrCode: Prisma.DbNull,
        },
      };
    case 'instanceStatus':
      return { qr: false, data: { statusReason: event.reasonCode, lastError: closeReason(event.reasonCode) } };
  }
  return null;
}

/**
 * Connection lifecycle of the line. The instance row is locked for the update so concurrent
 * deliveries apply one after another; a deleted line ignores late events from the engine.
 */
export async function ingestLifecycle(scope: IngestScope, event: LifecycleEvent): Promise<void> {
  const { tx, instance } = scope;
  if (instance.deletedAt) return;
  await tx.$queryRaw`SELECT id FROM "Instance" WHERE id = ${instance.id} FOR UPDATE`;
  const fresh = await tx.instance.findUniqueOrThrow({ where: { id: instance.id }, select: { status: true } });
  scope.instance = { ...instance, status: fresh.status };
  const change = changes(scope, event);
  if (!change) return;
  const updated = await tx.instance.update({ where: { id: instance.id }, data: change.data });
  scope.instance = { ...scope.instance, status: updated.status, connectionState: updated.connectionState };
  if (change.qr) scope.afterCommit.push(() => publishQr(scope.platform, updated));
  if (change.qr || updated.status !== fresh.status) scope.afterCommit.push(() => publishInstanceChanged(scope.platform, updated));
  if (updated.status === 'CONNECTED' && fresh.status !== 'CONNECTED') {
    scope.afterCommit.push(() => void applyBusinessProfile(scope.platform, updated));
    // Messages queued while the line was down can go now, without waiting for the next poll.
    scope.afterCommit.push(() => scope.platform.pubsub.publish('outbox:nudge', { instanceId: updated.id }));
  }
}
