import { queryFromInfo } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { listContacts } from '../services/inbox/queries.ts';
import { pageSize } from '../services/pagination.ts';
import { ConversationConnection } from './conversation.ts';

export const ContactRef = builder.prismaNode('Contact', {
  description: 'A customer of the business (or a WhatsApp group), known by phone number and WhatsApp ids.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Their WhatsApp display name.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their phone number in E.164 (`+37120000000`); null for groups and when only a private id (`@lid`) is known.' }),
    jids: t.exposeStringList('jids', { description: 'Every WhatsApp id they are known by (phone JID, `@lid`, group JID).' }),
    isGroup: t.exposeBoolean('isGroup', { description: 'A WhatsApp group rather than one person.' }),
    optedOut: t.exposeBoolean('optedOut', { description: 'They asked not to be messaged: nothing is sent to them.' }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime', description: 'When they first wrote or were written to.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'When they last wrote.' }),
    conversations: t.relatedConnection(
      'conversations',
      { ...pageSize, cursor: 'id', query: { orderBy: { id: 'desc' } }, description: 'Their conversations (one per WhatsApp line), newest first.' },
      ConversationConnection,
    ),
  }),
});

builder.prismaObjectField('Business', 'contacts', (t) =>
  t.connection(
    {
      type: ContactRef,
      description: 'The business’s contacts, most recently seen first.',
      args: {
        search: t.arg.string({ required: false, description: 'Only those whose name or phone number contains this, or with this exact WhatsApp id.' }),
      },
      resolve: (business, { search, ...page }, ctx, info) =>
        listContacts(business.id, search, page, queryFromInfo({ context: ctx, info, path: ['edges', 'node'] })),
    },
    { name: 'ContactConnection', description: 'A page of contacts.' },
    { name: 'ContactEdge', description: 'A contact and its cursor.' },
  ),
);
