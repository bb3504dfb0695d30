import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { ConflictError } from '../../errors.ts';
import type { ExportJob, Prisma } from '../../generated/prisma/client.ts';
import type { ExportFormat } from '../../generated/prisma/enums.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { recordAudit } from '../audit.ts';
import { selection } from '../db/selection.ts';
import { parseInput } from '../validation.ts';
import { wakeExportWorkers } from './worker.ts';

export type ExportJobQuery = { include?: Prisma.ExportJobInclude; select?: Prisma.ExportJobSelect };

export const MAX_EXPORT_RANGE_DAYS = 366;
/** Exports of one business waiting or running at once; more are refused until one finishes. */
export const MAX_ACTIVE_EXPORTS = 3;

const DAY_MS = 86_400_000;

const RangeSchema = z
  .object({ from: z.date(), to: z.date() })
  .superRefine(({ from, to }, issues) => {
    if (to.getTime() <= from.getTime()) {
      issues.addIssue({ code: 'custom', path: ['to'], message: 'Must be after `from`' });
    } else if (to.getTime() - from.getTime() > MAX_EXPORT_RANGE_DAYS * DAY_MS) {
      issues.addIssue({ code: 'custom', path: ['to'], message: `The range may span at most ${MAX_EXPORT_RANGE_DAYS} days` });
    }
  });

export interface RequestExportInput {
  from: Date;
  to: Date;
  format: ExportFormat;
}

/**
 * Queues an export of the business's messages created in [from, to). Needs READ in the business
 * (an invisible one is NOT_FOUND); audit-logged, since it hands out customer data in bulk.
 */
export async function requestExport(ctx: Context, businessId: string, input: RequestExportInput, query: ExportJobQuery = {}): Promise<ExportJob> {
  const range = parseInput(RangeSchema, { from: input.from, to: input.to });
  await ctx.access.authorize(businessId, 'READ');
  const jobId = await db().$transaction(async (tx) => {
    // Serialises requests of one business, so the limit below holds under concurrent requests.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('export:' || ${businessId}))`;
    const active = await tx.exportJob.count({ where: { businessId, status: { in: ['QUEUED', 'RUNNING'] } } });
    if (active >= MAX_ACTIVE_EXPORTS) {
      throw new ConflictError(`The business already has ${active} exports waiting or running; try again when one has finished`, ['input', 'businessId']);
    }
    const created = await tx.exportJob.create({
      data: { businessId, requestedBy: actorId(ctx), format: input.format, from: range.from, to: range.to },
      select: { id: true },
    });
    await recordAudit(tx, ctx.viewer, {
      businessId,
      action: 'export.request',
      targetType: 'ExportJob',
      targetId: created.id,
      metadata: { format: input.format, from: range.from.toISOString(), to: range.to.toISOString() },
    });
    return created.id;
  });
  wakeExportWorkers();
  return db().exportJob.findUniqueOrThrow({ ...selection(query), where: { id: jobId } });
}

function actorId(ctx: Context): string {
  switch (ctx.viewer.kind) {
    case 'user':
      return ctx.viewer.userId;
    case 'apiKey':
      return `apiKey:${ctx.viewer.apiKeyId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/** The row id of an export the caller may read, or null (another tenant's export looks like none). */
export async function visibleExportJobId(ctx: Context, jobId: string): Promise<string | null> {
  const job = await db().exportJob.findFirst({ where: { id: jobId, business: visibleBusinessesWhere(ctx.viewer) }, select: { id: true } });
  return job?.id ?? null;
}
