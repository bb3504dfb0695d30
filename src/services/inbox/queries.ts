import { GraphQLError } from 'graphql';
import { db } from '../../db.ts';
import { type Contact, type Conversation, type Membership, type Message, Prisma } from '../../generated/prisma/client.ts';
import type { ConversationStatus, Controller } from '../../generated/prisma/enums.ts';
import { selection } from '../db/selection.ts';
import { type Connection, type ConnectionArgs, type KeysetOrder, keysetConnection, type KeysetWindow, windowOrderBy, windowWhere } from './keyset.ts';

export type ConversationQuery = { include?: Prisma.ConversationInclude; select?: Prisma.ConversationSelect };
export type ContactQuery = { include?: Prisma.ContactInclude; select?: Prisma.ContactSelect };
export type MessageQuery = { include?: Prisma.MessageInclude; select?: Prisma.MessageSelect };

export interface ConversationFilter {
  status?: ConversationStatus | null;
  controller?: Controller | null;
  unreadOnly?: boolean | null;
  instanceId?: string | null;
  /** A Membership id: conversations assigned to that member's user. */
  assignedTo?: string | null;
  search?: string | null;
}

/** Inbox order: last activity first; conversations without a message yet come last. */
const INBOX_ORDER: KeysetOrder = { field: 'lastMessageAt', nullable: true };
/** Contacts: most recently seen first. */
const CONTACT_ORDER: KeysetOrder = { field: 'lastSeenAt', nullable: false };

const MAX_SEARCH_LENGTH = 200;

