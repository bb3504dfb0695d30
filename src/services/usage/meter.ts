import { db } from '../../db.ts';
import { PlanLimitExceededError, PlanUpgradeRequiredError } from '../../errors.ts';
import { type Plan, Prisma } from '../../generated/prisma/client.ts';
import type { UsageThresholdEvent } from '../events/topics.ts';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';
import { type PlanDefinition, PLANS } from './plans.ts';

/**
 * Usage metering: one UsageCounter row per business per calendar month of the business's own
 * timezone. Every change is one conditional UPDATE of that row, so it holds under any number of
 * concurrent transactions: the row lock orders them, and the limit is checked against the value
 * the previous one left. Callers run these inside their own transaction, as late as possible and
 * before `appendInboxEvents` (which locks the Business row last in every transaction), so locks
 * are always taken in the same order: other rows → usage row → business row.
 */

export type UsageMetric = UsageThresholdEvent['metric'];

/** Percentages of a monthly limit at which owners are told, once each per month. */
export const USAGE_THRESHOLDS = [80, 100] as const;

export interface UsagePeriod {
  /** The month, `YYYY-MM`, in the business's timezone. */
  period: string;
  /** Local midnight of the 1st of that month, as an instant. */
  startsAt: Date;
  /** Local midnight of the 1st of the next month, as an instant: when the allowances reset. */
  resetsAt: Date;
}

export interface Reservation {
  period: string;
  /** To publish after commit with `publishUsageThresholds`. */
  thresholds: UsageThresholdEvent[];
}

export interface Exceeded {
  limit: number;
  used: number;
  resetsAt: Date;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(timeZone: string): Intl.DateTimeFormat {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' });
    monthFormats.set(timeZone, format);
  }
  return format;
}

/** Months since year 0 of the instant, on the wall calendar of the timezone. */
function monthIndex(format: Intl.DateTimeFormat, epochMs: number): number {
  let year = 0;
  let month = 0;
  for (const part of format.formatToParts(epochMs)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
  }
  return year * 12 + (month - 1);
}

const SECOND = 1_000;
/** Wider than any UTC offset (−12 h … +14 h). */
const MAX_OFFSET = 18 * 3_600 * SECOND;

/**
 * The first instant (whole second) whose local month is `index` or later. UTC offsets and their
 * changes are whole seconds, so a binary search over seconds around the UTC wall time finds it
 * exactly — also when a DST change or an offset change falls on that midnight (then the month
 * starts when the clock jumps).
 */
function monthStart(format: Intl.DateTimeFormat, index: number): Date {
  const wall = Date.UTC(Math.floor(index / 12), index % 12, 1);
  let low = (wall - MAX_OFFSET) / SECOND; // before the start
  let high = (wall + MAX_OFFSET) / SECOND; // at or after it
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (monthIndex(format, middle * SECOND) >= index) high = middle;
    else low = middle;
  }
  return new Date(high * SECOND);
}

/** Month starts already searched, by zone and month: a zone's rules for a month do not change while we run. */
const monthStarts = new Map<string, number>();

function cachedMonthStart(timeZone: string, format: Intl.DateTimeFormat, index: number): Date {
  const key = `${timeZone}\u0000${index}`;
  let start = monthStarts.get(key);
  if (start === undefined) {
    if (monthStarts.size >= 10_000) monthStarts.clear();
    start = monthStart(format, index).getTime();
    monthStarts.set(key, start);
  }
  return new Date(start);
}

/** The calendar month `at` falls in, in `timeZone`, with its bounds as instants (DST-correct). */
export function usagePeriod(timeZone: string, at: Date): UsagePeriod {
  const format = monthFormat(timeZone);
  const index = monthIndex(format, at.getTime());
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return {
    period: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    startsAt: cachedMonthStart(timeZone, format, index),
    resetsAt: cachedMonthStart(timeZone, format, index + 1),
  };
}

