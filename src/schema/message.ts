import { getRefFromModel, queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import type { MessageAuthor, MessageDirection, MessageStatus, MessageType } from '../generated/prisma/enums.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { locationOf, type LocationView, mediaOf, type MediaView, reactionOf, type ReactionView, textOf } from '../services/inbox/message-content.ts';
import { externalMessageKey, memberKey, membershipsOfUsers, messagesByExternalId, searchMessages } from '../services/inbox/queries.ts';

/** Declared in membership.ts; the model's ref is the one Pothos registered there. */
const MembershipRef = getRefFromModel('Membership', builder);

type Described<Value extends string> = Record<Value, { description: string }>;

export const MessageDirectionEnum = builder.enumType('MessageDirection', {
  description: 'Which way a message went.',
  values: {
    INBOUND: { description: 'From the customer (or a group participant) to the business.' },
    OUTBOUND: { description: 'From the business to the customer.' },
  } satisfies Described<MessageDirection>,
});

export const MessageTypeEnum = builder.enumType('MessageType', {
  description: 'What kind of content a message carries.',
  values: {
    TEXT: { description: 'Text only.' },
    IMAGE: { description: 'A picture, possibly with a caption.' },
    VIDEO: { description: 'A video, possibly with a caption.' },
    AUDIO: { description: 'Audio: a file or a voice note.' },
    DOCUMENT: { description: 'A file.' },
    STICKER: { description: 'A sticker.' },
    LOCATION: { description: 'A place on the map.' },
    CONTACT: { description: 'A contact card.' },
    REACTION: { description: 'An emoji reaction to another message.' },
    UNKNOWN: { description: 'A kind WhatsApp sent that we do not read yet.' },
  } satisfies Described<MessageType>,
});

export const MessageStatusEnum = builder.enumType('MessageStatus', {
  description: 'Where a message stands. Outbound statuses only move forward: PENDING < SENT < DELIVERED < READ < PLAYED.',
  values: {
    QUEUED: { description: 'Outbound, waiting in the outbox to be sent (or retried).' },
    PENDING: { description: 'Handed to WhatsApp, not yet acknowledged.' },
    SENT: { description: 'WhatsApp’s server has it (one tick).' },
    DELIVERED: { description: 'On the customer’s phone (two ticks).' },
    READ: { description: 'The customer read it (blue ticks).' },
    PLAYED: { description: 'The customer played the voice note or video.' },
    FAILED: { description: 'Could not be sent; see error.' },
    CANCELED: { description: 'Taken out of the outbox before it was sent.' },
    RECEIVED: { description: 'Inbound: received from the customer.' },
  } satisfies Described<MessageStatus>,
});

export const MessageAuthorEnum = builder.enumType('MessageAuthor', {
  description: 'Who wrote a message.',
  values: {
    CUSTOMER: { description: 'The customer (or a group participant).' },
    AGENT: { description: 'A member of the business, through Switchboard.' },
    AI: { description: 'The AI, on the business’s behalf.' },
    SYSTEM: { description: 'Switchboard itself rather than a person (automations, integrations).' },
    PHONE: { description: 'Someone on the business’s own phone or another WhatsApp client of the line.' },
  } satisfies Described<MessageAuthor>,
});

const MessageMediaType = builder.objectRef<MediaView>('MessageMedia').implement({
  description: 'The file a message carries.',
  fields: (t) => ({
    url: t.exposeString('url', { nullable: true, description: 'Where to fetch it (our storage, or WhatsApp’s encrypted CDN).' }),
    mimeType: t.exposeString('mimeType', { nullable: true, description: 'Its MIME type, such as "image/jpeg".' }),
    fileName: t.exposeString('fileName', { nullable: true, description: 'Its file name, for documents.' }),
    caption: t.exposeString('caption', { nullable: true, description: 'The caption written with it.' }),
    sizeBytes: t.exposeInt('sizeBytes', { nullable: true, description: 'Its size in bytes.' }),
    isVoiceNote: t.exposeBoolean('isVoiceNote', { description: 'Audio recorded as a voice note (push-to-talk).' }),
  }),
});

const MessageLocationType = builder.objectRef<LocationView>('MessageLocation').implement({
  description: 'A place shared in a message.',
  fields: (t) => ({
    latitude: t.exposeFloat('latitude', { description: 'Degrees north.' }),
    longitude: t.exposeFloat('longitude', { description: 'Degrees east.' }),
    name: t.exposeString('name', { nullable: true, description: 'The place’s name.' }),
    address: t.exposeString('address', { nullable: true, description: 'Its address.' }),
  }),
});

// Implemented below Message: a reaction points at a message, and a message has a reaction.
const MessageReactionType = builder.objectRef<ReactionView>('MessageReaction');

export const MessageRef = builder.prismaNode('Message', {
  description: 'A WhatsApp message in a conversation, either way.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    direction: t.expose('direction', { type: MessageDirectionEnum, description: 'Inbound or outbound.' }),
    type: t.expose('type', { type: MessageTypeEnum, description: 'What kind of content it carries.' }),
    text: t.string({ nullable: true, description: 'Its text (or a media caption); null without text and once deleted.', resolve: textOf }),
    media: t.field({ type: MessageMediaType, nullable: true, description: 'Its file; null without one and once deleted.', resolve: mediaOf }),
    location: t.field({ type: MessageLocationType, nullable: true, description: 'The place shared; null otherwise and once deleted.', resolve: locationOf }),
    reaction: t.field({ type: MessageReactionType, nullable: true, description: 'For REACTION messages: the emoji and what it reacts to.', resolve: reactionOf }),
    quoted: t.relation('quoted', { nullable: true, description: 'The message this one replies to, when it is stored here.' }),
    status: t.expose('status', { type: MessageStatusEnum, description: 'Where it stands.' }),
    author: t.expose('author', { type: MessageAuthorEnum, description: 'Who wrote it.' }),
    sentBy: t.loadable({
      type: MembershipRef,
      nullable: true,
      description: 'The member who sent it, for agent replies; null otherwise or once they left the business.',
      load: membershipsOfUsers,
      loaderOptions: { cacheKeyFn: memberKey },
      resolve: (message) => (message.sentById ? { businessId: message.businessId, userId: message.sentById } : null),
    }),
    senderName: t.exposeString('senderName', { nullable: true, description: 'In groups: the participant’s WhatsApp name.' }),
    senderJid: t.exposeString('senderJid', { nullable: true, description: 'In groups: the participant’s WhatsApp id.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed, in words.' }),
    attempts: t.exposeInt('attempts', { description: 'How many times sending it was tried.' }),
    edited: t.boolean({ description: 'It was edited after it was sent.', resolve: (message) => message.editedAt !== null }),
    deleted: t.boolean({ description: 'It was deleted for everyone: the row stays, its content is gone.', resolve: (message) => message.deletedAt !== null }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written (WhatsApp’s time for inbound messages).' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When WhatsApp took it.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When it reached the customer’s phone.' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true, description: 'When the customer read it.' }),
    conversation: t.relation('conversation', { description: 'The conversation it belongs to.' }),
  }),
});

