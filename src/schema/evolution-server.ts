import { builder } from '../builder.ts';
import { db } from '../db.ts';
import { ConflictError, GatewayUnavailableError, NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { instanceCounts, isReachable, registerEvolutionServer, updateEvolutionServer } from '../services/whatsapp/servers.ts';
import { selection } from '../services/db/selection.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

builder.prismaNode('EvolutionServer', {
  description: 'An Evolution API server that hosts WhatsApp instances (admins only). Its API key is stored encrypted and never shown.',
  id: { field: 'id' },
  nullable: true,
  authScopes: { admin: true },
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'A label for operators.' }),
    url: t.exposeString('url', { description: 'Base URL of the server.' }),
    capacity: t.exposeInt('capacity', { description: 'How many instances it may host.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether new instances may be placed on it.' }),
    instanceCount: t.int({
      description: 'Live instances on it.',
      resolve: async (server) => (await instanceCounts([server.id])).get(server.id) ?? 0,
    }),
    reachable: t.boolean({
      description: 'Whether it answered just now (within 3 s).',
      resolve: (server, _args, ctx) => isReachable(ctx.platform, server),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
  }),
});

builder.queryField('evolutionServers', (t) =>
  t.prismaConnection(
    {
      type: 'EvolutionServer',
      cursor: 'id',
      ...pageSize,
      authScopes: { admin: true },
      description: 'Every Evolution server, oldest first (admins only).',
      resolve: (query) => db().evolutionServer.findMany({ ...selection(query), orderBy: { id: 'asc' } }),
    },
    { name: 'EvolutionServerConnection' },
    { name: 'EvolutionServerEdge' },
  ),
);

const RegisterEvolutionServerInput = builder.inputType('RegisterEvolutionServerInput', {
  description: 'A server to add; it must answer before it is stored.',
  fields: (t) => ({
    name: t.string({ description: 'A label, 1–80 characters.' }),
    url: t.string({ description: 'Base URL, http:// or https://.' }),
    apiKey: t.string({ description: 'Its global API key (AUTHENTICATION_API_KEY). Stored encrypted.' }),
    capacity: t.int({ required: false, description: 'How many instances it may host (EVOLUTION_MAX_INSTANCES_PER_SERVER when omitted).' }),
    enabled: t.boolean({ required: false, description: 'Whether new instances may be placed on it (true when omitted).' }),
  }),
});

const UpdateEvolutionServerInput = builder.inputType('UpdateEvolutionServerInput', {
  description: 'Fields to change; omitted fields stay.',
  fields: (t) => ({
    id: t.id({ description: 'The EvolutionServer ID.' }),
    name: t.string({ required: false, description: 'A label.' }),
    url: t.string({ required: false, description: 'Base URL; checked before saving.' }),
    apiKey: t.string({ required: false, description: 'A new API key; checked before saving.' }),
    capacity: t.int({ required: false, description: 'How many instances it may host.' }),
    enabled: t.boolean({ required: false, description: 'Whether new instances may be placed on it.' }),
  }),
});

builder.mutationFields((t) => ({
  registerEvolutionServer: t.prismaField({
    type: 'EvolutionServer',
    authScopes: { admin: true },
    description: 'Adds an Evolution server (admins only). From then on new lines are placed on real servers, not in the sandbox.',
    args: { input: t.arg({ type: RegisterEvolutionServerInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, ConflictError, GatewayUnavailableError],
      ...resultNames('registerEvolutionServer', 'evolutionServer', 'The registered server.'),
    },
    resolve: (_query, _root, { input }, ctx) => registerEvolutionServer(ctx, input),
  }),
  updateEvolutionServer: t.prismaField({
    type: 'EvolutionServer',
    authScopes: { admin: true },
    description: 'Changes an Evolution server (admins only). Disabling one stops new placements; its lines keep working.',
    args: { input: t.arg({ type: UpdateEvolutionServerInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, GatewayUnavailableError],
      ...resultNames('updateEvolutionServer', 'evolutionServer', 'The updated server.'),
    },
    resolve: (_query, _root, { input: { id, ...changes } }, ctx) =>
      updateEvolutionServer(ctx, parseGlobalId(id, 'EvolutionServer', ['input', 'id']), changes),
  }),
}));