/** The UsageCounter columns a meter changes. */
type Counter = 'messagesSent' | 'messagesReceived' | 'aiReplies' | 'calls' | 'callMinutes' | 'contacts';

const COLUMNS: Readonly<Record<Counter, Prisma.Sql>> = {
  messagesSent: Prisma.raw('"messagesSent"'),
  messagesReceived: Prisma.raw('"messagesReceived"'),
  aiReplies: Prisma.raw('"aiReplies"'),
  calls: Prisma.raw('"calls"'),
  callMinutes: Prisma.raw('"callMinutes"'),
  contacts: Prisma.raw('"contacts"'),
};

/** The marker stored in `thresholdsNotified`, e.g. "messages:80". */
function marker(metric: UsageMetric, threshold: number): string {
  return `${metric.toLowerCase()}:${threshold}`;
}

/** The count at which a threshold is reached: 80 % of 5,000 is the 4,000th. */
function thresholdCount(limit: number, threshold: number): number {
  return Math.ceil((limit * threshold) / 100);
}

interface Bump {
  businessId: string;
  period: string;
  counter: Counter;
  by: number;
  /** Null is unlimited: always counted. */
  limit: number | null;
  /** Refuse (change nothing) when the new value would pass the limit; otherwise count anyway. */
  refuseOverLimit: boolean;
  /** Notify at the thresholds of this metric's limit. */
  metric: UsageMetric | null;
}

interface Bumped {
  value: number;
  thresholds: UsageThresholdEvent[];
}

/**
 * Adds `by` to one counter of one month with one conditional UPDATE, and records in the same
 * statement which thresholds the new value crossed for the first time this month. Answers null
 * (and changes nothing) when refused over the limit.
 */
async function bump(tx: Prisma.TransactionClient, change: Bump): Promise<Bumped | null> {
  const { businessId, period, by, limit } = change;
  const column = COLUMNS[change.counter];
  const notices =
    change.metric !== null && limit !== null && limit > 0
      ? USAGE_THRESHOLDS.map((threshold) => ({ threshold, marker: marker(change.metric!, threshold), at: thresholdCount(limit, threshold) }))
      : [];
  const crossed =
    notices.length === 0
      ? Prisma.sql`ARRAY[]::TEXT[]`
      : Prisma.sql`ARRAY(SELECT t.marker FROM (VALUES ${Prisma.join(notices.map((notice) => Prisma.sql`(${notice.marker}::TEXT, ${notice.at}::INT)`))}) AS t(marker, at)
          WHERE old.value + ${by}::INT >= t.at AND NOT (t.marker = ANY(old.notified)))`;
  const refuse = change.refuseOverLimit && limit !== null;
  // The locking sub-select hands the UPDATE the row as the previous writer left it, so the limit and
  // the "first time" of each threshold are judged on the latest values.
  const update = () => tx.$queryRaw<{ value: number; before: string[]; after: string[] }[]>`
    UPDATE "UsageCounter" u SET
      ${column} = old.value + ${by}::INT,
      "thresholdsNotified" = old.notified || ${crossed}
    FROM (
      SELECT id, ${column} AS value, COALESCE("thresholdsNotified", ARRAY[]::TEXT[]) AS notified
      FROM "UsageCounter" WHERE "businessId" = ${businessId} AND period = ${period}
      FOR UPDATE
    ) old
    WHERE u.id = old.id AND (NOT ${refuse} OR old.value + ${by}::INT <= ${limit ?? 0}::INT)
    RETURNING u.${column} AS value, old.notified AS before, u."thresholdsNotified" AS after`;
  let [row] = await update();
  if (!row) {
    // Refused, or the month's first count: create the row (or wait for whoever is creating it) and try once more.
    await tx.$executeRaw`
      INSERT INTO "UsageCounter" (id, "businessId", period, "thresholdsNotified")
      VALUES (${newId()}, ${businessId}, ${period}, ARRAY[]::TEXT[])
      ON CONFLICT ("businessId", period) DO NOTHING`;
    [row] = await update();
  }
  if (!row) return null;
  const before = new Set(row.before);
  const thresholds = notices
    .filter((notice) => row.after.includes(notice.marker) && !before.has(notice.marker))
    .map((notice) => ({ businessId, metric: change.metric!, threshold: notice.threshold, period }));
  return { value: row.value, thresholds };
}

