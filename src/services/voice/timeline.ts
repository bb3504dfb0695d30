import { db } from '../../db.ts';
import type { Call, Message, Prisma } from '../../generated/prisma/client.ts';
import { selection } from '../db/selection.ts';
import { type Connection, type ConnectionArgs, type KeysetOrder, keysetConnection, type KeysetWindow, type Position, windowOrderBy, windowWhere } from '../inbox/keyset.ts';

export type TimelineKind = 'Message' | 'Call';

/** Which list a timeline row came from: a hidden tag, so the GraphQL union can tell them apart. */
const KIND = Symbol('timelineKind');

export type TimelineItem = (Message | Call) & { [KIND]?: TimelineKind };

export function timelineKind(item: object): TimelineKind | null {
  return (item as TimelineItem)[KIND] ?? null;
}

function tag<Row extends object>(row: Row, kind: TimelineKind): Row {
  Object.defineProperty(row, KIND, { value: kind, enumerable: false });
  return row;
}

export type TimelineMessageQuery = { include?: Prisma.MessageInclude; select?: Prisma.MessageSelect };
export type TimelineCallQuery = { include?: Prisma.CallInclude; select?: Prisma.CallSelect };

const MESSAGE_ORDER: KeysetOrder = { field: 'createdAt', nullable: false };
const CALL_ORDER: KeysetOrder = { field: 'startedAt', nullable: false };

/** A selection that also reads the columns the timeline orders by. */
function withKeys<Query extends { select?: object; include?: object }>(query: Query, time: string): Query {
  const safe = selection(query) as Query;
  return safe.select ? ({ ...safe, select: { ...safe.select, id: true, [time]: true } } as Query) : safe;
}

function positionOf(item: TimelineItem): Position {
  return timelineKind(item) === 'Call' ? { at: (item as Call).startedAt, id: item.id } : { at: (item as Message).createdAt, id: item.id };
}

/** The list order (newest first), or its reverse for a window read backwards. */
function compare(window: KeysetWindow) {
  return (a: TimelineItem, b: TimelineItem): number => {
    const left = positionOf(a);
    const right = positionOf(b);
    const byTime = right.at!.getTime() - left.at!.getTime();
    const order = byTime !== 0 ? byTime : left.id < right.id ? 1 : left.id > right.id ? -1 : 0;
    return window.inverted ? -order : order;
  };
}

/**
 * A conversation's messages and its contact's calls as one list, newest first, with keyset
 * cursors over (time, id): a message's time is when it was written, a call's when it came in.
 * Each page reads at most one page of each kind along its own index, then merges them.
 */
export function conversationTimeline(
  conversation: { id: string; businessId: string; contactId: string },
  args: ConnectionArgs,
  queries: { message: TimelineMessageQuery; call: TimelineCallQuery },
): Promise<Connection<TimelineItem>> {
  return keysetConnection(args, positionOf, async (window) => {
    const [messages, calls] = await Promise.all([
      db().message.findMany({
        ...withKeys(queries.message, 'createdAt'),
        where: { conversationId: conversation.id, AND: windowWhere<Prisma.MessageWhereInput>(MESSAGE_ORDER, window) },
        orderBy: windowOrderBy<Prisma.MessageOrderByWithRelationInput>(MESSAGE_ORDER, window),
        take: window.take,
      }),
      db().call.findMany({
        ...withKeys(queries.call, 'startedAt'),
        where: {
          businessId: conversation.businessId,
          contactId: conversation.contactId,
          AND: windowWhere<Prisma.CallWhereInput>(CALL_ORDER, window),
        },
        orderBy: windowOrderBy<Prisma.CallOrderByWithRelationInput>(CALL_ORDER, window),
        take: window.take,
      }),
    ]);
    const merged: TimelineItem[] = [...messages.map((row) => tag(row as TimelineItem, 'Message')), ...calls.map((row) => tag(row as TimelineItem, 'Call'))];
    return merged.sort(compare(window)).slice(0, window.take);
  });
}
