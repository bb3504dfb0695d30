import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Plan } from '../../generated/prisma/enums.ts';
import { PLANS } from '../usage/plans.ts';
import { conversationRows, lineSlotRows } from './message-slots.ts';
import {
  bucketOf,
  epochMs,
  type Granularity,
  labelText,
  localDaysStartSql,
  localTime,
  type Period,
  type PeriodInput,
  parsePeriodInput,
  ratio,
  slotFloor,
} from './period.ts';

export interface AnalyticsRequest extends PeriodInput {
  granularity?: Granularity | null;
  /** Row id of one of the business's lines; all lines when absent. */
  instanceId?: string | null;
}

export interface MonthlyCost {
  planCents: number;
  numbersCents: number;
  totalCents: number;
  currency: 'EUR';
}

export interface AnalyticsTotals {
  totalMessages: number;
  inbound: number;
  outbound: number;
  aiProcessed: number;
  aiProcessingRate: number | null;
  humanReplies: number;
  averageResponseSeconds: number | null;
  medianResponseSeconds: number | null;
  p90ResponseSeconds: number | null;
  deliveryRate: number | null;
  readRate: number | null;
  failedSends: number;
  newContacts: number;
  activeConversations: number;
  resolvedConversations: number;
  handoffs: number;
  callsHandled: number;
  callMinutes: number;
  monthlyCost: MonthlyCost;
}

export interface AnalyticsBucket {
  start: Date;
  end: Date;
  /** Local start: `2026-03-08` (day, week) or `2026-03-08T01:00` (hour). */
  label: string;
  inbound: number;
  outbound: number;
  aiReplies: number;
  humanReplies: number;
  averageResponseSeconds: number | null;
}

export interface BusinessAnalytics {
  from: Date;
  to: Date;
  timezone: string;
  granularity: Granularity;
  totals: AnalyticsTotals;
  series: AnalyticsBucket[];
  intentBreakdown: { intent: string; count: number }[];
  busiestHours: { weekday: number; hour: number; inbound: number }[];
}

interface Scope {
  businessId: string;
  instanceId: string | null;
  timezone: string;
  granularity: Granularity;
  period: Period;
}

/**
 * Analytics of one business over a period, in its timezone. One statement reads the business and
 * the period and folds the business's pending rollup changes (`analytics_compact`); then four run
 * concurrently: message counts, conversations, response times, and the rest. The caller has
 * checked that the viewer may read the business; `instanceId` must be one of its lines.
 */
export async function businessAnalytics(businessId: string, request: AnalyticsRequest, now = new Date()): Promise<BusinessAnalytics> {
  const asked = parsePeriodInput(request);
  const instanceId = request.instanceId ?? null;
  const [business] = await db().$queryRaw<
    { timezone: string; plan: Plan; numbersCents: number; instanceVisible: boolean; from: Date | null; folded: number }[]
  >`
    SELECT b.timezone, b.plan::text AS plan,
      (SELECT COALESCE(sum(p."monthlyCostCents"), 0)::int FROM "PhoneNumber" p WHERE p."businessId" = b.id AND p."releasedAt" IS NULL) AS "numbersCents",
      ${instanceId ? Prisma.sql`EXISTS (SELECT 1 FROM "Instance" i WHERE i.id = ${instanceId} AND i."businessId" = b.id)` : Prisma.sql`true`} AS "instanceVisible",
      ${'days' in asked ? localDaysStartSql(now, asked.days, Prisma.sql`b.timezone`) : Prisma.sql`NULL::timestamp`} AS "from",
      "analytics_compact"(b.id) AS folded
    FROM "Business" b WHERE b.id = ${businessId}`;
  if (!business) throw new NotFoundError('No business with this id is visible to you', ['id']);
  if (!business.instanceVisible) throw new NotFoundError('No line with this id is visible to you', ['input', 'instanceId']);
  const period = 'days' in asked ? { from: business.from!, to: now } : asked;
  const scope: Scope = { businessId, instanceId, timezone: business.timezone, granularity: request.granularity ?? 'DAY', period };

  const [counts, conversations, responses, rest] = await Promise.all([
    messageCounts(scope),
    conversationCounts(scope),
    responseTimes(scope),
    otherCounts(scope),
  ]);

  const planCents = PLANS[business.plan].priceCents;
  const { totals } = counts;
  return {
    from: period.from,
    to: period.to,
    timezone: business.timezone,
    granularity: scope.granularity,
    totals: {
      totalMessages: totals.inbound + totals.outbound,
      inbound: totals.inbound,
      outbound: totals.outbound,
      aiProcessed: totals.aiProcessed,
      aiProcessingRate: ratio(totals.aiProcessed, totals.inbound),
      humanReplies: totals.humanReplies,
      averageResponseSeconds: responses.average,
      medianResponseSeconds: responses.median,
      p90ResponseSeconds: responses.p90,
      deliveryRate: ratio(totals.delivered, totals.sent),
      readRate: ratio(totals.read, totals.delivered),
      failedSends: totals.failed,
      newContacts: rest.newContacts,
      activeConversations: conversations.active,
      resolvedConversations: conversations.resolved,
      handoffs: rest.handoffs,
      callsHandled: rest.calls.handled,
      callMinutes: rest.calls.minutes,
      monthlyCost: { planCents, numbersCents: business.numbersCents, totalCents: planCents + business.numbersCents, currency: 'EUR' },
    },
    series: counts.series.map((bucket) => ({
      start: new Date(Number(bucket.start)),
      end: new Date(Number(bucket.end)),
      label: bucket.label,
      inbound: Number(bucket.inbound),
      outbound: Number(bucket.outbound),
      aiReplies: Number(bucket.aiReplies),
      humanReplies: Number(bucket.humanReplies),
      averageResponseSeconds: Number(bucket.responses) > 0 ? Number(bucket.responseMillis) / Number(bucket.responses) / 1000 : null,
    })),
    intentBreakdown: rest.intents,
    busiestHours: counts.busiestHours.map((row) => ({ weekday: Number(row.weekday), hour: Number(row.hour), inbound: Number(row.inbound) })),
  };
}

