import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import { ConflictError, forbidden } from '../errors.ts';
import type { Business, Plan, Prisma } from '../generated/prisma/client.ts';
import { visibleBusinessesWhere } from './access.ts';
import { recordAudit } from './audit.ts';
import { selection } from './db/selection.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { countryCodeSchema, languageSchema, nameSchema, parseInput, slugSchema, timezoneSchema } from './validation.ts';

export type BusinessQuery = { include?: Prisma.BusinessInclude; select?: Prisma.BusinessSelect };

const descriptionSchema = z.string().trim().max(2_000, 'Must be at most 2,000 characters');
const categorySchema = z.string().trim().min(1, 'Must not be empty').max(80, 'Must be at most 80 characters');

const CreateBusinessSchema = z.object({
  name: nameSchema,
  slug: slugSchema.nullish(),
  description: descriptionSchema.nullish(),
  category: categorySchema.nullish(),
  countryCode: countryCodeSchema,
  timezone: timezoneSchema,
  language: languageSchema.nullish(),
});

const UpdateBusinessSchema = z.object({
  name: nameSchema.optional(),
  slug: slugSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  category: categorySchema.nullable().optional(),
  countryCode: countryCodeSchema.optional(),
  timezone: timezoneSchema.optional(),
  language: languageSchema.optional(),
});

export type CreateBusinessInput = z.input<typeof CreateBusinessSchema>;
/** Validated here, so callers may pass what GraphQL gives them (nulls included). */
export type UpdateBusinessInput = { [Field in keyof z.input<typeof UpdateBusinessSchema>]?: z.input<typeof UpdateBusinessSchema>[Field] | null };

function slugFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base || 'business';
}

export async function createBusiness(ctx: Context, input: CreateBusinessInput, query: BusinessQuery = {}) {
  if (ctx.viewer.kind !== 'user') throw forbidden('Only a signed-in user can create a business');
  const viewer = ctx.viewer;
  const data = parseInput(CreateBusinessSchema, input);
  const explicitSlug = data.slug ?? null;
  // A derived slug that is taken gets a short random suffix; an explicit one is the caller's to choose.
  for (let attempt = 0; ; attempt += 1) {
    const slug = explicitSlug ?? (attempt === 0 ? slugFromName(data.name) : `${slugFromName(data.name)}-${randomBytes(3).toString('hex')}`);
    try {
      return await db().$transaction(async (tx) => {
        const business = await tx.business.create({
          ...selection(query),
          data: {
            name: data.name,
            slug,
            description: data.description ?? null,
            category: data.category ?? null,
            countryCode: data.countryCode,
            timezone: data.timezone,
            language: data.language ?? 'en',
            memberships: {
              create: { userId: viewer.userId, role: 'OWNER', email: viewer.email, name: viewer.name },
            },
          },
        });
        await recordAudit(tx, viewer, {
          businessId: business.id,
          action: 'business.create',
          targetType: 'Business',
          targetId: business.id,
          metadata: { name: data.name, slug },
        });
        return business;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (explicitSlug || attempt >= 4) throw new ConflictError(`The slug "${slug}" is already taken`, ['input', 'slug']);
    }
  }
}

export async function updateBusiness(ctx: Context, businessId: string, input: UpdateBusinessInput, query: BusinessQuery = {}) {
  const changes = parseInput(UpdateBusinessSchema, input);
  await ctx.access.authorize(businessId, 'MANAGE', ['input', 'id']);
  let business: Business;
  try {
    business = await db().$transaction(async (tx) => {
      const updated = await tx.business.update({ ...selection(query), where: { id: businessId }, data: changes });
      await recordAudit(tx, ctx.viewer, {
        businessId,
        action: 'business.update',
        targetType: 'Business',
        targetId: businessId,
        metadata: { changed: Object.keys(changes) },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The slug "${changes.slug}" is already taken`, ['input', 'slug']);
    throw error;
  }
  ctx.pubsub.publish('business:updated', businessId, { kind: 'UPDATED', businessId });
  return business;
}

/** Soft delete: the business disappears from every query; its rows stay for audit and recovery. */
export async function deleteBusiness(ctx: Context, businessId: string): Promise<string> {
  await ctx.access.authorize(businessId, 'OWN', ['input', 'id']);
  await db().$transaction(async (tx) => {
    await tx.business.update({ where: { id: businessId }, data: { deletedAt: new Date() } });
    await recordAudit(tx, ctx.viewer, { businessId, action: 'business.delete', targetType: 'Business', targetId: businessId });
  });
  ctx.pubsub.publish('business:updated', businessId, { kind: 'DELETED', businessId });
  return businessId;
}

export function businessSearchWhere(ctx: Context, search: string | null | undefined): Prisma.BusinessWhereInput {
  const term = search?.trim();
  const visible = visibleBusinessesWhere(ctx.viewer);
  if (!term) return visible;
  return { AND: [visible, { OR: [{ name: { contains: term, mode: 'insensitive' } }, { slug: { contains: term.toLowerCase() } }] }] };
}

export function findVisibleBusiness(ctx: Context, businessId: string, query: BusinessQuery = {}) {
  return db().business.findFirst({ ...selection(query), where: { id: businessId, AND: [visibleBusinessesWhere(ctx.viewer)] } });
}

/**
 * Moves a business to another plan (admins; owners too when SELF_SERVICE_PLANS is on). A downgrade
 * below current usage is allowed: the lower limits apply from then on.
 */
export async function changePlan(ctx: Context, businessId: string, plan: Plan, query: BusinessQuery = {}) {
  const selfService = ctx.platform.config.selfServicePlans;
  const isAdmin = ctx.viewer.kind === 'user' && ctx.viewer.isAdmin;
  await ctx.access.authorize(businessId, isAdmin || selfService ? 'OWN' : 'MANAGE', ['input', 'businessId']);
  if (!isAdmin && !selfService) throw forbidden('Only platform admins change plans (SELF_SERVICE_PLANS is off)');
  const business = await db().$transaction(async (tx) => {
    const before = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { plan: true } });
    const updated = await tx.business.update({ ...selection(query), where: { id: businessId }, data: { plan } });
    await recordAudit(tx, ctx.viewer, {
      businessId,
      action: 'business.changePlan',
      targetType: 'Business',
      targetId: businessId,
      metadata: { from: before.plan, to: plan },
    });
    return updated;
  });
  ctx.pubsub.publish('business:updated', businessId, { kind: 'UPDATED', businessId });
  return business;
}
