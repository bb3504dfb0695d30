import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessAnalytics } from '../../src/services/analytics/business-analytics.ts';
import { executeOk } from '../support/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import {
  AnalyticsDocument,
  insertCalls,
  insertContact,
  insertConversation,
  insertInstance,
  insertMessages,
  insertPhoneNumber,
  insertRuns,
  PlatformAnalyticsDocument,
  type SeedMessage,
  setBusiness,
} from './helpers.ts';

// A business in Pacific/Auckland (UTC+12, +13 in summer). Clocks go forward on Sunday 2026-09-27
// at 02:00 NZST (14:00 UTC on the 26th), so that local day has 23 hours. The period is three local
// days: Sat 26 (24 h), Sun 27 (23 h), Mon 28 (24 h) = [2026-09-25T12:00Z, 2026-09-28T11:00Z).
const FROM = '2026-09-25T12:00:00.000Z';
const TO = '2026-09-28T11:00:00.000Z';
const at = (iso: string) => new Date(iso);

function message(id: string, conversationId: string, instanceId: string, createdAt: string, sent?: Pick<SeedMessage, 'author' | 'status'> & { type?: SeedMessage['type'] }): SeedMessage {
  return sent
    ? { id, conversationId, instanceId, direction: 'OUTBOUND', author: sent.author, status: sent.status, type: sent.type, createdAt: at(createdAt) }
    : { id, conversationId, instanceId, direction: 'INBOUND', author: 'CUSTOMER', status: 'RECEIVED', createdAt: at(createdAt) };
}

