import { db } from '../../db.ts';

/**
 * Takes (or renews) a named lease for `ttlMs`: true when this holder has it now. Replicas running
 * the same singleton job race for it; the winner keeps renewing, and if it dies the lease expires
 * and another replica takes over.
 */
export async function acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(Date.now() + ttlMs);
  const rows = await db().$queryRaw<{ holder: string }[]>`
    INSERT INTO "WorkerLease" (name, holder, "expiresAt") VALUES (${name}, ${holder}, ${expiresAt})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt"
      WHERE "WorkerLease".holder = EXCLUDED.holder OR "WorkerLease"."expiresAt" < now()
    RETURNING holder`;
  return rows.length === 1;
}

export async function releaseLease(name: string, holder: string): Promise<void> {
  await db().workerLease.deleteMany({ where: { name, holder } });
}
