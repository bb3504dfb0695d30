import type { Instance, Prisma } from '../../generated/prisma/client.ts';
import type { InboxEventInput } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';

export type IngestInstance = Pick<
  Instance,
  'id' | 'businessId' | 'name' | 'status' | 'connectionState' | 'settings' | 'deletedAt' | 'serverId' | 'remoteId' | 'integration'
>;

/** What each event processor works with inside the ingestion transaction. */
export interface IngestScope {
  tx: Prisma.TransactionClient;
  platform: Platform;
  instance: IngestInstance;
  /** Run after the transaction commits (publishing), never before: subscribers must find the rows. */
  afterCommit: (() => void)[];
  /** Set when an event cannot be applied yet (a receipt for a message not stored yet) and must wait. */
  deferred: boolean;
  /** Inbox events the changes made; appended to the business's sequence before commit. */
  events: InboxEventInput[];
  /** Customer messages stored, and contacts created: metered (usage) just before the inbox events. */
  usage: { received: number; newContacts: string[] };
}
