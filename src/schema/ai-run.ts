import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { db } from '../db.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { AiDraftStatus, AiOutcome, AiRating } from '../generated/prisma/enums.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { rateAiReply } from '../services/ai/ratings.ts';
import { aiStats } from '../services/ai/stats.ts';
import { type Intent, INTENTS } from '../services/ai/types.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

type Described<Value extends string> = Record<Value, { description: string }>;

const INTENT_DESCRIPTIONS: Described<Intent> = {
  GREETING: { description: 'Hello, nothing asked yet.' },
  RESERVATION: { description: 'Wants to book a table, an appointment or a room.' },
  ORDER: { description: 'Wants to order or asks about an order.' },
  HOURS: { description: 'Asks when the business is open.' },
  LOCATION: { description: 'Asks where the business is.' },
  PRICING: { description: 'Asks what something costs.' },
  PRODUCT_INFO: { description: 'Asks about a product, service or menu item.' },
  SUPPORT: { description: 'Needs help with a problem.' },
  BILLING: { description: 'Asks about invoices, payments or refunds.' },
  COMPLAINT: { description: 'Is unhappy; always handed to a person.' },
  HUMAN_HANDOFF: { description: 'Asks for a person.' },
  THANKS: { description: 'Says thank you.' },
  OPT_OUT: { description: 'Wants no more messages; the contact is opted out.' },
  OTHER: { description: 'None of the above.' },
};

export const AiIntentEnum = builder.enumType('AiIntent', {
  description: 'What a customer message asks for, as the AI understood it.',
  values: Object.fromEntries(INTENTS.map((intent) => [intent, INTENT_DESCRIPTIONS[intent]])) as Described<Intent>,
});

export const AiOutcomeEnum = builder.enumType('AiOutcome', {
  description: 'What the AI decided.',
  values: {
    REPLIED: { description: 'A reply was queued for sending.' },
    DRAFTED: { description: 'A reply waits as a draft for an agent (DRAFT mode).' },
    HANDED_OFF: { description: 'The conversation went to people, with a short notice to the customer.' },
    SKIPPED: { description: 'The AI stayed quiet; `skipReason` says why.' },
    FAILED: { description: 'Something went wrong; `error` says what. Nothing was sent.' },
  } satisfies Described<AiOutcome>,
});

export const AiRatingEnum = builder.enumType('AiRating', {
  description: 'An agent’s verdict on an AI reply.',
  values: {
    GOOD: { description: 'A good answer: it becomes an example for similar questions.' },
    BAD: { description: 'A bad answer; a correction given with it becomes the example instead.' },
  } satisfies Described<AiRating>,
});

export const AiDraftStatusEnum = builder.enumType('AiDraftStatus', {
  description: 'Where a DRAFT-mode reply stands.',
  values: {
    PENDING: { description: 'Waiting for an agent.' },
    APPROVED: { description: 'Approved (perhaps edited) and sent.' },
    DISCARDED: { description: 'Discarded; nothing was sent.' },
  } satisfies Described<AiDraftStatus>,
});

