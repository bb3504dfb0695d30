import { db } from '../../db.ts';
import { retryOnConflict } from '../db/retry.ts';
import { newId } from '../ids.ts';
import type { InboxEvent } from '../inbox/events.ts';
import type { InboundMessage } from './evolution-events.ts';
import type { IngestInstance } from './ingest-scope.ts';
import { contactIdentity, senderOf, storedMedia, storedReaction } from './stored-message.ts';

export type FastPathOutcome = 'PROCESSED' | 'DUPLICATE' | 'SLOW_PATH';

interface Pending {
  row: Record<string, unknown>;
  resolve: (outcome: FastPathOutcome) => void;
}

/** Most rows one statement takes; a burst beyond it waits for the next statement. */
const MAX_BATCH = 128;

function rowOf(instance: IngestInstance, event: string, rawBody: string, dedupeKey: string | null, message: InboundMessage, ord: number) {
  const { jids, phone, name } = contactIdentity(message);
  const sender = senderOf(message);
  return {
    ord,
    event_id: newId(),
    dedupe_key: dedupeKey,
    event,
    payload: rawBody,
    jids,
    phone,
    name,
    message_id: newId(message.timestamp.getTime()),
    type: message.type,
    body: message.text,
    media: storedMedia(message),
    location: message.location,
    reaction: storedReaction(message),
    quoted: message.quotedExternalId,
    sender_jid: sender.jid,
    sender_name: sender.name,
    external_id: message.externalId,
    created_at: message.timestamp.toISOString(),
    instance_id: instance.id,
    business_id: instance.businessId,
  };
}

/**
 * The common case — a customer message in a conversation that already exists — stored by one SQL
 * statement for many deliveries at once (group commit): the raw delivery, the message, each
 * conversation's last message and unread count, the contacts' last-seen time, all or nothing.
 * Deliveries it cannot take (a new contact or conversation, a new identity to merge) come back as
 * SLOW_PATH having written nothing, and go through the full per-delivery transaction.
 */
export class KnownConversationBatcher {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  /** `publish` receives the inbox events a statement committed. */
  constructor(private readonly publish: (events: InboxEvent[]) => void) {}