describe('analytics on a hand-computed dataset (Pacific/Auckland, across the 2026-09-27 DST change)', () => {
  let server: TestApp;
  let owner: string;
  let businessId: string;
  let id: string;

  beforeAll(async () => {
    server = await startTestApp();
    owner = await server.token({ sub: 'kiwi-owner' });
    businessId = await createBusiness(server.url, owner, 'Kiwi Cafe');
    id = rowId(businessId);
    await setBusiness(id, 'Pacific/Auckland', 'PRO');
    await insertInstance(id, 'old-line', true);
    await insertInstance(id, 'line');
    await insertContact(id, 'ct-a', at('2026-09-26T10:00:00Z'));
    await insertContact(id, 'ct-b', at('2026-09-27T09:00:00Z'));
    await insertContact(id, 'ct-c', at('2026-09-20T00:00:00Z'));
    await insertContact(id, 'ct-d', at('2026-09-28T02:00:00Z'));
    await insertConversation(id, 'cv-a', 'line', 'ct-a');
    await insertConversation(id, 'cv-b', 'line', 'ct-b');
    await insertConversation(id, 'cv-c', 'line', 'ct-c', 'RESOLVED');
    await insertConversation(id, 'cv-d', 'old-line', 'ct-d');
    // Chronological, as they would arrive (response times are kept by a trigger as rows come in).
    await insertMessages(id, [
      message('c0', 'cv-c', 'line', '2026-09-25T11:00:00Z'), //                                      before the period
      message('c0r', 'cv-c', 'line', '2026-09-25T11:59:59.999Z', { author: 'AI', status: 'DELIVERED' }), // reply before: 3599.999 s
      message('a1', 'cv-a', 'line', '2026-09-26T10:00:00Z'), //                                      Sat 22:00 NZST
      message('a2', 'cv-a', 'line', '2026-09-26T10:00:30Z'), //                                      Sat 22:00
      message('a3', 'cv-a', 'line', '2026-09-26T10:01:00Z', { author: 'AI', status: 'READ' }), //    60 s
      message('a4', 'cv-a', 'line', '2026-09-26T13:30:00Z'), //                                      Sun 01:30 NZST
      message('a5', 'cv-a', 'line', '2026-09-26T14:10:00Z', { author: 'AGENT', status: 'DELIVERED' }), // Sun 03:10 NZDT, 2400 s
      message('a6', 'cv-a', 'line', '2026-09-26T14:11:00Z', { author: 'AI', status: 'FAILED' }), //  clock already stopped
      message('b1', 'cv-b', 'line', '2026-09-27T09:00:00Z'), //                                      Sun 22:00 NZDT
      message('b2', 'cv-b', 'line', '2026-09-27T09:05:00Z', { author: 'PHONE', status: 'SENT' }), // 300 s
      message('b3', 'cv-b', 'line', '2026-09-27T11:30:00Z'), //                                      Mon 00:30
      message('b4', 'cv-b', 'line', '2026-09-27T11:30:20Z', { author: 'AI', status: 'PLAYED', type: 'AUDIO' }), // 20 s
      message('b5', 'cv-b', 'line', '2026-09-27T11:40:00Z', { author: 'AGENT', status: 'CANCELED' }), // not counted
      message('c1', 'cv-c', 'line', '2026-09-28T01:00:00Z'), //                                      Mon 14:00
      message('c2', 'cv-c', 'line', '2026-09-28T01:00:10Z', { author: 'AI', status: 'READ' }), //    10 s
      message('c3', 'cv-c', 'line', '2026-09-28T01:01:00Z', { author: 'SYSTEM', status: 'SENT' }),
      message('d1', 'cv-d', 'old-line', '2026-09-28T02:00:00Z'), //                                  Mon 15:00
      message('d2', 'cv-d', 'old-line', '2026-09-28T02:30:00Z', { author: 'AGENT', status: 'QUEUED' }), // 1800 s
      message('b6', 'cv-b', 'line', TO), //                                                          at `to`: excluded
    ]);
    await insertRuns(id, [
      { id: 'r7', conversationId: 'cv-c', inboundMessageIds: ['c0'], outcome: 'REPLIED', intent: 'HOURS', createdAt: at('2026-09-25T11:59:59Z') },
      { id: 'r1', conversationId: 'cv-a', inboundMessageIds: ['a1', 'a2'], outcome: 'REPLIED', intent: 'ORDER_STATUS', createdAt: at('2026-09-26T10:01:00Z') },
      { id: 'r2', conversationId: 'cv-a', inboundMessageIds: ['a4'], outcome: 'HANDED_OFF', intent: 'COMPLAINT', createdAt: at('2026-09-26T13:31:00Z') },
      { id: 'r3', conversationId: 'cv-b', inboundMessageIds: ['b1'], outcome: 'SKIPPED', intent: 'ORDER_STATUS', createdAt: at('2026-09-27T09:01:00Z') },
      { id: 'r4', conversationId: 'cv-b', inboundMessageIds: ['b3'], outcome: 'DRAFTED', intent: 'HOURS', createdAt: at('2026-09-27T11:30:10Z') },
      { id: 'r5', conversationId: 'cv-b', inboundMessageIds: ['b3'], outcome: 'REPLIED', intent: 'HOURS', createdAt: at('2026-09-27T11:30:20Z') },
      { id: 'r6', conversationId: 'cv-c', inboundMessageIds: ['c1'], outcome: 'FAILED', intent: null, createdAt: at('2026-09-28T01:00:05Z') },
      { id: 'r8', conversationId: 'cv-d', inboundMessageIds: ['d1'], outcome: 'REPLIED', intent: 'PRICING', createdAt: at('2026-09-28T02:00:30Z') },
    ]);
    await insertPhoneNumber(id, 'pn-line', { instanceId: 'line', monthlyCostCents: 150 });
    await insertPhoneNumber(id, 'pn-released', { monthlyCostCents: 200, released: true });
    await insertPhoneNumber(id, 'pn-free', { monthlyCostCents: 100 });
    await insertCalls(id, [
      { id: 'call-1', phoneNumberId: 'pn-line', status: 'COMPLETED', startedAt: at('2026-09-26T20:00:00Z'), durationSec: 61 },
      { id: 'call-2', phoneNumberId: 'pn-free', status: 'COMPLETED', startedAt: at('2026-09-27T20:00:00Z'), durationSec: 120 },
      { id: 'call-3', phoneNumberId: 'pn-line', status: 'NO_ANSWER', startedAt: at('2026-09-27T21:00:00Z'), durationSec: null },
      { id: 'call-4', phoneNumberId: 'pn-line', status: 'COMPLETED', startedAt: at('2026-09-20T21:00:00Z'), durationSec: 300 },
    ]);
  });
  afterAll(() => server?.stop());

  const query = (input: Record<string, unknown>) =>
    executeOk(server.url, AnalyticsDocument, { id: businessId, input }, { token: owner }).then((data) => data.business!.analytics);

  it('totals', async () => {
    const analytics = await query({ from: FROM, to: TO });
    expect(analytics).toMatchObject({ from: FROM, to: TO, timezone: 'Pacific/Auckland', granularity: 'DAY' });
    const { totals } = analytics;
    expect(totals).toMatchObject({
      totalMessages: 15,
      inbound: 7, // a1 a2 a4 b1 b3 c1 d1
      outbound: 8, // a3 a5 a6 b2 b4 c2 c3 d2 (b5 CANCELED is not)
      aiProcessed: 5, // a1 a2 (r1) a4 (r2) b3 (r4 and r5: once) d1 (r8); b1 was SKIPPED, c1 FAILED
      humanReplies: 3, // a5 d2 (agent), b2 (phone)
      failedSends: 1,
      newContacts: 3,
      activeConversations: 4,
      resolvedConversations: 1,
      handoffs: 1,
      callsHandled: 2,
      callMinutes: 4, // 61 s → 2 min, 120 s → 2 min
      monthlyCost: { planCents: 3500, numbersCents: 250, totalCents: 3750, currency: 'EUR' },
    });
    expect(totals.aiProcessingRate).toBeCloseTo(5 / 7, 12);
    // Left us: a3 a5 a6 b2 b4 c2 c3 (d2 is still QUEUED); delivered: a3 a5 b4 c2; read: a3 b4 c2.
    expect(totals.deliveryRate).toBeCloseTo(4 / 7, 12);
    expect(totals.readRate).toBeCloseTo(3 / 4, 12);
    // Replies written in the period: 10, 20, 60, 300, 1800, 2400 s (c0r's 3599.999 s is before it).
    expect(totals.averageResponseSeconds).toBeCloseTo(765, 9);
    expect(totals.medianResponseSeconds).toBeCloseTo(180, 9); // halfway between 60 and 300
    expect(totals.p90ResponseSeconds).toBeCloseTo(2100, 9); // position 4.5: halfway between 1800 and 2400
  });

  it('local day buckets, the DST day 23 hours long', async () => {
    const { series } = await query({ from: FROM, to: TO, granularity: 'DAY' });
    expect(series).toEqual([
      { start: '2026-09-25T12:00:00.000Z', end: '2026-09-26T12:00:00.000Z', label: '2026-09-26', inbound: 2, outbound: 1, aiReplies: 1, humanReplies: 0, averageResponseSeconds: 60 },
      { start: '2026-09-26T12:00:00.000Z', end: '2026-09-27T11:00:00.000Z', label: '2026-09-27', inbound: 2, outbound: 3, aiReplies: 1, humanReplies: 2, averageResponseSeconds: 1350 },
      { start: '2026-09-27T11:00:00.000Z', end: '2026-09-28T11:00:00.000Z', label: '2026-09-28', inbound: 3, outbound: 4, aiReplies: 2, humanReplies: 1, averageResponseSeconds: 610 },
    ]);
  });

  it('busiest hours and intents', async () => {
    const analytics = await query({ from: FROM, to: TO });
    expect(analytics.busiestHours).toEqual([
      { weekday: 6, hour: 22, inbound: 2 }, // a1 a2, Saturday 22:00 NZST
      { weekday: 1, hour: 0, inbound: 1 }, // b3
      { weekday: 1, hour: 14, inbound: 1 }, // c1
      { weekday: 1, hour: 15, inbound: 1 }, // d1
      { weekday: 7, hour: 1, inbound: 1 }, // a4, before the clocks went forward
      { weekday: 7, hour: 22, inbound: 1 }, // b1, after
    ]);
    expect(analytics.intentBreakdown).toEqual([
      { intent: 'HOURS', count: 2 },
      { intent: 'ORDER_STATUS', count: 2 },
      { intent: 'COMPLAINT', count: 1 },
      { intent: 'PRICING', count: 1 },
    ]);
  });

  it('hour buckets: 23 on the day clocks go forward, 25 (one label twice) on the day they go back', async () => {
    const forward = await query({ from: '2026-09-26T12:00:00Z', to: '2026-09-27T11:00:00Z', granularity: 'HOUR' });
    expect(forward.series).toHaveLength(23);
    expect(forward.series.map((bucket) => bucket.label).slice(0, 3)).toEqual(['2026-09-27T00:00', '2026-09-27T01:00', '2026-09-27T03:00']);
    expect(forward.series[1]).toMatchObject({ start: '2026-09-26T13:00:00.000Z', end: '2026-09-26T14:00:00.000Z', inbound: 1 }); // a4
    expect(forward.series[2]).toMatchObject({ start: '2026-09-26T14:00:00.000Z', outbound: 2, humanReplies: 1, aiReplies: 1, averageResponseSeconds: 2400 });
    // 2026-04-05: 03:00 NZDT becomes 02:00 NZST again.
    const back = await query({ from: '2026-04-04T11:00:00Z', to: '2026-04-05T12:00:00Z', granularity: 'HOUR' });
    expect(back.series).toHaveLength(25);
    const twice = back.series.filter((bucket) => bucket.label === '2026-04-05T02:00');
    expect(twice.map((bucket) => bucket.start)).toEqual(['2026-04-04T13:00:00.000Z', '2026-04-04T14:00:00.000Z']);
  });

  it('week buckets start on local Monday', async () => {
    const { series } = await query({ from: FROM, to: TO, granularity: 'WEEK' });
    expect(series).toEqual([
      expect.objectContaining({ label: '2026-09-21', start: '2026-09-20T12:00:00.000Z', end: '2026-09-27T11:00:00.000Z', inbound: 4, outbound: 4 }),
      expect.objectContaining({ label: '2026-09-28', start: '2026-09-27T11:00:00.000Z', end: '2026-10-04T11:00:00.000Z', inbound: 3, outbound: 4 }),
    ]);
  });

  it('one line only', async () => {
    const line = await query({ from: FROM, to: TO, instanceId: encodeGlobalID('Instance', 'line') });
    expect(line.totals).toMatchObject({
      inbound: 6,
      outbound: 7,
      aiProcessed: 4,
      humanReplies: 2,
      newContacts: 2,
      activeConversations: 3,
      resolvedConversations: 1,
      handoffs: 1,
      callsHandled: 1,
      callMinutes: 2,
    });
    expect(line.totals.averageResponseSeconds).toBeCloseTo((10 + 20 + 60 + 300 + 2400) / 5, 9);
    const old = await query({ from: FROM, to: TO, instanceId: encodeGlobalID('Instance', 'old-line') });
    expect(old.totals).toMatchObject({ inbound: 1, outbound: 1, aiProcessed: 1, humanReplies: 1, newContacts: 1, activeConversations: 1, callsHandled: 0 });
    expect(old.intentBreakdown).toEqual([{ intent: 'PRICING', count: 1 }]);
    expect(old.totals.deliveryRate).toBeNull(); // d2 has not left us yet
    expect(old.totals.p90ResponseSeconds).toBe(1800);
  });

  it('a period that does not start or end on a quarter hour counts the partial slots from the messages', async () => {
    // a2 (10:00:30) and a3 (10:01:00) are in, a1 (10:00:00) is not; b3 at 11:30:00 is in, b4 at 11:30:20 is not.
    const analytics = await query({ from: '2026-09-26T10:00:10Z', to: '2026-09-27T11:30:10Z' });
    expect(analytics.totals).toMatchObject({ inbound: 4, outbound: 4, aiProcessed: 3, humanReplies: 2, failedSends: 1 });
    expect(analytics.series.map((bucket) => [bucket.label, bucket.inbound, bucket.outbound])).toEqual([
      ['2026-09-26', 1, 1],
      ['2026-09-27', 2, 3],
      ['2026-09-28', 1, 0],
    ]);
  });

  it('`days` counts whole local days up to now', async () => {
    const now = new Date('2026-09-28T05:00:00Z'); // Monday 18:00 NZDT
    const analytics = await businessAnalytics(id, { days: 3 }, now);
    expect(analytics.from.toISOString()).toBe('2026-09-25T12:00:00.000Z'); // Saturday 00:00 NZST
    expect(analytics.to).toEqual(now);
    expect(analytics.series.map((bucket) => bucket.label)).toEqual(['2026-09-26', '2026-09-27', '2026-09-28']);
    expect(analytics.totals.inbound).toBe(7);
    const today = await businessAnalytics(id, { days: 1 }, now);
    expect(today.from.toISOString()).toBe('2026-09-27T11:00:00.000Z');
    expect(today.totals).toMatchObject({ inbound: 3, outbound: 4 });
  });

  it('a business in Asia/Kathmandu (UTC+05:45): days and hours start at a quarter past UTC', async () => {
    const other = rowId(await createBusiness(server.url, owner, 'Himalaya Treks'));
    await setBusiness(other, 'Asia/Kathmandu', 'ENTERPRISE');
    await insertInstance(other, 'ktm-line');
    await insertContact(other, 'ct-k', at('2026-09-26T00:00:00Z'));
    await insertConversation(other, 'cv-k', 'ktm-line', 'ct-k');
    await insertMessages(other, [
      message('k1', 'cv-k', 'ktm-line', '2026-09-26T18:14:59Z'), // Sat 23:59:59 NPT
      message('k2', 'cv-k', 'ktm-line', '2026-09-26T18:15:00Z'), // Sun 00:00 NPT
      message('k3', 'cv-k', 'ktm-line', '2026-09-26T19:14:00Z', { author: 'AGENT', status: 'READ' }), // Sun 00:59, 3541 s
    ]);
    const otherId = encodeGlobalID('Business', other);
    const run = (input: Record<string, unknown>) =>
      executeOk(server.url, AnalyticsDocument, { id: otherId, input }, { token: owner }).then((data) => data.business!.analytics);
    const days = await run({ from: '2026-09-25T18:15:00Z', to: '2026-09-27T18:15:00Z' });
    expect(days.series.map((bucket) => [bucket.label, bucket.start, bucket.inbound, bucket.outbound])).toEqual([
      ['2026-09-26', '2026-09-25T18:15:00.000Z', 1, 0],
      ['2026-09-27', '2026-09-26T18:15:00.000Z', 1, 1],
    ]);
    expect(days.busiestHours).toEqual([
      { weekday: 6, hour: 23, inbound: 1 },
      { weekday: 7, hour: 0, inbound: 1 },
    ]);
    const hours = await run({ from: '2026-09-26T17:15:00Z', to: '2026-09-26T20:15:00Z', granularity: 'HOUR' });
    expect(hours.series.map((bucket) => [bucket.label, bucket.start, bucket.inbound, bucket.outbound, bucket.averageResponseSeconds])).toEqual([
      ['2026-09-26T23:00', '2026-09-26T17:15:00.000Z', 1, 0, null],
      ['2026-09-27T00:00', '2026-09-26T18:15:00.000Z', 1, 1, 3541],
      ['2026-09-27T01:00', '2026-09-26T19:15:00.000Z', 0, 0, null],
    ]);
    expect(days.totals.monthlyCost).toEqual({ planCents: 6000, numbersCents: 0, totalCents: 6000, currency: 'EUR' });
  });

  it('platform analytics: messages per UTC day and failure rates (admins)', async () => {
    const admin = await server.token({ sub: 'platform-admin', role: 'admin' });
    const { platformAnalytics } = await executeOk(server.url, PlatformAnalyticsDocument, { input: { from: FROM, to: TO } }, { token: admin });
    expect(platformAnalytics.messagesPerDay).toEqual([
      { day: '2026-09-25', inbound: 0, outbound: 0 }, // from 12:00 UTC: c0 and its reply are before
      { day: '2026-09-26', inbound: 5, outbound: 4 }, // a1 a2 a4 k1 k2 / a3 a5 a6 k3
      { day: '2026-09-27', inbound: 2, outbound: 2 }, // b1 b3 / b2 b4 (b5 CANCELED)
      { day: '2026-09-28', inbound: 2, outbound: 3 }, // c1 d1 / c2 c3 d2, until 11:00 UTC
    ]);
    expect(platformAnalytics).toMatchObject({ sendAttempts: 8, sendFailures: 1, webhookEvents: 0, webhookFailureRate: null });
    expect(platformAnalytics.sendFailureRate).toBeCloseTo(1 / 8, 12);
    expect(platformAnalytics.businessesPerPlan).toEqual([
      { plan: 'BASIC', count: 0 },
      { plan: 'PRO', count: 1 },
      { plan: 'ENTERPRISE', count: 1 },
    ]);
    expect(platformAnalytics.servers).toEqual([
      { server: null, capacity: null, instances: 2, statuses: [{ status: 'CONNECTED', count: 2 }] },
    ]);
  });
});
