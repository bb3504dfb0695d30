import { Prisma } from '../../generated/prisma/client.ts';
import { type Period, slotFloor, splitPeriod } from './period.ts';

/*
 * Rows of counts per 15-minute slot over a period. Whole slots come from the rollups kept by the
 * triggers of prisma/migrations/20261122050000_analytics; the parts of the end slots that lie in
 * the period (when it does not start or end on a quarter hour) are counted from the messages and
 * response times themselves, with the same definitions as those triggers: change both together.
 */

const instanceFilter = (column: Prisma.Sql, instanceId: string | null) =>
  instanceId ? Prisma.sql`AND ${column} = ${instanceId}` : Prisma.empty;

const MESSAGE_COUNTS = Prisma.sql`
  count(*) FILTER (WHERE m.direction = 'INBOUND')::int AS inbound,
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED')::int AS outbound,
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED' AND m.author = 'AI')::int AS "aiReplies",
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED' AND m.author IN ('AGENT', 'PHONE'))::int AS "humanReplies",
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED'))::int AS sent,
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('DELIVERED', 'READ', 'PLAYED'))::int AS delivered,
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('READ', 'PLAYED'))::int AS read,
  count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status = 'FAILED')::int AS failed,
  count(*) FILTER (WHERE m.direction = 'INBOUND' AND "analytics_ai_counted"(m."businessId", m.id))::int AS "aiProcessed"`;

const LINE_COLUMNS = Prisma.sql`slot, inbound, outbound, "aiReplies", "humanReplies", sent, delivered, read, failed, "aiProcessed", responses, "responseMillis"`;

/**
 * Messages of a part of at most one slot, by conversation. Every message has a rollup row for its
 * conversation and slot (the insert trigger makes it), so the conversations to read are those with
 * a row there; their messages are then found by the (conversationId, createdAt) index.
 */
function rawMessages(businessId: string, instanceId: string | null, window: Period): Prisma.Sql {
  return Prisma.sql`
    SELECT "analytics_slot"(m."createdAt") AS slot, m."conversationId", ${MESSAGE_COUNTS}
    FROM "Message" m
    WHERE m."conversationId" IN (
        SELECT s."conversationId" FROM "AnalyticsSlot" s
        WHERE s."businessId" = ${businessId} AND s.slot >= ${slotFloor(window.from)}::timestamp AND s.slot < ${window.to}::timestamp)
      AND m."businessId" = ${businessId} AND m."createdAt" >= ${window.from}::timestamp AND m."createdAt" < ${window.to}::timestamp
      ${instanceFilter(Prisma.sql`m."instanceId"`, instanceId)}
    GROUP BY 1, 2`;
}

/**
 * Per line and slot: `(slot, inbound, outbound, aiReplies, humanReplies, sent, delivered, read,
 * failed, aiProcessed, responses, responseMillis)`, several rows per slot. Whole slots are the
 * folded AnalyticsLineSlot rows plus the changes appended since (read in the same snapshot).
 */
export function lineSlotRows(businessId: string, instanceId: string | null, period: Period): Prisma.Sql {
  const parts = splitPeriod(period);
  const sources: Prisma.Sql[] = [];
  if (parts.rollup) {
    const { from, to } = parts.rollup;
    for (const table of [Prisma.sql`"AnalyticsLineSlot"`, Prisma.sql`"AnalyticsLineChange"`]) {
      sources.push(Prisma.sql`
        SELECT ${LINE_COLUMNS} FROM ${table} l
        WHERE l."businessId" = ${businessId} AND l.slot >= ${from}::timestamp AND l.slot < ${to}::timestamp
          ${instanceFilter(Prisma.sql`l."instanceId"`, instanceId)}`);
    }
  }
  for (const window of parts.raw) {
    sources.push(Prisma.sql`
      SELECT slot, inbound, outbound, "aiReplies", "humanReplies", sent, delivered, read, failed, "aiProcessed", 0, 0::bigint
      FROM (${rawMessages(businessId, instanceId, window)}) m`);
    sources.push(Prisma.sql`
      SELECT "analytics_slot"(t."repliedAt"), 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)::int, sum(round(t.seconds * 1000))::bigint
      FROM "ResponseTime" t
      WHERE t."businessId" = ${businessId} AND t."repliedAt" >= ${window.from}::timestamp AND t."repliedAt" < ${window.to}::timestamp
        ${instanceFilter(Prisma.sql`t."instanceId"`, instanceId)}
      GROUP BY 1`);
  }
  return Prisma.join(sources, ' UNION ALL ');
}

/**
 * `(conversationId)` of every conversation with a message in the period (repeated). A rollup row
 * exists exactly while its conversation has messages (or their response times) in its slot, so
 * whole slots are read from the primary key alone.
 */
export function conversationRows(businessId: string, instanceId: string | null, period: Period): Prisma.Sql {
  const parts = splitPeriod(period);
  const sources: Prisma.Sql[] = [];
  if (parts.rollup) {
    sources.push(Prisma.sql`
      SELECT s."conversationId" FROM "AnalyticsSlot" s
      WHERE s."businessId" = ${businessId} AND s.slot >= ${parts.rollup.from}::timestamp AND s.slot < ${parts.rollup.to}::timestamp
        ${instanceFilter(Prisma.sql`s."instanceId"`, instanceId)}`);
  }
  for (const window of parts.raw) {
    sources.push(Prisma.sql`
      SELECT m."conversationId" FROM "Message" m
      WHERE m."conversationId" IN (
          SELECT s."conversationId" FROM "AnalyticsSlot" s
          WHERE s."businessId" = ${businessId} AND s.slot >= ${slotFloor(window.from)}::timestamp AND s.slot < ${window.to}::timestamp)
        AND m."businessId" = ${businessId} AND m."createdAt" >= ${window.from}::timestamp AND m."createdAt" < ${window.to}::timestamp
        ${instanceFilter(Prisma.sql`m."instanceId"`, instanceId)}`);
  }
  return Prisma.join(sources, ' UNION ALL ');
}
