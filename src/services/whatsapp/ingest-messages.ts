import type { MessageDirection, MessageStatus, Prisma } from '../../generated/prisma/client.ts';
import { jsonParam } from '../db/json-param.ts';
import { newId } from '../ids.ts';
import { renameKnownContact, resolveContact } from './contacts.ts';
import { deliveryStatusOf, type InboundMessage, type StatusUpdate } from './evolution-events.ts';
import type { IngestScope } from './ingest-scope.ts';
import { contactIdentity, senderOf, storedMedia, storedReaction } from './stored-message.ts';

/** Receipts only move forward: PENDING < SENT < DELIVERED < READ < PLAYED. */
const STATUS_RANK_SQL = (column: string) => `CASE ${column}
  WHEN 'QUEUED' THEN 0 WHEN 'PENDING' THEN 1 WHEN 'SENT' THEN 2 WHEN 'DELIVERED' THEN 3
  WHEN 'READ' THEN 4 WHEN 'PLAYED' THEN 5 ELSE 99 END`;

const STATUS_RANK: Record<string, number> = { QUEUED: 0, PENDING: 1, SENT: 2, DELIVERED: 3, READ: 4, PLAYED: 5 };

async function storeMessage(scope: IngestScope, message: InboundMessage, origin: 'customer' | 'phone' | 'api'): Promise<void> {
  const { tx, instance } = scope;
  if (message.isBroadcast) return;
  const settings = instance.settings as { groups?: string };
  if (message.isGroup && settings.groups === 'IGNORE') return;

  const contactId = await resolveContact(tx, instance.businessId, contactIdentity(message), scope.usage.newContacts);
  const [conversation] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", "isGroup", "updatedAt")
    VALUES (${newId()}, ${instance.businessId}, ${instance.id}, ${contactId}, ${message.isGroup}, now())
    ON CONFLICT ("instanceId", "contactId") DO UPDATE SET "updatedAt" = now()
    RETURNING id`;
  const conversationId = conversation!.id;

  let quotedMessageId: string | null = null;
  if (message.quotedExternalId) {
    const [quoted] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Message" WHERE "instanceId" = ${instance.id} AND "externalId" = ${message.quotedExternalId}`;
    quotedMessageId = quoted?.id ?? null;
  }
  const direction: MessageDirection = message.fromMe ? 'OUTBOUND' : 'INBOUND';
  const status: MessageStatus = message.fromMe ? 'SENT' : 'RECEIVED';
  const author = origin === 'customer' ? 'CUSTOMER' : 'PHONE';
  const sender = senderOf(message);
  const id = newId(message.timestamp.getTime());
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, media, location, reaction,
      "quotedMessageId", status, author, "senderJid", "senderName", "externalId", "createdAt", "sentAt")
    VALUES (${id}, ${instance.businessId}, ${conversationId}, ${instance.id}, ${direction}::"MessageDirection", ${message.type}::"MessageType",
      ${message.text}, ${jsonParam(storedMedia(message))}::jsonb, ${jsonParam(message.location)}::jsonb, ${jsonParam(storedReaction(message))}::jsonb, ${quotedMessageId},
      ${status}::"MessageStatus", ${author}::"MessageAuthor", ${sender.jid}, ${sender.name}, ${message.externalId},
      ${message.timestamp}, ${message.fromMe ? message.timestamp : null})
    ON CONFLICT ("instanceId", "externalId") DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) return;
  scope.events.push({ kind: 'MESSAGE_RECEIVED', conversationId, messageId: id });
  // After commit, a customer's message wakes the AI workers (they answer once the customer is quiet).
  if (origin === 'customer') scope.afterCommit.push(() => scope.platform.pubsub.publish('ai:nudge', { conversationId }));
  if (direction === 'INBOUND') scope.usage.received += 1;

  if (message.type !== 'REACTION') {
    scope.events.push({ kind: 'CONVERSATION_UPDATED', conversationId });
    const fromPhone = origin === 'phone';
    await tx.$executeRaw`
      UPDATE "Conversation" SET
        "lastMessageId" = CASE WHEN "lastMessageAt" IS NULL OR "lastMessageAt" <= ${message.timestamp} THEN ${id} ELSE "lastMessageId" END,
        "lastMessageAt" = GREATEST("lastMessageAt", ${message.timestamp}),
        "unreadCount" = CASE WHEN ${message.fromMe} THEN 0 ELSE "unreadCount" + 1 END,
        status = CASE WHEN ${!message.fromMe} AND status = 'RESOLVED' THEN 'OPEN'::"ConversationStatus" ELSE status END,
        controller = CASE WHEN ${fromPhone} THEN 'HUMAN'::"Controller" ELSE controller END
      WHERE id = ${conversationId}`;
  }
  await tx.$executeRaw`UPDATE "Contact" SET "lastSeenAt" = GREATEST("lastSeenAt", ${message.timestamp}) WHERE id = ${contactId}`;
  if (!message.fromMe) {
    // Once every 10 s is enough for the watchdog and spares a hot row lock per message.
    await tx.$executeRaw`
      UPDATE "Instance" SET "lastInboundAt" = now()
      WHERE id = ${instance.id} AND ("lastInboundAt" IS NULL OR "lastInboundAt" < now() - interval '10 seconds')`;
  }
  if (message.fromMe) await applyDeferredStatuses(scope, message.externalId);
}

