import { db } from '../../db.ts';
import type { MessageType, Prisma } from '../../generated/prisma/client.ts';
import { retryOnConflict } from '../db/retry.ts';
import { appendInboxEvents, type InboxEvent, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { releaseMessages } from '../usage/meter.ts';
import type { QuotedRef, SentMessage, WhatsAppGateway } from '../whatsapp/gateway.ts';
import { GatewayError } from '../whatsapp/gateway-errors.ts';

/** First retry after about this long, doubling per attempt (±50 % jitter so a recovered server is not hit by everyone at once). */
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 10 * 60_000;
/** Most outcomes one recording transaction writes; more wait for the next one. */
const MAX_RECORD_BATCH = 256;

interface ClaimedRow {
  id: string;
  businessId: string;
  conversationId: string;
  instanceId: string;
  type: MessageType;
  body: string | null;
  media: { url: string; mimeType: string | null; fileName: string | null; caption: string | null } | null;
  location: { latitude: number; longitude: number; name: string | null; address: string | null } | null;
  reaction: { emoji: string } | null;
  /** Including the attempt just claimed; also the fencing token of this claim. */
  attempts: number;
  instanceName: string;
  serverId: string | null;
  instanceDeleted: boolean;
  phone: string | null;
  jids: string[];
  quotedExternalId: string | null;
  quotedFromMe: boolean | null;
  targetExternalId: string | null;
  targetFromMe: boolean | null;
}

type Outcome =
  | { status: 'SENT'; externalId: string }
  | { status: 'QUEUED'; error: string; delayMs: number }
  | { status: 'FAILED'; error: string };

/** A message that can never go out as it is: failed at once, without retries. */
class UnsendableError extends Error {}

export interface OutboxWorker {
  /** Stops claiming, lets sends in flight finish and record their outcome. */
  stop(): Promise<void>;
}

export interface OutboxWorkerHooks {
  /** Re-runs a stored webhook delivery: receipts that arrived before their message's WhatsApp id was known. */
  replayWebhookEvent(webhookEventId: string): Promise<unknown>;
}

/**
 * Claims the conversation heads that are due: per conversation only its oldest QUEUED/PENDING
 * message, so messages leave in the order they were accepted. Expired leases (a sender that died
 * mid-send) make PENDING rows claimable again. Lines that are not connected are left alone: their
 * messages wait, without spending attempts, until the line is back.
 *
 * Two statements: the heads are found first, then locked by primary key with `FOR UPDATE SKIP
 * LOCKED`, so any number of replicas claim side by side, and the due conditions are checked again
 * on the locked rows (a head another replica finished meanwhile is skipped). Kept apart because
 * in one statement the planner, misled by a burst of new rows it has no statistics for yet, can
 * re-sort the whole backlog once per row.
 */
async function claim(limit: number, leaseMs: number): Promise<{ rows: ClaimedRow[]; events: InboxEvent[] }> {
  // Outside the transaction: most wake-ups find nothing, and then one round trip is all they cost.
  const heads = await db().$queryRaw<{ id: string }[]>`
    WITH lines AS MATERIALIZED (
      SELECT id FROM "Instance" WHERE status IN ('CONNECTED', 'DELETED')
    ), heads AS MATERIALIZED (
      -- A conversation lives on one line, so leaving out waiting lines early changes no head.
      SELECT DISTINCT ON ("conversationId") id, status, "nextAttemptAt", "leaseUntil", "createdAt"
      FROM (
        SELECT id, "conversationId", status, "nextAttemptAt", "leaseUntil", "createdAt" FROM "Message"
        WHERE status = 'QUEUED' AND "instanceId" IN (SELECT id FROM lines)
        UNION ALL
        SELECT id, "conversationId", status, "nextAttemptAt", "leaseUntil", "createdAt" FROM "Message"
        WHERE status = 'PENDING' AND "instanceId" IN (SELECT id FROM lines)
      ) open
      ORDER BY "conversationId", "createdAt", id
    )
    SELECT id FROM heads
    WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now()) OR (status = 'PENDING' AND "leaseUntil" < now())
    ORDER BY "nextAttemptAt", "createdAt"
    LIMIT ${limit}`;
  if (heads.length === 0) return { rows: [], events: [] };
  return retryOnConflict(() =>
    db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<ClaimedRow[]>`
        WITH due AS (
          SELECT id FROM "Message"
          WHERE id = ANY(${heads.map((head) => head.id)}::text[])
            AND ((status = 'QUEUED' AND "nextAttemptAt" <= now()) OR (status = 'PENDING' AND "leaseUntil" < now()))
          FOR UPDATE SKIP LOCKED
        ), claimed AS (
          UPDATE "Message" m SET status = 'PENDING', attempts = m.attempts + 1, "leaseUntil" = now() + ${leaseMs}::int * interval '1 millisecond'
          FROM due
          WHERE m.id = due.id
          RETURNING m.id, m."businessId", m."conversationId", m."instanceId", m.type, m.body, m.media, m.location, m.reaction, m.attempts,
            m."quotedMessageId"
        )
        SELECT cl.id, cl."businessId", cl."conversationId", cl."instanceId", cl.type, cl.body, cl.media, cl.location, cl.reaction, cl.attempts,
          i.name AS "instanceName", i."serverId", i."deletedAt" IS NOT NULL AS "instanceDeleted", k.phone, k.jids,
          q."externalId" AS "quotedExternalId", q.direction = 'OUTBOUND' AS "quotedFromMe",
          r."externalId" AS "targetExternalId", r.direction = 'OUTBOUND' AS "targetFromMe"
        FROM claimed cl
        JOIN "Instance" i ON i.id = cl."instanceId"
        JOIN "Conversation" c ON c.id = cl."conversationId"
        JOIN "Contact" k ON k.id = c."contactId"
        LEFT JOIN "Message" q ON q.id = cl."quotedMessageId"
        LEFT JOIN "Message" r ON r.id = cl.reaction->>'messageId'`;
      return { rows, events: await messagesUpdated(tx, rows) };
    }),
  );
}

