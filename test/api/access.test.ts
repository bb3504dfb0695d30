import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import {
  AddBusinessMemberDocument,
  BusinessAdminViewDocument,
  BusinessDocument,
  BusinessesDocument,
  CreateApiKeyDocument,
  NodeDocument,
  NodesDocument,
  RevokeApiKeyDocument,
  UpdateBusinessDocument,
  ViewerDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createApiKey, createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';

let server: TestApp;
let ownerA: string;
let ownerB: string;
let agentA: string;
let admin: string;
let businessA: string;
let businessB: string;

beforeAll(async () => {
  server = await startTestApp();
  [ownerA, ownerB, agentA, admin] = await Promise.all([
    server.token({ sub: 'owner-a' }),
    server.token({ sub: 'owner-b' }),
    server.token({ sub: 'agent-a' }),
    server.token({ sub: 'root', role: 'admin' }),
  ]);
  businessA = await createBusiness(server.url, ownerA, 'Tenant A');
  businessB = await createBusiness(server.url, ownerB, 'Tenant B');
  await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId: businessA, userId: 'agent-a', role: 'AGENT' } }, { token: ownerA });
});
afterAll(() => server.stop());

async function auditEntries(businessId: string): Promise<number> {
  return db().auditLog.count({ where: { businessId: rowId(businessId) } });
}

