import type { ApiKeyScope } from '../../generated/prisma/enums.ts';

/** Who is calling: resolved once per HTTP request or WebSocket connection. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; email: string | null; name: string | null; isAdmin: boolean }
  | { kind: 'apiKey'; apiKeyId: string; businessId: string; scopes: ApiKeyScope[] };

export type UserViewer = Extract<Viewer, { kind: 'user' }>;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/** The id recorded as the actor of audit entries. */
export function actorOf(viewer: Viewer): { actorType: 'USER' | 'API_KEY' | 'SYSTEM'; actorId: string } {
  switch (viewer.kind) {
    case 'user':
      return { actorType: 'USER', actorId: viewer.userId };
    case 'apiKey':
      return { actorType: 'API_KEY', actorId: viewer.apiKeyId };
    case 'anonymous':
      return { actorType: 'SYSTEM', actorId: 'anonymous' };
  }
}
