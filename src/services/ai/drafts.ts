import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { ConflictError, ContactOptedOutError, ValidationError } from '../../errors.ts';
import type { AiRun, Prisma } from '../../generated/prisma/client.ts';
import { retryOnConflict } from '../db/retry.ts';
import { selection } from '../db/selection.ts';
import { appendInboxEvents, publishInboxEvents } from '../inbox/events.ts';
import { assertLineAccepts, authorizeSend } from '../outbox/send-message.ts';
import { charCount, MAX_TEXT_CHARS } from '../outbox/templates.ts';
import { publishUsageThresholds } from '../usage/meter.ts';
import { queueAiMessage } from './ai-messages.ts';

export type AiRunQuery = { include?: Prisma.AiRunInclude; select?: Prisma.AiRunSelect };

const RUN_FIELD = ['input', 'aiRunId'];

/** A draft of a business the caller may send for (NOT_FOUND otherwise, whatever the reason), still waiting. */
async function pendingDraft(ctx: Context, aiRunId: string) {
  const run = await db().aiRun.findUnique({
    where: { id: aiRunId },
    select: {
      id: true,
      businessId: true,
      conversationId: true,
      outcome: true,
      draftStatus: true,
      output: true,
      conversation: { select: { instanceId: true, instance: { select: { id: true, status: true, settings: true, deletedAt: true } } } },
    },
  });
  await authorizeSend(ctx, run?.businessId, 'AI draft', RUN_FIELD);
  if (!run!.draftStatus || !run!.conversation) throw new ConflictError('This AI decision is not a draft waiting for approval', RUN_FIELD);
  if (run!.draftStatus !== 'PENDING') throw new ConflictError(`This draft was already ${run!.draftStatus.toLowerCase()}`, RUN_FIELD);
  return { ...run!, conversationId: run!.conversationId!, conversation: run!.conversation };
}

/** The text to send, checked like any text sent from here. */
function draftText(edited: string | null | undefined, drafted: string | null): string {
  const text = edited ?? drafted ?? '';
  const field = edited != null ? ['input', 'text'] : RUN_FIELD;
  if (text.trim() === '') throw new ValidationError([{ path: field, message: 'Must not be blank' }]);
  if (charCount(text) > MAX_TEXT_CHARS) {
    throw new ValidationError([{ path: field, message: `Must be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters` }]);
  }
  return text;
}

/**
 * Sends a DRAFT-mode reply an agent approved, as drafted or as edited (the edit is kept as the
 * run's correction, so it teaches later replies): queued through the outbox as an AI message,
 * metered like any reply. Only a PENDING draft can be approved, once; a racing second approval
 * or a discard gets CONFLICT.
 */
export async function approveAiDraft(ctx: Context, input: { aiRunId: string; text?: string | null }, query: AiRunQuery = {}): Promise<AiRun> {
  const draft = await pendingDraft(ctx, input.aiRunId);
  const text = draftText(input.text, draft.output);
  assertLineAccepts(draft.conversation.instance, RUN_FIELD);
  const target = { businessId: draft.businessId, conversationId: draft.conversationId, instanceId: draft.conversation.instanceId };
  const edited = input.text != null && input.text !== draft.output;
  const { run, events, thresholds } = await retryOnConflict(() =>
    db().$transaction(async (tx) => {
      // The conversation first, as every writer of an AI decision locks it.
      const [contact] = await tx.$queryRaw<{ optedOut: boolean }[]>`
        SELECT k."optedOut" FROM "Conversation" c JOIN "Contact" k ON k.id = c."contactId" WHERE c.id = ${target.conversationId} FOR UPDATE OF c`;
      if (contact?.optedOut) throw new ContactOptedOutError('The customer opted out of messages from this business', RUN_FIELD);
      const claimed = await tx.$executeRaw`UPDATE "AiRun" SET "draftStatus" = 'APPROVED' WHERE id = ${draft.id} AND "draftStatus" = 'PENDING'`;
      if (claimed === 0) throw new ConflictError('This draft was already approved or discarded', RUN_FIELD);
      const queued = await queueAiMessage(tx, target, text, { metered: true, countsAsReply: true, field: RUN_FIELD });
      const updated = await tx.aiRun.update({
        ...selection(query),
        where: { id: draft.id },
        data: { messageId: queued.messageId, ...(edited ? { correction: text } : {}) },
      });
      return { run: updated, thresholds: queued.thresholds, events: await appendInboxEvents(tx, target.businessId, queued.events) };
    }),
  );
  publishInboxEvents(ctx.platform, events);
  publishUsageThresholds(ctx.platform, thresholds);
  ctx.platform.pubsub.publish('outbox:nudge', { instanceId: target.instanceId });
  return run;
}

/** Drops a PENDING draft: nothing is sent, and the trace keeps what the AI would have said. */
export async function discardAiDraft(ctx: Context, input: { aiRunId: string }, query: AiRunQuery = {}): Promise<AiRun> {
  const draft = await pendingDraft(ctx, input.aiRunId);
  const discarded = await db().aiRun.updateManyAndReturn({
    where: { id: draft.id, draftStatus: 'PENDING' },
    data: { draftStatus: 'DISCARDED' },
    select: { id: true },
  });
  if (discarded.length === 0) throw new ConflictError('This draft was already approved or discarded', RUN_FIELD);
  return db().aiRun.findUniqueOrThrow({ ...selection(query), where: { id: draft.id } });
}
