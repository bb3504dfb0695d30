import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { usagePeriod } from '../../src/services/usage/meter.ts';
import { connectedLine, drained, queue, sentOn } from '../outbox/helpers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';

let fake: FakeEvolution;
let server: TestApp;
let owner: string;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey, MAX_SEND_ATTEMPTS: '2', AI_CONCURRENCY: '0' } });
  owner = await server.token({ sub: 'delivery-owner' });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

const period = () => usagePeriod('Europe/Riga', new Date()).period;

async function counter(businessRowId: string) {
  return db().usageCounter.findUniqueOrThrow({ where: { businessId_period: { businessId: businessRowId, period: period() } } });
}

it('a send that finally FAILS (Evolution answers 400) gives its reservation back; a sent one keeps it', async () => {
  const line = await connectedLine(server, fake, owner, 'Wrong Number Shop');
  fake.setNotOnWhatsApp(['+13035550000']);
  // Held while the line looks down (the outbox leaves such lines alone), so both reservations can be seen.
  await db().instance.update({ where: { id: line.instanceRowId }, data: { status: 'CONNECTING', settings: { queueWhileDisconnected: true } } });
  const doomed = await queue(server.url, { instanceId: line.instanceId, to: '+13035550000', text: 'Nobody here' }, { token: owner });
  const delivered = await queue(server.url, { instanceId: line.instanceId, to: '+13035559999', text: 'Hello' }, { token: owner });
  expect((await counter(line.businessRowId)).messagesSent).toBe(2);
  await db().instance.update({ where: { id: line.instanceRowId }, data: { status: 'CONNECTED' } });
  await drained(line.businessRowId);
  expect(await db().message.findUniqueOrThrow({ where: { id: rowId(doomed.id) } })).toMatchObject({ status: 'FAILED', attempts: 1, usagePeriod: null });
  expect(await db().message.findUniqueOrThrow({ where: { id: rowId(delivered.id) } })).toMatchObject({ status: 'SENT', usagePeriod: period() });
  expect(sentOn(fake, line.name)).toHaveLength(1);
  expect((await counter(line.businessRowId)).messagesSent).toBe(1);
}, 30_000);

let externalSeq = 0;

async function inbound(name: string, phone: string, text: string): Promise<{ id: string; status: number }> {
  const id = `USAGE${String(++externalSeq).padStart(15, '0')}`;
  const data = {
    key: { remoteJid: `${phone.slice(1)}@s.whatsapp.net`, fromMe: false, id },
    pushName: 'Customer',
    status: 'DELIVERY_ACK',
    message: { conversation: text },
    messageType: 'conversation',
    messageTimestamp: Math.floor(Date.now() / 1000),
    source: 'android',
  };
  return { id, status: await fake.emit(name, 'messages.upsert', data) };
}

it('inbound messages are always stored and counted, never refused, over every limit and on BASIC; new contacts over the limit are flagged', async () => {
  const line = await connectedLine(server, fake, owner, 'Popular Place');
  await db().usageCounter.create({ data: { businessId: line.businessRowId, period: period(), messagesSent: 5_000, contacts: 2_000 } });

  // A new customer: the full ingestion transaction, which creates the contact.
  expect((await inbound(line.name, '+37122000001', 'Hi, are you open?')).status).toBe(200);
  // The same customer again: the known-conversation fast path.
  const again = await inbound(line.name, '+37122000001', 'Hello?');
  expect(again.status).toBe(200);
  // A redelivery of the same message stores and counts nothing.
  expect(await fake.emit(line.name, 'messages.upsert', {
    key: { remoteJid: '37122000001@s.whatsapp.net', fromMe: false, id: again.id },
    pushName: 'Customer',
    message: { conversation: 'Hello?' },
    messageType: 'conversation',
    messageTimestamp: Math.floor(Date.now() / 1000),
  })).toBe(200);

  await db().business.update({ where: { id: line.businessRowId }, data: { plan: 'BASIC' } });
  expect((await inbound(line.name, '+37122000001', 'Still there?')).status).toBe(200);
  expect((await inbound(line.name, '+37122000002', 'New one on BASIC')).status).toBe(200);

  expect(await db().message.count({ where: { businessId: line.businessRowId, direction: 'INBOUND' } })).toBe(4);
  expect(await counter(line.businessRowId)).toMatchObject({ messagesReceived: 4, messagesSent: 5_000, contacts: 2_002 });
  const contacts = await db().contact.findMany({ where: { businessId: line.businessRowId }, orderBy: { phone: 'asc' }, select: { phone: true, overLimit: true } });
  // BASIC's contacts allowance is 0: the second is over the limit too.
  expect(contacts).toEqual([
    { phone: '+37122000001', overLimit: true },
    { phone: '+37122000002', overLimit: true },
  ]);
}, 30_000);
