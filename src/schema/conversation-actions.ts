import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { markConversationRead, updateConversation } from '../services/inbox/conversation-actions.ts';
import { resultNames } from './mutation-result.ts';

const ConversationStatusInput = builder.enumType('ConversationStatusInput', {
  description: 'A status to move a conversation to.',
  values: {
    OPEN: { description: 'Needs attention.' },
    PENDING: { description: 'Waiting on someone.' },
    RESOLVED: { description: 'Done; the AI takes over again unless the business turned that off.' },
  },
});

const ControllerInput = builder.enumType('ControllerInput', {
  description: 'Who answers a conversation.',
  values: { AI: { description: 'The AI answers.' }, HUMAN: { description: 'People answer; the AI stays quiet.' } },
});

const MarkConversationReadInput = builder.inputType('MarkConversationReadInput', {
  description: 'The conversation an agent has read.',
  fields: (t) => ({ conversationId: t.id({ description: 'The Conversation ID.' }) }),
});

const UpdateConversationInput = builder.inputType('UpdateConversationInput', {
  description: 'What to change; omitted fields stay.',
  fields: (t) => ({
    conversationId: t.id({ description: 'The Conversation ID.' }),
    status: t.field({ type: ConversationStatusInput, required: false, description: 'New status.' }),
    controller: t.field({ type: ControllerInput, required: false, description: 'Who answers from now on.' }),
    assigneeUserId: t.string({ required: false, description: 'User id of the member to assign; null unassigns.' }),
  }),
});

builder.mutationFields((t) => ({
  markConversationRead: t.prismaField({
    type: 'Conversation',
    authScopes: { signedIn: true },
    description: 'Unread to zero, and blue ticks for the customer when the line’s settings allow read receipts.',
    args: { input: t.arg({ type: MarkConversationReadInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], ...resultNames('markConversationRead', 'conversation', 'The conversation, as it is now.') },
    resolve: (_query, _root, { input }, ctx) =>
      markConversationRead(ctx, parseGlobalId(input.conversationId, 'Conversation', ['input', 'conversationId'])),
  }),
  updateConversation: t.prismaField({
    type: 'Conversation',
    authScopes: { signedIn: true },
    description: 'Changes status, controller or assignee. Resolving hands the conversation back to the AI (per the business’s AI settings).',
    args: { input: t.arg({ type: UpdateConversationInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], ...resultNames('updateConversation', 'conversation', 'The conversation, as it is now.') },
    resolve: (_query, _root, { input: { conversationId, ...changes } }, ctx) =>
      updateConversation(ctx, parseGlobalId(conversationId, 'Conversation', ['input', 'conversationId']), changes),
  }),
}));