/** Numbers in JSON results: sums of bigints may arrive as strings from some drivers. */
type JsonNumber = number | string;

interface SeriesRow {
  start: JsonNumber;
  end: JsonNumber;
  label: string;
  inbound: JsonNumber;
  outbound: JsonNumber;
  aiReplies: JsonNumber;
  humanReplies: JsonNumber;
  responses: JsonNumber;
  responseMillis: JsonNumber;
}

interface MessageTotals {
  inbound: number;
  outbound: number;
  aiReplies: number;
  humanReplies: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  aiProcessed: number;
}

/** Message counts: in total, per bucket and per local weekday and hour. */
async function messageCounts({ businessId, instanceId, timezone, granularity, period }: Scope) {
  const bucket = bucketOf(granularity, Prisma.sql`g.slot`, Prisma.sql`g.local`, timezone);
  const [row] = await db().$queryRaw<
    {
      totals: Record<keyof MessageTotals, JsonNumber | null>;
      series: SeriesRow[];
      busiestHours: Record<'weekday' | 'hour' | 'inbound', JsonNumber>[];
    }[]
  >`
    WITH per_slot AS (
      SELECT slot, sum(inbound) AS inbound, sum(outbound) AS outbound, sum("aiReplies") AS "aiReplies",
        sum("humanReplies") AS "humanReplies", sum(sent) AS sent, sum(delivered) AS delivered, sum(read) AS read,
        sum(failed) AS failed, sum("aiProcessed") AS "aiProcessed", sum(responses) AS responses, sum("responseMillis") AS "responseMillis"
      FROM (${lineSlotRows(businessId, instanceId, period)}) r
      GROUP BY slot
    ),
    grid AS (
      SELECT g.slot, ${localTime(Prisma.sql`g.slot`, timezone)} AS local
      FROM generate_series(${slotFloor(period.from)}::timestamp, ${period.to}::timestamp, interval '15 minutes') AS g(slot)
      WHERE g.slot < ${period.to}::timestamp
    ),
    mapped AS (
      SELECT ${bucket.key} AS key, ${bucket.label} AS label, g.local,
        COALESCE(p.inbound, 0) AS inbound, COALESCE(p.outbound, 0) AS outbound,
        COALESCE(p."aiReplies", 0) AS "aiReplies", COALESCE(p."humanReplies", 0) AS "humanReplies",
        COALESCE(p.responses, 0) AS responses, COALESCE(p."responseMillis", 0) AS "responseMillis"
      FROM grid g LEFT JOIN per_slot p ON p.slot = g.slot
    ),
    buckets AS (
      SELECT key, label, sum(inbound) AS inbound, sum(outbound) AS outbound, sum("aiReplies") AS "aiReplies",
        sum("humanReplies") AS "humanReplies", sum(responses) AS responses, sum("responseMillis") AS "responseMillis"
      FROM mapped GROUP BY key, label
    )
    SELECT
      (SELECT json_build_object('inbound', sum(inbound), 'outbound', sum(outbound), 'aiReplies', sum("aiReplies"),
          'humanReplies', sum("humanReplies"), 'sent', sum(sent), 'delivered', sum(delivered), 'read', sum(read),
          'failed', sum(failed), 'aiProcessed', sum("aiProcessed"))
        FROM per_slot) AS totals,
      (SELECT COALESCE(json_agg(json_build_object('start', ${epochMs(bucket.start(Prisma.sql`key`, Prisma.sql`label`))},
          'end', ${epochMs(bucket.end(Prisma.sql`key`, Prisma.sql`label`))}, 'label', ${labelText(granularity, Prisma.sql`label`)},
          'inbound', inbound, 'outbound', outbound, 'aiReplies', "aiReplies", 'humanReplies', "humanReplies",
          'responses', responses, 'responseMillis', "responseMillis") ORDER BY key), '[]')
        FROM buckets) AS series,
      (SELECT COALESCE(json_agg(json_build_object('weekday', weekday, 'hour', hour, 'inbound', inbound) ORDER BY inbound DESC, weekday, hour), '[]')
        FROM (
          SELECT extract(isodow FROM local)::int AS weekday, extract(hour FROM local)::int AS hour, sum(inbound) AS inbound
          FROM mapped GROUP BY 1, 2 HAVING sum(inbound) > 0
        ) h) AS "busiestHours"`;
  const totals = Object.fromEntries(
    Object.entries(row!.totals).map(([key, value]) => [key, Number(value ?? 0)]),
  ) as unknown as MessageTotals;
  return { totals, series: row!.series, busiestHours: row!.busiestHours };
}

