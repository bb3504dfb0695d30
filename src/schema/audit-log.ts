import { builder } from '../builder.ts';
import { manageableBusinessesWhere } from '../services/access.ts';

const ActorTypeEnum = builder.enumType('ActorType', {
  description: 'Who made a change.',
  values: {
    USER: { description: 'A person, by user id.' },
    API_KEY: { description: 'An integrator, by API key id.' },
    SYSTEM: { description: 'Switchboard itself.' },
  },
});

builder.prismaNode('AuditLog', {
  name: 'AuditLogEntry',
  description: 'One recorded change to a business, its members or keys.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: manageableBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What was done, such as `business.update` or `apiKey.revoke`.' }),
    actorType: t.expose('actorType', { type: ActorTypeEnum, description: 'Kind of actor.' }),
    actorId: t.exposeString('actorId', { description: 'The user id or API key id of the actor.' }),
    targetType: t.exposeString('targetType', { description: 'Type of the changed object.' }),
    targetId: t.exposeString('targetId', { description: 'Row id of the changed object.' }),
    metadata: t.expose('metadata', { type: 'JSON', description: 'Details such as changed field names. Never secrets.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
  }),
});
