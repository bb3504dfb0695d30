import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { PlanLimitExceededError } from '../../src/errors.ts';
import { reserveMessage, usagePeriod } from '../../src/services/usage/meter.ts';
import {
  BusinessUsageDocument,
  CancelMessageDocument,
  ChangePlanDocument,
  MeteredRetryDocument,
  MeteredSendDocument,
  type Plan,
  PlansDocument,
  type SendMessageInput,
  SetupWhatsAppDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

let server: TestApp;
let owner: string;
let admin: string;
let stranger: string;

beforeAll(async () => {
  // No outbox sender and no AI: messages stay QUEUED, and only these tests write usage.
  server = await startTestApp({ env: { OUTBOX_CONCURRENCY: '0', AI_CONCURRENCY: '0' } });
  [owner, admin, stranger] = await Promise.all([
    server.token({ sub: 'usage-owner' }),
    server.token({ sub: 'usage-admin', role: 'admin' }),
    server.token({ sub: 'usage-stranger' }),
  ]);
});
afterAll(async () => {
  await server.stop();
});

interface Shop {
  businessId: string;
  businessRowId: string;
  instanceId: string;
}

/** A PRO business with a line that queues while not connected (the sandbox line never is here). */
async function shop(name: string): Promise<Shop> {
  const businessId = await createProBusiness(server.url, owner, name);
  const line = await setupLine(server.url, owner, businessId);
  await db().instance.update({ where: { id: rowId(line.id) }, data: { settings: { queueWhileDisconnected: true } } });
  return { businessId, businessRowId: rowId(businessId), instanceId: line.id };
}

/** The month the meter counts in now (fixtures create businesses in Europe/Riga). */
function thisMonth() {
  return usagePeriod('Europe/Riga', new Date());
}

async function setCounter(businessRowId: string, data: { messagesSent?: number; contacts?: number }) {
  const { period } = thisMonth();
  await db().usageCounter.upsert({ where: { businessId_period: { businessId: businessRowId, period } }, create: { businessId: businessRowId, period, ...data }, update: data });
}

async function counter(businessRowId: string) {
  return db().usageCounter.findUnique({ where: { businessId_period: { businessId: businessRowId, period: thisMonth().period } } });
}

async function send(input: SendMessageInput, token = owner) {
  return (await executeOk(server.url, MeteredSendDocument, { input }, { token })).sendMessage;
}

async function queued(input: SendMessageInput) {
  const result = await send(input);
  if (result.__typename !== 'SendMessagePayload') throw new Error(`Expected a queued message, got ${JSON.stringify(result)}`);
  return result.outboundMessage;
}

async function usage(businessId: string, token = owner) {
  return (await executeOk(server.url, BusinessUsageDocument, { id: businessId }, { token })).business?.usage;
}

async function changePlan(businessId: string, plan: Plan) {
  const result = (await executeOk(server.url, ChangePlanDocument, { input: { businessId, plan } }, { token: admin })).changePlan;
  expect(result.__typename).toBe('ChangePlanPayload');
}

describe('plans', () => {
  it('Query.plans lists every plan with price, features and limits, for a pricing page (no sign-in needed)', async () => {
    const { plans } = await executeOk(server.url, PlansDocument, {});
    expect(plans).toEqual([
      { plan: 'BASIC', priceCents: 0, monthlyPrice: 0, currency: 'EUR', features: [], messagesLimit: 0, callsLimit: 0, contactsLimit: 0 },
      { plan: 'PRO', priceCents: 3_500, monthlyPrice: 35, currency: 'EUR', features: ['WHATSAPP', 'AI_REPLIES', 'VOICE'], messagesLimit: 5_000, callsLimit: 500, contactsLimit: 2_000 },
      { plan: 'ENTERPRISE', priceCents: 6_000, monthlyPrice: 60, currency: 'EUR', features: ['WHATSAPP', 'AI_REPLIES', 'VOICE'], messagesLimit: null, callsLimit: null, contactsLimit: null },
    ]);
  });

  it('BASIC: setupWhatsApp and sendMessage answer PLAN_UPGRADE_REQUIRED; a line kept from PRO stays but sends nothing', async () => {
    const basic = await createBusiness(server.url, owner, 'Basic Bakery');
    const setup = (await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId: basic, integration: 'BAILEYS' } }, { token: owner })).setupWhatsApp;
    expect(setup).toMatchObject({ __typename: 'PlanUpgradeRequiredError', code: 'PLAN_UPGRADE_REQUIRED', field: ['input', 'businessId'] });
    expect(await db().instance.count({ where: { businessId: rowId(basic) } })).toBe(0);

    const downgraded = await shop('Downgraded Deli');
    await queued({ instanceId: downgraded.instanceId, to: '+37120000001', text: 'While on PRO' });
    await changePlan(downgraded.businessId, 'BASIC');
    const refused = await send({ instanceId: downgraded.instanceId, to: '+37120000001', text: 'On BASIC' });
    expect(refused).toMatchObject({ __typename: 'PlanUpgradeRequiredError', code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await db().instance.count({ where: { businessId: downgraded.businessRowId, deletedAt: null } })).toBe(1);
    expect(await db().message.count({ where: { businessId: downgraded.businessRowId } })).toBe(1);
    expect((await counter(downgraded.businessRowId))?.messagesSent).toBe(1);
    expect(await usage(downgraded.businessId)).toMatchObject({ messagesSent: 1, messagesLimit: 0, percent: 0, plan: { plan: 'BASIC', features: [] } });
  });
});