/** Conversations with a message in the period, and how many of them are resolved now. */
async function conversationCounts({ businessId, instanceId, period }: Scope) {
  const [row] = await db().$queryRaw<{ active: number; resolved: number }[]>`
    SELECT count(*)::int AS active, count(*) FILTER (WHERE c.status = 'RESOLVED')::int AS resolved
    FROM (SELECT DISTINCT r."conversationId" FROM (${conversationRows(businessId, instanceId, period)}) r) a
    JOIN "Conversation" c ON c.id = a."conversationId"`;
  return row!;
}

/** Mean and percentiles of the response times of replies written in the period (by repliedAt). */
async function responseTimes({ businessId, instanceId, period }: Scope) {
  const [row] = await db().$queryRaw<{ average: number | null; percentiles: [number, number] | null }[]>`
    SELECT avg(t.seconds) AS average, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.seconds) AS percentiles
    FROM "ResponseTime" t
    WHERE t."businessId" = ${businessId} AND t."repliedAt" >= ${period.from}::timestamp AND t."repliedAt" < ${period.to}::timestamp
      ${instanceId ? Prisma.sql`AND t."instanceId" = ${instanceId}` : Prisma.empty}`;
  const { average, percentiles } = row!;
  return { average, median: percentiles?.[0] ?? null, p90: percentiles?.[1] ?? null };
}

/** AI handoffs and intents, new contacts and calls in the period. */
async function otherCounts({ businessId, instanceId, period }: Scope) {
  const from = Prisma.sql`${period.from}::timestamp`;
  const to = Prisma.sql`${period.to}::timestamp`;
  const [row] = await db().$queryRaw<
    {
      runs: { outcome: string; intent: string | null; count: JsonNumber }[];
      newContacts: number;
      calls: { handled: JsonNumber; minutes: JsonNumber };
    }[]
  >`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('outcome', outcome, 'intent', intent, 'count', n)), '[]')
        FROM (
          SELECT r.outcome, r.intent, count(*) AS n FROM "AiRun" r
          ${instanceId ? Prisma.sql`JOIN "Conversation" c ON c.id = r."conversationId" AND c."instanceId" = ${instanceId}` : Prisma.empty}
          WHERE r."businessId" = ${businessId} AND r."createdAt" >= ${from} AND r."createdAt" < ${to}
          GROUP BY 1, 2
        ) runs) AS runs,
      (SELECT count(*)::int FROM "Contact" ct
        WHERE ct."businessId" = ${businessId} AND ct."firstSeenAt" >= ${from} AND ct."firstSeenAt" < ${to}
          ${instanceId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Conversation" c WHERE c."contactId" = ct.id AND c."instanceId" = ${instanceId})` : Prisma.empty}
      ) AS "newContacts",
      (SELECT json_build_object('handled', count(*), 'minutes', COALESCE(sum((COALESCE(k."durationSec", 0) + 59) / 60), 0))
        FROM "Call" k
        ${instanceId ? Prisma.sql`JOIN "PhoneNumber" pn ON pn.id = k."phoneNumberId" AND pn."instanceId" = ${instanceId}` : Prisma.empty}
        WHERE k."businessId" = ${businessId} AND k."startedAt" >= ${from} AND k."startedAt" < ${to} AND k.status = 'COMPLETED'
      ) AS calls`;
  const intents = new Map<string, number>();
  let handoffs = 0;
  for (const run of row!.runs) {
    if (run.outcome === 'HANDED_OFF') handoffs += Number(run.count);
    if (run.intent !== null) intents.set(run.intent, (intents.get(run.intent) ?? 0) + Number(run.count));
  }
  return {
    handoffs,
    intents: [...intents].map(([intent, count]) => ({ intent, count })).sort((a, b) => b.count - a.count || (a.intent < b.intent ? -1 : 1)),
    newContacts: row!.newContacts,
    calls: { handled: Number(row!.calls.handled), minutes: Number(row!.calls.minutes) },
  };
}
