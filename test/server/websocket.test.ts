import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessUpdatedDocument, UpdateBusinessDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createApiKey, createBusiness } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { connectWs, subscribe, triggerUntilEvent } from '../support/subscriptions.ts';

let server: TestApp;
let owner: string;
let businessId: string;

beforeAll(async () => {
  server = await startTestApp();
  owner = await server.token({ sub: 'ws-owner' });
  businessId = await createBusiness(server.url, owner, 'Socket Shop');
});
afterAll(() => server.stop());

let renames = 0;
const rename = (token = owner) => {
  renames += 1;
  return executeOk(server.url, UpdateBusinessDocument, { input: { id: businessId, name: `Socket Shop ${renames}` } }, { token });
};

describe('graphql-ws', () => {
  it('acknowledges a valid token and streams businessUpdated', async () => {
    const client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const subscription = subscribe(client, BusinessUpdatedDocument, { businessId });
    const event = await triggerUntilEvent(subscription, () => rename());
    expect(event.errors).toBeUndefined();
    expect(event.data?.businessUpdated).toMatchObject({ kind: 'UPDATED', businessId, business: { id: businessId } });
    expect(event.data?.businessUpdated.business?.name).toMatch(/^Socket Shop \d+$/);
    await subscription.close();
    await client.dispose();
  });

  it('accepts an API key in connectionParams', async () => {
    const key = await createApiKey(server.url, owner, businessId, ['READ']);
    const client = await connectWs(server.wsUrl, { 'x-api-key': key.secret });
    const subscription = subscribe(client, BusinessUpdatedDocument, { businessId });
    const event = await triggerUntilEvent(subscription, () => rename());
    expect(event.data?.businessUpdated.kind).toBe('UPDATED');
    await client.dispose();
  });

  it.each([
    ['a bad signature', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ['garbage', 'Bearer nonsense'],
    ['a revoked-format API key', 'Bearer sb_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('closes the socket with 4403 for %s', async (_case, authorization) => {
    await expect(connectWs(server.wsUrl, { authorization })).rejects.toMatchObject({ code: 4403 });
  });

  it('refuses a subscription to another tenant’s business with NOT_FOUND', async () => {
    const stranger = await server.token({ sub: 'ws-stranger' });
    const client = await connectWs(server.wsUrl, { authorization: `Bearer ${stranger}` });
    const subscription = subscribe(client, BusinessUpdatedDocument, { businessId });
    const result = await subscription.next();
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
    await client.dispose();
  });

  it('refuses anonymous subscriptions with UNAUTHENTICATED', async () => {
    const client = await connectWs(server.wsUrl);
    const subscription = subscribe(client, BusinessUpdatedDocument, { businessId });
    const result = await subscription.next();
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    await client.dispose();
  });
});

describe('SSE', () => {
  it('streams businessUpdated over text/event-stream', async () => {
    const controller = new AbortController();
    const response = await fetch(server.url, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${owner}` },
      body: JSON.stringify({ query: print(BusinessUpdatedDocument), variables: { businessId } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const firstEvent = (async () => {
      while (!buffer.includes('event: next')) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
      const data = buffer.split('\n').find((line) => line.startsWith('data: '))!;
      return JSON.parse(data.slice('data: '.length));
    })();
    let received = false;
    void firstEvent.then(() => (received = true), () => (received = true));
    for (let attempt = 0; attempt < 10 && !received; attempt += 1) {
      await rename();
      await Promise.race([firstEvent, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    }
    expect(await firstEvent).toMatchObject({ data: { businessUpdated: { kind: 'UPDATED', businessId } } });
    controller.abort();
  });
});