describe('message allowance', () => {
  it('100 concurrent sends with 10 messages left: exactly 10 queued, 90 PLAN_LIMIT_EXCEEDED { limit, used, resetsAt }', async () => {
    const line = await shop('Rush Hour');
    const first = await queued({ instanceId: line.instanceId, to: '+37120000002', text: 'Hello' });
    await setCounter(line.businessRowId, { messagesSent: 4_990 });
    const conversationId = (await db().message.findUniqueOrThrow({ where: { id: rowId(first.id) } })).conversationId;
    // Half into one conversation, half to 50 new numbers (new conversations and contacts): the usage row is what they contend for.
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        index % 2 === 0
          ? send({ conversationId: encodeGlobalID('Conversation', conversationId), text: `Offer ${index}` })
          : send({ instanceId: line.instanceId, to: `+3712100${String(index).padStart(4, '0')}`, text: `Offer ${index}` }),
      ),
    );
    const accepted = results.filter((result) => result.__typename === 'SendMessagePayload');
    const refused = results.filter((result) => result.__typename === 'PlanLimitExceededError');
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(90);
    for (const error of refused) {
      expect(error).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', limit: 5_000, used: 5_000, resetsAt: thisMonth().resetsAt.toISOString() });
      expect([['input', 'conversationId'], ['input', 'instanceId']]).toContainEqual(error.__typename === 'PlanLimitExceededError' ? error.field : null);
    }
    expect((await counter(line.businessRowId))?.messagesSent).toBe(5_000);
    // Refused sends wrote nothing; accepted ones carry the month they count in.
    expect(await db().message.count({ where: { businessId: line.businessRowId } })).toBe(11);
    expect(await db().message.count({ where: { businessId: line.businessRowId, usagePeriod: thisMonth().period } })).toBe(11);
    // Contacts of refused sends were rolled back with them.
    const newContacts = accepted.length - (await db().message.count({ where: { businessId: line.businessRowId, conversationId } })) + 1;
    expect(await db().contact.count({ where: { businessId: line.businessRowId } })).toBe(1 + newContacts);
    expect(await usage(line.businessId)).toMatchObject({ messagesSent: 5_000, messagesLimit: 5_000, percent: 100, contacts: 1 + newContacts });
  }, 60_000);

  it('the meter alone: 100 concurrent reservations with 10 left give exactly 10', async () => {
    const line = await shop('Meter Only');
    await setCounter(line.businessRowId, { messagesSent: 4_990 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, () => db().$transaction((tx) => reserveMessage(tx, line.businessRowId, ['input']))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused).toHaveLength(90);
    for (const outcome of refused) expect(outcome.reason).toBeInstanceOf(PlanLimitExceededError);
    expect((await counter(line.businessRowId))?.messagesSent).toBe(5_000);
  }, 60_000);

  it('an idempotent repeat, concurrent or later, reserves once', async () => {
    const line = await shop('Careful Client');
    const input = { instanceId: line.instanceId, to: '+37120000003', text: 'Once', idempotencyKey: 'order-42' };
    const results = await Promise.all(Array.from({ length: 8 }, () => queued(input)));
    results.push(await queued(input));
    expect(new Set(results.map((message) => message.id)).size).toBe(1);
    expect(await counter(line.businessRowId)).toMatchObject({ messagesSent: 1, contacts: 1 });
  });

  it('cancel gives the reservation back; retry reserves again, and is refused when the month is used up', async () => {
    const line = await shop('Second Thoughts');
    const message = await queued({ instanceId: line.instanceId, to: '+37120000004', text: 'Oops' });
    expect((await counter(line.businessRowId))?.messagesSent).toBe(1);
    const canceled = (await executeOk(server.url, CancelMessageDocument, { input: { messageId: message.id } }, { token: owner })).cancelMessage;
    expect(canceled.__typename).toBe('CancelMessagePayload');
    expect((await counter(line.businessRowId))?.messagesSent).toBe(0);
    expect(await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } })).toMatchObject({ status: 'CANCELED', usagePeriod: null });

    // As the outbox leaves a message that finally failed: FAILED, its reservation already given back.
    const failed = await queued({ instanceId: line.instanceId, to: '+37120000004', text: 'Try again' });
    await db().message.update({ where: { id: rowId(failed.id) }, data: { status: 'FAILED', usagePeriod: null, error: 'refused' } });
    await setCounter(line.businessRowId, { messagesSent: 5_000 });
    const retry = () => executeOk(server.url, MeteredRetryDocument, { input: { messageId: failed.id } }, { token: owner }).then((data) => data.retryMessage);
    expect(await retry()).toMatchObject({ __typename: 'PlanLimitExceededError', code: 'PLAN_LIMIT_EXCEEDED', limit: 5_000, used: 5_000 });
    expect(await db().message.findUniqueOrThrow({ where: { id: rowId(failed.id) } })).toMatchObject({ status: 'FAILED', usagePeriod: null });

    await setCounter(line.businessRowId, { messagesSent: 4_999 });
    expect(await retry()).toMatchObject({ __typename: 'RetryMessagePayload', outboundMessage: { status: 'QUEUED' } });
    expect((await counter(line.businessRowId))?.messagesSent).toBe(5_000);
    expect((await db().message.findUniqueOrThrow({ where: { id: rowId(failed.id) } })).usagePeriod).toBe(thisMonth().period);

    // WhatsApp refused it after sending (a receipt, not the outbox): it still holds its reservation, so a retry counts it once.
    await db().message.update({ where: { id: rowId(failed.id) }, data: { status: 'FAILED' } });
    expect(await retry()).toMatchObject({ __typename: 'RetryMessagePayload' });
    expect((await counter(line.businessRowId))?.messagesSent).toBe(5_000);
  });

  it('a downgrade below current usage is allowed and the lower limit applies from then on; unlimited plans still count', async () => {
    const line = await shop('Big Spender');
    await changePlan(line.businessId, 'ENTERPRISE');
    await setCounter(line.businessRowId, { messagesSent: 6_000 });
    await queued({ instanceId: line.instanceId, to: '+37120000005', text: 'Unlimited' });
    expect(await usage(line.businessId)).toMatchObject({ messagesSent: 6_001, messagesLimit: null, percent: 0, plan: { plan: 'ENTERPRISE' } });

    await changePlan(line.businessId, 'PRO');
    expect(await usage(line.businessId)).toMatchObject({ messagesSent: 6_001, messagesLimit: 5_000, percent: 120.02, plan: { plan: 'PRO', priceCents: 3_500 } });
    expect(await send({ instanceId: line.instanceId, to: '+37120000005', text: 'Over' })).toMatchObject({
      __typename: 'PlanLimitExceededError',
      limit: 5_000,
      used: 6_001,
    });
    await changePlan(line.businessId, 'ENTERPRISE');
    await queued({ instanceId: line.instanceId, to: '+37120000005', text: 'Back' });
    expect((await counter(line.businessRowId))?.messagesSent).toBe(6_002);
  });
});

