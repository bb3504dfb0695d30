import { db } from '../db.ts';
import { forbidden, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';
import type { Viewer } from './auth/viewer.ts';

/**
 * What an action needs inside one business. READ and SEND are open to every member; MANAGE to
 * owners (and API keys with that scope); OWN to owners and admins only (never an API key).
 */
export type BusinessPermission = 'READ' | 'SEND' | 'MANAGE' | 'OWN';

/** The caller's standing in the businesses it touches, cached for one request or socket. */
export interface Access {
  viewer: Viewer;
  /** Throws NOT_FOUND when the business is invisible to the caller, FORBIDDEN when visible but not allowed. */
  authorize(businessId: string, permission: BusinessPermission, field?: string[]): Promise<void>;
  /** Whether the caller may do this, without throwing. */
  can(businessId: string, permission: BusinessPermission): Promise<boolean>;
}

/** The businesses whose data the caller may read: use it in every query that lists or loads them. */
export function visibleBusinessesWhere(viewer: Viewer): Prisma.BusinessWhereInput {
  return businessesWhere(viewer, 'READ');
}

/** The businesses the caller may manage (keys, audit log, members). */
export function manageableBusinessesWhere(viewer: Viewer): Prisma.BusinessWhereInput {
  return businessesWhere(viewer, 'MANAGE');
}

const NONE: Prisma.BusinessWhereInput = { id: { in: [] } };

function businessesWhere(viewer: Viewer, permission: 'READ' | 'MANAGE'): Prisma.BusinessWhereInput {
  switch (viewer.kind) {
    case 'anonymous':
      return NONE;
    case 'apiKey':
      return permits({ scopes: viewer.scopes }, permission) ? { id: viewer.businessId, deletedAt: null } : NONE;
    case 'user':
      if (viewer.isAdmin) return { deletedAt: null };
      return {
        deletedAt: null,
        memberships: { some: { userId: viewer.userId, ...(permission === 'MANAGE' ? { role: 'OWNER' } : {}) } },
      };
  }
}

type Standing = { role: MemberRole | 'ADMIN' } | { scopes: string[] } | null;

function permits(standing: Exclude<Standing, null>, permission: BusinessPermission): boolean {
  if ('scopes' in standing) {
    if (permission === 'OWN') return false;
    if (permission === 'READ') return standing.scopes.includes('READ') || standing.scopes.includes('MANAGE');
    return standing.scopes.includes(permission);
  }
  if (standing.role === 'ADMIN' || standing.role === 'OWNER') return true;
  return permission === 'READ' || permission === 'SEND';
}

export function createAccess(viewer: Viewer): Access {
  const standings = new Map<string, Promise<Standing>>();

  const loadStanding = async (businessId: string): Promise<Standing> => {
    if (viewer.kind === 'anonymous' || (viewer.kind === 'apiKey' && viewer.businessId !== businessId)) return null;
    const business = await db().business.findFirst({
      where: { id: businessId, deletedAt: null },
      select: {
        id: true,
        memberships: viewer.kind === 'user' ? { where: { userId: viewer.userId }, select: { role: true } } : false,
      },
    });
    if (!business) return null;
    if (viewer.kind === 'apiKey') return { scopes: viewer.scopes };
    if (viewer.kind === 'user' && viewer.isAdmin) return { role: 'ADMIN' };
    const role = business.memberships?.[0]?.role;
    return role ? { role } : null;
  };

  const standingIn = (businessId: string): Promise<Standing> => {
    let standing = standings.get(businessId);
    if (!standing) {
      standing = loadStanding(businessId);
      standings.set(businessId, standing);
    }
    return standing;
  };

  return {
    viewer,
    async authorize(businessId, permission, field = ['input', 'businessId']) {
      const standing = await standingIn(businessId);
      if (!standing) throw new NotFoundError('No business with this id is visible to you', field);
      if (!permits(standing, permission)) throw forbidden(`This needs the ${permission} permission in the business`);
    },
    async can(businessId, permission) {
      const standing = await standingIn(businessId);
      return standing !== null && permits(standing, permission);
    },
  };
}
