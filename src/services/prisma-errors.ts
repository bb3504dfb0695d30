import { Prisma } from '../generated/prisma/client.ts';

/**
 * The PostgreSQL SQLSTATE behind a Prisma error: model calls name a few as Prisma codes, raw
 * statements through a driver adapter report P2010 with the original code nested in `meta`.
 */
export function sqlStateOf(error: unknown): string | null {
  const meta = (error as { meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const original = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof original === 'string' ? original : null;
}

/** A unique constraint was violated (P2002 from model calls, SQLSTATE 23505 from raw statements). */
export function isUniqueViolation(error: unknown): boolean {
  return (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') || sqlStateOf(error) === '23505';
}
