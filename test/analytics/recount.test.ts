import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { businessAnalytics } from '../../src/services/analytics/business-analytics.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { executeOk } from '../support/graphql.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import {
  type AnalyticsResult,
  AnalyticsDocument,
  insertCalls,
  insertContact,
  insertConversation,
  insertInstance,
  insertMessages,
  insertPhoneNumber,
  insertRuns,
  localParts,
  mondayOf,
  percentileCont,
  random,
  type SeedCall,
  type SeedMessage,
  type SeedRun,
  setBusiness,
} from './helpers.ts';

// A random month or two of a business in America/St_Johns (UTC−03:30, −02:30 in summer: local hours
// start at half past UTC; clocks go back at 02:00 on 2026-11-01), written in bulk and then changed
// (statuses, deletions, AI runs re-decided, a conversation merged), compared with a recount in
// TypeScript of every total and every bucket.
const TZ = 'America/St_Johns';
const START = Date.parse('2026-09-15T00:00:00Z');
const END = Date.parse('2026-11-14T00:00:00Z');
const SLOT = 15 * 60_000;
const rand = random(20261122);
const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)]!;

type Granularity = 'HOUR' | 'DAY' | 'WEEK';

interface World {
  messages: Map<string, SeedMessage>;
  runs: Map<string, SeedRun>;
  conversations: Map<string, { instanceId: string; contactId: string; status: 'OPEN' | 'PENDING' | 'RESOLVED' }>;
  contacts: Map<string, Date>;
  calls: SeedCall[];
  numbers: Map<string, { instanceId: string | null; cents: number; released: boolean }>;
  /** Response times as the trigger records them, by reply message id. */
  replies: Map<string, { instanceId: string; repliedAt: Date; seconds: number }>;
}

const world: World = {
  messages: new Map(),
  runs: new Map(),
  conversations: new Map(),
  contacts: new Map(),
  calls: [],
  numbers: new Map(),
  replies: new Map(),
};

function buildWorld(): void {
  for (let c = 0; c < 14; c += 1) world.contacts.set(`ct${c}`, new Date(START - 5 * 86_400_000 + rand() * (END - START + 10 * 86_400_000)));
  for (let c = 0; c < 12; c += 1) {
    world.conversations.set(`cv${c}`, { instanceId: c < 8 ? 'rc-line' : 'rc-old', contactId: `ct${c}`, status: pick(['OPEN', 'PENDING', 'RESOLVED'] as const) });
  }
  const times = Array.from({ length: 3000 }, (_, index) => {
    const t = START + rand() * (END - START);
    // Some on a quarter hour exactly, where slots meet.
    return index % 20 === 0 ? Math.floor(t / SLOT) * SLOT : Math.floor(t);
  }).sort((a, b) => a - b);
  const conversationIds = [...world.conversations.keys()];
  let previous = 0;
  times.forEach((t, index) => {
    const conversationId = pick(conversationIds);
    const instanceId = world.conversations.get(conversationId)!.instanceId;
    const id = `m${String(index).padStart(4, '0')}`;
    previous = Math.max(t, previous + 1); // distinct, in order
    const createdAt = new Date(previous);
    if (rand() < 0.55) {
      world.messages.set(id, { id, conversationId, instanceId, direction: 'INBOUND', author: 'CUSTOMER', status: 'RECEIVED', type: pick(['TEXT', 'TEXT', 'TEXT', 'IMAGE', 'REACTION'] as const), createdAt });
    } else {
      world.messages.set(id, {
        id,
        conversationId,
        instanceId,
        direction: 'OUTBOUND',
        author: pick(['AI', 'AI', 'AGENT', 'PHONE', 'SYSTEM'] as const),
        status: pick(['QUEUED', 'PENDING', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'CANCELED'] as const),
        type: pick(['TEXT', 'TEXT', 'TEXT', 'AUDIO', 'REACTION'] as const),
        createdAt,
      });
    }
  });
  const messages = [...world.messages.values()];
  for (let r = 0; r < 600; r += 1) {
    const anchor = pick(messages);
    const createdAt = new Date(anchor.createdAt.getTime() + Math.floor(rand() * 120_000));
    const earlier = messages.filter((m) => m.conversationId === anchor.conversationId && m.direction === 'INBOUND' && m.createdAt <= createdAt).slice(-3);
    const ids = earlier.slice(Math.floor(rand() * earlier.length)).map((m) => m.id);
    if (rand() < 0.05) ids.push(pick(messages).id, 'ghost');
    world.runs.set(`run${r}`, {
      id: `run${r}`,
      conversationId: rand() < 0.03 ? null : anchor.conversationId,
      inboundMessageIds: ids,
      outcome: pick(['REPLIED', 'REPLIED', 'DRAFTED', 'HANDED_OFF', 'SKIPPED', 'FAILED'] as const),
      intent: pick(['ORDER_STATUS', 'HOURS', 'PRICING', 'BOOKING', 'COMPLAINT', null]),
      createdAt,
    });
  }
  world.numbers.set('pn-line', { instanceId: 'rc-line', cents: 150, released: false });
  world.numbers.set('pn-old', { instanceId: 'rc-old', cents: 90, released: false });
  world.numbers.set('pn-gone', { instanceId: null, cents: 500, released: true });
  for (let k = 0; k < 80; k += 1) {
    world.calls.push({
      id: `call${k}`,
      phoneNumberId: pick(['pn-line', 'pn-old', 'pn-gone', null]),
      status: pick(['COMPLETED', 'COMPLETED', 'NO_ANSWER', 'BUSY', 'FAILED'] as const),
      startedAt: new Date(START + rand() * (END - START)),
      durationSec: rand() < 0.1 ? null : Math.floor(rand() * 900),
    });
  }
}