/** MESSAGE_UPDATED for each row, appended per business in a fixed order so concurrent writers never deadlock on business rows. */
async function messagesUpdated(tx: Prisma.TransactionClient, rows: { businessId: string; conversationId: string; id: string }[]): Promise<InboxEvent[]> {
  const byBusiness = new Map<string, typeof rows>();
  for (const row of rows) byBusiness.set(row.businessId, [...(byBusiness.get(row.businessId) ?? []), row]);
  const events: InboxEvent[] = [];
  for (const businessId of [...byBusiness.keys()].sort()) {
    const updates = byBusiness.get(businessId)!.map((row) => ({ kind: 'MESSAGE_UPDATED' as const, conversationId: row.conversationId, messageId: row.id }));
    events.push(...(await appendInboxEvents(tx, businessId, updates)));
  }
  return events;
}

/** The chat's JID: the phone JID when the contact has a number, else the JID it is known by (groups, @lid-only people). */
function chatJidOf(row: ClaimedRow): string {
  if (row.phone) return `${row.phone.slice(1)}@s.whatsapp.net`;
  return row.jids.find((jid) => !jid.endsWith('@lid')) ?? row.jids[0]!;
}

function sendThrough(gateway: WhatsAppGateway, row: ClaimedRow): Promise<SentMessage> {
  const chat = chatJidOf(row);
  // Evolution takes digits for a phone and a full JID for anything else.
  const to = row.phone ? row.phone.slice(1) : chat;
  // A quote of a message that never got a WhatsApp id cannot be expressed: the text still goes, unquoted.
  const quoted: QuotedRef | undefined = row.quotedExternalId
    ? { externalId: row.quotedExternalId, remoteJid: chat, fromMe: row.quotedFromMe === true }
    : undefined;
  const name = row.instanceName;
  switch (row.type) {
    case 'TEXT':
      return gateway.sendText(name, { to, text: row.body!, quoted });
    case 'IMAGE':
    case 'VIDEO':
    case 'DOCUMENT': {
      const media = row.media!;
      return gateway.sendMedia(name, {
        to,
        mediaType: row.type === 'IMAGE' ? 'image' : row.type === 'VIDEO' ? 'video' : 'document',
        media: media.url,
        mimeType: media.mimeType ?? undefined,
        caption: media.caption ?? undefined,
        fileName: media.fileName ?? undefined,
        quoted,
      });
    }
    case 'AUDIO':
      return gateway.sendWhatsAppAudio(name, { to, audio: row.media!.url, quoted });
    case 'LOCATION': {
      const location = row.location!;
      // Evolution's schema requires a name and an address; WhatsApp shows neither when empty.
      return gateway.sendLocation(name, { to, latitude: location.latitude, longitude: location.longitude, name: location.name ?? '', address: location.address ?? '', quoted });
    }
    case 'REACTION':
      if (!row.targetExternalId) return Promise.reject(new UnsendableError('The message reacted to was never sent, so there is nothing to react to'));
      return gateway.sendReaction(name, {
        target: { externalId: row.targetExternalId, remoteJid: chat, fromMe: row.targetFromMe === true },
        emoji: row.reaction!.emoji,
      });
    default:
      return Promise.reject(new UnsendableError(`${row.type} messages cannot be sent`));
  }
}