export const AiRunRef = builder.prismaNode('AiRun', {
  description: 'The trace of one AI decision: what it read, what it understood, what it did and why, and how it was rated.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    channel: t.exposeString('channel', { description: 'WHATSAPP or VOICE.' }),
    conversation: t.relation('conversation', { nullable: true, description: 'The conversation, for WhatsApp decisions.' }),
    inboundMessages: t.prismaField({
      type: ['Message'],
      description: 'The customer messages this decision answered, oldest first (a burst of quick messages gets one decision).',
      select: { inboundMessageIds: true },
      resolve: (query, run) => db().message.findMany({ ...query, where: { id: { in: run.inboundMessageIds } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    }),
    message: t.relation('message', { nullable: true, description: 'The message it sent (reply, handoff notice or approved draft), once there is one.' }),
    intent: t.field({
      type: AiIntentEnum,
      nullable: true,
      description: 'What the customer asked for; null when skipped before understanding.',
      resolve: (run) => (run.intent as Intent | null) ?? null,
    }),
    confidence: t.exposeFloat('confidence', { nullable: true, description: 'How sure the intent is, 0–1.' }),
    language: t.exposeString('language', { nullable: true, description: 'ISO 639-1 code of the customer’s language.' }),
    model: t.exposeString('model', { nullable: true, description: 'The model that answered; null for the built-in rules.' }),
    promptVersion: t.exposeString('promptVersion', { nullable: true, description: 'Version of the prompt the model got.' }),
    outcome: t.expose('outcome', { type: AiOutcomeEnum, description: 'What it decided.' }),
    skipReason: t.exposeString('skipReason', {
      nullable: true,
      description: 'Why it stayed quiet: HUMAN_CONTROLLED, GROUP, BROADCAST, OPTED_OUT, PLAN_LIMIT, RATE_LIMITED or BOT_LOOP.',
    }),
    handoffReason: t.exposeString('handoffReason', {
      nullable: true,
      description: 'Why it handed over: HUMAN_HANDOFF, COMPLAINT, LOW_CONFIDENCE, UNANSWERED, BOT_LOOP or PLAN_LIMIT.',
    }),
    fallbackUsed: t.exposeBoolean('fallbackUsed', { description: 'The model was unavailable or its answer failed the checks, so the built-in rules answered.' }),
    output: t.exposeString('output', { nullable: true, description: 'The text it wrote (sent, or the draft).' }),
    draftStatus: t.expose('draftStatus', { type: AiDraftStatusEnum, nullable: true, description: 'For DRAFT-mode replies: pending, approved or discarded.' }),
    tokensIn: t.exposeInt('tokensIn', { nullable: true, description: 'Prompt tokens the model counted.' }),
    tokensOut: t.exposeInt('tokensOut', { nullable: true, description: 'Answer tokens the model counted.' }),
    latencyMs: t.exposeInt('latencyMs', { nullable: true, description: 'From starting the decision to the reply being queued, in milliseconds.' }),
    rating: t.expose('rating', { type: AiRatingEnum, nullable: true, description: 'An agent’s verdict, when rated.' }),
    correction: t.exposeString('correction', { nullable: true, description: 'What it should have said, when an agent gave it.' }),
    ratedAt: t.expose('ratedAt', { type: 'DateTime', nullable: true, description: 'When it was rated.' }),
    error: t.exposeString('error', { nullable: true, description: 'What went wrong: a model failure the rules covered, or why the decision failed.' }),
    trace: t.expose('input', {
      type: 'JSON',
      description: 'What the decision was based on (message texts, settings used, model requests), for owners checking why it said what it said.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the decision was made.' }),
  }),
});

builder.prismaObjectFields('Conversation', (t) => ({
  aiRuns: t.relatedConnection(
    'aiRuns',
    {
      ...pageSize,
      cursor: 'id',
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      description: 'Every AI decision about this conversation, newest first.',
    },
    { name: 'AiRunConnection', description: 'A page of AI decisions.' },
    { name: 'AiRunEdge', description: 'An AI decision and its cursor.' },
  ),
  handoffReason: t.exposeString('handoffReason', {
    nullable: true,
    description:
      'Why people answer now, when the AI handed over or a person took over: HUMAN_HANDOFF, COMPLAINT, LOW_CONFIDENCE, UNANSWERED, BOT_LOOP, PLAN_LIMIT, AGENT_REPLIED or HUMAN_REPLIED.',
  }),
  controllerChangedAt: t.expose('controllerChangedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When the controller last changed between the AI and people.',
  }),
}));

