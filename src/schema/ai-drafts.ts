import { builder } from '../builder.ts';
import { db } from '../db.ts';
import {
  ConflictError,
  ContactOptedOutError,
  InstanceNotConnectedError,
  NotFoundError,
  notVisible,
  PlanLimitExceededError,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../errors.ts';
import { parseGlobalId, parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { approveAiDraft, discardAiDraft } from '../services/ai/drafts.ts';
import { selection } from '../services/db/selection.ts';
import { resultNames } from './mutation-result.ts';

const ApproveAiDraftInput = builder.inputType('ApproveAiDraftInput', {
  description: 'A DRAFT-mode reply to send, as the AI wrote it or edited.',
  fields: (t) => ({
    aiRunId: t.id({ description: 'The AiRun ID of the draft (from `aiDraftReady` or `Conversation.aiRuns`).' }),
    text: t.string({
      required: false,
      description: 'The text to send instead of the draft, 1–4,096 characters; it is kept as the run’s correction. Omit to send the draft as written.',
    }),
  }),
});

const DiscardAiDraftInput = builder.inputType('DiscardAiDraftInput', {
  description: 'A DRAFT-mode reply to drop.',
  fields: (t) => ({ aiRunId: t.id({ description: 'The AiRun ID of the draft.' }) }),
});

const runId = (id: string) => parseGlobalId(id, 'AiRun', ['input', 'aiRunId']);

builder.mutationFields((t) => ({
  approveAiDraft: t.prismaField({
    type: 'AiRun',
    authScopes: { signedIn: true },
    description: 'Sends a pending AI draft (members and SEND keys), optionally edited, through the outbox as the AI’s reply. A draft is approved or discarded once.',
    args: { input: t.arg({ type: ApproveAiDraftInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, PlanUpgradeRequiredError, PlanLimitExceededError, InstanceNotConnectedError, ContactOptedOutError],
      ...resultNames('approveAiDraft', 'aiRun', 'The draft, now APPROVED: its `message` is queued for sending.'),
    },
    resolve: (query, _root, { input }, ctx) => approveAiDraft(ctx, { aiRunId: runId(input.aiRunId), text: input.text }, query),
  }),
  discardAiDraft: t.prismaField({
    type: 'AiRun',
    authScopes: { signedIn: true },
    description: 'Drops a pending AI draft (members and SEND keys): nothing is sent.',
    args: { input: t.arg({ type: DiscardAiDraftInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError, ConflictError], ...resultNames('discardAiDraft', 'aiRun', 'The draft, now DISCARDED.') },
    resolve: (query, _root, { input }, ctx) => discardAiDraft(ctx, { aiRunId: runId(input.aiRunId) }, query),
  }),
}));

builder.subscriptionField('aiDraftReady', (t) =>
  t.prismaField({
    type: 'AiRun',
    authScopes: { signedIn: true },
    description: 'DRAFT-mode replies of the business as the AI writes them, each waiting for `approveAiDraft` or `discardAiDraft`.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, { businessId }, ctx) => {
      const id = parseGlobalIdOrNull(businessId, 'Business');
      if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
      return ctx.pubsub.subscribe('business:aiDraft', id);
    },
    resolve: (query, event: { aiRunId: string }) => db().aiRun.findUniqueOrThrow({ ...selection(query), where: { id: event.aiRunId } }),
  }),
);