/** A customer's message, or one typed on the business's own phone (`fromMe`, author PHONE). */
export function ingestMessage(scope: IngestScope, message: InboundMessage): Promise<void> {
  return storeMessage(scope, message, message.fromMe ? 'phone' : 'customer');
}

/**
 * `send.message`: the echo of an API send. Usually our outbox already stored the row by its
 * WhatsApp id, so this only confirms SENT. The echo can also beat our own send call back: then it
 * belongs to the outbox's message in flight, which gets the id here. A send made outside
 * Switchboard is recorded like one from the phone.
 */
export async function ingestSent(scope: IngestScope, message: InboundMessage): Promise<void> {
  const sent = { externalId: message.externalId, chatJid: message.chatJid, fromMe: true, status: 'SENT' } as const;
  if ((await advanceStatus(scope, sent)).exists) return;
  if (await attachToOutbox(scope, message)) {
    await advanceStatus(scope, sent);
    await applyDeferredStatuses(scope, message.externalId);
    return;
  }
  await storeMessage(scope, { ...message, fromMe: true }, 'api');
}

/**
 * Gives an echo's WhatsApp id to the outbox message it reports: outbound, already handed to the
 * gateway (attempts > 0) and not finished, without an id yet, in the same chat, with the same type
 * and text. The outbox has at most one such message per conversation (it keeps their order), so
 * the match cannot pick the wrong one of ours.
 */
async function attachToOutbox(scope: IngestScope, message: InboundMessage): Promise<boolean> {
  const { jids, phone } = contactIdentity(message);
  const attached = await scope.tx.$executeRaw`
    UPDATE "Message" SET "externalId" = ${message.externalId}
    WHERE id = (
      SELECT m.id FROM "Message" m
      JOIN "Conversation" c ON c.id = m."conversationId"
      JOIN "Contact" k ON k.id = c."contactId"
      WHERE m."instanceId" = ${scope.instance.id} AND m.direction = 'OUTBOUND' AND m."externalId" IS NULL
        AND m.status IN ('PENDING', 'QUEUED') AND m.attempts > 0
        AND m.type = ${message.type}::"MessageType" AND m.body IS NOT DISTINCT FROM ${message.text}
        AND (k.jids && ${jids}::text[] OR k.phone = ${phone})
      ORDER BY m."createdAt"
      LIMIT 1)`;
  return attached > 0;
}

async function advanceStatus(scope: IngestScope, update: StatusUpdate & { status: NonNullable<StatusUpdate['status']> }): Promise<{ exists: boolean }> {
  const { tx, instance } = scope;
  const rank = update.status === 'FAILED' ? 2 : STATUS_RANK[update.status]!;
  const changed = await tx.$queryRawUnsafe<{ id: string; conversationId: string }[]>(
    `UPDATE "Message" SET
       status = $3::"MessageStatus",
       "sentAt" = COALESCE("sentAt", CASE WHEN $4 >= 2 AND $3 <> 'FAILED' THEN now() END),
       "deliveredAt" = COALESCE("deliveredAt", CASE WHEN $4 >= 3 THEN now() END),
       "readAt" = COALESCE("readAt", CASE WHEN $4 >= 4 THEN now() END),
       error = CASE WHEN $3 = 'FAILED' THEN 'WhatsApp reported an error delivering this message' ELSE error END
     WHERE "instanceId" = $1 AND "externalId" = $2
       AND (CASE WHEN $3 = 'FAILED' THEN ${STATUS_RANK_SQL('status')} <= $4 ELSE ${STATUS_RANK_SQL('status')} < $4 END)
     RETURNING id, "conversationId"`,
    instance.id,
    update.externalId,
    update.status,
    rank,
  );
  messagesUpdated(scope, changed);
  if (changed.length > 0) return { exists: true };
  const [existing] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Message" WHERE "instanceId" = ${instance.id} AND "externalId" = ${update.externalId}`;
  return { exists: existing !== undefined };
}