describe('contacts', () => {
  it('new contacts past the month’s limit are stored and flagged overLimit', async () => {
    const line = await shop('Networker');
    await setCounter(line.businessRowId, { contacts: 1_999 });
    await queued({ instanceId: line.instanceId, to: '+37120000010', text: 'Within' });
    await queued({ instanceId: line.instanceId, to: '+37120000011', text: 'Past' });
    await queued({ instanceId: line.instanceId, to: '+37120000010', text: 'Known contact: not new' });
    const contacts = await db().contact.findMany({ where: { businessId: line.businessRowId }, orderBy: { phone: 'asc' }, select: { phone: true, overLimit: true } });
    expect(contacts).toEqual([
      { phone: '+37120000010', overLimit: false },
      { phone: '+37120000011', overLimit: true },
    ]);
    expect(await usage(line.businessId)).toMatchObject({ contacts: 2_001, contactsLimit: 2_000, percent: 100.05, messagesSent: 3 });
  });
});

describe('tenant isolation', () => {
  it('another tenant’s usage is not visible: the business reads as null', async () => {
    const line = await shop('Private Numbers');
    await queued({ instanceId: line.instanceId, to: '+37120000020', text: 'Secret' });
    const { body } = await execute(server.url, BusinessUsageDocument, { id: line.businessId }, { token: stranger });
    expect(body).toEqual({ data: { business: null } });
    expect(await usage(line.businessId)).toMatchObject({ messagesSent: 1 });
  });
});
