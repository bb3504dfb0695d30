import { getRefFromModel, queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import type { Controller, ConversationStatus } from '../generated/prisma/enums.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { listConversations, memberKey, membershipsOfUsers } from '../services/inbox/queries.ts';
import { pageSize } from '../services/pagination.ts';
import { MessageConnection } from './message.ts';

/** Declared in membership.ts; the model's ref is the one Pothos registered there. */
const MembershipRef = getRefFromModel('Membership', builder);

export const ConversationStatusEnum = builder.enumType('ConversationStatus', {
  description: 'Where a conversation stands in the inbox.',
  values: {
    OPEN: { description: 'Needs attention; a customer message reopens a resolved conversation.' },
    PENDING: { description: 'Waiting on someone (the customer, a colleague).' },
    RESOLVED: { description: 'Done.' },
  } satisfies Record<ConversationStatus, { description: string }>,
});

export const ControllerEnum = builder.enumType('Controller', {
  description: 'Who answers a conversation.',
  values: {
    AI: { description: 'The AI answers.' },
    HUMAN: { description: 'People answer; the AI stays quiet.' },
  } satisfies Record<Controller, { description: string }>,
});

export const ConversationRef = builder.prismaNode('Conversation', {
  description: 'One customer’s thread with the business on one WhatsApp line.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    contact: t.relation('contact', { description: 'The customer (or group).' }),
    instance: t.relation('instance', { description: 'The WhatsApp line it runs on.' }),
    status: t.expose('status', { type: ConversationStatusEnum, description: 'Open, pending or resolved.' }),
    controller: t.expose('controller', { type: ControllerEnum, description: 'Who answers: the AI or people.' }),
    assignee: t.loadable({
      type: MembershipRef,
      nullable: true,
      description: 'The member it is assigned to; null when unassigned (or they left the business).',
      load: membershipsOfUsers,
      loaderOptions: { cacheKeyFn: memberKey },
      resolve: (conversation) => (conversation.assigneeId ? { businessId: conversation.businessId, userId: conversation.assigneeId } : null),
    }),
    unreadCount: t.exposeInt('unreadCount', { description: 'Customer messages since the business last read it.' }),
    isGroup: t.exposeBoolean('isGroup', { description: 'A WhatsApp group rather than one person.' }),
    lastMessage: t.relation('lastMessage', { nullable: true, description: 'The latest message (reactions aside).' }),
    lastMessageAt: t.expose('lastMessageAt', { type: 'DateTime', nullable: true, description: 'When the latest message was written; the inbox order.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the conversation began.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    messages: t.relatedConnection(
      'messages',
      {
        ...pageSize,
        cursor: 'id',
        // createdAt, then id for messages written in the same millisecond: one total order, read
        // forwards (first/after) or backwards (last/before) alike, along the (conversationId, createdAt) index.
        query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
        description: 'Its messages, newest first: `first`/`after` pages back in time, `last`/`before` forward.',
      },
      MessageConnection,
    ),
  }),
});

export const ConversationConnection = builder.connectionObject(
  { type: ConversationRef, name: 'ConversationConnection', description: 'A page of conversations.' },
  { name: 'ConversationEdge', description: 'A conversation and its cursor.' },
);

const ConversationFilterInput = builder.inputType('ConversationFilter', {
  description: 'Which conversations to list; every given condition must hold.',
  fields: (t) => ({
    status: t.field({ type: ConversationStatusEnum, required: false, description: 'Only this status.' }),
    controller: t.field({ type: ControllerEnum, required: false, description: 'Only those the AI (or people) answer.' }),
    unreadOnly: t.boolean({ required: false, description: 'Only those with unread customer messages.' }),
    instanceId: t.id({ required: false, description: 'Only those on this WhatsApp line (an Instance ID).' }),
    assignedTo: t.id({ required: false, description: 'Only those assigned to this member (a Membership ID).' }),
    search: t.string({ required: false, description: 'Only those whose contact’s name or phone number contains this, or who has this exact WhatsApp id.' }),
  }),
});

/** A filter ID that is not of the right type is a client bug worth an error; another tenant's simply matches nothing. */
function filterId(value: string | null | undefined, typename: string, field: string): string | null {
  if (value == null) return null;
  try {
    return parseGlobalId(value, typename, ['filter', field]);
  } catch {
    throw new GraphQLError(`filter.${field} must be the ID of a ${typename}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'filter' } });
  }
}

interface InboxCountsShape {
  open: number;
  pending: number;
  unread: number;
  aiHandled: number;
}

const InboxCountsType = builder.objectRef<InboxCountsShape>('InboxCounts').implement({
  description: 'How many conversations are in each inbox tab, kept exact in the same transaction as every change.',
  fields: (t) => ({
    open: t.exposeInt('open', { description: 'Conversations OPEN.' }),
    pending: t.exposeInt('pending', { description: 'Conversations PENDING.' }),
    unread: t.exposeInt('unread', { description: 'Conversations with unread customer messages.' }),
    aiHandled: t.exposeInt('aiHandled', { description: 'Conversations not resolved that the AI answers.' }),
  }),
});

const NO_CONVERSATIONS: InboxCountsShape = { open: 0, pending: 0, unread: 0, aiHandled: 0 };

builder.prismaObjectFields('Business', (t) => ({
  conversations: t.connection(
    {
      type: ConversationRef,
      description: 'The inbox: conversations by last activity, newest first (those without messages last).',
      args: { filter: t.arg({ type: ConversationFilterInput, required: false, description: 'Which conversations; all when omitted.' }) },
      resolve: (business, { filter, ...page }, ctx, info) =>
        listConversations(
          business.id,
          { ...filter, instanceId: filterId(filter?.instanceId, 'Instance', 'instanceId'), assignedTo: filterId(filter?.assignedTo, 'Membership', 'assignedTo') },
          page,
          queryFromInfo({ context: ctx, info, path: ['edges', 'node'] }),
        ),
    },
    ConversationConnection,
  ),
  inboxCounts: t.field({
    type: InboxCountsType,
    description: 'Conversations per inbox tab.',
    select: { inboxCounter: true },
    resolve: (business) => business.inboxCounter ?? NO_CONVERSATIONS,
  }),
}));
