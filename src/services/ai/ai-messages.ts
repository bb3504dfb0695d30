import type { Prisma } from '../../generated/prisma/client.ts';
import type { UsageThresholdEvent } from '../events/topics.ts';
import { newId } from '../ids.ts';
import type { InboxEventInput } from '../inbox/events.ts';
import { insertOutboundMessage } from '../outbox/outbound-row.ts';
import { recordAiReply, reserveMessage } from '../usage/meter.ts';

export interface AiMessageTarget {
  businessId: string;
  conversationId: string;
  instanceId: string;
}

export interface QueuedAiMessage {
  messageId: string;
  /** To append with the caller's other events (the business row is locked last). */
  events: InboxEventInput[];
  /** To publish after commit with `publishUsageThresholds`. */
  thresholds: UsageThresholdEvent[];
}

/**
 * Queues a text the AI wrote (author AI) in the caller's transaction, exactly as the API queues a
 * message: the outbox sends it. `metered` reserves one message of the month's allowance (throwing
 * PLAN_UPGRADE_REQUIRED / PLAN_LIMIT_EXCEEDED when there is none); `countsAsReply` also counts it
 * as an AI reply. Unless `touchConversation` is false (the caller moves it itself), the message
 * becomes the conversation's last one. The caller publishes the events, thresholds and `outbox:nudge` after commit.
 */
export async function queueAiMessage(
  tx: Prisma.TransactionClient,
  target: AiMessageTarget,
  text: string,
  options: { metered: boolean; countsAsReply: boolean; field?: string[]; touchConversation?: boolean },
): Promise<QueuedAiMessage> {
  const reservation = options.metered ? await reserveMessage(tx, target.businessId, options.field ?? []) : null;
  if (options.countsAsReply) await recordAiReply(tx, target.businessId);
  const id = newId();
  await insertOutboundMessage(tx, {
    id,
    businessId: target.businessId,
    conversationId: target.conversationId,
    instanceId: target.instanceId,
    type: 'TEXT',
    body: text,
    author: 'AI',
    usagePeriod: reservation?.period ?? null,
  });
  if (options.touchConversation !== false) {
    await tx.$executeRaw`
      UPDATE "Conversation" SET
        "lastMessageId" = CASE WHEN "lastMessageAt" IS NULL OR "lastMessageAt" <= now() THEN ${id} ELSE "lastMessageId" END,
        "lastMessageAt" = GREATEST("lastMessageAt", now()),
        "updatedAt" = now()
      WHERE id = ${target.conversationId}`;
  }
  return {
    messageId: id,
    events: [
      { kind: 'MESSAGE_RECEIVED', conversationId: target.conversationId, messageId: id },
      { kind: 'CONVERSATION_UPDATED', conversationId: target.conversationId },
    ],
    thresholds: reservation?.thresholds ?? [],
  };
}
