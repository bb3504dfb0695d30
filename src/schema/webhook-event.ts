import { builder } from '../builder.ts';
import { db } from '../db.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId, parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { manageableBusinessesWhere } from '../services/access.ts';
import { replayWebhookEvent, webhookEventsWhere } from '../services/whatsapp/webhook-events.ts';
import { selection } from '../services/db/selection.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

const WebhookEventStatusEnum = builder.enumType('WebhookEventStatus', {
  description: 'What became of a stored webhook delivery.',
  values: {
    RECEIVED: { description: 'Stored, waiting (a receipt for a message not stored yet).' },
    PROCESSED: { description: 'Applied.' },
    FAILED: { description: 'Could not be applied; see `error`. Fix and replay with replayWebhookEvent.' },
    IGNORED: { description: 'Stored but not used (events Switchboard does not need).' },
  },
});

builder.prismaNode('WebhookEvent', {
  description: 'One webhook delivery from Evolution, stored before it was processed.',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, instance: { business: manageableBusinessesWhere(ctx.viewer) } }),
  fields: (t) => ({
    event: t.exposeString('event', { description: 'Evolution’s event name, such as `messages.upsert`.' }),
    status: t.expose('status', { type: WebhookEventStatusEnum, description: 'What became of it.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed.' }),
    attempts: t.exposeInt('attempts', { description: 'How many times it was processed (replays included).' }),
    payload: t.expose('payload', { type: 'JSON', description: 'The body as received (or as corrected by a replay).' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When it arrived.' }),
    processedAt: t.expose('processedAt', { type: 'DateTime', nullable: true, description: 'When it was applied.' }),
  }),
});

builder.queryField('webhookEvents', (t) =>
  t.prismaConnection(
    {
      type: 'WebhookEvent',
      cursor: 'id',
      ...pageSize,
      authScopes: { signedIn: true },
      description: 'Stored webhook deliveries of one line, newest first (owners, MANAGE keys and admins).',
      args: {
        instanceId: t.arg.id({ description: 'The Instance ID.' }),
        status: t.arg({ type: WebhookEventStatusEnum, required: false, description: 'Only deliveries in this state.' }),
      },
      resolve: async (query, _root, { instanceId, status }, ctx) => {
        const id = parseGlobalIdOrNull(instanceId, 'Instance');
        if (!id) return [];
        return db().webhookEvent.findMany({ ...selection(query), where: await webhookEventsWhere(ctx, id, status), orderBy: { id: 'desc' } });
      },
    },
    { name: 'WebhookEventConnection' },
    { name: 'WebhookEventEdge' },
  ),
);

const ReplayWebhookEventInput = builder.inputType('ReplayWebhookEventInput', {
  description: 'A stored delivery to process again.',
  fields: (t) => ({
    webhookEventId: t.id({ description: 'The WebhookEvent ID.' }),
    payload: t.field({ type: 'JSON', required: false, description: 'A corrected body; the stored one when omitted.' }),
  }),
});

builder.mutationField('replayWebhookEvent', (t) =>
  t.prismaField({
    type: 'WebhookEvent',
    authScopes: { signedIn: true },
    description: 'Processes a stored delivery again (owners, MANAGE keys and admins): how FAILED deliveries are fixed.',
    args: { input: t.arg({ type: ReplayWebhookEventInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError],
      ...resultNames('replayWebhookEvent', 'webhookEvent', 'The delivery after the replay; its status says whether it worked.'),
    },
    resolve: (_query, _root, { input }, ctx) =>
      replayWebhookEvent(ctx, parseGlobalId(input.webhookEventId, 'WebhookEvent', ['input', 'webhookEventId']), input.payload),
  }),
);
