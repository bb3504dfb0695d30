import { db } from '../../db.ts';

/** How a business's AI did over a period, from its decision traces. */
export interface AiStats {
  from: Date;
  to: Date;
  decisions: number;
  replies: number;
  drafts: number;
  handoffs: number;
  skipped: number;
  failed: number;
  /** Decisions where the model was unavailable or its answer failed the checks, so the built-in path answered. */
  fallbacks: number;
  averageLatencyMs: number | null;
  goodRatings: number;
  badRatings: number;
  corrections: number;
  intents: { intent: string; count: number }[];
}

export async function aiStats(businessId: string, days: number, now = new Date()): Promise<AiStats> {
  const from = new Date(now.getTime() - days * 86_400_000);
  const [totals, intents] = await Promise.all([
    db().$queryRaw<
      {
        decisions: bigint;
        replies: bigint;
        drafts: bigint;
        handoffs: bigint;
        skipped: bigint;
        failed: bigint;
        fallbacks: bigint;
        latency: number | null;
        good: bigint;
        bad: bigint;
        corrections: bigint;
      }[]
    >`
      SELECT count(*) AS decisions,
        count(*) FILTER (WHERE outcome = 'REPLIED') AS replies,
        count(*) FILTER (WHERE outcome = 'DRAFTED') AS drafts,
        count(*) FILTER (WHERE outcome = 'HANDED_OFF') AS handoffs,
        count(*) FILTER (WHERE outcome = 'SKIPPED') AS skipped,
        count(*) FILTER (WHERE outcome = 'FAILED') AS failed,
        count(*) FILTER (WHERE "fallbackUsed") AS fallbacks,
        avg("latencyMs") FILTER (WHERE outcome <> 'SKIPPED')::float8 AS latency,
        count(*) FILTER (WHERE rating = 'GOOD') AS good,
        count(*) FILTER (WHERE rating = 'BAD') AS bad,
        count(*) FILTER (WHERE correction IS NOT NULL) AS corrections
      FROM "AiRun" WHERE "businessId" = ${businessId} AND "createdAt" >= ${from} AND "createdAt" < ${now}`,
    db().$queryRaw<{ intent: string; count: bigint }[]>`
      SELECT intent, count(*) AS count FROM "AiRun"
      WHERE "businessId" = ${businessId} AND "createdAt" >= ${from} AND "createdAt" < ${now} AND intent IS NOT NULL AND outcome <> 'SKIPPED'
      GROUP BY intent ORDER BY count DESC, intent`,
  ]);
  const row = totals[0]!;
  return {
    from,
    to: now,
    decisions: Number(row.decisions),
    replies: Number(row.replies),
    drafts: Number(row.drafts),
    handoffs: Number(row.handoffs),
    skipped: Number(row.skipped),
    failed: Number(row.failed),
    fallbacks: Number(row.fallbacks),
    averageLatencyMs: row.latency === null ? null : Math.round(row.latency),
    goodRatings: Number(row.good),
    badRatings: Number(row.bad),
    corrections: Number(row.corrections),
    intents: intents.map((entry) => ({ intent: entry.intent, count: Number(entry.count) })),
  };
}