MessageReactionType.implement({
  description: 'An emoji reaction to another message.',
  fields: (t) => ({
    emoji: t.exposeString('emoji', { description: 'The emoji; empty when the reaction was taken back.' }),
    target: t.loadable({
      type: MessageRef,
      nullable: true,
      description: 'The message reacted to; null when it is not stored here.',
      load: messagesByExternalId,
      loaderOptions: { cacheKeyFn: externalMessageKey },
      resolve: (reaction) => ({ instanceId: reaction.instanceId, externalId: reaction.targetExternalId }),
    }),
  }),
});

export const MessageConnection = builder.connectionObject(
  { type: MessageRef, name: 'MessageConnection', description: 'A page of messages.' },
  { name: 'MessageEdge', description: 'A message and its cursor.' },
);

builder.prismaObjectField('Business', 'searchMessages', (t) =>
  t.connection(
    {
      type: MessageRef,
      description: 'Messages whose text contains these words (web-search syntax: "exact phrase", or, -not), newest first. Deleted messages are not found.',
      args: { query: t.arg.string({ description: 'What to search for, up to 200 characters.' }) },
      resolve: (business, { query, ...page }, ctx, info) =>
        searchMessages(business.id, query, page, queryFromInfo({ context: ctx, info, path: ['edges', 'node'] })),
    },
    MessageConnection,
  ),
);
