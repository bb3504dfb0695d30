import type { Instance } from '../../generated/prisma/client.ts';
import type { Platform } from '../platform.ts';

/** Subscribers of `instanceQrCodeUpdated` re-read the instance; only its id travels. */
export function publishQr(platform: Platform, instance: Pick<Instance, 'id'>): void {
  platform.pubsub.publish('instance:qr', instance.id, { instanceId: instance.id });
}

export function publishInstanceChanged(platform: Platform, instance: Pick<Instance, 'id' | 'businessId'>): void {
  platform.pubsub.publish('business:instance', instance.businessId, { instanceId: instance.id });
}
