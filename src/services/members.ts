import { z } from 'zod';
import type { Context } from '../context.ts';
import { db } from '../db.ts';
import { ConflictError, forbidden, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { visibleBusinessesWhere } from './access.ts';
import { recordAudit } from './audit.ts';
import { selection } from './db/selection.ts';
import { isUniqueViolation } from './prisma-errors.ts';
import { parseInput } from './validation.ts';

export type MembershipQuery = { include?: Prisma.MembershipInclude; select?: Prisma.MembershipSelect };

const AddMemberSchema = z.object({
  userId: z.string().trim().min(1, 'Must not be empty').max(200, 'Must be at most 200 characters'),
  role: z.enum(['OWNER', 'AGENT']),
  email: z.email('Must be an email address').max(320).nullish(),
  name: z.string().trim().min(1, 'Must not be empty').max(120, 'Must be at most 120 characters').nullish(),
});

export type AddMemberInput = z.input<typeof AddMemberSchema>;

export async function addBusinessMember(ctx: Context, businessId: string, input: AddMemberInput, query: MembershipQuery = {}) {
  const data = parseInput(AddMemberSchema, input);
  await ctx.access.authorize(businessId, 'MANAGE');
  try {
    return await db().$transaction(async (tx) => {
      const membership = await tx.membership.create({
        ...selection(query),
        data: { businessId, userId: data.userId, role: data.role, email: data.email ?? null, name: data.name ?? null },
      });
      await recordAudit(tx, ctx.viewer, {
        businessId,
        action: 'member.add',
        targetType: 'Membership',
        targetId: membership.id,
        metadata: { userId: data.userId, role: data.role },
      });
      return membership;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('This user is already a member of the business', ['input', 'userId']);
    throw error;
  }
}

/** Owners remove anyone, any member may leave; a business always keeps at least one owner. */
export async function removeBusinessMember(ctx: Context, membershipId: string): Promise<string> {
  const membership = await db().membership.findFirst({
    where: { id: membershipId, business: visibleBusinessesWhere(ctx.viewer) },
    select: { id: true, businessId: true, userId: true, role: true },
  });
  if (!membership) throw new NotFoundError('No membership with this id is visible to you', ['input', 'membershipId']);
  const leaving = ctx.viewer.kind === 'user' && ctx.viewer.userId === membership.userId;
  if (!leaving) await ctx.access.authorize(membership.businessId, 'MANAGE', ['input', 'membershipId']);
  else if (ctx.viewer.kind !== 'user') throw forbidden();

  await db().$transaction(async (tx) => {
    // Serialise membership changes per business so two owners cannot remove each other at once.
    await tx.$queryRaw`SELECT id FROM "Business" WHERE id = ${membership.businessId} FOR UPDATE`;
    if (membership.role === 'OWNER') {
      const owners = await tx.membership.count({ where: { businessId: membership.businessId, role: 'OWNER' } });
      if (owners <= 1) throw new ConflictError('A business must keep at least one owner', ['input', 'membershipId']);
    }
    const removed = await tx.membership.deleteMany({ where: { id: membership.id } });
    if (removed.count === 0) throw new NotFoundError('This membership was already removed', ['input', 'membershipId']);
    await recordAudit(tx, ctx.viewer, {
      businessId: membership.businessId,
      action: leaving ? 'member.leave' : 'member.remove',
      targetType: 'Membership',
      targetId: membership.id,
      metadata: { userId: membership.userId, role: membership.role },
    });
  });
  return membership.id;
}
