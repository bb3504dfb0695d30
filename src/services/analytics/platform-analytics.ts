import { db } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { InstanceStatus, Plan } from '../../generated/prisma/enums.ts';
import { type Period, type PeriodInput, parsePeriodInput, ratio, splitPeriod } from './period.ts';

export interface ServerLoad {
  /** Null for instances on no server (the sandbox gateway). */
  serverId: string | null;
  capacity: number | null;
  instances: number;
  statuses: { status: InstanceStatus; count: number }[];
}

export interface PlatformAnalytics {
  from: Date;
  to: Date;
  businessesPerPlan: { plan: Plan; count: number }[];
  servers: ServerLoad[];
  messagesPerDay: { day: string; inbound: number; outbound: number }[];
  sendAttempts: number;
  sendFailures: number;
  sendFailureRate: number | null;
  webhookEvents: number;
  webhookFailures: number;
  webhookFailureRate: number | null;
}

const PLAN_ORDER: Plan[] = ['BASIC', 'PRO', 'ENTERPRISE'];

/**
 * The whole platform over a period, by UTC day: `{ days: N }` is the last N whole UTC days up to
 * now. Businesses and instances are counted as they are now (deleted ones left out).
 */
export async function platformAnalytics(input: PeriodInput, now = new Date()): Promise<PlatformAnalytics> {
  const asked = parsePeriodInput(input);
  const period: Period =
    'days' in asked
      ? { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (asked.days - 1))), to: now }
      : asked;
  const [plans, instances, servers, messages, webhooks] = await Promise.all([
    db().business.groupBy({ by: ['plan'], where: { deletedAt: null }, _count: { _all: true } }),
    db().instance.groupBy({ by: ['serverId', 'status'], where: { deletedAt: null }, _count: { _all: true } }),
    db().evolutionServer.findMany({ select: { id: true, capacity: true }, orderBy: { id: 'asc' } }),
    messagesByDay(period),
    db().$queryRaw<{ events: number; failures: number }[]>`
      SELECT count(*)::int AS events, count(*) FILTER (WHERE status = 'FAILED')::int AS failures
      FROM "WebhookEvent" WHERE "receivedAt" >= ${period.from}::timestamp AND "receivedAt" < ${period.to}::timestamp`,
  ]);

  const loads = new Map<string | null, ServerLoad>(
    servers.map((server) => [server.id, { serverId: server.id, capacity: server.capacity, instances: 0, statuses: [] }]),
  );
  for (const group of instances) {
    let load = loads.get(group.serverId);
    if (!load) {
      load = { serverId: group.serverId, capacity: null, instances: 0, statuses: [] };
      loads.set(group.serverId, load);
    }
    load.instances += group._count._all;
    load.statuses.push({ status: group.status, count: group._count._all });
  }
  for (const load of loads.values()) load.statuses.sort((a, b) => (a.status < b.status ? -1 : 1));

  const { events, failures } = webhooks[0]!;
  return {
    from: period.from,
    to: period.to,
    businessesPerPlan: PLAN_ORDER.map((plan) => ({ plan, count: plans.find((group) => group.plan === plan)?._count._all ?? 0 })),
    servers: [...loads.values()],
    messagesPerDay: messages.days,
    sendAttempts: messages.sent,
    sendFailures: messages.failed,
    sendFailureRate: ratio(messages.failed, messages.sent),
    webhookEvents: events,
    webhookFailures: failures,
    webhookFailureRate: ratio(failures, events),
  };
}

/**
 * Messages of every business per UTC day (every day of the period, zeros included) and sends that
 * left us / failed: whole 15-minute slots from the rollup, the ends of the period from the messages.
 */
async function messagesByDay(period: Period) {
  const parts = splitPeriod(period);
  const sources = [
    ...(parts.rollup
      ? [Prisma.sql`
          SELECT date_trunc('day', s.slot) AS day, sum(s.inbound)::int AS inbound, sum(s.outbound)::int AS outbound,
            sum(s.sent)::int AS sent, sum(s.failed)::int AS failed
          FROM "AnalyticsSlot" s WHERE s.slot >= ${parts.rollup.from}::timestamp AND s.slot < ${parts.rollup.to}::timestamp
          GROUP BY 1`]
      : []),
    ...parts.raw.map(
      (window) => Prisma.sql`
        SELECT date_trunc('day', m."createdAt") AS day,
          count(*) FILTER (WHERE m.direction = 'INBOUND')::int AS inbound,
          count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status <> 'CANCELED')::int AS outbound,
          count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED'))::int AS sent,
          count(*) FILTER (WHERE m.direction = 'OUTBOUND' AND m.status = 'FAILED')::int AS failed
        FROM "Message" m WHERE m."createdAt" >= ${window.from}::timestamp AND m."createdAt" < ${window.to}::timestamp
        GROUP BY 1`,
    ),
  ];
  const rows = await db().$queryRaw<{ day: string; inbound: number; outbound: number; sent: number; failed: number }[]>`
    WITH counts AS (${Prisma.join(sources, ' UNION ALL ')})
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      COALESCE(sum(c.inbound), 0)::int AS inbound, COALESCE(sum(c.outbound), 0)::int AS outbound,
      COALESCE(sum(c.sent), 0)::int AS sent, COALESCE(sum(c.failed), 0)::int AS failed
    FROM generate_series(date_trunc('day', ${period.from}::timestamp), ${period.to}::timestamp, interval '1 day') AS d(day)
    LEFT JOIN counts c ON c.day = d.day
    WHERE d.day < ${period.to}::timestamp
    GROUP BY d.day ORDER BY d.day`;
  return {
    days: rows.map(({ day, inbound, outbound }) => ({ day, inbound, outbound })),
    sent: rows.reduce((total, row) => total + row.sent, 0),
    failed: rows.reduce((total, row) => total + row.failed, 0),
  };
}
