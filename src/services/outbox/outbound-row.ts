import type { MessageAuthor, MessageType, Prisma } from '../../generated/prisma/client.ts';
import { jsonParam } from '../db/json-param.ts';

/** One outbound message as the outbox stores it: QUEUED, due at once. */
export interface OutboundRow {
  id: string;
  businessId: string;
  conversationId: string;
  instanceId: string;
  type: MessageType;
  body: string | null;
  media?: unknown;
  location?: unknown;
  reaction?: unknown;
  quotedMessageId?: string | null;
  author: MessageAuthor;
  sentById?: string | null;
  idempotencyKey?: string | null;
  /** The usage month the send was reserved in (metered messages only). */
  usagePeriod?: string | null;
}

/**
 * Queues an outbound message: the one INSERT every writer of outbox rows uses (the API's
 * sendMessage, AI replies). False when the idempotency key named an existing message and nothing
 * was inserted. The outbox sender picks the row up; the caller publishes `outbox:nudge` after commit.
 */
export async function insertOutboundMessage(tx: Prisma.TransactionClient, row: OutboundRow): Promise<boolean> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, media, location, reaction,
      "quotedMessageId", status, author, "sentById", "idempotencyKey", "usagePeriod", "nextAttemptAt", "createdAt")
    VALUES (${row.id}, ${row.businessId}, ${row.conversationId}, ${row.instanceId}, 'OUTBOUND', ${row.type}::"MessageType", ${row.body},
      ${jsonParam(row.media)}::jsonb, ${jsonParam(row.location)}::jsonb, ${jsonParam(row.reaction)}::jsonb, ${row.quotedMessageId ?? null},
      'QUEUED', ${row.author}::"MessageAuthor", ${row.sentById ?? null},
      ${row.idempotencyKey ?? null}, ${row.usagePeriod ?? null}, now(), now())
    ON CONFLICT ("businessId", "idempotencyKey") DO NOTHING
    RETURNING id`;
  return inserted.length > 0;
}
