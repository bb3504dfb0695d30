import { builder } from '../builder.ts';
import {
  ConflictError,
  ContactOptedOutError,
  InstanceNotConnectedError,
  NotFoundError,
  PlanLimitExceededError,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { cancelMessage, OUTBOUND_TYPES, retryMessage, sendMessage } from '../services/outbox/send-message.ts';
import { resultNames } from './mutation-result.ts';

const OutboundMessageTypeEnum = builder.enumType('OutboundMessageType', {
  description: 'The kinds of message sendMessage can send.',
  values: {
    TEXT: { description: 'Text (`text`, or a reply template), 1–4,096 characters.' },
    IMAGE: { description: 'An image from `media.url`, with an optional caption.' },
    VIDEO: { description: 'A video from `media.url`, with an optional caption.' },
    AUDIO: { description: 'A voice message (played like one recorded on the phone) from `media.url`.' },
    DOCUMENT: { description: 'A file from `media.url`, shown with `media.fileName`.' },
    LOCATION: { description: 'A pin on the map (`location`).' },
    REACTION: { description: 'An emoji on an earlier message of the conversation (`reaction`).' },
  } satisfies Record<(typeof OUTBOUND_TYPES)[number], { description: string }>,
});

const SendMediaInput = builder.inputType('SendMediaInput', {
  description: 'A file WhatsApp fetches from a public https URL.',
  fields: (t) => ({
    url: t.string({ description: 'A well-formed https:// URL (http is refused).' }),
    mimeType: t.string({ required: false, description: 'MIME type such as "image/jpeg"; WhatsApp guesses it when omitted.' }),
    fileName: t.string({ required: false, description: 'File name shown for documents.' }),
    caption: t.string({ required: false, description: 'Caption, up to 1,024 characters (not for AUDIO).' }),
  }),
});

const SendLocationInput = builder.inputType('SendLocationInput', {
  description: 'A place on the map.',
  fields: (t) => ({
    latitude: t.float({ description: 'Degrees, −90 to 90.' }),
    longitude: t.float({ description: 'Degrees, −180 to 180.' }),
    name: t.string({ required: false, description: 'Name of the place.' }),
    address: t.string({ required: false, description: 'Its address.' }),
  }),
});

const SendReactionInput = builder.inputType('SendReactionInput', {
  description: 'An emoji reaction to a message.',
  fields: (t) => ({
    messageId: t.id({ description: 'The Message ID to react to; it must be in the same conversation.' }),
    emoji: t.string({ description: 'One emoji; "" removes an earlier reaction.' }),
  }),
});

const TemplateVariableInput = builder.inputType('TemplateVariableInput', {
  description: 'The value of one `{{variable}}` of a reply template.',
  fields: (t) => ({
    name: t.string({ description: 'The variable’s name, as in the template.' }),
    value: t.string({ description: 'The text that replaces `{{name}}`.' }),
  }),
});

const SendMessageInput = builder.inputType('SendMessageInput', {
  description:
    'A message to send: into a conversation (`conversationId`) or to a phone number on a line (`instanceId` + `to`, which finds or starts the conversation). Exactly one content field fits each type.',
  fields: (t) => ({
    conversationId: t.id({ required: false, description: 'The Conversation ID to reply in.' }),
    instanceId: t.id({ required: false, description: 'The Instance ID (WhatsApp line) to send from, with `to`.' }),
    to: t.string({ required: false, description: 'The customer’s E.164 number, such as +12025550123, with `instanceId`.' }),
    type: t.field({ type: OutboundMessageTypeEnum, required: false, description: 'What kind of message; TEXT when omitted.' }),
    text: t.string({ required: false, description: 'The text of a TEXT message, 1–4,096 characters.' }),
    media: t.field({ type: SendMediaInput, required: false, description: 'The file of an IMAGE, VIDEO, AUDIO or DOCUMENT message.' }),
    location: t.field({ type: SendLocationInput, required: false, description: 'The place of a LOCATION message.' }),
    reaction: t.field({ type: SendReactionInput, required: false, description: 'The emoji and target of a REACTION message.' }),
    quotedMessageId: t.id({ required: false, description: 'The Message ID this one replies to (quoted); it must be in the same conversation.' }),
    templateId: t.id({ required: false, description: 'The ReplyTemplate ID whose body becomes the text, instead of `text`.' }),
    variables: t.field({ type: [TemplateVariableInput], required: false, description: 'A value for every variable of the template, and no others.' }),
    idempotencyKey: t.string({
      required: false,
      description: 'Your id for this send, unique per business (1–255 characters): repeating it returns the same message and never sends twice.',
    }),
  }),
});

const MessageIdInput = (name: string, description: string) =>
  builder.inputType(name, { description, fields: (t) => ({ messageId: t.id({ description: 'The Message ID.' }) }) });

type SendMessageArgs = typeof SendMessageInput.$inferInput;

/** Global IDs in the input become row ids (a wrong kind of ID is a ValidationError at its field). */
function decodeIds(input: SendMessageArgs) {
  const id = (value: string | null | undefined, typename: string, field: string) =>
    value == null ? value : parseGlobalId(value, typename, ['input', field]);
  return {
    ...input,
    conversationId: id(input.conversationId, 'Conversation', 'conversationId'),
    instanceId: id(input.instanceId, 'Instance', 'instanceId'),
    quotedMessageId: id(input.quotedMessageId, 'Message', 'quotedMessageId'),
    templateId: id(input.templateId, 'ReplyTemplate', 'templateId'),
    reaction: input.reaction && { ...input.reaction, messageId: parseGlobalId(input.reaction.messageId, 'Message', ['input', 'reaction', 'messageId']) },
  };
}

const messageId = (input: { messageId: string }) => parseGlobalId(input.messageId, 'Message', ['input', 'messageId']);

builder.mutationFields((t) => ({
  sendMessage: t.prismaField({
    type: 'Message',
    authScopes: { signedIn: true },
    description:
      'Queues a WhatsApp message (QUEUED, stored before anything is sent); the outbox sends it, retrying while WhatsApp or Evolution is down, and its status moves on as receipts arrive.',
    args: { input: t.arg({ type: SendMessageInput, description: 'What to send; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ContactOptedOutError, InstanceNotConnectedError, PlanUpgradeRequiredError, PlanLimitExceededError],
      ...resultNames('sendMessage', 'outboundMessage', 'The queued message (or, for a repeated idempotency key, the one queued first).'),
    },
    resolve: (query, _root, { input }, ctx) => sendMessage(ctx, decodeIds(input), query),
  }),
  retryMessage: t.prismaField({
    type: 'Message',
    authScopes: { signedIn: true },
    description: 'Queues a FAILED message again, with a fresh set of attempts.',
    args: { input: t.arg({ type: MessageIdInput('RetryMessageInput', 'The failed message to send again.'), description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ContactOptedOutError, InstanceNotConnectedError, PlanUpgradeRequiredError, PlanLimitExceededError],
      ...resultNames('retryMessage', 'outboundMessage', 'The message, QUEUED again.'),
    },
    resolve: (query, _root, { input }, ctx) => retryMessage(ctx, messageId(input), query),
  }),
  cancelMessage: t.prismaField({
    type: 'Message',
    authScopes: { signedIn: true },
    description: 'Cancels a QUEUED message so it is never sent. One already being sent (PENDING) or sent cannot be called back.',
    args: { input: t.arg({ type: MessageIdInput('CancelMessageInput', 'The queued message to cancel.'), description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError, ConflictError], ...resultNames('cancelMessage', 'outboundMessage', 'The message, CANCELED.') },
    resolve: (query, _root, { input }, ctx) => cancelMessage(ctx, messageId(input), query),
  }),
}));
