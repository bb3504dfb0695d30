import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Context } from './context.ts';
import { db } from './db.ts';
import { forbidden } from './errors.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';
import type { BusinessPermission } from './services/access.ts';

export interface BusinessPermissionScope {
  businessId: string;
  permission: BusinessPermission;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: {
    signedIn: boolean;
    user: boolean;
    admin: boolean;
    businessPermission: BusinessPermissionScope;
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      signedIn: ctx.viewer.kind !== 'anonymous',
      user: ctx.viewer.kind === 'user',
      admin: ctx.viewer.kind === 'user' && ctx.viewer.isAdmin,
      businessPermission: ({ businessId, permission }) => ctx.access.can(businessId, permission),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer.kind === 'anonymous'
        ? new GraphQLError('Sign in to do this', { extensions: { code: 'UNAUTHENTICATED' } })
        : forbidden(),
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      nullable: true,
      args: { id: { description: 'A global ID.' } },
      description: 'Any object by its global ID; null when it does not exist or is not visible to you.' },
    nodesQueryOptions: {
      nullable: { list: false, items: true },
      args: { ids: { description: 'Global IDs.' } },
      description: 'Objects by global ID, in order; null for each one that does not exist or is not visible to you.',
    },
    nodeTypeOptions: { description: 'An object with a global ID that `node(id:)` can refetch.' },
    idFieldOptions: { description: 'Opaque global ID.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor connections).' },
    hasNextPageFieldOptions: { description: 'More items follow this page (exact when paging forward).' },
    hasPreviousPageFieldOptions: { description: 'More items precede this page (exact when paging backward).' },
    startCursorFieldOptions: { description: 'Cursor of the first item; null on an empty page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item; null on an empty page.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item, for `after` / `before`.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Paging information.' },
    firstArgOptions: { description: 'Take the first N items (0–100, default 20).' },
    lastArgOptions: { description: 'Take the last N items (0–100).' },
    afterArgOptions: { description: 'Start after this cursor.' },
    beforeArgOptions: { description: 'End before this cursor.' },
    defaultConnectionTypeOptions: { description: 'A page of items.' },
    defaultEdgeTypeOptions: { description: 'An item and its cursor.' },
  },
});

builder.queryType({ description: 'The root of every read.' });
builder.mutationType({ description: 'The root of every write. Each takes one `input` and returns a result union.' });
builder.subscriptionType({ description: 'Live events over graphql-ws (WebSocket) or SSE.' });