function searchTerm(search: string | null | undefined): string | null {
  const term = search?.trim() ?? '';
  if (term.length > MAX_SEARCH_LENGTH) {
    throw new GraphQLError(`A search is at most ${MAX_SEARCH_LENGTH} characters`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return term === '' ? null : term;
}

/** A contact whose name contains the term, whose number contains its digits, or known by it as a JID. */
function contactMatch(term: string): Prisma.ContactWhereInput {
  // People type numbers with spaces, dashes or without the "+": compare digits only.
  const digits = term.replace(/\D/g, '');
  return {
    OR: [
      { name: { contains: term, mode: 'insensitive' } },
      ...(digits ? [{ phone: { contains: digits } }] : []),
      { jids: { has: term } },
    ],
  };
}

async function conversationsWhere(businessId: string, filter: ConversationFilter): Promise<Prisma.ConversationWhereInput> {
  const term = searchTerm(filter.search);
  let assignee: Prisma.ConversationWhereInput = {};
  if (filter.assignedTo) {
    const member = await db().membership.findFirst({ where: { id: filter.assignedTo, businessId }, select: { userId: true } });
    // A member of another business (or none) has nothing assigned here.
    assignee = { assigneeId: member ? member.userId : { in: [] } };
  }
  // Each filter on its own matches an index of the inbox migration (status, controller, assignee, unread).
  return {
    businessId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.controller ? { controller: filter.controller } : {}),
    ...(filter.unreadOnly ? { unreadCount: { gt: 0 } } : {}),
    ...(filter.instanceId ? { instanceId: filter.instanceId } : {}),
    ...assignee,
    ...(term ? { contact: contactMatch(term) } : {}),
  };
}

/** The business's conversations by last activity, each page one findMany with the caller's selection. */
export async function listConversations(
  businessId: string,
  filter: ConversationFilter,
  args: ConnectionArgs,
  query: ConversationQuery,
): Promise<Connection<Conversation>> {
  const where = await conversationsWhere(businessId, filter);
  return keysetConnection(
    args,
    (conversation: Conversation) => ({ at: conversation.lastMessageAt, id: conversation.id }),
    (window) =>
      db().conversation.findMany({
        ...selection(query),
        where: { ...where, AND: windowWhere<Prisma.ConversationWhereInput>(INBOX_ORDER, window) },
        orderBy: windowOrderBy<Prisma.ConversationOrderByWithRelationInput>(INBOX_ORDER, window),
        take: window.take,
      }),
  );
}

/** The business's contacts, most recently seen first, optionally matching a name, number or JID. */
export function listContacts(businessId: string, search: string | null | undefined, args: ConnectionArgs, query: ContactQuery): Promise<Connection<Contact>> {
  const term = searchTerm(search);
  return keysetConnection(
    args,
    (contact: Contact) => ({ at: contact.lastSeenAt, id: contact.id }),
    (window) =>
      db().contact.findMany({
        ...selection(query),
        where: { businessId, ...(term ? contactMatch(term) : {}), AND: windowWhere<Prisma.ContactWhereInput>(CONTACT_ORDER, window) },
        orderBy: windowOrderBy<Prisma.ContactOrderByWithRelationInput>(CONTACT_ORDER, window),
        take: window.take,
      }),
  );
}

function messageBound(window: KeysetWindow): Prisma.Sql {
  const bounds = [
    ...(window.after ? [Prisma.sql`AND ("createdAt", id) < (${window.after.at}, ${window.after.id})`] : []),
    ...(window.before ? [Prisma.sql`AND ("createdAt", id) > (${window.before.at}, ${window.before.id})`] : []),
  ];
  return bounds.length > 0 ? Prisma.join(bounds, ' ') : Prisma.empty;
}

/**
 * Full-text search over the business's message bodies, newest first; messages deleted for
 * everyone are not found. The match is written exactly as the expression of the GIN index
 * `Message_body_search_idx` ('simple' configuration: word by word, in any language), so the index
 * serves it; the matching rows are then read with the caller's selection.
 */
export async function searchMessages(businessId: string, text: string, args: ConnectionArgs, query: MessageQuery): Promise<Connection<Message>> {
  const term = searchTerm(text);
  if (term === null) throw new GraphQLError('Say what to search for', { extensions: { code: 'BAD_USER_INPUT', argument: 'query' } });
  return keysetConnection(
    args,
    (message: Message) => ({ at: message.createdAt, id: message.id }),
    async (window) => {
      const direction = Prisma.raw(window.inverted ? 'ASC' : 'DESC');
      const hits = await db().$queryRaw<{ id: string }[]>`
        SELECT id FROM "Message"
        WHERE "businessId" = ${businessId} AND "deletedAt" IS NULL
          AND to_tsvector('simple', coalesce("body", '')) @@ websearch_to_tsquery('simple', ${term})
          ${messageBound(window)}
        ORDER BY "createdAt" ${direction}, id ${direction}
        LIMIT ${window.take}`;
      if (hits.length === 0) return [];
      const rows = await db().message.findMany({ ...selection(query), where: { id: { in: hits.map((hit) => hit.id) }, businessId } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return hits.flatMap((hit) => byId.get(hit.id) ?? []);
    },
  );
}

export interface MemberKey {
  businessId: string;
  userId: string;
}

export const memberKey = (key: MemberKey): string => `${key.businessId}:${key.userId}`;

/** The memberships of users in businesses (assignees, senders), in key order; one statement for all. */
export async function membershipsOfUsers(keys: readonly MemberKey[]): Promise<(Membership | null)[]> {
  const rows = await db().membership.findMany({ where: { OR: keys.map(({ businessId, userId }) => ({ businessId, userId })) } });
  const byKey = new Map(rows.map((row) => [memberKey(row), row]));
  return keys.map((key) => byKey.get(memberKey(key)) ?? null);
}

export interface ExternalMessageKey {
  instanceId: string;
  externalId: string;
}

export const externalMessageKey = (key: ExternalMessageKey): string => `${key.instanceId}:${key.externalId}`;

/** Messages by their WhatsApp id on a line (what reactions point at), in key order; one statement for all. */
export async function messagesByExternalId(keys: readonly ExternalMessageKey[]): Promise<(Message | null)[]> {
  const rows = await db().message.findMany({ where: { OR: keys.map(({ instanceId, externalId }) => ({ instanceId, externalId })) } });
  // Each row matched a key, so its externalId is set.
  const byKey = new Map(rows.map((row) => [externalMessageKey({ instanceId: row.instanceId, externalId: row.externalId! }), row]));
  return keys.map((key) => byKey.get(externalMessageKey(key)) ?? null);
}