interface BusinessPlan {
  plan: Plan;
  definition: PlanDefinition;
  timezone: string;
}

async function businessPlan(tx: Prisma.TransactionClient, businessId: string): Promise<BusinessPlan> {
  const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { plan: true, timezone: true } });
  return { plan: business.plan, definition: PLANS[business.plan], timezone: business.timezone };
}

async function usedOf(tx: Prisma.TransactionClient, businessId: string, period: string, counter: Counter): Promise<number> {
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    SELECT ${COLUMNS[counter]} AS value FROM "UsageCounter" WHERE "businessId" = ${businessId} AND period = ${period}`;
  return row?.value ?? 0;
}

/** BASIC has no WhatsApp: sending and AI replies need PRO or ENTERPRISE. */
export function assertPlanHasWhatsApp(plan: Plan, field: string[] | null, what = 'Sending WhatsApp messages'): void {
  if (!PLANS[plan].whatsapp) throw new PlanUpgradeRequiredError(`${what} needs the PRO or ENTERPRISE plan`, field);
}

/**
 * Reserves one outbound message of this month's allowance, in the caller's transaction (store the
 * answered `period` as the message's `usagePeriod`). Throws PLAN_UPGRADE_REQUIRED on BASIC and
 * PLAN_LIMIT_EXCEEDED when the month's messages are used up; unlimited plans are counted too.
 * `newContacts` (created for this message) are counted in the same step, as `countContacts` does,
 * so the usage row is locked once and held for as short a time as possible.
 */
export async function reserveMessage(
  tx: Prisma.TransactionClient,
  businessId: string,
  field: string[],
  at: Date = new Date(),
  options: { newContacts?: readonly string[] } = {},
): Promise<Reservation> {
  const { plan, definition, timezone } = await businessPlan(tx, businessId);
  assertPlanHasWhatsApp(plan, field);
  const { period, resetsAt } = usagePeriod(timezone, at);
  const limit = definition.limits.messages;
  const bumped = await bump(tx, { businessId, period, counter: 'messagesSent', by: 1, limit, refuseOverLimit: true, metric: 'MESSAGES' });
  if (!bumped) {
    const used = await usedOf(tx, businessId, period, 'messagesSent');
    throw new PlanLimitExceededError(
      `This month's ${limit!.toLocaleString('en')} messages of the ${plan} plan are used up; the allowance resets at ${resetsAt.toISOString()}`,
      field,
      limit!,
      used,
      resetsAt,
    );
  }
  const contacts = options.newContacts?.length ? await bumpContacts(tx, businessId, period, definition, options.newContacts) : null;
  return { period, thresholds: [...bumped.thresholds, ...(contacts?.thresholds ?? [])] };
}

/**
 * Gives reservations back (a send that finally failed, or was canceled): one per row with a
 * `usagePeriod`, never below zero. Clear the rows' `usagePeriod` in the same transaction, so a
 * reservation is released once.
 */
