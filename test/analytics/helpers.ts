import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { db } from '../../src/db.ts';

/** Rows written straight into the database, in the order given (the response-time trigger needs chronological order). */
export interface SeedMessage {
  id: string;
  conversationId: string;
  instanceId: string;
  direction: 'INBOUND' | 'OUTBOUND';
  type?: 'TEXT' | 'IMAGE' | 'AUDIO' | 'REACTION';
  status: 'QUEUED' | 'PENDING' | 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'FAILED' | 'CANCELED' | 'RECEIVED';
  author: 'CUSTOMER' | 'AGENT' | 'AI' | 'SYSTEM' | 'PHONE';
  createdAt: Date;
}

export interface SeedRun {
  id: string;
  conversationId: string | null;
  inboundMessageIds: string[];
  outcome: 'REPLIED' | 'DRAFTED' | 'HANDED_OFF' | 'SKIPPED' | 'FAILED';
  intent: string | null;
  createdAt: Date;
}

export interface SeedCall {
  id: string;
  phoneNumberId: string | null;
  status: 'COMPLETED' | 'NO_ANSWER' | 'BUSY' | 'FAILED';
  startedAt: Date;
  durationSec: number | null;
}

export async function insertInstance(businessId: string, id: string, deleted = false): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "Instance" (id, "businessId", name, status, "webhookSecret", "deletedAt", "updatedAt")
    VALUES (${id}, ${businessId}, ${`line-${id}`}, ${deleted ? 'DELETED' : 'CONNECTED'}::"InstanceStatus", 'unused',
      ${deleted ? new Date('2026-01-01T00:00:00Z') : null}::timestamp, now())`;
}

export async function insertContact(businessId: string, id: string, firstSeenAt: Date): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "Contact" (id, "businessId", jids, "firstSeenAt") VALUES (${id}, ${businessId}, ARRAY[]::text[], ${firstSeenAt}::timestamp)`;
}

export async function insertConversation(
  businessId: string,
  id: string,
  instanceId: string,
  contactId: string,
  status: 'OPEN' | 'PENDING' | 'RESOLVED' = 'OPEN',
): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", status, "updatedAt")
    VALUES (${id}, ${businessId}, ${instanceId}, ${contactId}, ${status}::"ConversationStatus", now())`;
}

/** One statement, rows inserted in the order given. */
export async function insertMessages(businessId: string, messages: SeedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db().$executeRaw`
    INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, status, author, "createdAt")
    SELECT r.id, ${businessId}, r.conversation, r.instance, r.direction::"MessageDirection", r.type::"MessageType",
      r.status::"MessageStatus", r.author::"MessageAuthor", r.at::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(${messages.map((m) => m.id)}::text[], ${messages.map((m) => m.conversationId)}::text[],
      ${messages.map((m) => m.instanceId)}::text[], ${messages.map((m) => m.direction)}::text[],
      ${messages.map((m) => m.type ?? 'TEXT')}::text[], ${messages.map((m) => m.status)}::text[],
      ${messages.map((m) => m.author)}::text[], ${messages.map((m) => m.createdAt.toISOString())}::text[])
      WITH ORDINALITY AS r(id, conversation, instance, direction, type, status, author, at, n)
    ORDER BY r.n`;
}

export async function insertRuns(businessId: string, runs: SeedRun[]): Promise<void> {
  for (const run of runs) {
    await db().$executeRaw`
      INSERT INTO "AiRun" (id, "businessId", "conversationId", channel, "inboundMessageIds", intent, outcome, "createdAt")
      VALUES (${run.id}, ${businessId}, ${run.conversationId}, 'WHATSAPP', ${run.inboundMessageIds}::text[], ${run.intent},
        ${run.outcome}::"AiOutcome", ${run.createdAt}::timestamp)`;
  }
}

let numbers = 0;

export async function insertPhoneNumber(
  businessId: string,
  id: string,
  options: { instanceId?: string | null; monthlyCostCents: number; released?: boolean },
): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "PhoneNumber" (id, "businessId", "instanceId", e164, provider, "countryCode", "monthlyCostCents", "releasedAt")
    VALUES (${id}, ${businessId}, ${options.instanceId ?? null}, ${`+1999${String((numbers += 1)).padStart(7, '0')}`},
      'MANUAL', 'US', ${options.monthlyCostCents}, ${options.released ? new Date('2026-01-02T00:00:00Z') : null}::timestamp)`;
}

