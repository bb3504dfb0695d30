import { createHash, timingSafeEqual } from 'node:crypto';
import { db } from '../../db.ts';
import { jsonParam } from '../db/json-param.ts';
import { retryOnConflict } from '../db/retry.ts';
import { newId } from '../ids.ts';
import { appendInboxEvents, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { meterIngested, publishUsageThresholds } from '../usage/meter.ts';
import {
  dedupeKey,
  type Envelope,
  MalformedEventError,
  type NormalisedEvent,
  normaliseEvent,
  parseEnvelope,
} from './evolution-events.ts';
import { ingestLifecycle } from './ingest-connection.ts';
import { KnownConversationBatcher } from './ingest-fast-path.ts';
import {
  ingestChatRead,
  ingestContactName,
  ingestDelete,
  ingestEdit,
  ingestMessage,
  ingestPresence,
  ingestSent,
  ingestStatus,
} from './ingest-messages.ts';
import type { IngestInstance, IngestScope } from './ingest-scope.ts';

export type IngestOutcome = 'PROCESSED' | 'DEFERRED' | 'FAILED' | 'IGNORED' | 'DUPLICATE' | 'COALESCED';

const INSTANCE_SELECT = {
  id: true,
  businessId: true,
  name: true,
  status: true,
  connectionState: true,
  settings: true,
  deletedAt: true,
  serverId: true,
  remoteId: true,
  integration: true,
  webhookSecret: true,
} as const;

const CACHE_TTL_MS = 30_000;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

async function apply(scope: IngestScope, event: NormalisedEvent): Promise<void> {
  switch (event.kind) {
    case 'message':
      return ingestMessage(scope, event.message);
    case 'sent':
      return ingestSent(scope, event.message);
    case 'status':
      return ingestStatus(scope, event.update);
    case 'edited':
      return ingestEdit(scope, event.targetExternalId, event.newText, event.editedAt);
    case 'deleted':
      return ingestDelete(scope, event.targetExternalId);
    case 'chatRead':
      return ingestChatRead(scope, event.chatJid);
    case 'contact':
      return ingestContactName(scope, [event.contact.jid, ...(event.contact.altJid ? [event.contact.altJid] : [])], event.contact.name);
    case 'chat':
      return event.name ? ingestContactName(scope, [event.chatJid], event.name) : undefined;
    case 'presence':
      return ingestPresence(scope, event.chatJid, event.participantJid, event.presence);
    case 'connection':
    case 'qr':
    case 'qrLimit':
    case 'loggedOut':
    case 'removed':
    case 'instanceStatus':
      return ingestLifecycle(scope, event);
    case 'instanceCreated':
    case 'ignored':
      return undefined;
  }
}

/**
 * Turns Evolution's unreliable webhooks into trustworthy rows. Each delivery is stored raw together
 * with its normalised rows in one transaction; duplicates are recognised by a key derived from the
 * event (Evolution sends no event id) and change nothing; a malformed delivery from an
 * authenticated sender is stored FAILED for replay; reconnect storms of identical `connection.update`
 * states are coalesced instead of stored.
 */
export class EvolutionIngestion {
  private readonly instances = new Map<string, { instance: IngestInstance & { webhookSecret: string }; secret: Buffer; expiresAt: number }>();

  private readonly batcher: KnownConversationBatcher;

  constructor(private readonly platform: Platform) {
    this.batcher = new KnownConversationBatcher((events) => {
      publishInboxEvents(platform, events);
      // The fast path stores customer messages only: each one wakes the AI workers for its conversation.
      const received = new Set(events.filter((event) => event.kind === 'MESSAGE_RECEIVED').map((event) => event.conversationId));
      for (const conversationId of received) platform.pubsub.publish('ai:nudge', { conversationId });
    });
  }

  private async lookup(instanceName: string) {
    const cached = this.instances.get(instanceName);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const instance = await db().instance.findUnique({ where: { name: instanceName }, select: INSTANCE_SELECT });
    if (!instance) {
      this.instances.delete(instanceName);
      return null;
    }
    const entry = { instance, secret: digest(this.platform.cipher.decrypt(instance.webhookSecret)), expiresAt: Date.now() + CACHE_TTL_MS };
    this.instances.set(instanceName, entry);
    return entry;
  }

  /** The instance a delivery is for, when its secret header matches (compared in constant time). */
  async authenticate(instanceName: string, secret: string | undefined): Promise<IngestInstance | null> {
    const entry = await this.lookup(instanceName);
    if (!entry || !secret) return null;
    return timingSafeEqual(entry.secret, digest(secret)) ? entry.instance : null;
  }

  /** In-process deliveries (the sandbox) skip the HTTP secret check but nothing else. */
  async ingestTrusted(instanceName: string, body: unknown): Promise<IngestOutcome> {
    const entry = await this.lookup(instanceName);
    if (!entry) return 'IGNORED';
    return this.ingest(entry.instance, body);
  }

  /**
   * `previous` replays a stored delivery in place: same row id, one more attempt. `rawBody` is the
   * body's JSON text when the caller has it, to store without serialising it again.
   */
  async ingest(instance: IngestInstance, body: unknown, previous?: { id: string; attempts: number }, rawBody?: string): Promise<IngestOutcome> {
    const eventId = previous?.id ?? newId();
    const attempts = (previous?.attempts ?? 0) + 1;
    let envelope: Envelope;
    let events: NormalisedEvent[];
    try {
      envelope = parseEnvelope(body);
      if (envelope.instanceName !== instance.name) {
        throw new MalformedEventError(`The body names instance "${envelope.instanceName}" but was posted for "${instance.name}"`);
      }
      events = normaliseEvent(envelope);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      await this.storeFailed(eventId, attempts, instance, body, eventNameOf(body), error.message);
      return 'FAILED';
    }
    if (!previous && (await this.isRepeatedConnectionState(instance, events))) return 'COALESCED';
    if (events.every((event) => event.kind === 'ignored')) {
      await this.storeIgnored(eventId, attempts, instance, envelope, body);
      return 'IGNORED';
    }

    const key = events.length === 1 ? dedupeKey(envelope, events[0]!) : null;
    const [only] = events;
    if (!previous && events.length === 1 && only?.kind === 'message' && !only.message.fromMe && !only.message.isBroadcast && !this.ignoresGroup(instance, only.message)) {
      const fast = await this.batcher.ingest(instance, envelope.event, rawBody ?? JSON.stringify(body), key, only.message);
      if (fast !== 'SLOW_PATH') return fast;
    }
    const scope: IngestScope = {
      tx: undefined as never,
      platform: this.platform,
      instance,
      afterCommit: [],
      deferred: false,
      events: [],
      usage: { received: 0, newContacts: [] },
    };
    try {
      const outcome = await retryOnConflict(() => db().$transaction(async (tx) => {
        scope.tx = tx;
        scope.instance = instance;
        scope.events = [];
        scope.afterCommit = [];
        scope.deferred = false;
        scope.usage = { received: 0, newContacts: [] };
        if (previous) await tx.$executeRaw`DELETE FROM "WebhookEvent" WHERE id = ${eventId}`;
        const inserted = await tx.$executeRaw`
          INSERT INTO "WebhookEvent" (id, source, "instanceId", event, "dedupeKey", payload, status, attempts, "processedAt")
          VALUES (${eventId}, 'EVOLUTION', ${instance.id}, ${envelope.event}, ${key}, ${jsonParam(body)}::jsonb, 'PROCESSED', ${attempts}, now())
          ON CONFLICT ("dedupeKey") DO NOTHING`;
        if (inserted === 0) return 'DUPLICATE' as const;
        for (const event of events) await apply(scope, event);
        // Metered last but for the inbox events: usage row, then business row, as every writer locks them.
        const thresholds = await meterIngested(tx, instance.businessId, scope.usage);
        scope.afterCommit.push(() => publishUsageThresholds(this.platform, thresholds));
        const inboxEvents = await appendInboxEvents(tx, instance.businessId, scope.events);
        scope.afterCommit.push(() => publishInboxEvents(this.platform, inboxEvents));
        if (scope.deferred) {
          await tx.$executeRaw`UPDATE "WebhookEvent" SET status = 'RECEIVED', "processedAt" = NULL WHERE id = ${eventId}`;
          return 'DEFERRED' as const;
        }
        return 'PROCESSED' as const;
      }));
      for (const effect of scope.afterCommit) effect();
      this.remember(instance.name, scope.instance);
      return outcome;
    } catch (error) {
      this.instances.delete(instance.name);
      this.platform.log.error({ err: error, instance: instance.name, event: envelope.event }, 'webhook processing failed');
      // Keep the delivery for replay; if even that fails the caller answers 5xx so Evolution retries.
      await this.storeFailed(eventId, attempts, instance, body, envelope.event, `Processing failed: ${(error as Error).message}`);
      return 'FAILED';
    }
  }

  /** Re-runs a stored delivery (optionally with a corrected body) through normal ingestion, in place. */
  async replay(webhookEventId: string, correctedBody?: unknown): Promise<IngestOutcome> {
    const stored = await db().webhookEvent.findUniqueOrThrow({ where: { id: webhookEventId } });
    if (!stored.instanceId) return 'IGNORED';
    const instance = await db().instance.findUniqueOrThrow({ where: { id: stored.instanceId }, select: INSTANCE_SELECT });
    return this.ingest(instance, correctedBody ?? stored.payload, { id: stored.id, attempts: stored.attempts });
  }

  private ignoresGroup(instance: IngestInstance, message: { isGroup: boolean }): boolean {
    return message.isGroup && (instance.settings as { groups?: string }).groups === 'IGNORE';
  }

  private remember(instanceName: string, instance: IngestInstance): void {
    const cached = this.instances.get(instanceName);
    if (cached) cached.instance = { ...cached.instance, status: instance.status, connectionState: instance.connectionState };
  }

  /**
   * Evolution's reconnect loop repeats `connecting` many times a second: identical states are not
   * news. The state is claimed before processing, so concurrent identical deliveries coalesce too.
   */
  private async isRepeatedConnectionState(instance: IngestInstance, events: NormalisedEvent[]): Promise<boolean> {
    if (events.length !== 1) return false;
    const [event] = events as [NormalisedEvent];
    if (event.kind !== 'connection' || event.state === 'open') return false;
    const cached = this.instances.get(instance.name);
    const known = cached?.instance.connectionState ?? instance.connectionState;
    if (known === event.state) return true;
    if (cached) cached.instance = { ...cached.instance, connectionState: event.state };
    return false;
  }

  private async storeIgnored(id: string, attempts: number, instance: IngestInstance, envelope: Envelope, body: unknown): Promise<void> {
    await db().$executeRaw`
      INSERT INTO "WebhookEvent" (id, source, "instanceId", event, payload, status, attempts, "processedAt")
      VALUES (${id}, 'EVOLUTION', ${instance.id}, ${envelope.event}, ${jsonParam(body)}::jsonb, 'IGNORED', ${attempts}, now())
      ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, status = 'IGNORED', error = NULL, attempts = EXCLUDED.attempts,
        "processedAt" = now()`;
  }

  private async storeFailed(id: string, attempts: number, instance: IngestInstance, body: unknown, event: string, error: string): Promise<void> {
    await db().$executeRaw`
      INSERT INTO "WebhookEvent" (id, source, "instanceId", event, payload, status, error, attempts)
      VALUES (${id}, 'EVOLUTION', ${instance.id}, ${event}, ${JSON.stringify(body ?? null)}::jsonb, 'FAILED', ${error}, ${attempts})
      ON CONFLICT (id) DO UPDATE SET payload = EXCLUDED.payload, status = 'FAILED', error = EXCLUDED.error, attempts = EXCLUDED.attempts,
        "processedAt" = NULL`;
  }
}

function eventNameOf(body: unknown): string {
  const event = typeof body === 'object' && body !== null ? (body as { event?: unknown }).event : undefined;
  return typeof event === 'string' && event.length > 0 ? event.slice(0, 100) : 'unknown';
}
