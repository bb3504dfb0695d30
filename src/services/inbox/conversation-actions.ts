import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { Conversation, Prisma } from '../../generated/prisma/client.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { parseInput } from '../validation.ts';
import { appendInboxEvents, publishInboxEvents } from './events.ts';

/** How many of the newest unread messages a read receipt covers (WhatsApp marks earlier ones too). */
const READ_RECEIPT_BATCH = 20;

async function loadConversation(ctx: Context, conversationId: string): Promise<Conversation> {
  const conversation = await db().conversation.findFirst({ where: { id: conversationId, business: visibleBusinessesWhere(ctx.viewer) } });
  if (!conversation) throw new NotFoundError('No conversation with this id is visible to you', ['input', 'conversationId']);
  await ctx.access.authorize(conversation.businessId, 'SEND', ['input', 'conversationId']);
  return conversation;
}

async function saveConversation(ctx: Context, conversation: Conversation, data: Prisma.ConversationUpdateInput): Promise<Conversation> {
  const { updated, events } = await db().$transaction(async (tx) => {
    const row = await tx.conversation.update({ where: { id: conversation.id }, data });
    const appended = await appendInboxEvents(tx, conversation.businessId, [{ kind: 'CONVERSATION_UPDATED', conversationId: conversation.id }]);
    return { updated: row, events: appended };
  });
  publishInboxEvents(ctx.platform, events);
  return updated;
}

/**
 * Unread to zero, and — when the line's `sendReadReceipts` setting is on (the default) — blue ticks
 * for the customer. The receipt is best effort: the inbox state never waits on WhatsApp.
 */
export async function markConversationRead(ctx: Context, conversationId: string): Promise<Conversation> {
  const conversation = await loadConversation(ctx, conversationId);
  if (conversation.unreadCount === 0) return conversation;
  const unread = await db().message.findMany({
    where: { conversationId, direction: 'INBOUND', readAt: null, externalId: { not: null } },
    orderBy: { createdAt: 'desc' },
    take: Math.min(conversation.unreadCount, READ_RECEIPT_BATCH),
    select: { externalId: true, senderJid: true, conversation: { select: { contact: { select: { jids: true } } } } },
  });
  const updated = await saveConversation(ctx, conversation, { unreadCount: 0 });
  const instance = await db().instance.findUniqueOrThrow({ where: { id: conversation.instanceId } });
  const settings = instance.settings as { sendReadReceipts?: boolean };
  if (settings.sendReadReceipts !== false && instance.status === 'CONNECTED' && unread.length > 0) {
    const gateway = await ctx.platform.gateways.forInstance(instance);
    const remoteJid = unread[0]!.conversation.contact.jids.find((jid) => !jid.endsWith('@lid')) ?? unread[0]!.conversation.contact.jids[0]!;
    gateway
      .markMessageAsRead(instance.name, unread.map((message) => ({ externalId: message.externalId!, remoteJid, fromMe: false })))
      .catch((error: unknown) => ctx.platform.log.warn({ err: error, conversationId }, 'read receipt not delivered'));
  }
  return updated;
}

const UpdateConversationSchema = z.object({
  status: z.enum(['OPEN', 'PENDING', 'RESOLVED']).optional(),
  controller: z.enum(['AI', 'HUMAN']).optional(),
  assigneeUserId: z.string().trim().min(1).max(200).nullable().optional(),
});

export type UpdateConversationInput = { [Field in keyof z.input<typeof UpdateConversationSchema>]?: z.input<typeof UpdateConversationSchema>[Field] | null };

/**
 * Status, controller and assignee. Resolving hands the conversation back to the AI unless the
 * business's AI settings say `handBackOnResolve: false`; the assignee must be a member.
 */
export async function updateConversation(ctx: Context, conversationId: string, input: UpdateConversationInput): Promise<Conversation> {
  const changes = parseInput(UpdateConversationSchema, {
    status: input.status ?? undefined,
    controller: input.controller ?? undefined,
    assigneeUserId: input.assigneeUserId,
  });
  const conversation = await loadConversation(ctx, conversationId);
  if (changes.assigneeUserId) {
    const member = await db().membership.findUnique({
      where: { businessId_userId: { businessId: conversation.businessId, userId: changes.assigneeUserId } },
      select: { id: true },
    });
    if (!member) throw new ValidationError([{ path: ['input', 'assigneeUserId'], message: 'Must be a member of the business' }]);
  }
  let controller = changes.controller;
  if (changes.status === 'RESOLVED' && controller === undefined) {
    const business = await db().business.findUniqueOrThrow({ where: { id: conversation.businessId }, select: { aiSettings: true } });
    if ((business.aiSettings as { handBackOnResolve?: boolean }).handBackOnResolve !== false) controller = 'AI';
  }
  return saveConversation(ctx, conversation, { status: changes.status, controller, assigneeId: changes.assigneeUserId });
}
