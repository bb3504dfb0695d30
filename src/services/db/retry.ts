import { sqlStateOf } from '../prisma-errors.ts';

/** SQLSTATEs of transactions PostgreSQL aborted to break a deadlock or a serialization conflict. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

function isRetryable(error: unknown): boolean {
  // Prisma reports these as P2034 from transactions, or as a raw-statement error carrying the SQLSTATE.
  if ((error as { code?: unknown } | null)?.code === 'P2034') return true;
  const sqlState = sqlStateOf(error);
  return sqlState !== null && RETRYABLE_SQLSTATES.has(sqlState);
}

/**
 * Runs a transaction again when PostgreSQL aborted it as a deadlock victim or for a serialization
 * conflict: the whole transaction rolled back, so running it again is safe.
 */
export async function retryOnConflict<Result>(run: () => Promise<Result>, attempts = 3): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}
