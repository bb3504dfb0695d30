import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db.ts';
import { PlanLimitExceededError } from '../../src/errors.ts';
import { reserveMessage, usagePeriod } from '../../src/services/usage/meter.ts';
import { MeteredSendDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

const iso = (date: Date) => date.toISOString();

describe('usagePeriod', () => {
  it('Pacific/Auckland: 23:59 on the 31st is still that month, midnight is the next (NZDT, UTC+13)', () => {
    const before = usagePeriod('Pacific/Auckland', new Date('2026-10-31T10:59:59.999Z')); // 23:59:59.999 on Oct 31
    expect(before.period).toBe('2026-10');
    expect(iso(before.startsAt)).toBe('2026-09-30T11:00:00.000Z'); // Oct 1 00:00 NZDT
    expect(iso(before.resetsAt)).toBe('2026-10-31T11:00:00.000Z'); // Nov 1 00:00 NZDT
    const after = usagePeriod('Pacific/Auckland', new Date('2026-10-31T11:00:00.000Z'));
    expect(after.period).toBe('2026-11');
    expect(iso(after.startsAt)).toBe('2026-10-31T11:00:00.000Z');
    expect(iso(after.resetsAt)).toBe('2026-11-30T11:00:00.000Z');
    // In UTC it is still October at both instants: the period follows the business's clock, not UTC.
    expect(usagePeriod('UTC', new Date('2026-10-31T11:00:00.000Z')).period).toBe('2026-10');
  });

  it('Pacific/Auckland across the April DST end: the month starts at +13 and resets at +12', () => {
    const april = usagePeriod('Pacific/Auckland', new Date('2026-04-15T00:00:00Z'));
    expect(april.period).toBe('2026-04');
    expect(iso(april.startsAt)).toBe('2026-03-31T11:00:00.000Z'); // Apr 1 00:00 NZDT (+13)
    expect(iso(april.resetsAt)).toBe('2026-04-30T12:00:00.000Z'); // May 1 00:00 NZST (+12)
  });

  it('America/Los_Angeles across the March DST start: starts at −8, resets at −7', () => {
    const march = usagePeriod('America/Los_Angeles', new Date('2026-03-20T12:00:00Z'));
    expect(march.period).toBe('2026-03');
    expect(iso(march.startsAt)).toBe('2026-03-01T08:00:00.000Z');
    expect(iso(march.resetsAt)).toBe('2026-04-01T07:00:00.000Z');
    // 23:59 local on March 31 is 06:59 UTC on April 1.
    expect(usagePeriod('America/Los_Angeles', new Date('2026-04-01T06:59:00Z')).period).toBe('2026-03');
    expect(usagePeriod('America/Los_Angeles', new Date('2026-04-01T07:00:00Z')).period).toBe('2026-04');
  });

  it('a month whose local midnight does not exist starts when the clock jumps (Asunción, 1 Oct 2017)', () => {
    const october = usagePeriod('America/Asuncion', new Date('2017-10-15T12:00:00Z'));
    expect(october.period).toBe('2017-10');
    // 23:59:59 (−04) is followed by 01:00 (−03): both are 04:00 UTC.
    expect(iso(october.startsAt)).toBe('2017-10-01T04:00:00.000Z');
  });

  it('year ends and odd offsets; bounds are exact to the second in every zone', () => {
    expect(usagePeriod('Asia/Kolkata', new Date('2026-12-31T18:29:59Z')).period).toBe('2026-12');
    const january = usagePeriod('Asia/Kolkata', new Date('2026-12-31T18:30:00Z'));
    expect(january.period).toBe('2027-01');
    expect(iso(january.startsAt)).toBe('2026-12-31T18:30:00.000Z');
    const zones = ['UTC', 'Europe/Riga', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe'];
    for (const zone of zones) {
      for (let month = 0; month < 24; month += 1) {
        const at = new Date(Date.UTC(2025, month, 10, 7, 30));
        const { period, startsAt, resetsAt } = usagePeriod(zone, at);
        expect(startsAt.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(resetsAt.getTime()).toBeGreaterThan(at.getTime());
        expect(usagePeriod(zone, startsAt).period).toBe(period);
        expect(usagePeriod(zone, new Date(resetsAt.getTime() - 1)).period).toBe(period);
        expect(usagePeriod(zone, new Date(startsAt.getTime() - 1)).period).not.toBe(period);
        expect(usagePeriod(zone, resetsAt).period).not.toBe(period);
      }
    }
  });
});

describe('month rollover through the database', () => {
  let server: TestApp;
  let owner: string;

  beforeAll(async () => {
    server = await startTestApp({ env: { OUTBOX_CONCURRENCY: '0', AI_CONCURRENCY: '0' } });
    owner = await server.token({ sub: 'rollover-owner' });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server.stop();
  });

  it('reserveMessage counts 23:59 local on the 31st in that month and 00:00 in the next; a full month refuses until local midnight', async () => {
    const businessId = rowId(await createProBusiness(server.url, owner, 'Kiwi Rollover'));
    await db().business.update({ where: { id: businessId }, data: { timezone: 'Pacific/Auckland' } });
    const lastMinute = new Date('2026-10-31T10:59:00Z'); // 23:59 NZDT, Oct 31
    const midnight = new Date('2026-10-31T11:00:00Z'); // 00:00 NZDT, Nov 1
    await db().usageCounter.create({ data: { businessId, period: '2026-10', messagesSent: 4_999 } });

    expect((await db().$transaction((tx) => reserveMessage(tx, businessId, ['input'], lastMinute))).period).toBe('2026-10');
    const refused = await db()
      .$transaction((tx) => reserveMessage(tx, businessId, ['input'], lastMinute))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlanLimitExceededError);
    expect(refused).toMatchObject({ limit: 5_000, used: 5_000, resetsAt: midnight });
    expect((await db().$transaction((tx) => reserveMessage(tx, businessId, ['input'], midnight))).period).toBe('2026-11');

    const counters = await db().usageCounter.findMany({ where: { businessId }, orderBy: { period: 'asc' } });
    expect(counters.map(({ period, messagesSent }) => ({ period, messagesSent }))).toEqual([
      { period: '2026-10', messagesSent: 5_000 },
      { period: '2026-11', messagesSent: 1 },
    ]);
  });

  it('sendMessage stores the message in the month of the business clock (Los Angeles): 23:59 on Oct 31 → 2026-10, 00:00 → 2026-11', async () => {
    const businessId = await createProBusiness(server.url, owner, 'LA Rollover');
    const businessRowId = rowId(businessId);
    await db().business.update({ where: { id: businessRowId }, data: { timezone: 'America/Los_Angeles' } });
    const line = await setupLine(server.url, owner, businessId);
    await db().instance.update({ where: { id: rowId(line.id) }, data: { settings: { queueWhileDisconnected: true } } });

    const sendAt = async (instant: string, text: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(instant));
      try {
        const token = await server.token({ sub: 'rollover-owner' });
        const data = await executeOk(server.url, MeteredSendDocument, { input: { instanceId: line.id, to: '+13105550100', text } }, { token });
        if (data.sendMessage.__typename !== 'SendMessagePayload') throw new Error(JSON.stringify(data.sendMessage));
        return db().message.findUniqueOrThrow({ where: { id: rowId(data.sendMessage.outboundMessage.id) }, select: { usagePeriod: true } });
      } finally {
        vi.useRealTimers();
      }
    };
    // Oct 31 23:59 PDT (UTC−7) is Nov 1 06:59 UTC.
    expect(await sendAt('2026-11-01T06:59:00Z', 'Last minute of October')).toEqual({ usagePeriod: '2026-10' });
    expect(await sendAt('2026-11-01T07:00:00Z', 'First minute of November')).toEqual({ usagePeriod: '2026-11' });
    const counters = await db().usageCounter.findMany({ where: { businessId: businessRowId }, orderBy: { period: 'asc' } });
    expect(counters.map(({ period, messagesSent, contacts }) => ({ period, messagesSent, contacts }))).toEqual([
      { period: '2026-10', messagesSent: 1, contacts: 1 },
      { period: '2026-11', messagesSent: 1, contacts: 0 },
    ]);
  });
});
