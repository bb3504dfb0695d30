import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { usagePeriod } from '../../src/services/usage/meter.ts';
import {
  CancelMessageDocument,
  MeteredSendDocument,
  type SendMessageInput,
  UsageThresholdReachedDocument,
  type UsageThresholdReachedSubscription,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { connectWs, type Subscription, subscribe, triggerUntilEvent } from '../support/subscriptions.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

let server: TestApp;
let owner: string;
let client: Client;

beforeAll(async () => {
  // With REDIS_URL set, events travel through Redis as between replicas.
  server = await startTestApp({ redis: true, env: { OUTBOX_CONCURRENCY: '0', AI_CONCURRENCY: '0' } });
  owner = await server.token({ sub: 'threshold-owner' });
  client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
});
afterAll(async () => {
  await client.dispose();
  await server.stop();
});

const period = () => usagePeriod('Europe/Riga', new Date()).period;

async function send(input: SendMessageInput) {
  return (await executeOk(server.url, MeteredSendDocument, { input }, { token: owner })).sendMessage;
}

/**
 * graphql-ws does not acknowledge a subscription: a probe published until it arrives shows the
 * server listens (the probe's period tells it apart), so no real event can be missed.
 */
async function listening(businessId: string): Promise<Subscription<UsageThresholdReachedSubscription>> {
  const subscription = subscribe(client, UsageThresholdReachedDocument, { businessId });
  const probe = await triggerUntilEvent(subscription, async () =>
    server.app.platform.pubsub.publish('business:usageThreshold', rowId(businessId), { businessId: rowId(businessId), metric: 'CALLS', threshold: 80, period: 'probe' }),
  );
  expect(probe.data?.usageThresholdReached.period).toBe('probe');
  // Further probes may still be in flight: drain them.
  for (;;) {
    const extra = await subscription.next(300).catch(() => null);
    if (!extra) return subscription;
    expect(extra.data?.usageThresholdReached.period).toBe('probe');
  }
}

async function noEvent(subscription: Subscription<UsageThresholdReachedSubscription>): Promise<void> {
  await expect(subscription.next(1_000)).rejects.toThrow(/no event/);
}

it('80 % and 100 % of the messages fire once each, also under concurrent sends and after a release', async () => {
  const businessId = await createProBusiness(server.url, owner, 'Threshold Traders');
  const businessRowId = rowId(businessId);
  const line = await setupLine(server.url, owner, businessId);
  await db().instance.update({ where: { id: rowId(line.id) }, data: { settings: { queueWhileDisconnected: true } } });
  const subscription = await listening(businessId);
  const to = '+37121000001';
  await send({ instanceId: line.id, to, text: 'First' }); // creates the counter (and the contact)
  await db().usageCounter.update({ where: { businessId_period: { businessId: businessRowId, period: period() } }, data: { messagesSent: 3_990 } });

  // 20 at once cross 4,000 (80 % of 5,000) exactly once.
  const crossing = await Promise.all(Array.from({ length: 20 }, (_, index) => send({ instanceId: line.id, to, text: `Crossing ${index}` })));
  expect(crossing.every((result) => result.__typename === 'SendMessagePayload')).toBe(true);
  const eighty = await subscription.next();
  expect(eighty.data?.usageThresholdReached).toMatchObject({ businessId, metric: 'MESSAGES', threshold: 80, period: period() });
  expect(eighty.data?.usageThresholdReached.usage).toMatchObject({ messagesLimit: 5_000 });
  await noEvent(subscription);

  // Falling back below 80 % (releases) and crossing again tells nobody twice.
  await db().usageCounter.update({ where: { businessId_period: { businessId: businessRowId, period: period() } }, data: { messagesSent: 3_999 } });
  await send({ instanceId: line.id, to, text: 'Again 80' });
  await noEvent(subscription);

  // 10 at once with 5 left: 5 queued, one 100 % notice.
  await db().usageCounter.update({ where: { businessId_period: { businessId: businessRowId, period: period() } }, data: { messagesSent: 4_995 } });
  const last = await Promise.all(Array.from({ length: 10 }, (_, index) => send({ instanceId: line.id, to, text: `Last ${index}` })));
  expect(last.filter((result) => result.__typename === 'SendMessagePayload')).toHaveLength(5);
  const hundred = await subscription.next();
  expect(hundred.data?.usageThresholdReached).toMatchObject({ metric: 'MESSAGES', threshold: 100, usage: { messagesSent: 5_000, percent: 100 } });
  await noEvent(subscription);

  // A cancel frees one; using it reaches 100 % again, silently.
  const queuedOne = last.find((result) => result.__typename === 'SendMessagePayload');
  if (queuedOne?.__typename !== 'SendMessagePayload') throw new Error('nothing queued');
  await executeOk(server.url, CancelMessageDocument, { input: { messageId: queuedOne.outboundMessage.id } }, { token: owner });
  expect((await send({ instanceId: line.id, to, text: 'Refill' })).__typename).toBe('SendMessagePayload');
  await noEvent(subscription);
  expect(await db().usageCounter.findUniqueOrThrow({ where: { businessId_period: { businessId: businessRowId, period: period() } } })).toMatchObject({
    messagesSent: 5_000,
    thresholdsNotified: ['messages:80', 'messages:100'],
  });
  await subscription.close();
}, 60_000);

it('contacts notify at 80 % too', async () => {
  const businessId = await createProBusiness(server.url, owner, 'Contact Collector');
  const businessRowId = rowId(businessId);
  const line = await setupLine(server.url, owner, businessId);
  await db().instance.update({ where: { id: rowId(line.id) }, data: { settings: { queueWhileDisconnected: true } } });
  await db().usageCounter.create({ data: { businessId: businessRowId, period: period(), contacts: 1_599 } });
  const subscription = await listening(businessId);
  await send({ instanceId: line.id, to: '+37121000002', text: 'Hello new customer' });
  expect((await subscription.next()).data?.usageThresholdReached).toMatchObject({ metric: 'CONTACTS', threshold: 80 });
  await noEvent(subscription);
  await subscription.close();
});

it('another tenant cannot subscribe to a business’s thresholds (NOT_FOUND), nor with a malformed id', async () => {
  const businessId = await createProBusiness(server.url, owner, 'Closed Books');
  const stranger = await server.token({ sub: 'threshold-stranger' });
  const other = await connectWs(server.wsUrl, { authorization: `Bearer ${stranger}` });
  const refused = await subscribe(other, UsageThresholdReachedDocument, { businessId }).next();
  expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const malformed = await subscribe(other, UsageThresholdReachedDocument, { businessId: 'not-an-id' }).next();
  expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  await other.dispose();
});
