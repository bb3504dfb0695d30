/**
 * Opening hours are stored as wall-clock times in the business's timezone ("18:00"–"02:00" on
 * FRIDAY in Europe/Riga). Whether the business is open is a question about instants, so every
 * period is turned into UTC instants with the zone's offset on that very date, which Intl knows:
 * no timezone library, and DST changes land where they really happen.
 */
import { WEEKDAYS, type AiKnowledge, type Weekday } from './settings.ts';

const DAY_MS = 86_400_000;
/** How far ahead we look for the next opening; a business closed for longer has no next opening. */
const SEARCH_DAYS = 366;
/** Open without a break for this long counts as open around the clock: there is no closing time to tell. */
const ROUND_THE_CLOCK_MS = 7 * DAY_MS;

/** A calendar date on the business's wall clock, "YYYY-MM-DD". */
export type LocalDate = string;

export interface LocalTime {
  date: LocalDate;
  weekday: Weekday;
  /** "HH:MM", 24-hour */
  clock: string;
}

export interface OpeningPeriod {
  opens: string;
  closes: string;
  opensAt: Date;
  closesAt: Date;
}

export interface OpeningState {
  open: boolean;
  /** When open: the end of the current stretch of opening; null when it does not end within a week. */
  closesAt: Date | null;
  /** When closed: the next opening; null when nothing opens within a year. */
  nextOpening: { at: Date } | null;
  /** Today's holiday or special hours, if today is an exception. */
  todayException: { closed: boolean; note?: string } | null;
}

/** The hours of one day; no periods means closed that day. */
export interface DayHours {
  date: LocalDate;
  weekday: Weekday;
  periods: OpeningPeriod[];
  /** The exception's note ("Christmas Eve") when the day differs from the weekly hours. */
  note: string | null;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** What a clock in `timeZone` shows at `instant`, written as if that reading were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Map(wallClockFormat(timeZone).formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

function offsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1_000) * 1_000;
}

/**
 * The instant a wall-clock reading in `timeZone` names. A reading that happens twice (the autumn
 * night) is the first one. A reading skipped by the spring jump (03:30 in Riga) is read with the
 * offset from before the jump, landing as far past it as it was meant to be (04:30): a business
 * opening at 03:30 that night opens an hour after the clocks went forward.
 */
export function zonedInstant(date: LocalDate, clock: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${clock}:00Z`);
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const readings = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallClockAsUtc(instant, timeZone) === wall);
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - offsetBefore);
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(wallClockAsUtc(instant.getTime(), timeZone)).toISOString();
  const date = wall.slice(0, 10);
  return { date, weekday: weekdayOf(date), clock: wall.slice(11, 16) };
}

export function weekdayOf(date: LocalDate): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

type HoursException = AiKnowledge['hoursExceptions'][number];

function clocksOn(knowledge: AiKnowledge, exception: HoursException | undefined, date: LocalDate): { opens: string; closes: string }[] {
  if (!exception) return knowledge.openingHours.filter((period) => period.weekday === weekdayOf(date));
  return !exception.closed && exception.opens && exception.closes ? [{ opens: exception.opens, closes: exception.closes }] : [];
}

/**
 * The periods that start on `date`: the exception's hours if the date has one, else the weekday's.
 * A period that started the evening before belongs to that evening, so a holiday does not cut short
 * the night before it.
 */
function periodsStartingOn(knowledge: AiKnowledge, exception: HoursException | undefined, date: LocalDate, timeZone: string): OpeningPeriod[] {
  return clocksOn(knowledge, exception, date)
    .map(({ opens, closes }) => ({
      opens,
      closes,
      opensAt: zonedInstant(date, opens, timeZone),
      closesAt: zonedInstant(closes <= opens ? addDays(date, 1) : date, closes, timeZone),
    }))
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
}

function exceptionsByDate(knowledge: AiKnowledge): Map<LocalDate, HoursException> {
  return new Map(knowledge.hoursExceptions.map((exception) => [exception.date, exception]));
}

/** Periods in start order, day by day from `firstDate`; computed lazily because callers usually stop within a day or two. */
function* periodsFrom(knowledge: AiKnowledge, timeZone: string, firstDate: LocalDate, days: number): Generator<OpeningPeriod> {
  const exceptions = exceptionsByDate(knowledge);
  for (let day = 0; day < days; day++) {
    const date = addDays(firstDate, day);
    yield* periodsStartingOn(knowledge, exceptions.get(date), date, timeZone);
  }
}

export function openingState(knowledge: AiKnowledge, timeZone: string, now: Date): OpeningState {
  const today = localTime(now, timeZone).date;
  const exception = exceptionsByDate(knowledge).get(today);
  const todayException = exception ? { closed: exception.closed, ...(exception.note ? { note: exception.note } : {}) } : null;
  let closesAt: Date | null = null;
  for (const period of periodsFrom(knowledge, timeZone, addDays(today, -1), SEARCH_DAYS + 1)) {
    if (!closesAt) {
      if (period.closesAt <= now) continue;
      if (period.opensAt > now) return { open: false, closesAt: null, nextOpening: { at: period.opensAt }, todayException };
      closesAt = period.closesAt;
      continue;
    }
    // Back-to-back periods (23:00–00:00 then 00:00–03:00) are one stretch: we close at the end of the last.
    if (period.opensAt > closesAt) break;
    if (period.closesAt > closesAt) closesAt = period.closesAt;
    if (closesAt.getTime() - now.getTime() >= ROUND_THE_CLOCK_MS) return { open: true, closesAt: null, nextOpening: null, todayException };
  }
  return closesAt ? { open: true, closesAt, nextOpening: null, todayException } : { open: false, closesAt: null, nextOpening: null, todayException };
}

/** Today and the six days after it, for "what are your hours this week?". */
export function weekHours(knowledge: AiKnowledge, timeZone: string, now: Date): DayHours[] {
  const today = localTime(now, timeZone).date;
  const exceptions = exceptionsByDate(knowledge);
  return Array.from({ length: 7 }, (_, day) => {
    const date = addDays(today, day);
    const exception = exceptions.get(date);
    return { date, weekday: weekdayOf(date), periods: periodsStartingOn(knowledge, exception, date, timeZone), note: exception?.note ?? null };
  });
}