describe('anonymous callers', () => {
  it('see viewer null and nothing else', async () => {
    expect((await executeOk(server.url, ViewerDocument, {})).viewer).toBeNull();
    expect((await executeOk(server.url, BusinessDocument, { id: businessA })).business).toBeNull();
    expect((await executeOk(server.url, NodeDocument, { id: businessA })).node).toBeNull();
    const list = await execute(server.url, BusinessesDocument, {});
    expect(list.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('users across tenants', () => {
  it('never see another tenant by business(id), node(id) or nodes(ids)', async () => {
    expect((await executeOk(server.url, BusinessDocument, { id: businessB }, { token: ownerA })).business).toBeNull();
    expect((await executeOk(server.url, NodeDocument, { id: businessB }, { token: ownerA })).node).toBeNull();
    const nodes = await executeOk(server.url, NodesDocument, { ids: [businessA, businessB] }, { token: ownerA });
    expect(nodes.nodes).toEqual([{ __typename: 'Business', id: businessA }, null]);
    const list = await executeOk(server.url, BusinessesDocument, {}, { token: ownerA });
    expect(list.businesses.edges.map((edge) => edge.node.id)).toEqual([businessA]);
  });

  it('get NOT_FOUND, not FORBIDDEN, when writing to another tenant, and nothing changes', async () => {
    const before = await auditEntries(businessB);
    const data = await executeOk(server.url, UpdateBusinessDocument, { input: { id: businessB, name: 'Hijacked' } }, { token: ownerA });
    expect(data.updateBusiness).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect((await db().business.findUniqueOrThrow({ where: { id: rowId(businessB) } })).name).toBe('Tenant B');
    expect(await auditEntries(businessB)).toBe(before);
  });

  it('cannot read another tenant’s members, keys or audit entries by global ID', async () => {
    const key = await createApiKey(server.url, ownerB, businessB, ['READ']);
    const audit = await db().auditLog.findFirstOrThrow({ where: { businessId: rowId(businessB) } });
    const membership = await db().membership.findFirstOrThrow({ where: { businessId: rowId(businessB) } });
    const ids = [key.id, Buffer.from(`AuditLogEntry:${audit.id}`).toString('base64'), Buffer.from(`Membership:${membership.id}`).toString('base64')];
    const asA = await executeOk(server.url, NodesDocument, { ids }, { token: ownerA });
    expect(asA.nodes).toEqual([null, null, null]);
    const asB = await executeOk(server.url, NodesDocument, { ids }, { token: ownerB });
    expect(asB.nodes.map((node) => node?.__typename)).toEqual(['ApiKey', 'AuditLogEntry', 'Membership']);
  });
});

describe('roles inside one business', () => {
  it('an AGENT reads the business but gets FORBIDDEN for an OWNER-only mutation, and nothing changes', async () => {
    expect((await executeOk(server.url, BusinessDocument, { id: businessA }, { token: agentA })).business?.name).toBe('Tenant A');
    const before = await auditEntries(businessA);
    const { status, body } = await execute(server.url, UpdateBusinessDocument, { input: { id: businessA, name: 'Agent was here' } }, { token: agentA });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await db().business.findUniqueOrThrow({ where: { id: rowId(businessA) } })).name).toBe('Tenant A');
    expect(await auditEntries(businessA)).toBe(before);
  });

  it('an AGENT sees members but not keys or the audit log', async () => {
    const { body } = await execute(server.url, BusinessAdminViewDocument, { id: businessA }, { token: agentA });
    expect(body.data?.business?.members.edges.map((edge) => edge.node.userId).sort()).toEqual(['agent-a', 'owner-a']);
    expect(body.data?.business?.apiKeys).toBeNull();
    expect(body.data?.business?.auditLog).toBeNull();
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('an admin sees and manages every business', async () => {
    const list = await executeOk(server.url, BusinessesDocument, { first: 100 }, { token: admin });
    expect(list.businesses.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining([businessA, businessB]));
    const data = await executeOk(server.url, UpdateBusinessDocument, { input: { id: businessB, category: 'bakery' } }, { token: admin });
    expect(data.updateBusiness).toMatchObject({ __typename: 'UpdateBusinessPayload', business: { category: 'bakery' } });
    const entry = await db().auditLog.findFirstOrThrow({ where: { businessId: rowId(businessB) }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ action: 'business.update', actorType: 'USER', actorId: 'root' });
  });
});

describe('API keys', () => {
  it('authenticate as Bearer or x-api-key, act inside their business and record lastUsedAt', async () => {
    const key = await createApiKey(server.url, ownerA, businessA, ['READ']);
    expect(key.secret).toMatch(/^sb_[a-z0-9]{8}_[A-Za-z0-9]{40}$/);
    const viaBearer = await executeOk(server.url, ViewerDocument, {}, { token: key.secret });
    expect(viaBearer.viewer).toMatchObject({ kind: 'API_KEY', userId: null, isAdmin: false, apiKey: { id: key.id } });
    const viaHeader = await executeOk(server.url, BusinessDocument, { id: businessA }, { apiKey: key.secret });
    expect(viaHeader.business?.name).toBe('Tenant A');
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: rowId(key.id) } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toContain(key.secret.split('_')[2]);
  });

  it('of business A see nothing of business B', async () => {
    const key = await createApiKey(server.url, ownerA, businessA, ['READ', 'SEND', 'MANAGE']);
    expect((await executeOk(server.url, BusinessDocument, { id: businessB }, { apiKey: key.secret })).business).toBeNull();
    expect((await executeOk(server.url, NodeDocument, { id: businessB }, { apiKey: key.secret })).node).toBeNull();
    const update = await executeOk(server.url, UpdateBusinessDocument, { input: { id: businessB, name: 'x' } }, { apiKey: key.secret });
    expect(update.updateBusiness).toMatchObject({ __typename: 'NotFoundError' });
    const list = await executeOk(server.url, BusinessesDocument, {}, { apiKey: key.secret });
    expect(list.businesses.edges.map((edge) => edge.node.id)).toEqual([businessA]);
  });

  it('without MANAGE cannot manage: FORBIDDEN and no data', async () => {
    const key = await createApiKey(server.url, ownerA, businessA, ['READ', 'SEND']);
    const { status, body } = await execute(server.url, UpdateBusinessDocument, { input: { id: businessA, name: 'x' } }, { apiKey: key.secret });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mint = await execute(server.url, CreateApiKeyDocument, { input: { businessId: businessA, name: 'more', scopes: ['READ'] } }, { apiKey: key.secret });
    expect(mint.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('with MANAGE can manage, but cannot grant scopes it lacks', async () => {
    const key = await createApiKey(server.url, ownerA, businessA, ['READ', 'MANAGE']);
    const update = await executeOk(server.url, UpdateBusinessDocument, { input: { id: businessA, description: 'By key' } }, { apiKey: key.secret });
    expect(update.updateBusiness.__typename).toBe('UpdateBusinessPayload');
    const entry = await db().auditLog.findFirstOrThrow({ where: { businessId: rowId(businessA) }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ action: 'business.update', actorType: 'API_KEY', actorId: rowId(key.id) });
    const escalate = await execute(server.url, CreateApiKeyDocument, { input: { businessId: businessA, name: 'send', scopes: ['SEND'] } }, { apiKey: key.secret });
    expect(escalate.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('once revoked answer 401 UNAUTHENTICATED', async () => {
    const key = await createApiKey(server.url, ownerA, businessA, ['READ']);
    const revoke = await executeOk(server.url, RevokeApiKeyDocument, { input: { apiKeyId: key.id } }, { token: ownerA });
    expect(revoke.revokeApiKey).toMatchObject({ __typename: 'RevokeApiKeyPayload', apiKey: { id: key.id } });
    const { status, body } = await execute(server.url, ViewerDocument, {}, { apiKey: key.secret });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({ message: 'The API key has been revoked', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('that are malformed or unknown answer 401', async () => {
    for (const apiKey of ['sb_nope', 'sb_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const { status, body } = await execute(server.url, ViewerDocument, {}, { apiKey });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