export async function releaseMessages(tx: Prisma.TransactionClient, rows: { businessId: string; usagePeriod: string | null }[]): Promise<void> {
  const counts = new Map<string, { businessId: string; period: string; count: number }>();
  for (const { businessId, usagePeriod: period } of rows) {
    if (period === null) continue;
    const key = `${businessId}\u0000${period}`;
    const entry = counts.get(key) ?? { businessId, period, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  // Always in the same order, so two transactions releasing for several businesses never deadlock.
  for (const key of [...counts.keys()].sort()) {
    const { businessId, period, count } = counts.get(key)!;
    await tx.$executeRaw`
      UPDATE "UsageCounter" SET "messagesSent" = GREATEST(0, "messagesSent" - ${count}::INT)
      WHERE "businessId" = ${businessId} AND period = ${period}`;
  }
}

/** Counts an AI reply this month (informational: the reply's message is reserved like any other). */
export async function recordAiReply(tx: Prisma.TransactionClient, businessId: string, at: Date = new Date()): Promise<void> {
  const { timezone } = await businessPlan(tx, businessId);
  await bump(tx, { businessId, period: usagePeriod(timezone, at).period, counter: 'aiReplies', by: 1, limit: null, refuseOverLimit: false, metric: null });
}

/** Counts received messages this month. Inbound messages are never refused, whatever the plan. */
export async function recordInbound(tx: Prisma.TransactionClient, businessId: string, count = 1, at: Date = new Date()): Promise<void> {
  if (count <= 0) return;
  const { timezone } = await businessPlan(tx, businessId);
  await bump(tx, { businessId, period: usagePeriod(timezone, at).period, counter: 'messagesReceived', by: count, limit: null, refuseOverLimit: false, metric: null });
}

/**
 * Reserves one call of this month's allowance (store `period` as the call's `usagePeriod`), or
 * answers `exceeded` without counting it. BASIC has no calls: its limit is 0.
 */
export async function reserveCall(
  tx: Prisma.TransactionClient,
  businessId: string,
  at: Date = new Date(),
): Promise<Reservation | { exceeded: Exceeded }> {
  const { definition, timezone } = await businessPlan(tx, businessId);
  const { period, resetsAt } = usagePeriod(timezone, at);
  const limit = definition.voice ? definition.limits.calls : 0;
  const bumped = await bump(tx, { businessId, period, counter: 'calls', by: 1, limit, refuseOverLimit: true, metric: 'CALLS' });
  if (!bumped) return { exceeded: { limit: limit!, used: await usedOf(tx, businessId, period, 'calls'), resetsAt } };
  return { period, thresholds: bumped.thresholds };
}

/** Adds a finished call's minutes to the month its call was reserved in. */
export async function recordCallMinutes(tx: Prisma.TransactionClient, businessId: string, period: string, minutes: number): Promise<void> {
  const whole = Math.ceil(minutes);
  if (whole <= 0) return;
  await bump(tx, { businessId, period, counter: 'callMinutes', by: whole, limit: null, refuseOverLimit: false, metric: null });
}

export interface CountedContacts {
  /** The contacts past the plan's contacts of the month: stored with `overLimit` set. */
  overLimit: string[];
  thresholds: UsageThresholdEvent[];
}

/**
 * Counts contacts created in the caller's transaction toward this month's contacts. They are always
 * stored; those past the limit are flagged `overLimit` here (the rows are the caller's own, so this
 * waits on nobody).
 */
export async function countContacts(tx: Prisma.TransactionClient, businessId: string, contactIds: readonly string[], at: Date = new Date()): Promise<CountedContacts> {
  if (contactIds.length === 0) return { overLimit: [], thresholds: [] };
  const { definition, timezone } = await businessPlan(tx, businessId);
  return bumpContacts(tx, businessId, usagePeriod(timezone, at).period, definition, contactIds);
}

async function bumpContacts(
  tx: Prisma.TransactionClient,
  businessId: string,
  period: string,
  definition: PlanDefinition,
  contactIds: readonly string[],
): Promise<CountedContacts> {
  const limit = definition.limits.contacts;
  const bumped = (await bump(tx, { businessId, period, counter: 'contacts', by: contactIds.length, limit, refuseOverLimit: false, metric: 'CONTACTS' }))!;
  // The n-th new contact of the month is over the limit when n > limit.
  const firstOrdinal = bumped.value - contactIds.length + 1;
  const overLimit = limit === null ? [] : contactIds.filter((_id, index) => firstOrdinal + index > limit);
  if (overLimit.length > 0) await tx.$executeRaw`UPDATE "Contact" SET "overLimit" = true WHERE id = ANY(${overLimit}::text[])`;
  return { overLimit, thresholds: bumped.thresholds };
}

/** `countContacts` for one new contact: whether it is over the limit (and so flagged). */
export async function countContact(tx: Prisma.TransactionClient, businessId: string, contactId: string, at: Date = new Date()): Promise<{ overLimit: boolean; thresholds: UsageThresholdEvent[] }> {
  const counted = await countContacts(tx, businessId, [contactId], at);
  return { overLimit: counted.overLimit.length > 0, thresholds: counted.thresholds };
}

/**
 * Meters what an ingestion transaction stored: customer messages (never refused) and new contacts
 * (flagged past the limit). Call it last before `appendInboxEvents`.
 */
export async function meterIngested(
  tx: Prisma.TransactionClient,
  businessId: string,
  stored: { received: number; newContacts: readonly string[] },
  at: Date = new Date(),
): Promise<UsageThresholdEvent[]> {
  await recordInbound(tx, businessId, stored.received, at);
  return (await countContacts(tx, businessId, stored.newContacts, at)).thresholds;
}

/** After commit: owners hear of each allowance that crossed 80 % or 100 % (once per month each). */
export function publishUsageThresholds(platform: Pick<Platform, 'pubsub'>, thresholds: readonly UsageThresholdEvent[]): void {
  for (const event of thresholds) platform.pubsub.publish('business:usageThreshold', event.businessId, event);
}

export interface Usage {
  businessId: string;
  plan: Plan;
  period: string;
  startsAt: Date;
  resetsAt: Date;
  messagesSent: number;
  messagesReceived: number;
  aiReplies: number;
  calls: number;
  callMinutes: number;
  contacts: number;
  /** Null is unlimited. */
  messagesLimit: number | null;
  callsLimit: number | null;
  contactsLimit: number | null;
  /** The highest share of any limited allowance used, in percent (over 100 after a downgrade). */
  percent: number;
}

/** This month's usage of a business against its plan's limits (zeros when nothing was counted yet). */
export async function usageOf(business: { id: string; plan: Plan; timezone: string }, at: Date = new Date()): Promise<Usage> {
  const { period, startsAt, resetsAt } = usagePeriod(business.timezone, at);
  const counter = await db().usageCounter.findUnique({ where: { businessId_period: { businessId: business.id, period } } });
  const used = {
    messagesSent: counter?.messagesSent ?? 0,
    messagesReceived: counter?.messagesReceived ?? 0,
    aiReplies: counter?.aiReplies ?? 0,
    calls: counter?.calls ?? 0,
    callMinutes: counter?.callMinutes ?? 0,
    contacts: counter?.contacts ?? 0,
  };
  const { messages: messagesLimit, calls: callsLimit, contacts: contactsLimit } = PLANS[business.plan].limits;
  let percent = 0;
  for (const [value, limit] of [
    [used.messagesSent, messagesLimit],
    [used.calls, callsLimit],
    [used.contacts, contactsLimit],
  ] as const) {
    // BASIC's allowances are zero: there is nothing to use up, so they show 0 %.
    if (limit === null || limit === 0) continue;
    percent = Math.max(percent, (value * 100) / limit);
  }
  return {
    businessId: business.id,
    plan: business.plan,
    period,
    startsAt,
    resetsAt,
    ...used,
    messagesLimit,
    callsLimit,
    contactsLimit,
    percent: Math.round(percent * 100) / 100,
  };
}

/** `usageOf` for a business known by id. */
export async function currentUsage(businessId: string, at: Date = new Date()): Promise<Usage> {
  const business = await db().business.findUniqueOrThrow({ where: { id: businessId }, select: { id: true, plan: true, timezone: true } });
  return usageOf(business, at);
}
