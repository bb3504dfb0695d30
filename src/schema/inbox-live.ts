import { GraphQLError } from 'graphql';
import { filter, pipe } from 'graphql-yoga';
import { builder } from '../builder.ts';
import { db } from '../db.ts';
import type { Context } from '../context.ts';
import { parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { notVisible } from '../errors.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { selection } from '../services/db/selection.ts';
import type { TypingEvent } from '../services/events/topics.ts';
import type { InboxEvent } from '../services/inbox/events.ts';
import { inboxStream, type InboxStreamItem, REPLAY_LIMIT } from '../services/inbox/stream.ts';

type ResyncItem = Extract<InboxStreamItem, { kind: 'RESYNC_REQUIRED' }>;

async function readableBusiness(ctx: Context, businessGlobalId: string): Promise<string> {
  const id = parseGlobalIdOrNull(businessGlobalId, 'Business');
  if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
  return id;
}

function parseCursor(after: string | null | undefined): number | null {
  if (after == null) return null;
  if (!/^\d{1,10}$/.test(after)) {
    throw new GraphQLError('"after" must be a cursor from an earlier inbox event', { extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });
  }
  return Number(after);
}

const cursorField = {
  description: 'Where this event sits in the business’s sequence: pass it as `after` to resume right behind it.',
  resolve: (event: { seq: number }) => String(event.seq),
};

/** A message event: the message and its conversation, re-read with the subscriber's selection. */
function messageEvent(name: string, kind: InboxEvent['kind'], description: string) {
  return builder.objectRef<InboxEvent>(name).implement({
    description,
    isTypeOf: (event) => (event as InboxStreamItem).kind === kind,
    fields: (t) => ({
      cursor: t.string(cursorField),
      message: t.prismaField({
        type: 'Message',
        nullable: true,
        description: 'The message as it is now.',
        resolve: (query, event) => db().message.findUnique({ ...selection(query), where: { id: event.messageId ?? '' } }),
      }),
      conversation: t.prismaField({
        type: 'Conversation',
        nullable: true,
        description: 'Its conversation as it is now.',
        resolve: (query, event) => db().conversation.findUnique({ ...selection(query), where: { id: event.conversationId } }),
      }),
    }),
  });
}

const MessageReceivedEvent = messageEvent('MessageReceivedEvent', 'MESSAGE_RECEIVED', 'A message arrived or was queued in a conversation.');

const MessageUpdatedEvent = messageEvent(
  'MessageUpdatedEvent',
  'MESSAGE_UPDATED',
  'A message changed: its delivery status moved, it was edited, or deleted for everyone.',
);

const ConversationUpdatedEvent = builder.objectRef<InboxEvent>('ConversationUpdatedEvent').implement({
  description: 'A conversation changed: unread count, status, controller, assignee or last message (and so the inbox counts).',
  isTypeOf: (event) => (event as InboxStreamItem).kind === 'CONVERSATION_UPDATED',
  fields: (t) => ({
    cursor: t.string(cursorField),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation as it is now.',
      resolve: (query, event) => db().conversation.findUnique({ ...selection(query), where: { id: event.conversationId } }),
    }),
    business: t.prismaField({
      type: 'Business',
      nullable: true,
      description: 'The business, for its `inboxCounts` as they are now.',
      resolve: (query, event) => db().business.findUnique({ ...selection(query), where: { id: event.businessId } }),
    }),
  }),
});

const ResyncRequiredEvent = builder.objectRef<ResyncItem>('ResyncRequiredEvent').implement({
  description: `More than ${REPLAY_LIMIT} events were missed: reload the inbox, then keep listening (this cursor is current).`,
  isTypeOf: (event) => (event as InboxStreamItem).kind === 'RESYNC_REQUIRED',
  fields: (t) => ({
    cursor: t.string(cursorField),
    missedMoreThan: t.int({ description: 'The replay bound that was exceeded.', resolve: () => REPLAY_LIMIT }),
  }),
});

const InboxStreamEvent = builder.unionType('InboxStreamEvent', {
  description: 'One entry of a business’s resumable inbox stream.',
  types: [MessageReceivedEvent, MessageUpdatedEvent, ConversationUpdatedEvent, ResyncRequiredEvent],
});

const PresenceEnum = builder.enumType('Presence', {
  description: 'What the customer is doing in the chat.',
  values: {
    COMPOSING: { description: 'Typing.' },
    RECORDING: { description: 'Recording a voice note.' },
    PAUSED: { description: 'Stopped typing.' },
    AVAILABLE: { description: 'Online.' },
    UNAVAILABLE: { description: 'Offline.' },
  },
});

