import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { createReplyTemplate, deleteReplyTemplate, templateVariables, updateReplyTemplate } from '../services/outbox/templates.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

builder.prismaNode('ReplyTemplate', {
  description: 'A saved reply with `{{variable}}` placeholders, filled in by sendMessage (`templateId` + `variables`).',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique within the business, 1–120 characters.' }),
    body: t.exposeString('body', { description: 'The text, 1–4,096 characters, with `{{variable}}` placeholders.' }),
    variables: t.stringList({
      description: 'The placeholders the body uses, in order of first use: each needs a value when sending.',
      select: { body: true },
      resolve: (template) => templateVariables(template.body),
    }),
    language: t.exposeString('language', { nullable: true, description: 'BCP-47 tag of the language it is written in, when given.' }),
    business: t.relation('business', { description: 'The business it belongs to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
  }),
});

builder.prismaObjectField('Business', 'replyTemplates', (t) =>
  t.relatedConnection(
    'replyTemplates',
    { ...pageSize, cursor: 'id', query: { orderBy: { name: 'asc' } }, description: 'Saved replies, by name.' },
    { name: 'ReplyTemplateConnection' },
    { name: 'ReplyTemplateEdge' },
  ),
);

const CreateReplyTemplateInput = builder.inputType('CreateReplyTemplateInput', {
  description: 'A new saved reply.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    name: t.string({ description: 'Unique within the business, 1–120 characters.' }),
    body: t.string({ description: 'The text, 1–4,096 characters; `{{name}}` placeholders use letters, digits and _.' }),
    language: t.string({ required: false, description: 'BCP-47 tag such as "en" or "lv-LV".' }),
  }),
});

const UpdateReplyTemplateInput = builder.inputType('UpdateReplyTemplateInput', {
  description: 'Changes to a saved reply; omitted fields stay as they are.',
  fields: (t) => ({
    replyTemplateId: t.id({ description: 'The ReplyTemplate ID.' }),
    name: t.string({ required: false, description: 'New name, unique within the business.' }),
    body: t.string({ required: false, description: 'New text with `{{variable}}` placeholders.' }),
    language: t.string({ required: false, description: 'New BCP-47 tag; null clears it.' }),
  }),
});

const DeleteReplyTemplateInput = builder.inputType('DeleteReplyTemplateInput', {
  description: 'The saved reply to delete.',
  fields: (t) => ({ replyTemplateId: t.id({ description: 'The ReplyTemplate ID.' }) }),
});

const templateErrors = [ValidationError, NotFoundError, ConflictError];
const templateId = (id: string) => parseGlobalId(id, 'ReplyTemplate', ['input', 'replyTemplateId']);

builder.mutationFields((t) => ({
  createReplyTemplate: t.prismaField({
    type: 'ReplyTemplate',
    authScopes: { signedIn: true },
    description: 'Saves a reply for the business (owners and MANAGE keys).',
    args: { input: t.arg({ type: CreateReplyTemplateInput, description: 'What to do; see the input type.' }) },
    errors: { types: templateErrors, ...resultNames('createReplyTemplate', 'replyTemplate', 'The new saved reply.') },
    resolve: (query, _root, { input: { businessId, ...template } }, ctx) =>
      createReplyTemplate(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), template, query),
  }),
  updateReplyTemplate: t.prismaField({
    type: 'ReplyTemplate',
    authScopes: { signedIn: true },
    description: 'Changes a saved reply (owners and MANAGE keys).',
    args: { input: t.arg({ type: UpdateReplyTemplateInput, description: 'What to do; see the input type.' }) },
    errors: { types: templateErrors, ...resultNames('updateReplyTemplate', 'replyTemplate', 'The saved reply, as it is now.') },
    resolve: (query, _root, { input: { replyTemplateId, ...changes } }, ctx) => updateReplyTemplate(ctx, templateId(replyTemplateId), changes, query),
  }),
  deleteReplyTemplate: t.field({
    type: 'ID',
    authScopes: { signedIn: true },
    description: 'Deletes a saved reply (owners and MANAGE keys); messages sent with it keep their text.',
    args: { input: t.arg({ type: DeleteReplyTemplateInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], ...resultNames('deleteReplyTemplate', 'deletedReplyTemplateId', 'The ID of the deleted saved reply.') },
    resolve: async (_root, { input }, ctx) =>
      encodeGlobalID('ReplyTemplate', await deleteReplyTemplate(ctx, templateId(input.replyTemplateId))),
  }),
}));
