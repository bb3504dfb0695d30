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
import { retryOnConflict } from '../db/retry.ts';
import { selection } from '../db/selection.ts';
import type { UsageThresholdEvent } from '../events/topics.ts';
import { newId } from '../ids.ts';
import { appendInboxEvents, type InboxEvent, type InboxEventInput, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { publishUsageThresholds, releaseMessages, reserveMessage, usagePeriod } from '../usage/meter.ts';
import { e164Schema, parseInput } from '../validation.ts';
import { resolveContact } from '../whatsapp/contacts.ts';
import { insertOutboundMessage } from './outbound-row.ts';
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
  /** The business's timezone: its usage months follow it. */
  timezone: string;
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
export async function authorizeSend(ctx: Context, businessId: string | undefined, what: string, field: string[]): Promise<void> {
  const visible = businessId !== undefined && ((await ctx.access.can(businessId, 'READ')) || (await ctx.access.can(businessId, 'SEND')));
  if (!visible) throw new NotFoundError(`No ${what} with this id is visible to you`, field);
  await ctx.access.authorize(businessId, 'SEND', field);
}

async function conversationTarget(ctx: Context, conversationId: string): Promise<Target> {
  const field = ['input', 'conversationId'];
  const conversation = await db().conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, businessId: true, instance: { select: LINE_SELECT }, business: { select: { plan: true, timezone: true } } },
  });
  await authorizeSend(ctx, conversation?.businessId, 'conversation', field);
  const { businessId, business, instance } = conversation!;
  return { businessId, plan: business.plan, timezone: business.timezone, instance, conversationId, field };
}

async function lineTarget(ctx: Context, instanceId: string): Promise<Target> {
  const field = ['input', 'instanceId'];
  const instance = await db().instance.findFirst({
    where: { id: instanceId, deletedAt: null },
    select: { ...LINE_SELECT, businessId: true, business: { select: { plan: true, timezone: true } } },
  });
  await authorizeSend(ctx, instance?.businessId, 'WhatsApp line', field);
  const { business } = instance!;
  return { businessId: instance!.businessId, plan: business.plan, timezone: business.timezone, instance: instance!, conversationId: null, field };
}

/**
 * The early plan gate for sending: BASIC has no WhatsApp. The monthly allowance is reserved inside
 * the accepting transaction (`reserveMessage`), which checks the plan again.
 */
function assertPlanAllowsSending(plan: Plan, field: string[]): void {
  if (plan === 'BASIC') throw new PlanUpgradeRequiredError('Sending WhatsApp messages needs the PRO or ENTERPRISE plan', field);
}