/**
 * Writes what happened to claimed messages. Outcomes are written in groups, one transaction per
 * group (whatever finished while the previous group was being written), so many concurrent
 * sends cost a few transactions rather than one each.
 */
class OutcomeRecorder {
  private queue: { row: ClaimedRow; outcome: Outcome; done: () => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly hooks: OutboxWorkerHooks,
  ) {}

  record(row: ClaimedRow, outcome: Outcome): Promise<void> {
    return new Promise((done) => {
      this.queue.push({ row, outcome, done });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_RECORD_BATCH);
      try {
        await this.write(group);
      } catch {
        // One row must not keep the others from being recorded (an echo that stored a duplicate of ours, say).
        for (const entry of group) {
          await this.writeAlone(entry).catch((error: unknown) =>
            this.platform.log.error(
              { err: error, messageId: entry.row.id, outcome: entry.outcome.status },
              'could not record a send outcome; the message is retried once its lease expires',
            ),
          );
        }
      }
      for (const entry of group) entry.done();
    }
    this.writing = null;
  }

  private async write(group: { row: ClaimedRow; outcome: Outcome }[], removeDuplicates = false): Promise<void> {
    const outcomes = group.map(({ row, outcome }) => ({
      id: row.id,
      attempts: row.attempts,
      status: outcome.status,
      external_id: outcome.status === 'SENT' ? outcome.externalId : null,
      delay_ms: outcome.status === 'QUEUED' ? outcome.delayMs : null,
      error: outcome.status === 'SENT' ? null : outcome.error,
      // A reaction queued before its target was sent learns the target's WhatsApp id only now.
      target_external_id: row.type === 'REACTION' ? row.targetExternalId : null,
    }));
    const { rows, events } = await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        if (removeDuplicates) await this.removeEchoDuplicates(tx, group);
        // A SENT outcome is recorded even if the lease was lost meanwhile (the message did go out)
        // and never moves a status backwards: the send.message echo may have got there first and
        // receipts after it. A failure only applies while this claim still holds the row.
        // A message that finally FAILED gives its usage reservation back, once: its period is cleared.
        const changed = await tx.$queryRaw<{
          id: string;
          businessId: string;
          conversationId: string;
          instanceId: string;
          externalId: string | null;
          status: string;
          releasedPeriod: string | null;
        }[]>`
          WITH outcome AS (
            SELECT * FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb)
              AS o(id text, attempts int, status text, external_id text, delay_ms int, error text, target_external_id text)
          ), changed AS (
            UPDATE "Message" m SET
              status = CASE WHEN o.status <> 'SENT' THEN o.status::"MessageStatus"
                            WHEN m.status IN ('QUEUED', 'PENDING') THEN 'SENT'::"MessageStatus" ELSE m.status END,
              "externalId" = COALESCE(m."externalId", o.external_id),
              "sentAt" = CASE WHEN o.status = 'SENT' THEN COALESCE(m."sentAt", now()) ELSE m."sentAt" END,
              "nextAttemptAt" = CASE WHEN o.status = 'QUEUED' THEN now() + o.delay_ms * interval '1 millisecond' END,
              "leaseUntil" = NULL,
              reaction = CASE WHEN o.target_external_id IS NULL THEN m.reaction
                              ELSE jsonb_set(m.reaction, '{targetExternalId}', to_jsonb(o.target_external_id)) END,
              error = CASE WHEN o.status <> 'SENT' THEN o.error WHEN m.status IN ('QUEUED', 'PENDING') THEN NULL ELSE m.error END,
              "usagePeriod" = CASE WHEN o.status = 'FAILED' THEN NULL ELSE m."usagePeriod" END
            FROM outcome o JOIN "Message" prior ON prior.id = o.id
            WHERE m.id = o.id AND (o.status = 'SENT' OR (m.status = 'PENDING' AND m.attempts = o.attempts))
            RETURNING m.id, m."businessId", m."conversationId", m."instanceId", m."externalId", o.status,
              CASE WHEN o.status = 'FAILED' THEN prior."usagePeriod" END AS "releasedPeriod"
          )
          SELECT * FROM changed`;
        // Usage rows before business rows (messagesUpdated), as every writer takes them.
        await releaseMessages(tx, changed.map((row) => ({ businessId: row.businessId, usagePeriod: row.releasedPeriod })));
        return { rows: changed, events: await messagesUpdated(tx, changed) };
      }),
    );
    publishInboxEvents(this.platform, events);
    const sent = rows.filter((row) => row.status === 'SENT' && row.externalId !== null);
    if (sent.length === 0) return;
    // A health hint for the watchdog, written on its own: holding the line's row together with the
    // business's would order locks against ingestion, which takes them the other way round.
    await db().$executeRaw`UPDATE "Instance" SET "lastOutboundAt" = now() WHERE id = ANY(${[...new Set(sent.map((row) => row.instanceId))]}::text[])`;
    await this.applyWaitingReceipts(sent);
  }

  private async writeAlone(entry: { row: ClaimedRow; outcome: Outcome }): Promise<void> {
    try {
      await this.write([entry]);
    } catch (error) {
      if (entry.outcome.status !== 'SENT' || !isUniqueViolation(error)) throw error;
      await this.write([entry], true);
    }
  }

  /**
   * The echo of our send arrived first and did not look like ours (Evolution rewrote the number,
   * say), so ingestion stored it as a message of its own. The message is ours: one row stays.
   */
  private async removeEchoDuplicates(tx: Prisma.TransactionClient, group: { row: ClaimedRow; outcome: Outcome }[]): Promise<void> {
    for (const { row, outcome } of group) {
      if (outcome.status !== 'SENT') continue;
      await tx.$executeRaw`
        DELETE FROM "Message" WHERE "instanceId" = ${row.instanceId} AND "externalId" = ${outcome.externalId} AND id <> ${row.id}`;
    }
  }

  /** Receipts wait (stored, unprocessed) for a message id nobody knew yet; now it is known. */
  private async applyWaitingReceipts(sent: { instanceId: string; externalId: string | null }[]): Promise<void> {
    const waiting = await db().$queryRaw<{ id: string }[]>`
      SELECT id FROM "WebhookEvent"
      WHERE status = 'RECEIVED' AND event = 'messages.update'
        AND "instanceId" = ANY(${[...new Set(sent.map((row) => row.instanceId))]}::text[])
        AND payload->'data'->>'keyId' = ANY(${sent.map((row) => row.externalId!)}::text[])
      ORDER BY "receivedAt"`;
    for (const event of waiting) await this.hooks.replayWebhookEvent(event.id);
  }
}

