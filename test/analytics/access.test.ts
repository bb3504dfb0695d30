import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createApiKey, createBusiness, rowId } from '../support/fixtures.ts';
import { AnalyticsDocument, type AnalyticsVariables, insertContact, insertConversation, insertInstance, insertMessages, PlatformAnalyticsDocument } from './helpers.ts';

describe('who may read analytics, and what bad input gets', () => {
  let server: TestApp;
  let alice: string;
  let bob: string;
  let aliceBusiness: string;
  let bobBusiness: string;

  beforeAll(async () => {
    server = await startTestApp();
    [alice, bob] = await Promise.all([server.token({ sub: 'alice' }), server.token({ sub: 'bob' })]);
    aliceBusiness = await createBusiness(server.url, alice, 'Alice Bakery');
    bobBusiness = await createBusiness(server.url, bob, 'Bob Garage');
    await insertInstance(rowId(aliceBusiness), 'alice-line');
    await insertInstance(rowId(bobBusiness), 'bob-line');
    await insertContact(rowId(bobBusiness), 'bob-contact', new Date('2026-05-01T10:00:00Z'));
    await insertConversation(rowId(bobBusiness), 'bob-conversation', 'bob-line', 'bob-contact');
    await insertMessages(rowId(bobBusiness), [
      { id: 'bob-m1', conversationId: 'bob-conversation', instanceId: 'bob-line', direction: 'INBOUND', author: 'CUSTOMER', status: 'RECEIVED', createdAt: new Date('2026-05-01T10:00:00Z') },
    ]);
  });
  afterAll(() => server?.stop());

  const period = { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' };
  const ask = (variables: AnalyticsVariables, token = alice) => execute(server.url, AnalyticsDocument, variables, { token });

  it('another tenant’s business is null, its data unreachable', async () => {
    const { body } = await ask({ id: bobBusiness, input: period });
    expect(body.errors).toBeUndefined();
    expect(body.data!.business).toBeNull();
    const own = await executeOk(server.url, AnalyticsDocument, { id: bobBusiness, input: period }, { token: bob });
    expect(own.business!.analytics.totals.inbound).toBe(1);
  });

  it('another tenant’s line: NOT_FOUND', async () => {
    const { body } = await ask({ id: aliceBusiness, input: { ...period, instanceId: encodeGlobalID('Instance', 'bob-line') } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'instanceId'] });
    expect(body.data?.business ?? null).toBeNull();
    const own = await executeOk(server.url, AnalyticsDocument, { id: aliceBusiness, input: { ...period, instanceId: encodeGlobalID('Instance', 'alice-line') } }, { token: alice });
    expect(own.business!.analytics.totals.inbound).toBe(0);
  });

  it.each([
    ['days and from/to together', { days: 7, from: period.from, to: period.to }, ['input', 'days']],
    ['neither form', {}, ['input', 'from']],
    ['only from', { from: period.from }, ['input', 'to']],
    ['days out of range', { days: 0 }, ['input', 'days']],
    ['days over a year', { days: 367 }, ['input', 'days']],
    ['to before from', { from: period.to, to: period.from }, ['input', 'to']],
    ['a period over 366 days', { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' }, ['input', 'to']],
  ])('%s: BAD_USER_INPUT at the field', async (_name, input, field) => {
    const { status, body } = await ask({ id: aliceBusiness, input: input as AnalyticsVariables['input'] });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, fieldErrors: expect.arrayContaining([expect.objectContaining({ path: field })]) });
  });

  it('an instanceId that is not a line’s: BAD_USER_INPUT', async () => {
    const { body } = await ask({ id: aliceBusiness, input: { days: 1, instanceId: aliceBusiness } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'instanceId'] });
  });

  it('API keys need the READ scope', async () => {
    const [reader, sender] = await Promise.all([
      createApiKey(server.url, alice, aliceBusiness, ['READ']),
      createApiKey(server.url, alice, aliceBusiness, ['SEND']),
    ]);
    const read = await executeOk(server.url, AnalyticsDocument, { id: aliceBusiness, input: { days: 7 } }, { apiKey: reader.secret });
    expect(read.business!.analytics.series).toHaveLength(7);
    const { body } = await execute(server.url, AnalyticsDocument, { id: aliceBusiness, input: { days: 7 } }, { apiKey: sender.secret });
    expect(body.data?.business ?? null).toBeNull();
  });

  it('platformAnalytics is for admins only', async () => {
    const denied = await execute(server.url, PlatformAnalyticsDocument, { input: { days: 7 } }, { token: alice });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.body.data ?? null).toBeNull();
    const anonymous = await execute(server.url, PlatformAnalyticsDocument, { input: { days: 7 } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const admin = await server.token({ sub: 'root', role: 'admin' });
    const { platformAnalytics } = await executeOk(server.url, PlatformAnalyticsDocument, { input: { days: 7 } }, { token: admin });
    expect(platformAnalytics.messagesPerDay).toHaveLength(7);
    expect(platformAnalytics.businessesPerPlan).toEqual([
      { plan: 'BASIC', count: 2 },
      { plan: 'PRO', count: 0 },
      { plan: 'ENTERPRISE', count: 0 },
    ]);
    const bad = await execute(server.url, PlatformAnalyticsDocument, { input: { days: 3, from: period.from, to: period.to } }, { token: admin });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'days'] });
  });
});
