import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { hashApiKey } from '../../src/services/auth/api-key-secret.ts';
import {
  AddBusinessMemberDocument,
  BusinessAdminViewDocument,
  CreateApiKeyDocument,
  RemoveBusinessMemberDocument,
  RevokeApiKeyDocument,
  ViewerDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createApiKey, createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';

let server: TestApp;
let owner: string;
let businessId: string;

beforeAll(async () => {
  server = await startTestApp();
  owner = await server.token({ sub: 'owner', email: 'owner@example.com', name: 'Olga Owner' });
  businessId = await createBusiness(server.url, owner, 'Members Inc');
});
afterAll(() => server.stop());

async function addMember(userId: string, role: 'OWNER' | 'AGENT') {
  const data = await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId, userId, role, email: `${userId}@example.com` } }, { token: owner });
  if (data.addBusinessMember.__typename !== 'AddBusinessMemberPayload') throw new Error(JSON.stringify(data.addBusinessMember));
  return data.addBusinessMember.membership;
}

describe('members', () => {
  it('an added member sees the business in viewer.memberships with their role', async () => {
    await addMember('agent-1', 'AGENT');
    const agent = await server.token({ sub: 'agent-1' });
    const viewer = await executeOk(server.url, ViewerDocument, {}, { token: agent });
    expect(viewer.viewer).toMatchObject({ kind: 'USER', userId: 'agent-1', isAdmin: false });
    expect(viewer.viewer?.memberships).toEqual([expect.objectContaining({ role: 'AGENT', business: { id: businessId, name: 'Members Inc' } })]);
  });

  it('adding an existing member is a ConflictError; bad input is a ValidationError; neither writes', async () => {
    const before = await db().membership.count();
    const audits = await db().auditLog.count();
    const twice = await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId, userId: 'owner', role: 'AGENT' } }, { token: owner });
    expect(twice.addBusinessMember).toMatchObject({ __typename: 'ConflictError', field: ['input', 'userId'] });
    const bad = await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId, userId: 'x', role: 'AGENT', email: 'not-an-email' } }, { token: owner });
    expect(bad.addBusinessMember).toMatchObject({ __typename: 'ValidationError', field: ['input', 'email'] });
    expect(await db().membership.count()).toBe(before);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it('the last owner cannot be removed; with a second owner it can', async () => {
    const ownerMembership = await db().membership.findFirstOrThrow({ where: { businessId: rowId(businessId), userId: 'owner' } });
    const globalId = Buffer.from(`Membership:${ownerMembership.id}`).toString('base64');
    const refused = await executeOk(server.url, RemoveBusinessMemberDocument, { input: { membershipId: globalId } }, { token: owner });
    expect(refused.removeBusinessMember).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });

    const second = await addMember('owner-2', 'OWNER');
    const secondOwner = await server.token({ sub: 'owner-2' });
    const removed = await executeOk(server.url, RemoveBusinessMemberDocument, { input: { membershipId: second.id } }, { token: secondOwner });
    expect(removed.removeBusinessMember).toEqual({ __typename: 'RemoveBusinessMemberPayload', removedMembershipId: second.id });
    const leave = await db().auditLog.findFirstOrThrow({ where: { targetId: rowId(second.id) }, orderBy: { id: 'desc' } });
    expect(leave).toMatchObject({ action: 'member.leave', actorId: 'owner-2' });
  });

  it('two owners removing each other at once leave one owner', async () => {
    const a = await addMember('race-a', 'OWNER');
    const b = await addMember('race-b', 'OWNER');
    const original = await db().membership.findFirstOrThrow({ where: { businessId: rowId(businessId), userId: 'owner' } });
    await db().membership.delete({ where: { id: original.id } });
    try {
      const [tokenA, tokenB] = await Promise.all([server.token({ sub: 'race-a' }), server.token({ sub: 'race-b' })]);
      const results = await Promise.all([
        executeOk(server.url, RemoveBusinessMemberDocument, { input: { membershipId: b.id } }, { token: tokenA }),
        executeOk(server.url, RemoveBusinessMemberDocument, { input: { membershipId: a.id } }, { token: tokenB }),
      ]);
      const owners = await db().membership.count({ where: { businessId: rowId(businessId), role: 'OWNER' } });
      expect(owners).toBe(1);
      // The loser either lost its own membership first (NOT_FOUND) or met the last-owner rule (CONFLICT).
      const outcomes = results.map((result) => result.removeBusinessMember.__typename);
      expect(outcomes.filter((outcome) => outcome === 'RemoveBusinessMemberPayload')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'ConflictError' || outcome === 'NotFoundError')).toHaveLength(1);
    } finally {
      await db().membership.create({ data: { businessId: rowId(businessId), userId: 'owner', role: 'OWNER' } });
    }
  });

  it('an AGENT cannot remove others (FORBIDDEN) but may leave', async () => {
    const victim = await addMember('agent-victim', 'AGENT');
    const leaver = await addMember('agent-leaver', 'AGENT');
    const agent = await server.token({ sub: 'agent-leaver' });
    const forbidden = await execute(server.url, RemoveBusinessMemberDocument, { input: { membershipId: victim.id } }, { token: agent });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const left = await executeOk(server.url, RemoveBusinessMemberDocument, { input: { membershipId: leaver.id } }, { token: agent });
    expect(left.removeBusinessMember.__typename).toBe('RemoveBusinessMemberPayload');
  });
});

