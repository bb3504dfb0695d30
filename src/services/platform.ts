import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { AppPubSub } from './events/event-bus.ts';
import type { SecretCipher } from './secrets.ts';
import type { GatewayRegistry } from './whatsapp/gateways.ts';

/** The process-wide collaborators services need besides the database: built once in createApp. */
export interface Platform {
  config: Config;
  log: Logger;
  pubsub: AppPubSub;
  cipher: SecretCipher;
  gateways: GatewayRegistry;
}
