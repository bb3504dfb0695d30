import { db } from '../../db.ts';
import type { ReplyExample } from './prompt.ts';
import type { Intent } from './types.ts';

/**
 * The business's own best replies, to show the model: runs rated GOOD (what the AI said) or
 * corrected by an agent (the correction wins over what the AI said). Same intent first, then the
 * newest; the customer's side is the text the run answered, kept in its trace.
 */
export async function examplesFor(businessId: string, intent: Intent, limit = 3): Promise<ReplyExample[]> {
  if (limit <= 0) return [];
  const rows = await db().$queryRaw<{ intent: string | null; customer: string; reply: string }[]>`
    SELECT intent, input->>'text' AS customer, COALESCE(correction, output) AS reply
    FROM "AiRun"
    WHERE "businessId" = ${businessId}
      AND (correction IS NOT NULL OR (rating = 'GOOD' AND output IS NOT NULL))
      AND COALESCE(input->>'text', '') <> ''
    ORDER BY (intent IS NOT DISTINCT FROM ${intent}) DESC, "createdAt" DESC, id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({ intent: row.intent ?? 'OTHER', customer: row.customer, reply: row.reply }));
}