/** Receipts never move a status backwards; one for a message not stored yet waits for it. */
export async function ingestStatus(scope: IngestScope, update: StatusUpdate): Promise<void> {
  if (!update.status) return;
  const { exists } = await advanceStatus(scope, { ...update, status: update.status });
  if (!exists) scope.deferred = true;
}

/** Applies receipts that arrived before their message (Evolution delivers out of order). */
async function applyDeferredStatuses(scope: IngestScope, externalId: string): Promise<void> {
  const { tx, instance } = scope;
  const waiting = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, payload->'data'->>'status' AS status FROM "WebhookEvent"
    WHERE "instanceId" = ${instance.id} AND status = 'RECEIVED' AND event = 'messages.update'
      AND payload->'data'->>'keyId' = ${externalId}`;
  for (const row of waiting) {
    const status = deliveryStatusOf(row.status);
    if (status) await advanceStatus(scope, { externalId, chatJid: '', fromMe: true, status });
  }
  if (waiting.length > 0) {
    await tx.webhookEvent.updateMany({
      where: { id: { in: waiting.map((row) => row.id) } },
      data: { status: 'PROCESSED', processedAt: new Date() },
    });
  }
}

function messagesUpdated(scope: IngestScope, rows: { id: string; conversationId: string }[]): void {
  for (const row of rows) scope.events.push({ kind: 'MESSAGE_UPDATED', conversationId: row.conversationId, messageId: row.id });
}

export async function ingestEdit(scope: IngestScope, targetExternalId: string, newText: string | null, editedAt: Date | null): Promise<void> {
  messagesUpdated(
    scope,
    await scope.tx.$queryRaw`
      UPDATE "Message" SET body = COALESCE(${newText}, body), "editedAt" = ${editedAt ?? new Date()}
      WHERE "instanceId" = ${scope.instance.id} AND "externalId" = ${targetExternalId}
      RETURNING id, "conversationId"`,
  );
}

export async function ingestDelete(scope: IngestScope, targetExternalId: string): Promise<void> {
  messagesUpdated(
    scope,
    await scope.tx.$queryRaw`
      UPDATE "Message" SET "deletedAt" = COALESCE("deletedAt", now())
      WHERE "instanceId" = ${scope.instance.id} AND "externalId" = ${targetExternalId} AND "deletedAt" IS NULL
      RETURNING id, "conversationId"`,
  );
}

/** The chat was read on the phone: the inbox shows it read too. */
export async function ingestChatRead(scope: IngestScope, chatJid: string): Promise<void> {
  const read = await scope.tx.$queryRaw<{ id: string }[]>`
    UPDATE "Conversation" c SET "unreadCount" = 0
    FROM "Contact" k
    WHERE c."contactId" = k.id AND c."instanceId" = ${scope.instance.id} AND k."jids" && ARRAY[${chatJid}]::text[] AND c."unreadCount" > 0
    RETURNING c.id`;
  for (const row of read) scope.events.push({ kind: 'CONVERSATION_UPDATED', conversationId: row.id });
}

export async function ingestContactName(scope: IngestScope, jids: string[], name: string | null): Promise<void> {
  if (name) await renameKnownContact(scope.tx, scope.instance.businessId, jids, name);
}

/** Typing indicators are published, never stored. */
export async function ingestPresence(scope: IngestScope, chatJid: string, participantJid: string, presence: 'available' | 'unavailable' | 'composing' | 'recording' | 'paused'): Promise<void> {
  const [conversation] = await scope.tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Conversation" c JOIN "Contact" k ON k.id = c."contactId"
    WHERE c."instanceId" = ${scope.instance.id} AND k."jids" && ARRAY[${chatJid}]::text[] LIMIT 1`;
  if (!conversation) return;
  scope.afterCommit.push(() =>
    scope.platform.pubsub.publish('conversation:typing', conversation.id, {
      conversationId: conversation.id,
      presence,
      participantJid: participantJid === chatJid ? null : participantJid,
    }),
  );
}
