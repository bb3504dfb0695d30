import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import {
  ConflictError,
  ContactOptedOutError,
  InstanceNotConnectedError,
  NotFoundError,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../../errors.ts';
import { type Instance, type Message, type MessageStatus, type Plan, Prisma } from '../../generated/prisma/client.ts';
import { jsonParam } from '../db/json-param.ts';
import { retryOnConflict } from '../db/retry.ts';
import { selection } from '../db/selection.ts';
import { newId } from '../ids.ts';
import { appendInboxEvents, type InboxEvent, type InboxEventInput, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { e164Schema, parseInput } from '../validation.ts';
import { resolveContact } from '../whatsapp/contacts.ts';
import { charCount, MAX_TEXT_CHARS, renderTemplate } from './templates.ts';

export type MessageQuery = { include?: Prisma.MessageInclude; select?: Prisma.MessageSelect };

export const OUTBOUND_TYPES = ['TEXT', 'IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'LOCATION', 'REACTION'] as const;
type OutboundType = (typeof OUTBOUND_TYPES)[number];
const MEDIA_TYPES: ReadonlySet<OutboundType> = new Set(['IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT']);

/** WhatsApp's caption limit. */
const MAX_CAPTION_CHARS = 1_024;

/** The instance settings the outbox reads. */
interface OutboxSettings {
  /** Accept (and hold) messages while the line is not connected; they go out once it is. */
  queueWhileDisconnected?: boolean;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** One grapheme that is an emoji, or "" (which removes a reaction). */
function isReactionEmoji(value: string): boolean {
  if (value === '') return true;
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(value)];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value);
}

const textSchema = z
  .string()
  .refine((text) => text.trim().length > 0, 'Must not be blank')
  .refine((text) => charCount(text) <= MAX_TEXT_CHARS, `Must be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);

const SendSchema = z
  .object({
    conversationId: z.string().nullish(),
    instanceId: z.string().nullish(),
    to: e164Schema.nullish(),
    type: z
      .enum(OUTBOUND_TYPES)
      .nullish()
      .transform((type) => type ?? 'TEXT'),
    text: textSchema.nullish(),
    media: z
      .object({
        url: z.string().trim().max(2_048, 'Must be at most 2,048 characters').refine(isHttpsUrl, 'Must be a well-formed https:// URL'),
        mimeType: z
          .string()
          .trim()
          .regex(/^[\w.+-]+\/[\w.+-]+$/, 'Must be a MIME type such as "image/jpeg"')
          .nullish(),
        fileName: z.string().trim().min(1, 'Must not be empty').max(255, 'Must be at most 255 characters').nullish(),
        caption: z
          .string()
          .refine((caption) => charCount(caption) <= MAX_CAPTION_CHARS, `Must be at most ${MAX_CAPTION_CHARS.toLocaleString('en')} characters`)
          .nullish(),
      })
      .nullish(),
    location: z
      .object({
        latitude: z.number().min(-90, 'Must be between -90 and 90').max(90, 'Must be between -90 and 90'),
        longitude: z.number().min(-180, 'Must be between -180 and 180').max(180, 'Must be between -180 and 180'),
        name: z.string().trim().max(256, 'Must be at most 256 characters').nullish(),
        address: z.string().trim().max(512, 'Must be at most 512 characters').nullish(),
      })
      .nullish(),
    reaction: z
      .object({ messageId: z.string(), emoji: z.string().refine(isReactionEmoji, 'Must be one emoji, or "" to remove the reaction') })
      .nullish(),
    quotedMessageId: z.string().nullish(),
    templateId: z.string().nullish(),
    variables: z
      .array(z.object({ name: z.string(), value: z.string() }))
      .max(100, 'At most 100 variables')
      .nullish(),
    idempotencyKey: z.string().trim().min(1, 'Must not be empty').max(255, 'Must be at most 255 characters').nullish(),
  })
  .superRefine((input, issues) => {
    const issue = (path: string[], message: string) => issues.addIssue({ code: 'custom', path, message });
    if (input.conversationId) {
      for (const field of ['instanceId', 'to'] as const) {
        if (input[field]) issue([field], 'Give either conversationId, or instanceId and to — not both');
      }
    } else {
      for (const field of ['instanceId', 'to'] as const) {
        if (!input[field]) issue([field], 'Required when no conversationId is given');
      }
    }
    const { type } = input;
    const content = MEDIA_TYPES.has(type) ? 'media' : type === 'LOCATION' ? 'location' : type === 'REACTION' ? 'reaction' : 'text';
    if (input[content] == null && !(content === 'text' && input.templateId)) issue([content], `Required for ${type} messages`);
    for (const field of ['text', 'media', 'location', 'reaction'] as const) {
      if (input[field] == null || field === content) continue;
      issue([field], `Not used by ${type} messages`);
    }
    if (input.text != null && input.templateId) issue(['text'], 'Give either text or templateId, not both');
    if (input.templateId && type !== 'TEXT') issue(['templateId'], 'A template fills the text of a TEXT message');
    if (input.variables && !input.templateId) issue(['variables'], 'Only used with templateId');
    if (type === 'AUDIO' && input.media?.caption) issue(['media', 'caption'], 'Voice messages have no caption');
    if (type === 'REACTION' && input.quotedMessageId) issue(['quotedMessageId'], 'A reaction cannot quote a message');
  });

/** Row ids (the resolver decodes global IDs); validated here, so GraphQL's nulls are welcome. */
export type SendMessageInput = z.input<typeof SendSchema>;
type SendData = z.output<typeof SendSchema>;

type LineFields = Pick<Instance, 'id' | 'status' | 'settings' | 'deletedAt'>;

/** Where a message goes, as far as it is known before the accepting transaction. */
interface Target {
  businessId: string;
  plan: Plan;
  instance: LineFields;
  /** Null when sending to `to`: the conversation is found or created in the transaction. */
  conversationId: string | null;
  /** The input field that named the target, for errors about it. */
  field: string[];
}

const LINE_SELECT = { id: true, status: true, settings: true, deletedAt: true } as const;

/**
 * Sending needs SEND, not READ: an integrator's key may hold SEND alone. Another tenant's id
 * answers exactly like an unknown one, so existence never leaks; a caller who can see the
 * business but not send in it gets FORBIDDEN.
 */
async function authorizeSend(ctx: Context, businessId: string | undefined, what: string, field: string[]): Promise<void> {
  const visible = businessId !== undefined && ((await ctx.access.can(businessId, 'READ')) || (await ctx.access.can(businessId, 'SEND')));
  if (!visible) throw new NotFoundError(`No ${what} with this id is visible to you`, field);
  await ctx.access.authorize(businessId, 'SEND', field);
}

async function conversationTarget(ctx: Context, conversationId: string): Promise<Target> {
  const field = ['input', 'conversationId'];
  const conversation = await db().conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, businessId: true, instance: { select: LINE_SELECT }, business: { select: { plan: true } } },
  });
  await authorizeSend(ctx, conversation?.businessId, 'conversation', field);
  const { businessId, business, instance } = conversation!;
  return { businessId, plan: business.plan, instance, conversationId, field };
}

async function lineTarget(ctx: Context, instanceId: string): Promise<Target> {
  const field = ['input', 'instanceId'];
  const instance = await db().instance.findFirst({
    where: { id: instanceId, deletedAt: null },
    select: { ...LINE_SELECT, businessId: true, business: { select: { plan: true } } },
  });
  await authorizeSend(ctx, instance?.businessId, 'WhatsApp line', field);
  return { businessId: instance!.businessId, plan: instance!.business.plan, instance: instance!, conversationId: null, field };
}

/**
 * The plan gate for sending: BASIC has no WhatsApp. Monthly message limits and their metering
 * (PRO: 5,000 a month) belong to the plans issue and are to be checked here.
 */
function assertPlanAllowsSending(plan: Plan, field: string[]): void {
  if (plan === 'BASIC') throw new PlanUpgradeRequiredError('Sending WhatsApp messages needs the PRO or ENTERPRISE plan', field);
}

/** A line takes messages while connected, or at any time when its settings say to hold them until it is. */
function assertLineAccepts(instance: LineFields, field: string[]): void {
  if (instance.deletedAt) throw new InstanceNotConnectedError('The WhatsApp line of this conversation was deleted: nothing can be sent through it', field);
  if (instance.status === 'CONNECTED' || (instance.settings as OutboxSettings).queueWhileDisconnected === true) return;
  throw new InstanceNotConnectedError(`The WhatsApp line is not connected (it is ${instance.status}); nothing was queued`, field);
}

async function assertNotOptedOut(tx: Prisma.TransactionClient, conversationId: string, field: string[]): Promise<void> {
  const [contact] = await tx.$queryRaw<{ optedOut: boolean }[]>`
    SELECT k."optedOut" FROM "Conversation" c JOIN "Contact" k ON k.id = c."contactId" WHERE c.id = ${conversationId}`;
  if (contact?.optedOut) throw new ContactOptedOutError('The customer opted out of messages from this business', field);
}

/** Quotes and reaction targets must be messages of the conversation the message goes to; answers their WhatsApp ids. */
async function referencedMessages(
  tx: Prisma.TransactionClient,
  conversationId: string,
  references: { id: string; field: string[] }[],
): Promise<Map<string, string | null>> {
  if (references.length === 0) return new Map();
  const found = await tx.message.findMany({
    where: { id: { in: references.map((reference) => reference.id) }, conversationId },
    select: { id: true, externalId: true },
  });
  const known = new Map(found.map((message) => [message.id, message.externalId]));
  const missing = references.filter((reference) => !known.has(reference.id));
  if (missing.length > 0) {
    throw new ValidationError(missing.map((reference) => ({ path: reference.field, message: 'Must be a message of the same conversation' })));
  }
  return known;
}

async function renderedText(target: Target, data: SendData): Promise<string | null> {
  if (!data.templateId) return data.text ?? null;
  const template = await db().replyTemplate.findFirst({ where: { id: data.templateId, businessId: target.businessId }, select: { body: true } });
  if (!template) throw new NotFoundError('No reply template with this id in this business', ['input', 'templateId']);
  const field = ['input', 'variables'];
  const text = renderTemplate(template.body, data.variables ?? [], field);
  if (charCount(text) > MAX_TEXT_CHARS) {
    throw new ValidationError([{ path: field, message: `The filled-in template is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters` }]);
  }
  return text;
}

/** The conversation with this phone number on the line, created (with its contact) when new. */
async function conversationFor(tx: Prisma.TransactionClient, target: Target, phone: string): Promise<string> {
  const contactId = await resolveContact(tx, target.businessId, { jids: [`${phone.slice(1)}@s.whatsapp.net`], phone, name: null, isGroup: false });
  const [conversation] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", "updatedAt")
    VALUES (${newId()}, ${target.businessId}, ${target.instance.id}, ${contactId}, now())
    ON CONFLICT ("instanceId", "contactId") DO UPDATE SET "updatedAt" = now()
    RETURNING id`;
  return conversation!.id;
}

function contentOf(data: SendData, text: string | null, reactedExternalId: string | null) {
  const media = data.media
    ? {
        url: data.media.url,
        mimeType: data.media.mimeType ?? null,
        fileName: data.media.fileName ?? null,
        caption: data.media.caption ?? null,
        // AUDIO goes out as a voice note (Evolution's sendWhatsAppAudio), as if recorded on the phone.
        isVoiceNote: data.type === 'AUDIO',
      }
    : null;
  return {
    // Media captions are the message's text, as for received media (search and previews read `body`).
    body: media ? media.caption : text,
    media,
    location: data.location
      ? { latitude: data.location.latitude, longitude: data.location.longitude, name: data.location.name ?? null, address: data.location.address ?? null }
      : null,
    // The outbox follows `messageId` (the target may not be sent yet); `targetExternalId` is the shape of received reactions.
    reaction: data.reaction ? { messageId: data.reaction.messageId, emoji: data.reaction.emoji, targetExternalId: reactedExternalId } : null,
  };
}

interface Accepted {
  id: string;
  /** False when the idempotency key named an existing message: nothing new was queued. */
  inserted: boolean;
  /** To append last: the business row that numbers them stays locked until commit. */
  events: InboxEventInput[];
}

async function accept(tx: Prisma.TransactionClient, ctx: Context, target: Target, data: SendData, text: string | null): Promise<Accepted> {
  const conversationId = target.conversationId ?? (await conversationFor(tx, target, data.to!));
  await assertNotOptedOut(tx, conversationId, target.field);
  const referenced = await referencedMessages(tx, conversationId, [
    ...(data.quotedMessageId ? [{ id: data.quotedMessageId, field: ['input', 'quotedMessageId'] }] : []),
    ...(data.reaction ? [{ id: data.reaction.messageId, field: ['input', 'reaction', 'messageId'] }] : []),
  ]);
  const content = contentOf(data, text, data.reaction ? (referenced.get(data.reaction.messageId) ?? null) : null);
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const agent = userId !== null;
  const id = newId();
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, media, location, reaction,
      "quotedMessageId", status, author, "sentById", "idempotencyKey", "nextAttemptAt", "createdAt")
    VALUES (${id}, ${target.businessId}, ${conversationId}, ${target.instance.id}, 'OUTBOUND', ${data.type}::"MessageType", ${content.body},
      ${jsonParam(content.media)}::jsonb, ${jsonParam(content.location)}::jsonb, ${jsonParam(content.reaction)}::jsonb, ${data.quotedMessageId ?? null},
      'QUEUED', ${agent ? 'AGENT' : 'SYSTEM'}::"MessageAuthor", ${userId},
      ${data.idempotencyKey ?? null}, now(), now())
    ON CONFLICT ("businessId", "idempotencyKey") DO NOTHING
    RETURNING id`;
  if (inserted.length === 0) {
    // The same key won, perhaps in a concurrent request that committed while this insert waited for it.
    const existing = await tx.message.findUniqueOrThrow({
      where: { businessId_idempotencyKey: { businessId: target.businessId, idempotencyKey: data.idempotencyKey! } },
      select: { id: true },
    });
    return { id: existing.id, inserted: false, events: [] };
  }
  const events: InboxEventInput[] = [{ kind: 'MESSAGE_RECEIVED', conversationId, messageId: id }];
  const movesLastMessage = data.type !== 'REACTION';
  if (movesLastMessage || agent) {
    // An agent writing takes the conversation over from the AI.
    await tx.$executeRaw`
      UPDATE "Conversation" SET
        "lastMessageId" = CASE WHEN ${movesLastMessage} AND ("lastMessageAt" IS NULL OR "lastMessageAt" <= now()) THEN ${id} ELSE "lastMessageId" END,
        "lastMessageAt" = CASE WHEN ${movesLastMessage} THEN GREATEST("lastMessageAt", now()) ELSE "lastMessageAt" END,
        controller = CASE WHEN ${agent} THEN 'HUMAN'::"Controller" ELSE controller END,
        "updatedAt" = now()
      WHERE id = ${conversationId}`;
    events.push({ kind: 'CONVERSATION_UPDATED', conversationId });
  }
  return { id, inserted: true, events };
}

/** After commit: inbox subscribers hear of it, and every sender wakes for the line at once. */
function announce(platform: Platform, instanceId: string, events: InboxEvent[]): void {
  publishInboxEvents(platform, events);
  platform.pubsub.publish('outbox:nudge', { instanceId });
}

/**
 * Accepts a message for sending: validates it, checks the tenant, plan, line and contact, and
 * stores it QUEUED (with its conversation, created when sending to a new number) in one
 * transaction. Delivery is the outbox worker's job. The same idempotency key returns the same
 * message, however often and however concurrently it is repeated.
 */
export async function sendMessage(ctx: Context, input: SendMessageInput, query: MessageQuery = {}): Promise<Message> {
  const data = parseInput(SendSchema, input);
  const target = data.conversationId ? await conversationTarget(ctx, data.conversationId) : await lineTarget(ctx, data.instanceId!);
  if (data.idempotencyKey) {
    const existing = await db().message.findUnique({
      ...selection(query),
      where: { businessId_idempotencyKey: { businessId: target.businessId, idempotencyKey: data.idempotencyKey } },
    });
    if (existing) return existing;
  }
  assertPlanAllowsSending(target.plan, target.field);
  assertLineAccepts(target.instance, target.field);
  const text = await renderedText(target, data);
  const { message, inserted, events } = await retryOnConflict(() =>
    db().$transaction(async (tx) => {
      const accepted = await accept(tx, ctx, target, data, text);
      // Read before commit: the answer shows the message as accepted, whatever a sender does with it a moment later.
      const row = await tx.message.findUniqueOrThrow({ ...selection(query), where: { id: accepted.id } });
      return { inserted: accepted.inserted, message: row, events: await appendInboxEvents(tx, target.businessId, accepted.events) };
    }),
  );
  if (inserted) announce(ctx.platform, target.instance.id, events);
  return message;
}

/** A message of a business the caller may send for, or NOT_FOUND. */
async function sendableMessage(ctx: Context, messageId: string) {
  const field = ['input', 'messageId'];
  const message = await db().message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      businessId: true,
      conversationId: true,
      direction: true,
      status: true,
      instance: { select: LINE_SELECT },
      business: { select: { plan: true } },
    },
  });
  await authorizeSend(ctx, message?.businessId, 'message', field);
  return { ...message!, field };
}

function wrongState(action: string, status: MessageStatus, field: string[]): ConflictError {
  const why = status === 'PENDING' ? 'it is being sent right now' : `it is ${status}`;
  return new ConflictError(`This message cannot be ${action}: ${why}`, field);
}

/**
 * Moves one message from `from` to a new state with one conditional update, so a racing sender
 * cannot be overtaken, and answers with the message as the change left it.
 */
async function transition(
  ctx: Context,
  message: Awaited<ReturnType<typeof sendableMessage>>,
  action: string,
  from: MessageStatus,
  set: Prisma.Sql,
  query: MessageQuery,
): Promise<Message> {
  const changed = await db().$transaction(async (tx) => {
    const count = await tx.$executeRaw`UPDATE "Message" SET ${set} WHERE id = ${message.id} AND status = ${from}::"MessageStatus"`;
    if (count === 0) return null;
    const events = await appendInboxEvents(tx, message.businessId, [{ kind: 'MESSAGE_UPDATED', conversationId: message.conversationId, messageId: message.id }]);
    return { events, row: await tx.message.findUniqueOrThrow({ ...selection(query), where: { id: message.id } }) };
  });
  if (!changed) {
    const { status } = await db().message.findUniqueOrThrow({ where: { id: message.id }, select: { status: true } });
    throw wrongState(action, status, message.field);
  }
  publishInboxEvents(ctx.platform, changed.events);
  return changed.row;
}

/** FAILED → QUEUED with a fresh set of attempts; the same gates as a new message apply. */
export async function retryMessage(ctx: Context, messageId: string, query: MessageQuery = {}): Promise<Message> {
  const message = await sendableMessage(ctx, messageId);
  if (message.direction !== 'OUTBOUND') throw new ConflictError('Only messages sent from here can be retried', message.field);
  if (message.status !== 'FAILED') throw wrongState('retried', message.status, message.field);
  assertPlanAllowsSending(message.business.plan, message.field);
  assertLineAccepts(message.instance, message.field);
  await assertNotOptedOut(db(), message.conversationId, message.field);
  // A message WhatsApp refused after sending has an id and receipts of that attempt: the new send gets its own.
  const retried = await transition(
    ctx,
    message,
    'retried',
    'FAILED',
    Prisma.sql`status = 'QUEUED', attempts = 0, "nextAttemptAt" = now(), "leaseUntil" = NULL, error = NULL,
      "externalId" = NULL, "sentAt" = NULL, "deliveredAt" = NULL, "readAt" = NULL`,
    query,
  );
  ctx.platform.pubsub.publish('outbox:nudge', { instanceId: message.instance.id });
  return retried;
}

/** QUEUED → CANCELED. A message already handed to WhatsApp (PENDING or later) cannot be called back. */
export async function cancelMessage(ctx: Context, messageId: string, query: MessageQuery = {}): Promise<Message> {
  const message = await sendableMessage(ctx, messageId);
  if (message.status !== 'QUEUED') throw wrongState('canceled', message.status, message.field);
  return transition(ctx, message, 'canceled', 'QUEUED', Prisma.sql`status = 'CANCELED', "nextAttemptAt" = NULL`, query);
}