/** A line takes messages while connected, or at any time when its settings say to hold them until it is. */
export function assertLineAccepts(instance: LineFields, field: string[]): void {
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
async function conversationFor(tx: Prisma.TransactionClient, target: Target, phone: string, newContacts: string[]): Promise<string> {
  const identity = { jids: [`${phone.slice(1)}@s.whatsapp.net`], phone, name: null, isGroup: false };
  const contactId = await resolveContact(tx, target.businessId, identity, newContacts);
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
  /** Contacts created for it (sending to a new number), to meter. */
  newContacts: string[];
  /** When it was accepted, and the usage month that falls in (stored with the message, reserved by `meterAccepted`). */
  at: Date;
  usagePeriod: string;
}

async function accept(tx: Prisma.TransactionClient, ctx: Context, target: Target, data: SendData, text: string | null): Promise<Accepted> {
  const at = new Date();
  const { period } = usagePeriod(target.timezone, at);
  const newContacts: string[] = [];
  const conversationId = target.conversationId ?? (await conversationFor(tx, target, data.to!, newContacts));
  await assertNotOptedOut(tx, conversationId, target.field);
  const referenced = await referencedMessages(tx, conversationId, [
    ...(data.quotedMessageId ? [{ id: data.quotedMessageId, field: ['input', 'quotedMessageId'] }] : []),
    ...(data.reaction ? [{ id: data.reaction.messageId, field: ['input', 'reaction', 'messageId'] }] : []),
  ]);
  const content = contentOf(data, text, data.reaction ? (referenced.get(data.reaction.messageId) ?? null) : null);
  const userId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  const agent = userId !== null;
  const id = newId();
  const inserted = await insertOutboundMessage(tx, {
    id,
    businessId: target.businessId,
    conversationId,
    instanceId: target.instance.id,
    type: data.type,
    ...content,
    quotedMessageId: data.quotedMessageId,
    author: agent ? 'AGENT' : 'SYSTEM',
    sentById: userId,
    idempotencyKey: data.idempotencyKey,
    usagePeriod: period,
  });
  if (!inserted) {
    // The same key won, perhaps in a concurrent request that committed while this insert waited for it.
    const existing = await tx.message.findUniqueOrThrow({
      where: { businessId_idempotencyKey: { businessId: target.businessId, idempotencyKey: data.idempotencyKey! } },
      select: { id: true },
    });
    return { id: existing.id, inserted: false, events: [], newContacts, at, usagePeriod: period };
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
  return { id, inserted: true, events, newContacts, at, usagePeriod: period };
}

/**
 * Meters a newly queued message, last but for its inbox events (lock order: conversation and
 * message rows, then the usage row, then the business row; the usage row is held from here to
 * commit, so as little as possible follows): reserves it against the month's allowance —
 * PLAN_LIMIT_EXCEEDED rolls the whole send back — and counts a contact it created. Inserting
 * first means an idempotent repeat, which inserts nothing, reserves nothing. `moved` when the
 * reservation fell in another month than the one stored (the timezone changed meanwhile).
 */
async function meterAccepted(tx: Prisma.TransactionClient, target: Target, accepted: Accepted): Promise<{ thresholds: UsageThresholdEvent[]; moved: boolean }> {
  const reservation = await reserveMessage(tx, target.businessId, target.field, accepted.at, { newContacts: accepted.newContacts });
  const moved = reservation.period !== accepted.usagePeriod;
  if (moved) await tx.$executeRaw`UPDATE "Message" SET "usagePeriod" = ${reservation.period} WHERE id = ${accepted.id}`;
  return { thresholds: reservation.thresholds, moved };
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
  const { message, inserted, events, thresholds } = await retryOnConflict(() =>
    db().$transaction(async (tx) => {
      const accepted = await accept(tx, ctx, target, data, text);
      // Read before commit: the answer shows the message as accepted, whatever a sender does with it a moment later.
      const read = () => tx.message.findUniqueOrThrow({ ...selection(query), where: { id: accepted.id } });
      let row = await read();
      const metered = accepted.inserted ? await meterAccepted(tx, target, accepted) : { thresholds: [], moved: false };
      if (metered.moved) row = await read();
      const events = await appendInboxEvents(tx, target.businessId, accepted.events);
      return { inserted: accepted.inserted, message: row, thresholds: metered.thresholds, events };
    }),
  );
  if (inserted) announce(ctx.platform, target.instance.id, events);
  publishUsageThresholds(ctx.platform, thresholds);
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
 * What a transition does to the message's usage reservation, given the period it is reserved in
 * (null: none): answers the period it leaves reserved and the thresholds to publish.
 */
type UsageChange = (tx: Prisma.TransactionClient, reservedPeriod: string | null) => Promise<{ period: string | null; thresholds: UsageThresholdEvent[] }>;

/**
 * Moves one message from `from` to a new state under its row lock, re-checked, so a racing sender
 * cannot be overtaken, and answers with the message as the change left it. Its usage reservation
 * changes in the same transaction (message row, then usage row, then business row).
 */
async function transition(
  ctx: Context,
  message: Awaited<ReturnType<typeof sendableMessage>>,
  action: string,
  from: MessageStatus,
  set: Prisma.Sql,
  query: MessageQuery,
  usage: UsageChange,
): Promise<Message> {
  const changed = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ usagePeriod: string | null }[]>`
      SELECT "usagePeriod" FROM "Message" WHERE id = ${message.id} AND status = ${from}::"MessageStatus" FOR UPDATE`;
    if (!locked) return null;
    const metered = await usage(tx, locked.usagePeriod);
    await tx.$executeRaw`UPDATE "Message" SET ${set}, "usagePeriod" = ${metered.period} WHERE id = ${message.id}`;
    const events = await appendInboxEvents(tx, message.businessId, [{ kind: 'MESSAGE_UPDATED', conversationId: message.conversationId, messageId: message.id }]);
    return { events, thresholds: metered.thresholds, row: await tx.message.findUniqueOrThrow({ ...selection(query), where: { id: message.id } }) };
  });
  if (!changed) {
    const { status } = await db().message.findUniqueOrThrow({ where: { id: message.id }, select: { status: true } });
    throw wrongState(action, status, message.field);
  }
  publishInboxEvents(ctx.platform, changed.events);
  publishUsageThresholds(ctx.platform, changed.thresholds);
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
    // Counted again this month; a reservation still held (WhatsApp refused it after sending) is given back first.
    async (tx, reservedPeriod) => {
      await releaseMessages(tx, [{ businessId: message.businessId, usagePeriod: reservedPeriod }]);
      return reserveMessage(tx, message.businessId, message.field);
    },
  );
  ctx.platform.pubsub.publish('outbox:nudge', { instanceId: message.instance.id });
  return retried;
}

/** QUEUED → CANCELED. A message already handed to WhatsApp (PENDING or later) cannot be called back. */
export async function cancelMessage(ctx: Context, messageId: string, query: MessageQuery = {}): Promise<Message> {
  const message = await sendableMessage(ctx, messageId);
  if (message.status !== 'QUEUED') throw wrongState('canceled', message.status, message.field);
  return transition(ctx, message, 'canceled', 'QUEUED', Prisma.sql`status = 'CANCELED', "nextAttemptAt" = NULL`, query, async (tx, reservedPeriod) => {
    await releaseMessages(tx, [{ businessId: message.businessId, usagePeriod: reservedPeriod }]);
    return { period: null, thresholds: [] };
  });
}
