import { db } from '../../db.ts';
import type { ExportRow } from './format.ts';

/** The messages one export covers: a business's, created in [from, to). */
export interface ExportRange {
  businessId: string;
  from: Date;
  to: Date;
}

/** Where the previous batch ended, in (createdAt, id) order. */
export interface ExportPosition {
  createdAt: Date;
  id: string;
}

export async function countExportRows(range: ExportRange): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Message"
    WHERE "businessId" = ${range.businessId} AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}`;
  return row?.count ?? 0;
}

/**
 * The next `limit` messages after `after`, oldest first (keyset paging on the
 * `Message_businessId_createdAt_id_idx` index: each batch costs the same however far in it is).
 * A message deleted for everyone keeps its row, but not its text; a media message's text is its caption.
 */
export function readExportBatch(range: ExportRange, after: ExportPosition | null, limit: number): Promise<ExportRow[]> {
  // Ids are never empty, so ("from", '') sorts before every row of the range.
  const position = after ?? { createdAt: range.from, id: '' };
  return db().$queryRaw<ExportRow[]>`
    SELECT m.id, m."conversationId", k.phone AS "contactPhone", k.name AS "contactName", i.name AS "instanceName",
      m.direction::text AS direction, m.author::text AS author, m.type::text AS type, m.status::text AS status,
      CASE WHEN m."deletedAt" IS NULL THEN COALESCE(m.body, m.media->>'caption') END AS body,
      m."createdAt", m."sentAt", m."deliveredAt", m."readAt"
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "Contact" k ON k.id = c."contactId"
    JOIN "Instance" i ON i.id = m."instanceId"
    WHERE m."businessId" = ${range.businessId}
      AND m."createdAt" >= ${range.from} AND m."createdAt" < ${range.to}
      AND (m."createdAt", m.id) > (${position.createdAt}, ${position.id})
    ORDER BY m."createdAt", m.id
    LIMIT ${limit}`;
}
