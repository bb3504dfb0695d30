import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { ValidationError } from '../../errors.ts';
import type { AiRating, Prisma } from '../../generated/prisma/client.ts';
import { actorOf } from '../auth/viewer.ts';
import { selection } from '../db/selection.ts';
import { authorizeSend } from '../outbox/send-message.ts';
import { charCount } from '../outbox/templates.ts';
import { parseInput } from '../validation.ts';

type AiRunQuery = { include?: Prisma.AiRunInclude; select?: Prisma.AiRunSelect };

const MAX_CORRECTION_CHARS = 1_000;

const RatingSchema = z.object({
  messageId: z.string(),
  rating: z.enum(['GOOD', 'BAD']),
  correction: z
    .string()
    .trim()
    .min(1, 'Must not be blank')
    .refine((text) => charCount(text) <= MAX_CORRECTION_CHARS, `Must be at most ${MAX_CORRECTION_CHARS.toLocaleString('en')} characters`)
    .nullish(),
});

export type RateAiReplyInput = z.input<typeof RatingSchema>;

/**
 * Rates the AI reply a message carries (any member or SEND key of its business). A GOOD reply, or
 * the correction given with a rating, becomes one of the business's examples for that intent:
 * later prompts show the model how this business wants such questions answered.
 */
export async function rateAiReply(ctx: Context, input: RateAiReplyInput, query: AiRunQuery = {}) {
  const data = parseInput(RatingSchema, input);
  const field = ['input', 'messageId'];
  const run = await db().aiRun.findFirst({
    where: { messageId: data.messageId, outcome: { in: ['REPLIED', 'DRAFTED', 'HANDED_OFF'] } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, businessId: true },
  });
  await authorizeSend(ctx, run?.businessId, 'AI reply', field);
  if (data.rating === 'GOOD' && data.correction) {
    throw new ValidationError([{ path: ['input', 'correction'], message: 'A correction goes with a BAD rating: a GOOD reply is its own example' }]);
  }
  return db().aiRun.update({
    ...selection(query),
    where: { id: run!.id },
    data: {
      rating: data.rating as AiRating,
      correction: data.correction ?? null,
      ratedById: actorOf(ctx.viewer).actorId,
      ratedAt: new Date(),
    },
  });
}