describe('API key lifecycle', () => {
  it('stores only the hash, lists keys without secrets, audits creation and revocation', async () => {
    const key = await createApiKey(server.url, owner, businessId, ['READ', 'SEND', 'READ']);
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: rowId(key.id) } });
    expect(row.secretHash).toBe(hashApiKey(key.secret));
    expect(row.scopes).toEqual(['READ', 'SEND']);
    expect(key.secret.startsWith(`sb_${row.prefix}_`)).toBe(true);

    const view = await executeOk(server.url, BusinessAdminViewDocument, { id: businessId }, { token: owner });
    const listed = view.business?.apiKeys?.edges.map((edge) => edge.node).find((node) => node.id === key.id);
    expect(listed).toMatchObject({ prefix: row.prefix, scopes: ['READ', 'SEND'], revokedAt: null });
    expect(JSON.stringify(view)).not.toContain(key.secret);

    const first = await executeOk(server.url, RevokeApiKeyDocument, { input: { apiKeyId: key.id } }, { token: owner });
    const second = await executeOk(server.url, RevokeApiKeyDocument, { input: { apiKeyId: key.id } }, { token: owner });
    if (first.revokeApiKey.__typename !== 'RevokeApiKeyPayload' || second.revokeApiKey.__typename !== 'RevokeApiKeyPayload') {
      throw new Error('expected payloads');
    }
    expect(second.revokeApiKey.apiKey.revokedAt).toBe(first.revokeApiKey.apiKey.revokedAt);

    const entries = await db().auditLog.findMany({ where: { targetId: row.id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => entry.action)).toEqual(['apiKey.create', 'apiKey.revoke', 'apiKey.revoke']);
    expect(JSON.stringify(entries)).not.toContain(key.secret);
    expect(entries[0]?.metadata).toEqual({ name: 'key READ+SEND+READ', prefix: row.prefix, scopes: ['READ', 'SEND'] });
  });

  it('rejects an empty scope list and an empty name with a ValidationError', async () => {
    const before = await db().apiKey.count();
    const data = await executeOk(server.url, CreateApiKeyDocument, { input: { businessId, name: ' ', scopes: [] } }, { token: owner });
    expect(data.createApiKey).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    if (data.createApiKey.__typename !== 'ValidationError') return;
    expect(await db().apiKey.count()).toBe(before);
  });
});
