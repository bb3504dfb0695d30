import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { ApiKey } from '../generated/prisma/client.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { manageableBusinessesWhere } from '../services/access.ts';
import { createApiKey, revokeApiKey } from '../services/api-keys.ts';
import { resultNames } from './mutation-result.ts';

export const ApiKeyScopeEnum = builder.enumType('ApiKeyScope', {
  description: 'What an API key may do inside its business.',
  values: {
    READ: { description: 'Read the business and its data.' },
    SEND: { description: 'Send messages.' },
    MANAGE: { description: 'Change the business, its members and keys (implies READ).' },
  },
});

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  description: 'An integrator’s key, bound to one business. The secret is shown once, at creation.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: manageableBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the key is for.' }),
    prefix: t.exposeString('prefix', { description: 'The 8 characters after `sb_`, to recognise the key.' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], description: 'What it may do.', resolve: (key) => key.scopes }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last use, to the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while active.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ apiKey: ApiKey; secret: string }>('CreateApiKeyPayload').implement({
  description: 'The new key and, this once, its secret.',
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, description: 'The key.', resolve: (payload) => payload.apiKey }),
    secret: t.exposeString('secret', {
      description: 'The full key `sb_<prefix>_<secret>`. Store it now: it cannot be shown again.',
    }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new key for a business.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    name: t.string({ description: 'What the key is for, 1–120 characters.' }),
    scopes: t.field({ type: [ApiKeyScopeEnum], description: 'At least one scope.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  description: 'The key to revoke.',
  fields: (t) => ({ apiKeyId: t.id({ description: 'The ApiKey ID.' }) }),
});

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    authScopes: { signedIn: true },
    description: 'Issues an API key for a business (owners and MANAGE keys; a key cannot grant scopes it lacks).',
    args: { input: t.arg({ type: CreateApiKeyInput, description: 'What to do; see the input type.' }) },
    errors: { types: [ValidationError, NotFoundError], union: { name: 'CreateApiKeyResult', description: 'What `createApiKey` returns: its payload, or a typed error and nothing changed.' }, directResult: true },
    resolve: (_root, { input: { businessId, ...key } }, ctx) =>
      createApiKey(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), key),
  }),
  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    authScopes: { signedIn: true },
    description: 'Revokes a key at once; requests with it get 401. Revoking twice is harmless.',
    args: { input: t.arg({ type: RevokeApiKeyInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError],
      ...resultNames('revokeApiKey', 'apiKey', 'The revoked key.'),
    },
    resolve: (_query, _root, { input }, ctx) => revokeApiKey(ctx, parseGlobalId(input.apiKeyId, 'ApiKey', ['input', 'apiKeyId'])),
  }),
}));
