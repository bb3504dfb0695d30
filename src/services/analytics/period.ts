import { type FieldError, ValidationError } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/**
 * Periods and local-time buckets shared by business and platform analytics.
 *
 * A period is the half-open interval [from, to). Timestamps in the database are UTC wall times
 * (`timestamp without time zone`), and so is every SQL expression here. Messages are rolled up in
 * 15-minute UTC slots (`analytics_slot`, `AnalyticsSlot`): every time zone in use is a whole number
 * of quarter hours from UTC and changes offset on a quarter hour, so each slot lies inside one
 * local hour, day and week, and `AT TIME ZONE` runs once per slot instead of once per row.
 */

export type Granularity = 'HOUR' | 'DAY' | 'WEEK';

/** The two ways to ask for a period: an explicit [from, to), or the last N whole local days up to now. */
export interface PeriodInput {
  from?: Date | null;
  to?: Date | null;
  days?: number | null;
}

export interface Period {
  from: Date;
  to: Date;
}

export type PeriodRequest = { days: number } | Period;

export const MAX_DAYS = 366;
/** An explicit period may be a little longer than 366 days: the hour a DST change adds. */
const MAX_PERIOD_MS = MAX_DAYS * 86_400_000 + 3_600_000;
export const SLOT_MS = 15 * 60_000;

/** Exactly one of the two forms, within limits; errors point at `input.<field>`. */
export function parsePeriodInput(input: PeriodInput, root: string[] = ['input']): PeriodRequest {
  const errors: FieldError[] = [];
  const at = (field: string): string[] => [...root, field];
  const hasFrom = input.from != null;
  const hasTo = input.to != null;
  if (input.days != null) {
    if (hasFrom || hasTo) errors.push({ path: at('days'), message: 'Give either `days` or `from` and `to`, not both' });
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DAYS) {
      errors.push({ path: at('days'), message: `Must be a whole number from 1 to ${MAX_DAYS}` });
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return { days: input.days };
  }
  if (!hasFrom) errors.push({ path: at('from'), message: 'Required unless `days` is given' });
  if (!hasTo) errors.push({ path: at('to'), message: 'Required unless `days` is given' });
  if (errors.length > 0) throw new ValidationError(errors);
  const from = input.from!;
  const to = input.to!;
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new ValidationError([{ path: at('from'), message: 'Must be a valid date and time' }]);
  }
  if (to.getTime() <= from.getTime()) throw new ValidationError([{ path: at('to'), message: 'Must be after `from`' }]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
    throw new ValidationError([{ path: at('to'), message: `The period may be at most ${MAX_DAYS} days long` }]);
  }
  return { from, to };
}

/** SQL: the UTC instant of local midnight `days - 1` days before `now`'s local date in `timezone`. */
export function localDaysStartSql(now: Date, days: number, timezone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((date_trunc('day', (${now}::timestamp AT TIME ZONE 'UTC') AT TIME ZONE ${timezone})
    - make_interval(days => ${days - 1}::int)) AT TIME ZONE ${timezone}) AT TIME ZONE 'UTC'`;
}

export function slotFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
}

function slotCeil(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / SLOT_MS) * SLOT_MS);
}

/**
 * How a period is read: whole slots from the rollup, and the parts of at most two slots at its
 * ends (when `from` or `to` is not on a quarter hour) from the rows themselves.
 */
export interface PeriodParts {
  rollup: Period | null;
  raw: Period[];
}

export function splitPeriod({ from, to }: Period): PeriodParts {
  const start = slotCeil(from);
  const end = slotFloor(to);
  if (start.getTime() >= end.getTime()) return { rollup: null, raw: [{ from, to }] };
  const raw: Period[] = [];
  if (from.getTime() < start.getTime()) raw.push({ from, to: start });
  if (end.getTime() < to.getTime()) raw.push({ from: end, to });
  return { rollup: { from: start, to: end }, raw };
}

/** SQL: the local wall time, in `timezone`, of a UTC timestamp expression. */
export function localTime(utc: Prisma.Sql, timezone: string): Prisma.Sql {
  return Prisma.sql`((${utc}) AT TIME ZONE 'UTC') AT TIME ZONE ${timezone}`;
}

const UNIT: Record<Granularity, Prisma.Sql> = {
  HOUR: Prisma.sql`'hour'`,
  DAY: Prisma.sql`'day'`,
  WEEK: Prisma.sql`'week'`,
};

/**
 * SQL for the bucket of a slot, given the slot (UTC) and its local wall time: `key` and `label`
 * (the local start: a day, a Monday, or an hour) per slot, then `start` and `end` (UTC) per
 * bucket, from the columns key and label were grouped into. A DAY is a local calendar day (23 or
 * 25 hours across a DST change) and a WEEK starts on Monday, local time. An HOUR is a real hour:
 * the hour repeated when clocks go back is two buckets with the same label.
 */
export interface BucketSql {
  key: Prisma.Sql;
  label: Prisma.Sql;
  start(keyColumn: Prisma.Sql, labelColumn: Prisma.Sql): Prisma.Sql;
  end(keyColumn: Prisma.Sql, labelColumn: Prisma.Sql): Prisma.Sql;
}

export function bucketOf(granularity: Granularity, slot: Prisma.Sql, local: Prisma.Sql, timezone: string): BucketSql {
  const label = Prisma.sql`date_trunc(${UNIT[granularity]}, ${local})`;
  if (granularity === 'HOUR') {
    return {
      key: Prisma.sql`(${slot} - (${local} - date_trunc('hour', ${local})))`,
      label,
      start: (keyColumn) => keyColumn,
      end: (keyColumn) => Prisma.sql`(${keyColumn} + interval '1 hour')`,
    };
  }
  const step = granularity === 'DAY' ? Prisma.sql`interval '1 day'` : Prisma.sql`interval '1 week'`;
  return {
    key: label,
    label,
    start: (_keyColumn, labelColumn) => Prisma.sql`((${labelColumn}) AT TIME ZONE ${timezone}) AT TIME ZONE 'UTC'`,
    end: (_keyColumn, labelColumn) => Prisma.sql`((${labelColumn} + ${step}) AT TIME ZONE ${timezone}) AT TIME ZONE 'UTC'`,
  };
}

/** SQL: how a bucket label is shown: `2026-03-08` for days and weeks, `2026-03-08T01:00` for hours. */
export function labelText(granularity: Granularity, label: Prisma.Sql): Prisma.Sql {
  return granularity === 'HOUR'
    ? Prisma.sql`to_char(${label}, 'YYYY-MM-DD"T"HH24:MI')`
    : Prisma.sql`to_char(${label}, 'YYYY-MM-DD')`;
}

/** SQL: milliseconds since the epoch of a UTC timestamp, for JSON results. */
export function epochMs(utc: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(extract(epoch FROM ${utc}) * 1000)::bigint`;
}

/** A ratio, or null when nothing was there to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
