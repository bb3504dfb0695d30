import type { Prisma } from '../../generated/prisma/client.ts';
import { newId } from '../ids.ts';
import type { Platform } from '../platform.ts';

import type { InboxTopicEvent } from '../events/topics.ts';

/** What an inbox screen needs to hear about; each kind names the rows to re-read. */
export type InboxEventKind = InboxTopicEvent['kind'];

export interface InboxEventInput {
  kind: InboxEventKind;
  conversationId: string;
  /** Set for message events. */
  messageId?: string | null;
}

/** An event as stored in the Event table and published: ids and the sequence only (Redis keeps JSON). */
export type InboxEvent = InboxTopicEvent;

/**
 * Appends inbox events to the business's sequence inside the caller's transaction. The business row
 * is the sequence: incrementing it holds its lock until commit, so sequence numbers of one business
 * commit in order and a reader resuming `after` a number never skips one that commits later.
 */
export async function appendInboxEvents(tx: Prisma.TransactionClient, businessId: string, events: InboxEventInput[]): Promise<InboxEvent[]> {
  if (events.length === 0) return [];
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    UPDATE "Business" SET "lastEventSeq" = "lastEventSeq" + ${events.length} WHERE id = ${businessId} RETURNING "lastEventSeq" AS last`;
  const first = row!.last - events.length + 1;
  const stored = events.map((event, index) => ({ ...event, messageId: event.messageId ?? null, businessId, seq: first + index }));
  await tx.event.createMany({
    data: stored.map((event) => ({
      id: newId(),
      businessId,
      seq: event.seq,
      kind: event.kind,
      payload: { conversationId: event.conversationId, messageId: event.messageId },
    })),
  });
  return stored;
}

/** After commit: fan the events out (through Redis when configured) to live subscribers. */
export function publishInboxEvents(platform: Pick<Platform, 'pubsub'>, events: InboxEvent[]): void {
  for (const event of events) platform.pubsub.publish('business:inbox', event.businessId, event);
}
