import { z } from 'zod';
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import { forbidden, NotFoundError } from '../errors.ts';
import type { ApiKey } from '../generated/prisma/client.ts';
import { manageableBusinessesWhere } from './access.ts';
import { recordAudit } from './audit.ts';
import { generateApiKey } from './auth/api-key-secret.ts';
import { parseInput } from './validation.ts';

const CreateApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Must not be empty').max(120, 'Must be at most 120 characters'),
  scopes: z
    .array(z.enum(['READ', 'SEND', 'MANAGE']))
    .min(1, 'Give at least one scope')
    .transform((scopes) => [...new Set(scopes)]),
});

export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

/** The secret is returned here once and never again: only its sha256 is stored. */
export async function createApiKey(ctx: Context, businessId: string, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
  const data = parseInput(CreateApiKeySchema, input);
  await ctx.access.authorize(businessId, 'MANAGE');
  const viewer = ctx.viewer;
  if (viewer.kind === 'apiKey' && data.scopes.some((scope) => !viewer.scopes.includes(scope))) {
    throw forbidden('An API key can only create keys with scopes it has itself');
  }
  const { key, prefix, hash } = generateApiKey();
  const apiKey = await db().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        businessId,
        name: data.name,
        prefix,
        secretHash: hash,
        scopes: data.scopes,
        createdById: viewer.kind === 'user' ? viewer.userId : viewer.kind === 'apiKey' ? viewer.apiKeyId : null,
      },
    });
    await recordAudit(tx, viewer, {
      businessId,
      action: 'apiKey.create',
      targetType: 'ApiKey',
      targetId: created.id,
      metadata: { name: data.name, prefix, scopes: data.scopes },
    });
    return created;
  });
  return { apiKey, secret: key };
}

/** Revoking twice is harmless: the first revocation time is kept. */
export async function revokeApiKey(ctx: Context, apiKeyId: string): Promise<ApiKey> {
  const existing = await db().apiKey.findFirst({
    where: { id: apiKeyId, business: manageableBusinessesWhere(ctx.viewer) },
    select: { businessId: true },
  });
  if (!existing) throw new NotFoundError('No API key with this id is visible to you', ['input', 'apiKeyId']);
  await ctx.access.authorize(existing.businessId, 'MANAGE', ['input', 'apiKeyId']);
  return db().$transaction(async (tx) => {
    await tx.apiKey.updateMany({ where: { id: apiKeyId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, ctx.viewer, {
      businessId: existing.businessId,
      action: 'apiKey.revoke',
      targetType: 'ApiKey',
      targetId: apiKeyId,
    });
    return tx.apiKey.findUniqueOrThrow({ where: { id: apiKeyId } });
  });
}