builder.prismaObjectField('Message', 'aiRun', (t) =>
  t.field({
    type: AiRunRef,
    nullable: true,
    description: 'The AI decision that wrote this message; null for messages people or integrations wrote.',
    select: (_args, _ctx, nestedSelection) => ({
      aiRuns: nestedSelection({ take: 1, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    }),
    resolve: (message) => message.aiRuns[0] ?? null,
  }),
);

const AiIntentCountRef = builder.objectRef<{ intent: string; count: number }>('AiIntentCount').implement({
  description: 'How many decisions found one intent.',
  fields: (t) => ({
    intent: t.field({ type: AiIntentEnum, description: 'The intent.', resolve: (entry) => entry.intent as Intent }),
    count: t.exposeInt('count', { description: 'Decisions with it.' }),
  }),
});

const AiStatsRef = builder.objectRef<Awaited<ReturnType<typeof aiStats>>>('AiStats').implement({
  description: 'How the AI did over a period, counted from its decision traces.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period (inclusive).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period (exclusive).' }),
    decisions: t.exposeInt('decisions', { description: 'Decisions of any outcome.' }),
    replies: t.exposeInt('replies', { description: 'Replies queued for sending.' }),
    drafts: t.exposeInt('drafts', { description: 'Replies drafted for approval.' }),
    handoffs: t.exposeInt('handoffs', { description: 'Conversations handed to people.' }),
    skipped: t.exposeInt('skipped', { description: 'Times it stayed quiet on purpose (human in control, group, opted out, limits, bot loop).' }),
    failed: t.exposeInt('failed', { description: 'Decisions that failed; nothing was sent.' }),
    fallbacks: t.exposeInt('fallbacks', { description: 'Decisions the built-in rules made because the model was unavailable or its answer failed the checks.' }),
    averageLatencyMs: t.exposeInt('averageLatencyMs', { nullable: true, description: 'Mean decision time in milliseconds; null without decisions.' }),
    goodRatings: t.exposeInt('goodRatings', { description: 'Replies rated GOOD.' }),
    badRatings: t.exposeInt('badRatings', { description: 'Replies rated BAD.' }),
    corrections: t.exposeInt('corrections', { description: 'Replies an agent corrected.' }),
    intents: t.field({ type: [AiIntentCountRef], description: 'Decisions per intent, most frequent first.', resolve: (stats) => stats.intents }),
  }),
});

builder.prismaObjectField('Business', 'aiStats', (t) =>
  t.field({
    type: AiStatsRef,
    description: 'How the AI did over the last `days` days.',
    args: { days: t.arg.int({ defaultValue: 30, description: 'Days back from now, 1–366.' }) },
    select: { id: true },
    resolve: (business, { days }) => {
      if (days < 1 || days > 366) throw new GraphQLError('"days" must be between 1 and 366', { extensions: { code: 'BAD_USER_INPUT', argument: 'days' } });
      return aiStats(business.id, days);
    },
  }),
);

const RateAiReplyInput = builder.inputType('RateAiReplyInput', {
  description: 'A verdict on an AI reply.',
  fields: (t) => ({
    messageId: t.id({ description: 'The Message ID of the AI’s reply.' }),
    rating: t.field({ type: AiRatingEnum, description: 'GOOD or BAD.' }),
    correction: t.string({ required: false, description: 'With BAD: what it should have said (up to 1,000 characters); it becomes an example.' }),
  }),
});

builder.mutationFields((t) => ({
  rateAiReply: t.prismaField({
    type: 'AiRun',
    authScopes: { signedIn: true },
    description: 'Rates an AI reply (members and SEND keys). Good replies and corrections teach later replies to similar questions.',
    args: { input: t.arg({ type: RateAiReplyInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], ...resultNames('rateAiReply', 'aiRun', 'The rated decision.') },
    resolve: (query, _root, { input }, ctx) =>
      rateAiReply(ctx, { messageId: parseGlobalId(input.messageId, 'Message', ['input', 'messageId']), rating: input.rating, correction: input.correction }, query),
  }),
}));