export async function insertCalls(businessId: string, calls: SeedCall[]): Promise<void> {
  for (const call of calls) {
    await db().$executeRaw`
      INSERT INTO "Call" (id, "businessId", "phoneNumberId", "callSid", "from", "to", direction, status, "startedAt", "durationSec", "updatedAt")
      VALUES (${call.id}, ${businessId}, ${call.phoneNumberId}, ${`CA-${call.id}`}, '+10000000001', '+10000000002', 'INBOUND',
        ${call.status}::"CallStatus", ${call.startedAt}::timestamp, ${call.durationSec}, now())`;
  }
}

export async function setBusiness(businessId: string, timezone: string, plan: 'BASIC' | 'PRO' | 'ENTERPRISE'): Promise<void> {
  await db().$executeRaw`UPDATE "Business" SET timezone = ${timezone}, plan = ${plan}::"Plan" WHERE id = ${businessId}`;
}

export interface AnalyticsResult {
  from: string;
  to: string;
  timezone: string;
  granularity: 'HOUR' | 'DAY' | 'WEEK';
  totals: {
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
    monthlyCost: { planCents: number; numbersCents: number; totalCents: number; currency: string };
  };
  series: {
    start: string;
    end: string;
    label: string;
    inbound: number;
    outbound: number;
    aiReplies: number;
    humanReplies: number;
    averageResponseSeconds: number | null;
  }[];
  intentBreakdown: { intent: string; count: number }[];
  busiestHours: { weekday: number; hour: number; inbound: number }[];
}

export interface AnalyticsVariables {
  id: string;
  input: { from?: string; to?: string; days?: number; granularity?: 'HOUR' | 'DAY' | 'WEEK'; instanceId?: string };
}

export const AnalyticsDocument = parse(`
  query Analytics($id: ID!, $input: AnalyticsInput!) {
    business(id: $id) {
      analytics(input: $input) {
        from to timezone granularity
        totals {
          totalMessages inbound outbound aiProcessed aiProcessingRate humanReplies
          averageResponseSeconds medianResponseSeconds p90ResponseSeconds deliveryRate readRate failedSends
          newContacts activeConversations resolvedConversations handoffs callsHandled callMinutes
          monthlyCost { planCents numbersCents totalCents currency }
        }
        series { start end label inbound outbound aiReplies humanReplies averageResponseSeconds }
        intentBreakdown { intent count }
        busiestHours { weekday hour inbound }
      }
    }
  }
`) as TypedDocumentNode<{ business: { analytics: AnalyticsResult } | null }, AnalyticsVariables>;

export interface PlatformResult {
  from: string;
  to: string;
  businessesPerPlan: { plan: string; count: number }[];
  servers: { server: { id: string; name: string } | null; capacity: number | null; instances: number; statuses: { status: string; count: number }[] }[];
  messagesPerDay: { day: string; inbound: number; outbound: number }[];
  sendAttempts: number;
  sendFailures: number;
  sendFailureRate: number | null;
  webhookEvents: number;
  webhookFailures: number;
  webhookFailureRate: number | null;
}

export const PlatformAnalyticsDocument = parse(`
  query PlatformAnalytics($input: PlatformAnalyticsInput!) {
    platformAnalytics(input: $input) {
      from to
      businessesPerPlan { plan count }
      servers { server { id name } capacity instances statuses { status count } }
      messagesPerDay { day inbound outbound }
      sendAttempts sendFailures sendFailureRate webhookEvents webhookFailures webhookFailureRate
    }
  }
`) as TypedDocumentNode<{ platformAnalytics: PlatformResult }, { input: { from?: string; to?: string; days?: number } }>;

/** percentile_cont: linear interpolation between the values around position p·(n−1) of the sorted list. */
export function percentileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** A small seeded PRNG (mulberry32), so a failing random dataset can be reproduced. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall clock of an instant in a timezone, computed by Intl (independently of the database). */
export function localParts(timezone: string, at: Date): LocalParts {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formats.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** The local Monday (`YYYY-MM-DD`) of the week a local date is in. */
export function mondayOf(date: string, weekday: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (weekday - 1));
  return day.toISOString().slice(0, 10);
}
