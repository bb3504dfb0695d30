import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { NotFoundError } from '../../errors.ts';
import type { Prisma, WebhookEvent } from '../../generated/prisma/client.ts';
import { manageableBusinessesWhere } from '../access.ts';
import { recordAudit } from '../audit.ts';
import { parseInput } from '../validation.ts';
import { EvolutionIngestion } from './ingestion.ts';

const STATUSES = ['RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED'] as const;

/** Stored deliveries of one line (owners, MANAGE keys, admins), newest first. */
export async function webhookEventsWhere(ctx: Context, instanceId: string, status: string | null | undefined): Promise<Prisma.WebhookEventWhereInput> {
  const parsedStatus = status == null ? undefined : parseInput(z.enum(STATUSES), status, ['status']);
  const instance = await db().instance.findFirst({ where: { id: instanceId, business: manageableBusinessesWhere(ctx.viewer) }, select: { id: true } });
  return { instanceId: instance?.id ?? '', ...(parsedStatus ? { status: parsedStatus } : {}) };
}

/**
 * Runs a stored delivery through ingestion again — as stored, or with a corrected JSON body — and
 * keeps its id. Used to fix deliveries that were stored FAILED.
 */
export async function replayWebhookEvent(ctx: Context, webhookEventId: string, correctedPayload: unknown): Promise<WebhookEvent> {
  const stored = await db().webhookEvent.findFirst({
    where: { id: webhookEventId, instance: { business: manageableBusinessesWhere(ctx.viewer) } },
    select: { id: true, instance: { select: { businessId: true } } },
  });
  if (!stored?.instance) throw new NotFoundError('No webhook event with this id is visible to you', ['input', 'webhookEventId']);
  await new EvolutionIngestion(ctx.platform).replay(stored.id, correctedPayload ?? undefined);
  const replayed = await db().webhookEvent.findUniqueOrThrow({ where: { id: stored.id } });
  await recordAudit(db(), ctx.viewer, {
    businessId: stored.instance.businessId,
    action: 'webhookEvent.replay',
    targetType: 'WebhookEvent',
    targetId: stored.id,
    metadata: { corrected: correctedPayload != null, outcome: replayed.status },
  });
  return replayed;
}
