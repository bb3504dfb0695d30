import { builder } from '../builder.ts';
import { db } from '../db.ts';
import type { Viewer } from '../services/auth/viewer.ts';
import { selection } from '../services/db/selection.ts';
import { ApiKeyRef } from './api-key.ts';

type SignedInViewer = Exclude<Viewer, { kind: 'anonymous' }>;

const ViewerKindEnum = builder.enumType('ViewerKind', {
  description: 'How the caller authenticated.',
  values: {
    USER: { description: 'A person with a JWT.' },
    API_KEY: { description: 'An integrator with an API key.' },
  },
});

const ViewerRef = builder.objectRef<SignedInViewer>('Viewer').implement({
  description: 'The caller of this request.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKindEnum, description: 'User or API key.', resolve: (v) => (v.kind === 'user' ? 'USER' : 'API_KEY') }),
    userId: t.string({
      nullable: true,
      description: 'The user id (JWT `sub`); null for an API key.',
      resolve: (v) => (v.kind === 'user' ? v.userId : null),
    }),
    email: t.string({ nullable: true, description: 'From the token.', resolve: (v) => (v.kind === 'user' ? v.email : null) }),
    name: t.string({ nullable: true, description: 'From the token.', resolve: (v) => (v.kind === 'user' ? v.name : null) }),
    isAdmin: t.boolean({ description: 'Platform administrator.', resolve: (v) => v.kind === 'user' && v.isAdmin }),
    memberships: t.prismaField({
      type: ['Membership'],
      description: 'The businesses you belong to, and your role in each.',
      // An API key belongs to no one: the same query with a filter that matches nothing keeps one code path.
      resolve: (query, v) =>
        db().membership.findMany({
          ...selection(query),
          where: v.kind === 'user' ? { userId: v.userId, business: { deletedAt: null } } : { id: { in: [] } },
          orderBy: { id: 'asc' },
        }),
    }),
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key this request is made with; null for users.',
      resolve: (v) => (v.kind === 'apiKey' ? db().apiKey.findUnique({ where: { id: v.apiKeyId } }) : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'Who you are; null without credentials.',
    resolve: (_root, _args, ctx) => (ctx.viewer.kind === 'anonymous' ? null : ctx.viewer),
  }),
);
