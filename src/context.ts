import type { Access } from './services/access.ts';
import type { Viewer } from './services/auth/viewer.ts';
import type { AppPubSub } from './services/events/event-bus.ts';
import type { Platform } from './services/platform.ts';

/** What every resolver and service call receives. The Prisma client is imported, not carried here. */
export interface Context {
  viewer: Viewer;
  access: Access;
  pubsub: AppPubSub;
  platform: Platform;
  requestId: string;
}
