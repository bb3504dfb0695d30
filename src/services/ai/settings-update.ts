import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit.ts';
import { selection } from '../db/selection.ts';
import { type AiSettings, parseAiSettings, readAiSettings } from './settings.ts';

type BusinessQuery = { include?: Prisma.BusinessInclude; select?: Prisma.BusinessSelect };

/**
 * Top-level fields given replace the stored ones (lists and the knowledge sections as a whole);
 * omitted fields (undefined) keep their value. The merged result is validated as a whole, so a bad
 * field changes nothing.
 */
export type AiSettingsChanges = { [Key in keyof AiSettings]?: unknown } & { knowledge?: Record<string, unknown> | null };

function merged(current: AiSettings, changes: AiSettingsChanges): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    next[key] = key === 'knowledge' && value !== null ? { ...current.knowledge, ...stripUndefined(value as Record<string, unknown>) } : value;
    if (key === 'voice' && value !== null) next[key] = { ...current.voice, ...stripUndefined(value as Record<string, unknown>) };
  }
  return next;
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

/** Changes a business's AI settings and knowledge (owners and MANAGE keys); audit-logged with the changed fields. */
export async function updateAiSettings(ctx: Context, businessId: string, changes: AiSettingsChanges, query: BusinessQuery = {}) {
  await ctx.access.authorize(businessId, 'MANAGE');
  const business = await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ aiSettings: unknown }[]>`SELECT "aiSettings" FROM "Business" WHERE id = ${businessId} FOR UPDATE`;
    const settings = parseAiSettings(merged(readAiSettings(row!.aiSettings), changes));
    const updated = await tx.business.update({
      ...selection(query),
      where: { id: businessId },
      data: { aiSettings: settings as unknown as Prisma.InputJsonObject },
    });
    await recordAudit(tx, ctx.viewer, {
      businessId,
      action: 'business.updateAiSettings',
      targetType: 'Business',
      targetId: businessId,
      metadata: { fields: Object.keys(changes).filter((key) => changes[key as keyof AiSettingsChanges] !== undefined).sort() },
    });
    return updated;
  });
  ctx.pubsub.publish('business:updated', businessId, { kind: 'UPDATED', businessId });
  return business;
}