  ingest(instance: IngestInstance, event: string, rawBody: string, dedupeKey: string | null, message: InboundMessage): Promise<FastPathOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ row: rowOf(instance, event, rawBody, dedupeKey, message, this.queue.length), resolve });
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the deliveries that arrived in the same tick join the first statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      batch.forEach((pending, index) => (pending.row.ord = index));
      try {
        const outcomes = await retryOnConflict(() => this.statement(batch.map((pending) => pending.row)));
        batch.forEach((pending, index) => pending.resolve(outcomes[index] ?? 'SLOW_PATH'));
      } catch {
        // One statement for many deliveries must not let one bad delivery fail the others: each goes
        // through the per-delivery path, which stores a failure as FAILED (or answers 503 when the
        // database itself is down).
        for (const pending of batch) pending.resolve('SLOW_PATH');
      }
    }
    this.flushing = null;
  }

  private async statement(rows: Record<string, unknown>[]): Promise<FastPathOutcome[]> {
    const result = await db().$queryRaw<{ ord: number; known: boolean; stored: boolean; events: InboxEvent[] | null }[]>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
          ord int, event_id text, dedupe_key text, event text, payload text, jids text[], phone text, name text,
          message_id text, type text, body text, media jsonb, location jsonb, reaction jsonb, quoted text,
          sender_jid text, sender_name text, external_id text, created_at timestamptz, instance_id text, business_id text)
      ), matched AS (
        SELECT DISTINCT ON (i.ord) i.ord, c.id AS conversation_id, k.id AS contact_id
        FROM input i
        JOIN "Contact" k ON k."businessId" = i.business_id AND k.jids @> i.jids
          AND (i.phone IS NULL OR k.phone = i.phone) AND (k.name IS NOT NULL OR i.name IS NULL)
        JOIN "Conversation" c ON c."contactId" = k.id AND c."instanceId" = i.instance_id
        ORDER BY i.ord, c.id
      ), delivery AS (
        INSERT INTO "WebhookEvent" (id, source, "instanceId", event, "dedupeKey", payload, status, attempts, "processedAt")
        SELECT i.event_id, 'EVOLUTION', i.instance_id, i.event, i.dedupe_key, i.payload::jsonb, 'PROCESSED', 1, now()
        FROM input i JOIN matched m USING (ord)
        ORDER BY i.ord
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING id
      ), message AS (
        INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, media, location, reaction,
          "quotedMessageId", status, author, "senderJid", "senderName", "externalId", "createdAt")
        SELECT i.message_id, i.business_id, m.conversation_id, i.instance_id, 'INBOUND', i.type::"MessageType", i.body, i.media,
          i.location, i.reaction,
          (SELECT q.id FROM "Message" q WHERE q."instanceId" = i.instance_id AND q."externalId" = i.quoted),
          'RECEIVED', 'CUSTOMER', i.sender_jid, i.sender_name, i.external_id, i.created_at AT TIME ZONE 'UTC'
        FROM input i JOIN matched m USING (ord) JOIN delivery d ON d.id = i.event_id
        ON CONFLICT ("instanceId", "externalId") DO NOTHING
        RETURNING id, "conversationId", "createdAt", type, "businessId"
      ), per_conversation AS (
        SELECT "conversationId",
          count(*) FILTER (WHERE type <> 'REACTION') AS added,
          max("createdAt") FILTER (WHERE type <> 'REACTION') AS latest_at,
          (array_agg(id ORDER BY "createdAt" DESC, id DESC) FILTER (WHERE type <> 'REACTION'))[1] AS latest_id
        FROM message GROUP BY "conversationId"
      ), locked AS (
        -- One lock order for every writer of these rows, so concurrent statements cannot deadlock.
        SELECT c.id FROM "Conversation" c JOIN per_conversation p ON p."conversationId" = c.id
        WHERE p.added > 0 ORDER BY c.id FOR UPDATE OF c
      ), thread AS (
        UPDATE "Conversation" c SET
          "lastMessageId" = CASE WHEN c."lastMessageAt" IS NULL OR c."lastMessageAt" <= p.latest_at THEN p.latest_id ELSE c."lastMessageId" END,
          "lastMessageAt" = GREATEST(c."lastMessageAt", p.latest_at),
          "unreadCount" = c."unreadCount" + p.added,
          status = CASE WHEN c.status = 'RESOLVED' THEN 'OPEN'::"ConversationStatus" ELSE c.status END,
          "updatedAt" = now()
        FROM per_conversation p JOIN locked l ON l.id = p."conversationId"
        WHERE c.id = p."conversationId"
        RETURNING c.id
      ), seen AS (
        UPDATE "Contact" k SET "lastSeenAt" = GREATEST(k."lastSeenAt", s.latest)
        FROM (
          SELECT m.contact_id, max(i.created_at AT TIME ZONE 'UTC') AS latest
          FROM input i JOIN matched m USING (ord) JOIN message msg ON msg.id = i.message_id
          GROUP BY m.contact_id
        ) s
        WHERE k.id = s.contact_id
        RETURNING k.id
      ), wanted AS (
        SELECT "businessId", 'MESSAGE_RECEIVED' AS kind, "conversationId", id AS message_id, "createdAt" AS at, 0 AS step, id AS tiebreak
        FROM message
        UNION ALL
        SELECT owner."businessId", 'CONVERSATION_UPDATED', p."conversationId", NULL, p.latest_at, 1, p."conversationId"
        FROM per_conversation p JOIN (SELECT DISTINCT "conversationId", "businessId" FROM message) owner USING ("conversationId")
        WHERE p.added > 0
      ), numbered AS (
        SELECT w.*, row_number() OVER (PARTITION BY "businessId" ORDER BY at, step, tiebreak) AS rn,
          count(*) OVER (PARTITION BY "businessId") AS total
        FROM wanted w
      ), usage AS (
        -- Customer messages count toward the month's usage (never refused), in the business's timezone;
        -- the same month as services/usage/meter.ts reckons (both use the IANA rules).
        INSERT INTO "UsageCounter" (id, "businessId", period, "messagesReceived", "thresholdsNotified")
        SELECT gen_random_uuid()::text, r."businessId", to_char(${new Date().toISOString()}::timestamptz AT TIME ZONE b.timezone, 'YYYY-MM'), r.n, ARRAY[]::text[]
        FROM (SELECT "businessId", count(*)::int AS n FROM message GROUP BY "businessId") r JOIN "Business" b ON b.id = r."businessId"
        ORDER BY r."businessId"
        ON CONFLICT ("businessId", period) DO UPDATE SET "messagesReceived" = "UsageCounter"."messagesReceived" + EXCLUDED."messagesReceived"
        RETURNING "businessId"
      ), sequence AS (
        -- The business row is its event sequence (see services/inbox/events.ts). Reading "usage" first
        -- locks the usage row before the business row, the order every writer takes them in.
        UPDATE "Business" b SET "lastEventSeq" = b."lastEventSeq" + c.total
        FROM (SELECT DISTINCT "businessId", total FROM numbered WHERE "businessId" IN (SELECT "businessId" FROM usage)) c
        WHERE b.id = c."businessId"
        RETURNING b.id, b."lastEventSeq" - c.total AS base
      ), events AS (
        INSERT INTO "Event" (id, "businessId", seq, kind, payload)
        SELECT gen_random_uuid()::text, n."businessId", (s.base + n.rn)::int, n.kind,
          jsonb_build_object('conversationId', n."conversationId", 'messageId', n.message_id)
        FROM numbered n JOIN sequence s ON s.id = n."businessId"
        RETURNING "businessId", seq, kind, payload
      ), line AS (
        UPDATE "Instance" n SET "lastInboundAt" = now()
        FROM (SELECT DISTINCT i.instance_id FROM input i JOIN message msg ON msg.id = i.message_id) touched
        WHERE n.id = touched.instance_id AND (n."lastInboundAt" IS NULL OR n."lastInboundAt" < now() - interval '10 seconds')
        RETURNING n.id
      )
      SELECT i.ord, (m.ord IS NOT NULL) AS known, (d.id IS NOT NULL) AS stored,
        CASE WHEN i.ord = 0 THEN (
          SELECT coalesce(json_agg(json_build_object('businessId', e."businessId", 'seq', e.seq, 'kind', e.kind,
            'conversationId', e.payload->>'conversationId', 'messageId', e.payload->>'messageId') ORDER BY e.seq), '[]'::json)
          FROM events e) END AS events
      FROM input i LEFT JOIN matched m USING (ord) LEFT JOIN delivery d ON d.id = i.event_id
      ORDER BY i.ord`;
    const outcomes: FastPathOutcome[] = new Array(rows.length).fill('SLOW_PATH');
    for (const row of result) outcomes[row.ord] = !row.known ? 'SLOW_PATH' : row.stored ? 'PROCESSED' : 'DUPLICATE';
    this.publish(result[0]?.events ?? []);
    return outcomes;
  }
}