/** The response-time trigger, replayed: the first customer message after a reply starts the clock, the next reply (not a reaction) stops it. */
function replayResponseTimes(): void {
  const waiting = new Map<string, Date>();
  for (const message of [...world.messages.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (message.direction === 'INBOUND') {
      if (!waiting.has(message.conversationId)) waiting.set(message.conversationId, message.createdAt);
    } else if (message.type !== 'REACTION') {
      const since = waiting.get(message.conversationId);
      if (since) {
        world.replies.set(message.id, { instanceId: message.instanceId, repliedAt: message.createdAt, seconds: (message.createdAt.getTime() - since.getTime()) / 1000 });
      }
      waiting.delete(message.conversationId);
    }
  }
}

/** A bucket of the series, from its local wall clock (Intl, not the database). */
function bucketOf(granularity: Granularity, at: Date): { key: string; label: string } {
  const local = localParts(TZ, at);
  if (granularity === 'DAY') return { key: local.date, label: local.date };
  if (granularity === 'WEEK') {
    const monday = mondayOf(local.date, local.weekday);
    return { key: monday, label: monday };
  }
  const start = at.getTime() - (local.minute * 60 + local.second) * 1000 - at.getUTCMilliseconds();
  return { key: new Date(start).toISOString(), label: `${local.date}T${String(local.hour).padStart(2, '0')}:00` };
}

const LEFT_US = ['SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED'];
const DELIVERED = ['DELIVERED', 'READ', 'PLAYED'];
const COUNTED_RUN = ['REPLIED', 'DRAFTED', 'HANDED_OFF'];

function recount(from: Date, to: Date, granularity: Granularity, instanceId: string | null) {
  const inPeriod = (at: Date) => at >= from && at < to;
  const onLine = (line: string | null | undefined) => instanceId === null || line === instanceId;
  const covered = new Set([...world.runs.values()].filter((run) => COUNTED_RUN.includes(run.outcome)).flatMap((run) => run.inboundMessageIds));
  const messages = [...world.messages.values()].filter((m) => inPeriod(m.createdAt) && onLine(m.instanceId));
  const inbound = messages.filter((m) => m.direction === 'INBOUND');
  const outbound = messages.filter((m) => m.direction === 'OUTBOUND' && m.status !== 'CANCELED');
  const sent = messages.filter((m) => m.direction === 'OUTBOUND' && LEFT_US.includes(m.status));
  const delivered = sent.filter((m) => DELIVERED.includes(m.status));
  const read = delivered.filter((m) => m.status !== 'DELIVERED');
  const replies = [...world.replies.values()].filter((reply) => inPeriod(reply.repliedAt) && onLine(reply.instanceId));
  const seconds = replies.map((reply) => reply.seconds);
  const active = new Set(messages.map((m) => m.conversationId));
  const runs = [...world.runs.values()].filter(
    (run) => inPeriod(run.createdAt) && (instanceId === null || (run.conversationId !== null && world.conversations.get(run.conversationId)?.instanceId === instanceId)),
  );
  const intents = new Map<string, number>();
  for (const run of runs) if (run.intent) intents.set(run.intent, (intents.get(run.intent) ?? 0) + 1);
  const calls = world.calls.filter(
    (call) => call.status === 'COMPLETED' && inPeriod(call.startedAt) && (instanceId === null || (call.phoneNumberId !== null && world.numbers.get(call.phoneNumberId)!.instanceId === instanceId)),
  );
  const contactLines = new Map<string, Set<string>>();
  for (const conversation of world.conversations.values()) {
    contactLines.set(conversation.contactId, (contactLines.get(conversation.contactId) ?? new Set()).add(conversation.instanceId));
  }
  const numbersCents = [...world.numbers.values()].filter((number) => !number.released).reduce((total, number) => total + number.cents, 0);

  // Every bucket that overlaps the period, in order, from its quarter hours.
  const buckets = new Map<string, { label: string; inbound: number; outbound: number; aiReplies: number; humanReplies: number; replies: number[] }>();
  for (let slot = Math.floor(from.getTime() / SLOT) * SLOT; slot < to.getTime(); slot += SLOT) {
    const { key, label } = bucketOf(granularity, new Date(slot));
    if (!buckets.has(key)) buckets.set(key, { label, inbound: 0, outbound: 0, aiReplies: 0, humanReplies: 0, replies: [] });
  }
  for (const m of inbound) buckets.get(bucketOf(granularity, m.createdAt).key)!.inbound += 1;
  for (const m of outbound) {
    const bucket = buckets.get(bucketOf(granularity, m.createdAt).key)!;
    bucket.outbound += 1;
    if (m.author === 'AI') bucket.aiReplies += 1;
    if (m.author === 'AGENT' || m.author === 'PHONE') bucket.humanReplies += 1;
  }
  for (const reply of replies) buckets.get(bucketOf(granularity, reply.repliedAt).key)!.replies.push(reply.seconds);
  const busiest = new Map<string, { weekday: number; hour: number; inbound: number }>();
  for (const m of inbound) {
    const { weekday, hour } = localParts(TZ, m.createdAt);
    const cell = busiest.get(`${weekday}:${hour}`) ?? { weekday, hour, inbound: 0 };
    cell.inbound += 1;
    busiest.set(`${weekday}:${hour}`, cell);
  }
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const aiProcessed = inbound.filter((m) => covered.has(m.id)).length;
  return {
    totals: {
      totalMessages: inbound.length + outbound.length,
      inbound: inbound.length,
      outbound: outbound.length,
      aiProcessed,
      aiProcessingRate: ratio(aiProcessed, inbound.length),
      humanReplies: outbound.filter((m) => m.author === 'AGENT' || m.author === 'PHONE').length,
      averageResponseSeconds: seconds.length ? seconds.reduce((a, b) => a + b, 0) / seconds.length : null,
      medianResponseSeconds: percentileCont(seconds, 0.5),
      p90ResponseSeconds: percentileCont(seconds, 0.9),
      deliveryRate: ratio(delivered.length, sent.length),
      readRate: ratio(read.length, delivered.length),
      failedSends: sent.filter((m) => m.status === 'FAILED').length,
      newContacts: [...world.contacts].filter(([id, first]) => inPeriod(first) && (instanceId === null || contactLines.get(id)?.has(instanceId))).length,
      activeConversations: active.size,
      resolvedConversations: [...active].filter((id) => world.conversations.get(id)!.status === 'RESOLVED').length,
      handoffs: runs.filter((run) => run.outcome === 'HANDED_OFF').length,
      callsHandled: calls.length,
      callMinutes: calls.reduce((total, call) => total + Math.ceil((call.durationSec ?? 0) / 60), 0),
      monthlyCost: { planCents: 3500, numbersCents, totalCents: 3500 + numbersCents, currency: 'EUR' },
    },
    series: [...buckets.entries()].map(([key, bucket]) => ({
      key,
      label: bucket.label,
      inbound: bucket.inbound,
      outbound: bucket.outbound,
      aiReplies: bucket.aiReplies,
      humanReplies: bucket.humanReplies,
      averageResponseSeconds: bucket.replies.length ? bucket.replies.reduce((a, b) => a + b, 0) / bucket.replies.length : null,
    })),
    intentBreakdown: [...intents].map(([intent, count]) => ({ intent, count })).sort((a, b) => b.count - a.count || (a.intent < b.intent ? -1 : 1)),
    busiestHours: [...busiest.values()].sort((a, b) => b.inbound - a.inbound || a.weekday - b.weekday || a.hour - b.hour),
  };
}

type Comparable = Pick<AnalyticsResult, 'intentBreakdown' | 'busiestHours'> & {
  totals: AnalyticsResult['totals'];
  series: { start: string | Date; end: string | Date; label: string; inbound: number; outbound: number; aiReplies: number; humanReplies: number; averageResponseSeconds: number | null }[];
};

function expectEqualToRecount(actual: Comparable, from: Date, to: Date, granularity: Granularity, instanceId: string | null): void {
  const expected = recount(from, to, granularity, instanceId);
  const FLOATS = ['aiProcessingRate', 'averageResponseSeconds', 'medianResponseSeconds', 'p90ResponseSeconds', 'deliveryRate', 'readRate'] as const;
  const { totals } = actual;
  for (const [name, value] of Object.entries(expected.totals)) {
    if ((FLOATS as readonly string[]).includes(name) && value !== null) {
      expect({ name, value: totals[name as keyof typeof totals] }).toEqual({ name, value: expect.closeTo(value as number, 6) });
    } else {
      expect({ name, value: totals[name as keyof typeof totals] }).toEqual({ name, value });
    }
  }
  expect(actual.series.map((bucket) => (granularity === 'HOUR' ? new Date(bucket.start).toISOString() : bucket.label))).toEqual(expected.series.map((bucket) => bucket.key));
  actual.series.forEach((bucket, index) => {
    const want = expected.series[index]!;
    expect({ label: bucket.label, inbound: bucket.inbound, outbound: bucket.outbound, aiReplies: bucket.aiReplies, humanReplies: bucket.humanReplies }).toEqual({
      label: want.label,
      inbound: want.inbound,
      outbound: want.outbound,
      aiReplies: want.aiReplies,
      humanReplies: want.humanReplies,
    });
    if (want.averageResponseSeconds === null) expect(bucket.averageResponseSeconds).toBeNull();
    else expect(bucket.averageResponseSeconds).toBeCloseTo(want.averageResponseSeconds, 6);
    // A bucket runs from its first to past its last quarter hour (an hour bucket is one real hour).
    const start = new Date(bucket.start).getTime();
    const end = new Date(bucket.end).getTime();
    if (granularity === 'HOUR') expect(end - start).toBe(3_600_000);
    else {
      expect(bucketOf(granularity, new Date(start)).key).toBe(want.key);
      expect(bucketOf(granularity, new Date(start - SLOT)).key).not.toBe(want.key);
      expect(bucketOf(granularity, new Date(end - SLOT)).key).toBe(want.key);
      expect(bucketOf(granularity, new Date(end)).key).not.toBe(want.key);
    }
  });
  expect(actual.intentBreakdown).toEqual(expected.intentBreakdown);
  expect(actual.busiestHours).toEqual(expected.busiestHours);
}

describe('analytics equal a brute-force recount of a random dataset', () => {
  let server: TestApp;
  let owner: string;
  let businessId: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestApp();
    owner = await server.token({ sub: 'recount-owner' });
    businessId = await createBusiness(server.url, owner, 'Recount Fisheries');
    id = rowId(businessId);
    await setBusiness(id, TZ, 'PRO');
    buildWorld();
    await insertInstance(id, 'rc-old', true);
    await insertInstance(id, 'rc-line');
    for (const [contactId, firstSeenAt] of world.contacts) await insertContact(id, contactId, firstSeenAt);
    for (const [conversationId, conversation] of world.conversations) {
      await insertConversation(id, conversationId, conversation.instanceId, conversation.contactId, conversation.status);
    }
    const messages = [...world.messages.values()];
    for (let offset = 0; offset < messages.length; offset += 1000) await insertMessages(id, messages.slice(offset, offset + 1000));
    replayResponseTimes();
    await insertRuns(id, [...world.runs.values()]);
    for (const [numberId, number] of world.numbers) {
      await insertPhoneNumber(id, numberId, { instanceId: number.instanceId, monthlyCostCents: number.cents, released: number.released });
    }
    await insertCalls(id, world.calls);
  }, 120_000);
  afterAll(() => server?.stop());

  const query = (input: Record<string, unknown>) =>
    executeOk(server.url, AnalyticsDocument, { id: businessId, input }, { token: owner }).then((data) => data.business!.analytics);

  it('the response-time trigger recorded what the replay says', async () => {
    const rows = await db().$queryRaw<{ messageId: string; seconds: number }[]>`SELECT "messageId", seconds FROM "ResponseTime" WHERE "businessId" = ${id}`;
    expect(new Map(rows.map((row) => [row.messageId, row.seconds]))).toEqual(new Map([...world.replies].map(([messageId, reply]) => [messageId, reply.seconds])));
  });

  const periods: { name: string; from: string; to: string; granularity: Granularity }[] = [
    { name: '30 local days', from: '2026-10-01T02:30:00Z', to: '2026-10-31T02:30:00Z', granularity: 'DAY' },
    { name: 'everything, by week, ends off the quarter hour', from: '2026-09-14T07:13:27.123Z', to: '2026-11-14T03:01:02.456Z', granularity: 'WEEK' },
    { name: 'hours around the clocks going back', from: '2026-10-30T11:22:33.444Z', to: '2026-11-03T05:07:08.009Z', granularity: 'HOUR' },
    { name: 'days, off the quarter hour', from: '2026-09-20T10:10:10.010Z', to: '2026-11-02T23:59:59.999Z', granularity: 'DAY' },
  ];

  for (const period of periods) {
    it(`${period.name}: every total and bucket`, async () => {
      const actual = await query({ from: period.from, to: period.to, granularity: period.granularity });
      expectEqualToRecount(actual, new Date(period.from), new Date(period.to), period.granularity, null);
    });
  }

  it('each line on its own', async () => {
    for (const line of ['rc-line', 'rc-old']) {
      const actual = await query({ from: periods[3]!.from, to: periods[3]!.to, instanceId: encodeGlobalID('Instance', line) });
      expectEqualToRecount(actual, new Date(periods[3]!.from), new Date(periods[3]!.to), 'DAY', line);
    }
  });

  it('`days` up to a given now', async () => {
    const now = new Date('2026-11-10T15:07:13.250Z');
    const actual = await businessAnalytics(id, { days: 20, granularity: 'DAY' }, now);
    // Local midnight, 19 days before 2026-11-10 (NST, UTC−03:30).
    expect(actual.from.toISOString()).toBe('2026-10-22T02:30:00.000Z');
    expectEqualToRecount(actual, actual.from, now, 'DAY', null);
  });

  it('still equal after statuses move, messages and runs are deleted, runs are re-decided and two conversations merge', async () => {
    const outbound = [...world.messages.values()].filter((m) => m.direction === 'OUTBOUND');
    const changed = outbound.filter(() => rand() < 0.25).map((m) => ({ id: m.id, status: pick(['SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED', 'CANCELED'] as const) }));
    await db().$executeRaw`
      UPDATE "Message" m SET status = c.status::"MessageStatus"
      FROM unnest(${changed.map((c) => c.id)}::text[], ${changed.map((c) => c.status)}::text[]) AS c(id, status) WHERE m.id = c.id`;
    for (const change of changed) world.messages.get(change.id)!.status = change.status;
    // One at a time too, as the outbox does.
    for (const message of outbound.slice(0, 5)) {
      await db().message.update({ where: { id: message.id }, data: { status: 'READ' } });
      message.status = 'READ';
    }

    const doomed = [...world.messages.keys()].filter(() => rand() < 0.015);
    await db().$executeRaw`DELETE FROM "Message" WHERE id = ANY(${doomed}::text[])`;
    for (const messageId of doomed) {
      world.messages.delete(messageId);
      world.replies.delete(messageId);
    }

    const runs = [...world.runs.values()];
    const gone = runs.filter(() => rand() < 0.05).map((run) => run.id);
    await db().$executeRaw`DELETE FROM "AiRun" WHERE id = ANY(${gone}::text[])`;
    for (const runId of gone) world.runs.delete(runId);
    const redecided = [...world.runs.values()].filter(() => rand() < 0.08);
    for (const run of redecided) {
      run.outcome = pick(['REPLIED', 'DRAFTED', 'HANDED_OFF', 'SKIPPED', 'FAILED'] as const);
      if (rand() < 0.3) run.inboundMessageIds = run.inboundMessageIds.slice(1);
      await db().$executeRaw`
        UPDATE "AiRun" SET outcome = ${run.outcome}::"AiOutcome", "inboundMessageIds" = ${run.inboundMessageIds}::text[] WHERE id = ${run.id}`;
    }

    // As a contact merge does: cv1's messages, runs and response times move to cv0 (same line), and cv1 goes.
    await db().$executeRaw`UPDATE "Message" SET "conversationId" = 'cv0' WHERE "conversationId" = 'cv1'`;
    await db().$executeRaw`UPDATE "AiRun" SET "conversationId" = 'cv0' WHERE "conversationId" = 'cv1'`;
    await db().$executeRaw`UPDATE "ResponseTime" SET "conversationId" = 'cv0' WHERE "conversationId" = 'cv1'`;
    await db().$executeRaw`DELETE FROM "Conversation" WHERE id = 'cv1'`;
    for (const message of world.messages.values()) if (message.conversationId === 'cv1') message.conversationId = 'cv0';
    for (const run of world.runs.values()) if (run.conversationId === 'cv1') run.conversationId = 'cv0';
    world.conversations.delete('cv1');
    // A resolved conversation reopened, an open one resolved.
    await db().$executeRaw`UPDATE "Conversation" SET status = 'OPEN' WHERE id = 'cv2'`;
    await db().$executeRaw`UPDATE "Conversation" SET status = 'RESOLVED' WHERE id = 'cv3'`;
    world.conversations.get('cv2')!.status = 'OPEN';
    world.conversations.get('cv3')!.status = 'RESOLVED';

    for (const period of periods) {
      const actual = await query({ from: period.from, to: period.to, granularity: period.granularity });
      expectEqualToRecount(actual, new Date(period.from), new Date(period.to), period.granularity, null);
    }
    const line = await query({ from: periods[1]!.from, to: periods[1]!.to, granularity: 'WEEK', instanceId: encodeGlobalID('Instance', 'rc-line') });
    expectEqualToRecount(line, new Date(periods[1]!.from), new Date(periods[1]!.to), 'WEEK', 'rc-line');
  });
});