const TypingIndicator = builder.objectRef<TypingEvent>('TypingIndicator').implement({
  description: 'The customer is typing (or recording, or stopped). Never stored.',
  fields: (t) => ({
    presence: t.field({ type: PresenceEnum, description: 'What they are doing.', resolve: (event) => event.presence.toUpperCase() as 'COMPOSING' }),
    participantJid: t.exposeString('participantJid', { nullable: true, description: 'Who, in a group chat.' }),
    conversation: t.prismaField({
      type: 'Conversation',
      nullable: true,
      description: 'The conversation.',
      resolve: (query, event) => db().conversation.findUnique({ ...selection(query), where: { id: event.conversationId } }),
    }),
  }),
});

function liveOf(ctx: Context, businessId: string, kinds: InboxEvent['kind'][], conversationId: string | null) {
  return pipe(
    ctx.pubsub.subscribe('business:inbox', businessId),
    filter((event) => kinds.includes(event.kind) && (conversationId === null || event.conversationId === conversationId)),
  );
}

async function conversationFilter(ctx: Context, businessId: string, conversationGlobalId: string | null | undefined): Promise<string | null> {
  if (conversationGlobalId == null) return null;
  const id = parseGlobalIdOrNull(conversationGlobalId, 'Conversation');
  const conversation = id ? await db().conversation.findFirst({ where: { id, businessId }, select: { id: true } }) : null;
  if (!conversation) throw notVisible();
  return conversation.id;
}

builder.subscriptionFields((t) => ({
  inboxEvents: t.field({
    type: InboxStreamEvent,
    authScopes: { signedIn: true },
    description:
      'Every inbox change of a business in order. Pass the last `cursor` you saw as `after` to receive exactly what you missed, then live events, with no gap and no duplicate.',
    args: {
      businessId: t.arg.id({ description: 'The business ID.' }),
      after: t.arg.string({ required: false, description: 'Resume behind this cursor (from an earlier event).' }),
    },
    subscribe: async (_root, { businessId, after }, ctx) => {
      const cursor = parseCursor(after);
      return inboxStream(ctx.pubsub, await readableBusiness(ctx, businessId), cursor);
    },
    resolve: (event) => event,
  }),
  messageReceived: t.field({
    type: MessageReceivedEvent,
    authScopes: { signedIn: true },
    description: 'Messages arriving (or queued by agents) in the business, optionally in one conversation. Live only; use inboxEvents to resume.',
    args: {
      businessId: t.arg.id({ description: 'The business ID.' }),
      conversationId: t.arg.id({ required: false, description: 'Only this conversation.' }),
    },
    subscribe: async (_root, args, ctx) => {
      const businessId = await readableBusiness(ctx, args.businessId);
      return liveOf(ctx, businessId, ['MESSAGE_RECEIVED'], await conversationFilter(ctx, businessId, args.conversationId));
    },
    resolve: (event) => event,
  }),
  messageUpdated: t.field({
    type: MessageUpdatedEvent,
    authScopes: { signedIn: true },
    description: 'Status changes, edits and deletes of messages in the business, optionally in one conversation.',
    args: {
      businessId: t.arg.id({ description: 'The business ID.' }),
      conversationId: t.arg.id({ required: false, description: 'Only this conversation.' }),
    },
    subscribe: async (_root, args, ctx) => {
      const businessId = await readableBusiness(ctx, args.businessId);
      return liveOf(ctx, businessId, ['MESSAGE_UPDATED'], await conversationFilter(ctx, businessId, args.conversationId));
    },
    resolve: (event) => event,
  }),
  conversationUpdated: t.field({
    type: ConversationUpdatedEvent,
    authScopes: { signedIn: true },
    description: 'Conversations of the business changing: unread count, status, controller, assignee, last message, counts.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, args, ctx) => liveOf(ctx, await readableBusiness(ctx, args.businessId), ['CONVERSATION_UPDATED'], null),
    resolve: (event) => event,
  }),
  typingIndicator: t.field({
    type: TypingIndicator,
    authScopes: { signedIn: true },
    description: 'The customer typing in one conversation, as WhatsApp reports it.',
    args: { conversationId: t.arg.id({ description: 'The Conversation ID.' }) },
    subscribe: async (_root, { conversationId }, ctx) => {
      const id = parseGlobalIdOrNull(conversationId, 'Conversation');
      const conversation = id
        ? await db().conversation.findFirst({ where: { id, business: visibleBusinessesWhere(ctx.viewer) }, select: { id: true } })
        : null;
      if (!conversation) throw notVisible();
      return ctx.pubsub.subscribe('conversation:typing', conversation.id);
    },
    resolve: (event) => event,
  }),
}));