/**
 * The outbox sender: claims due messages in batches under a lease, sends each through its line's
 * gateway, and records SENT (with the WhatsApp id), a retry with exponential backoff and jitter,
 * or FAILED with the reason. Wakes at once on `outbox:nudge` and polls as a safety net. Any number
 * of replicas may run it; a replica that dies mid-send loses its lease and the messages are
 * claimed again — except those whose send.message echo already arrived, which ingestion marked
 * SENT, so they are not sent twice.
 */
export function createOutboxWorker(platform: Platform, hooks: OutboxWorkerHooks): OutboxWorker {
  const { concurrency, pollIntervalMs, leaseMs, maxSendAttempts } = platform.config.outbox;
  // Claim again once a quarter of the slots are free, not after every single send.
  const refillAt = Math.max(1, Math.floor(concurrency / 4));
  const recorder = new OutcomeRecorder(platform, hooks);
  const sends = new Set<Promise<void>>();
  let stopping = false;
  let poked = false;
  let wake = () => {};

  const poke = () => {
    poked = true;
    wake();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = () => {};
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  const outcomeOf = async (row: ClaimedRow, gateway: Promise<WhatsAppGateway>): Promise<Outcome> => {
    if (row.instanceDeleted) return { status: 'FAILED', error: 'The WhatsApp line was deleted before this message could be sent' };
    try {
      const sent = await sendThrough(await gateway, row);
      return { status: 'SENT', externalId: sent.externalId };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Unknown errors are retried: giving up on a message is worse than trying it again later.
      const retryable = error instanceof GatewayError ? error.retryable : !(error instanceof UnsendableError);
      if (!retryable) return { status: 'FAILED', error: reason };
      if (row.attempts >= maxSendAttempts) return { status: 'FAILED', error: `Gave up after ${row.attempts} attempts: ${reason}` };
      const delayMs = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (row.attempts - 1)) * (0.5 + Math.random());
      return { status: 'QUEUED', error: reason, delayMs: Math.round(delayMs) };
    }
  };

  const start = (row: ClaimedRow, gateway: Promise<WhatsAppGateway>) => {
    const send = outcomeOf(row, gateway)
      .then((outcome) => recorder.record(row, outcome))
      .catch((error: unknown) => platform.log.error({ err: error, messageId: row.id }, 'outbox send failed unexpectedly'))
      .finally(() => {
        sends.delete(send);
        poke();
      });
    sends.add(send);
  };

  const run = async () => {
    while (!stopping) {
      poked = false;
      const free = concurrency - sends.size;
      if (free >= refillAt || (sends.size === 0 && free > 0)) {
        let claimed: Awaited<ReturnType<typeof claim>>;
        try {
          claimed = await claim(free, leaseMs);
        } catch (error) {
          platform.log.error({ err: error }, 'outbox claim failed; trying again after the poll interval');
          await nap(pollIntervalMs);
          continue;
        }
        publishInboxEvents(platform, claimed.events);
        // One gateway lookup per server per batch, not per message.
        const gateways = new Map<string | null, Promise<WhatsAppGateway>>();
        for (const row of claimed.rows) {
          if (!gateways.has(row.serverId)) {
            const gateway = platform.gateways.forInstance({ serverId: row.serverId });
            // Each send awaits it and handles a failure; this keeps a lookup nobody awaits from being "unhandled".
            gateway.catch(() => {});
            gateways.set(row.serverId, gateway);
          }
          start(row, gateways.get(row.serverId)!);
        }
        // A full batch means more may be due right now.
        if (claimed.rows.length === free) continue;
      }
      if (!poked) await nap(pollIntervalMs);
    }
  };

  const nudges = platform.pubsub.subscribe('outbox:nudge')[Symbol.asyncIterator]();
  void (async () => {
    while (!(await nudges.next()).done) poke();
  })().catch((error: unknown) => platform.log.warn({ err: error }, 'outbox nudges stopped; polling continues'));
  const running = run();

  return {
    async stop() {
      stopping = true;
      await nudges.return?.();
      wake();
      await running;
      await Promise.all([...sends]);
    },
  };
}
