import { db } from '../../db.ts';
import type { AppPubSub } from '../events/event-bus.ts';
import type { InboxEvent } from './events.ts';

/** Beyond this many missed events a client is told to reload instead of being replayed to. */
export const REPLAY_LIMIT = 1_000;

export type InboxStreamItem = InboxEvent | { kind: 'RESYNC_REQUIRED'; businessId: string; seq: number };

async function storedEvents(businessId: string, afterSeq: number, beforeSeq: number | null, take?: number): Promise<InboxEvent[]> {
  const rows = await db().event.findMany({
    where: { businessId, seq: { gt: afterSeq, ...(beforeSeq === null ? {} : { lt: beforeSeq }) } },
    orderBy: { seq: 'asc' },
    take,
  });
  return rows.map((row) => {
    const payload = row.payload as { conversationId: string; messageId: string | null };
    return { businessId, seq: row.seq, kind: row.kind as InboxEvent['kind'], conversationId: payload.conversationId, messageId: payload.messageId };
  });
}

/**
 * One business's inbox events in sequence order, resumable: with `after` it first replays what was
 * stored later (or says RESYNC_REQUIRED beyond REPLAY_LIMIT), then continues live. It listens before
 * it reads, so nothing published meanwhile is lost, skips what it already sent, and fills any hole in
 * the live sequence from the Event table — events published out of commit order, or lost while
 * Redis was away, still arrive, in order, exactly once.
 */
export async function* inboxStream(pubsub: AppPubSub, businessId: string, after: number | null): AsyncGenerator<InboxStreamItem> {
  const live = pubsub.subscribe('business:inbox', businessId)[Symbol.asyncIterator]();
  // The subscription attaches on the first next(): start it before reading the database.
  let upcoming = live.next();
  let last = after;
  try {
    if (after !== null) {
      const missed = await storedEvents(businessId, after, null, REPLAY_LIMIT + 1);
      if (missed.length > REPLAY_LIMIT) {
        const { lastEventSeq } = await db().business.findUniqueOrThrow({ where: { id: businessId }, select: { lastEventSeq: true } });
        yield { kind: 'RESYNC_REQUIRED', businessId, seq: lastEventSeq };
        last = lastEventSeq;
      } else {
        for (const event of missed) {
          yield event;
          last = event.seq;
        }
      }
    }
    for (;;) {
      const { value, done } = await upcoming;
      if (done) return;
      upcoming = live.next();
      if (last !== null && value.seq <= last) continue;
      if (last !== null && value.seq > last + 1) {
        for (const event of await storedEvents(businessId, last, value.seq)) yield event;
      }
      yield value;
      last = value.seq;
    }
  } finally {
    await live.return?.();
  }
}
