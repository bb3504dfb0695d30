import type { Prisma } from '../generated/prisma/client.ts';
import { actorOf, type Viewer } from './auth/viewer.ts';

export interface AuditEntry {
  businessId: string;
  action: string;
  targetType: string;
  targetId: string;
  /** Never secrets: names, ids, changed fields. */
  metadata?: Prisma.InputJsonObject;
}

/** Written inside the transaction of the change it records, so one never exists without the other. */
export async function recordAudit(tx: Prisma.TransactionClient, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...actorOf(viewer), ...entry, metadata: entry.metadata ?? {} } });
}
