import { describe, expect, it } from 'vitest';
import { localTime, openingState, weekHours, zonedInstant } from '../../src/services/ai/opening-hours.ts';
import { AiSettingsSchema, type AiKnowledge } from '../../src/services/ai/settings.ts';

const RIGA = 'Europe/Riga';
const AUCKLAND = 'Pacific/Auckland';
const LOS_ANGELES = 'America/Los_Angeles';

function knowledge(hours: Partial<Pick<AiKnowledge, 'openingHours' | 'hoursExceptions'>>): AiKnowledge {
  return AiSettingsSchema.parse({ knowledge: hours }).knowledge;
}

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

describe('openingState around midnight', () => {
  const bar = knowledge({ openingHours: [{ weekday: 'FRIDAY', opens: '18:00', closes: '02:00' }] });

  it('is open at 01:30 on Saturday from the Friday period, closing at 02:00', () => {
    // 2026-03-07 01:30 in Riga (EET, UTC+2) is still Friday evening in UTC.
    const state = openingState(bar, RIGA, at('2026-03-06T23:30:00Z'));
    expect(state).toMatchObject({ open: true, nextOpening: null, todayException: null });
    expect(iso(state.closesAt)).toBe('2026-03-07T00:00:00.000Z');
  });

  it('is closed after 02:00 and opens again the next Friday at 18:00', () => {
    const state = openingState(bar, RIGA, at('2026-03-07T00:30:00Z'));
    expect(state.open).toBe(false);
    expect(state.closesAt).toBeNull();
    expect(iso(state.nextOpening?.at)).toBe('2026-03-13T16:00:00.000Z');
  });

  it('is closed on Friday afternoon and opens the same evening', () => {
    const state = openingState(bar, RIGA, at('2026-03-06T15:00:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpening?.at)).toBe('2026-03-06T16:00:00.000Z');
  });

  it('joins back-to-back periods into one stretch', () => {
    const late = knowledge({
      openingHours: [
        { weekday: 'MONDAY', opens: '18:00', closes: '00:00' },
        { weekday: 'TUESDAY', opens: '00:00', closes: '03:00' },
      ],
    });
    const state = openingState(late, RIGA, at('2026-03-09T21:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-03-10T01:00:00.000Z');
  });

  it('has no closing time when open around the clock', () => {
    const always = knowledge({
      openingHours: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const).map((weekday) => ({ weekday, opens: '00:00', closes: '00:00' })),
    });
    expect(openingState(always, RIGA, at('2026-03-09T21:00:00Z'))).toMatchObject({ open: true, closesAt: null, nextOpening: null });
  });

  it('is closed with no next opening when no hours are set', () => {
    expect(openingState(knowledge({}), RIGA, at('2026-03-09T21:00:00Z'))).toEqual({ open: false, closesAt: null, nextOpening: null, todayException: null });
  });
});

describe('openingState with a lunch break', () => {
  const shop = knowledge({
    openingHours: [
      { weekday: 'MONDAY', opens: '10:00', closes: '14:00' },
      { weekday: 'MONDAY', opens: '15:00', closes: '19:00' },
    ],
  });

  it('closes for lunch at 14:00', () => {
    const state = openingState(shop, RIGA, at('2026-03-09T11:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-03-09T12:00:00.000Z');
  });

  it('opens again at 15:00 the same day', () => {
    const state = openingState(shop, RIGA, at('2026-03-09T12:30:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpening?.at)).toBe('2026-03-09T13:00:00.000Z');
  });
});

describe('openingState across DST in Europe/Riga', () => {
  // 2026-03-29: 03:00 EET (UTC+2) jumps to 04:00 EEST (UTC+3). 2026-10-25: 04:00 EEST falls back to 03:00 EET.
  const bar = knowledge({ openingHours: [{ weekday: 'SATURDAY', opens: '22:00', closes: '05:00' }] });

  it('closes at 05:00 summer time on the spring-forward night', () => {
    const beforeJump = openingState(bar, RIGA, at('2026-03-29T00:30:00Z'));
    expect(localTime(at('2026-03-29T00:30:00Z'), RIGA).clock).toBe('02:30');
    expect(beforeJump.open).toBe(true);
    expect(iso(beforeJump.closesAt)).toBe('2026-03-29T02:00:00.000Z');

    const afterJump = openingState(bar, RIGA, at('2026-03-29T01:30:00Z'));
    expect(localTime(at('2026-03-29T01:30:00Z'), RIGA).clock).toBe('04:30');
    expect(afterJump.open).toBe(true);
    expect(iso(afterJump.closesAt)).toBe('2026-03-29T02:00:00.000Z');
  });

  it('reads a skipped 03:30 as 04:30 summer time', () => {
    expect(iso(zonedInstant('2026-03-29', '03:30', RIGA))).toBe('2026-03-29T01:30:00.000Z');
    const early = knowledge({ openingHours: [{ weekday: 'SUNDAY', opens: '03:30', closes: '12:00' }] });
    const state = openingState(early, RIGA, at('2026-03-29T00:50:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpening?.at)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is open through both 03:30s of the fall-back night and closes at 05:00 winter time', () => {
    for (const instant of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
      expect(localTime(at(instant), RIGA).clock).toBe('03:30');
      const state = openingState(bar, RIGA, at(instant));
      expect(state.open).toBe(true);
      expect(iso(state.closesAt)).toBe('2026-10-25T03:00:00.000Z');
    }
  });

  it('reads a repeated 03:30 as the first one', () => {
    expect(iso(zonedInstant('2026-10-25', '03:30', RIGA))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('openingState with exceptions', () => {
  const restaurant = knowledge({
    openingHours: [
      { weekday: 'THURSDAY', opens: '10:00', closes: '22:00' },
      { weekday: 'FRIDAY', opens: '18:00', closes: '02:00' },
    ],
    hoursExceptions: [
      { date: '2026-12-24', closed: true, note: 'Christmas Eve' },
      { date: '2026-12-31', closed: false, opens: '10:00', closes: '16:00', note: "New Year's Eve" },
      { date: '2027-01-01', closed: true },
      { date: '2026-12-26', closed: true, note: 'Second Christmas Day' },
    ],
  });

  it('is closed all day on a holiday and names it', () => {
    const state = openingState(restaurant, RIGA, at('2026-12-24T10:00:00Z'));
    expect(state.open).toBe(false);
    expect(state.todayException).toEqual({ closed: true, note: 'Christmas Eve' });
    expect(iso(state.nextOpening?.at)).toBe('2026-12-25T16:00:00.000Z');
  });

  it('keeps the night before a holiday open past midnight', () => {
    // Friday 25 December 18:00–02:00 runs into Saturday 26 December, which is closed.
    const state = openingState(restaurant, RIGA, at('2026-12-25T23:30:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-12-26T00:00:00.000Z');
    expect(state.todayException).toEqual({ closed: true, note: 'Second Christmas Day' });
  });

  it('uses special hours instead of the weekday hours', () => {
    const state = openingState(restaurant, RIGA, at('2026-12-31T13:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-12-31T14:00:00.000Z');
    expect(state.todayException).toEqual({ closed: false, note: "New Year's Eve" });
  });

  it('looks past closed days for the next opening', () => {
    // Closed after 16:00 on 31 Dec, closed on 1 Jan (Friday): next is Thursday 7 January.
    const state = openingState(restaurant, RIGA, at('2026-12-31T15:00:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.nextOpening?.at)).toBe('2027-01-07T08:00:00.000Z');
  });
});

describe('openingState far from UTC', () => {
  it('uses the local weekday in Auckland while UTC is still on the day before', () => {
    const cafe = knowledge({ openingHours: [{ weekday: 'MONDAY', opens: '07:00', closes: '15:00' }] });
    // Sunday 20:30 UTC is Monday 08:30 in Auckland (NZST, UTC+12).
    const state = openingState(cafe, AUCKLAND, at('2026-06-14T20:30:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-06-15T03:00:00.000Z');
  });

  it('closes at 04:00 standard time on the night Auckland leaves DST', () => {
    // 2026-04-05 03:00 NZDT (UTC+13) falls back to 02:00 NZST (UTC+12).
    const bar = knowledge({ openingHours: [{ weekday: 'SATURDAY', opens: '20:00', closes: '04:00' }] });
    for (const instant of ['2026-04-04T13:30:00Z', '2026-04-04T14:30:00Z']) {
      expect(localTime(at(instant), AUCKLAND)).toEqual({ date: '2026-04-05', weekday: 'SUNDAY', clock: '02:30' });
      const state = openingState(bar, AUCKLAND, at(instant));
      expect(state.open).toBe(true);
      expect(iso(state.closesAt)).toBe('2026-04-04T16:00:00.000Z');
    }
  });

  it('closes at 04:00 daylight time on the night Auckland enters DST', () => {
    // 2026-09-27 02:00 NZST (UTC+12) jumps to 03:00 NZDT (UTC+13).
    const bar = knowledge({ openingHours: [{ weekday: 'SATURDAY', opens: '20:00', closes: '04:00' }] });
    const state = openingState(bar, AUCKLAND, at('2026-09-26T13:30:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-09-26T15:00:00.000Z');
  });

  it('uses the local weekday in Los Angeles while UTC is already on the next day', () => {
    const bar = knowledge({ openingHours: [{ weekday: 'FRIDAY', opens: '17:00', closes: '23:00' }] });
    // Saturday 04:00 UTC is Friday 21:00 in Los Angeles (PDT, UTC-7).
    const state = openingState(bar, LOS_ANGELES, at('2026-06-20T04:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-06-20T06:00:00.000Z');
  });

  it('closes half an hour after 01:30 on the night Los Angeles enters DST', () => {
    // 2026-03-08 02:00 PST (UTC-8) jumps to 03:00 PDT (UTC-7).
    const bar = knowledge({ openingHours: [{ weekday: 'SATURDAY', opens: '20:00', closes: '03:00' }] });
    const state = openingState(bar, LOS_ANGELES, at('2026-03-08T09:30:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-03-08T10:00:00.000Z');
    expect(iso(openingState(bar, LOS_ANGELES, at('2026-03-08T11:00:00Z')).nextOpening?.at)).toBe('2026-03-15T03:00:00.000Z');
  });

  it('stays open through the repeated hour when Los Angeles leaves DST', () => {
    // 2026-11-01 02:00 PDT (UTC-7) falls back to 01:00 PST (UTC-8).
    const bar = knowledge({ openingHours: [{ weekday: 'SATURDAY', opens: '20:00', closes: '03:00' }] });
    for (const instant of ['2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z']) {
      expect(localTime(at(instant), LOS_ANGELES).clock).toBe('01:30');
      const state = openingState(bar, LOS_ANGELES, at(instant));
      expect(state.open).toBe(true);
      expect(iso(state.closesAt)).toBe('2026-11-01T11:00:00.000Z');
    }
  });
});

describe('weekHours', () => {
  const shop = knowledge({
    openingHours: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const).map((weekday) => ({ weekday, opens: '10:00', closes: '18:00' })),
    hoursExceptions: [{ date: '2026-03-30', closed: true, note: 'Stocktaking' }],
  });

  it('lists the next seven local days across the spring DST change', () => {
    // 22:30 UTC on Wednesday is already Thursday 00:30 in Riga.
    const week = weekHours(shop, RIGA, at('2026-03-25T22:30:00Z'));
    expect(week.map((day) => [day.date, day.weekday])).toEqual([
      ['2026-03-26', 'THURSDAY'],
      ['2026-03-27', 'FRIDAY'],
      ['2026-03-28', 'SATURDAY'],
      ['2026-03-29', 'SUNDAY'],
      ['2026-03-30', 'MONDAY'],
      ['2026-03-31', 'TUESDAY'],
      ['2026-04-01', 'WEDNESDAY'],
    ]);
    const saturday = week[2]!.periods[0]!;
    const sunday = week[3]!.periods[0]!;
    expect([saturday.opens, saturday.closes]).toEqual(['10:00', '18:00']);
    expect([iso(saturday.opensAt), iso(saturday.closesAt)]).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-28T16:00:00.000Z']);
    expect([iso(sunday.opensAt), iso(sunday.closesAt)]).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-29T15:00:00.000Z']);
    expect(week[4]).toMatchObject({ periods: [], note: 'Stocktaking' });
  });

  it('keeps one entry per day across the autumn DST change', () => {
    const week = weekHours(shop, RIGA, at('2026-10-24T12:00:00Z'));
    expect(week.map((day) => day.date)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30']);
    expect(iso(week[0]!.periods[0]!.opensAt)).toBe('2026-10-24T07:00:00.000Z');
    expect(iso(week[1]!.periods[0]!.opensAt)).toBe('2026-10-25T08:00:00.000Z');
  });
});
