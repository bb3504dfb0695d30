import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { WEBHOOK_SECRET_HEADER } from '../../src/services/whatsapp/instances.ts';
import { InstanceDocument, ReplayWebhookEventDocument, WebhookEventsDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

let fake: FakeEvolution;
let server: TestApp;
let owner: string;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey } });
  owner = await server.token({ sub: 'hook-owner' });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

async function newLine(name: string) {
  const businessId = await createProBusiness(server.url, owner, name);
  const instance = await setupLine(server.url, owner, businessId);
  fake.setState(instance.name, 'open');
  return { businessId: rowId(businessId), businessGlobalId: businessId, instanceId: rowId(instance.id), instanceGlobalId: instance.id, name: instance.name };
}

function webhookUrl(name: string): string {
  return `${new URL(server.url).origin}/webhooks/evolution/${name}`;
}

function post(name: string, body: string, secret: string | undefined): Promise<Response> {
  return fetch(webhookUrl(name), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { [WEBHOOK_SECRET_HEADER]: secret }) },
    body,
  });
}

function secretOf(name: string): string {
  return fake.instances.get(name)!.webhook!.headers[WEBHOOK_SECRET_HEADER]!;
}

async function emitAll(name: string, fixtures: string[]): Promise<void> {
  for (const fixture of fixtures) expect({ fixture, status: await fake.emitFixture(name, fixture) }).toEqual({ fixture, status: 200 });
}

const MESSAGE_FIXTURES = [
  'webhook-send-message-text.json',
  'webhook-messages-upsert-text.json',
  'webhook-messages-upsert-text-reply-quoted.json',
  'webhook-messages-upsert-image-caption.json',
  'webhook-messages-upsert-image-base64.json',
  'webhook-messages-upsert-audio-ptt.json',
  'webhook-messages-upsert-document.json',
  'webhook-messages-upsert-location.json',
  'webhook-messages-upsert-reaction.json',
  'webhook-messages-upsert-group-text.json',
  'webhook-messages-upsert-lid-text.json',
  'webhook-messages-upsert-fromme-phone.json',
  'webhook-messages-edited.json',
  'webhook-messages-update-read.json',
  'webhook-messages-update-delivery-ack.json',
  'webhook-messages-delete.json',
  'webhook-contacts-upsert.json',
  'webhook-contacts-upsert-single.json',
  'webhook-contacts-update.json',
  'webhook-chats-upsert.json',
  'webhook-chats-update.json',
  'webhook-presence-update.json',
];

async function snapshot(businessId: string) {
  const [messages, contacts, conversations] = await Promise.all([
    db().message.findMany({ where: { businessId }, orderBy: { id: 'asc' } }),
    db().contact.findMany({ where: { businessId }, orderBy: { id: 'asc' } }),
    db().conversation.findMany({ where: { businessId }, orderBy: { id: 'asc' } }),
  ]);
  return { messages, contacts, conversations };
}

describe('messages, statuses and contacts from every fixture', () => {
  let line: Awaited<ReturnType<typeof newLine>>;
  let typing: Promise<unknown>;

  beforeAll(async () => {
    line = await newLine('Fixture Shop');
    await emitAll(line.name, MESSAGE_FIXTURES.slice(0, -2));
    const conversation = await db().conversation.findFirstOrThrow({ where: { businessId: line.businessId, isGroup: false } });
    const iterator = server.app.platform.pubsub.subscribe('conversation:typing', conversation.id)[Symbol.asyncIterator]();
    typing = iterator.next();
    await emitAll(line.name, MESSAGE_FIXTURES.slice(-2));
  });

  it('resolves the customer seen by phone JID and by @lid to one contact, and the group to another', async () => {
    const contacts = await db().contact.findMany({ where: { businessId: line.businessId }, orderBy: { phone: 'asc' } });
    expect(contacts).toHaveLength(2);
    const customer = contacts.find((contact) => !contact.isGroup)!;
    expect(customer).toMatchObject({ phone: '+12025550123', name: 'Maria Example' });
    expect(customer.jids.sort()).toEqual(['12025550123@s.whatsapp.net', '210987654321098@lid']);
    expect(contacts.find((contact) => contact.isGroup)).toMatchObject({ phone: null, jids: ['120363041234567890@g.us'] });
  });

  it('stores every message once with the right shape', async () => {
    const messages = await db().message.findMany({ where: { businessId: line.businessId } });
    const byExternal = new Map(messages.map((message) => [message.externalId, message]));
    expect(messages).toHaveLength(12);

    const sent = byExternal.get('3EB0A9C1D2E3F4A5B6C7D8')!;
    expect(sent).toMatchObject({ direction: 'OUTBOUND', status: 'READ', author: 'PHONE', body: 'Your order #117 is ready for pickup.' });
    expect(sent.deliveredAt).toBeInstanceOf(Date);
    expect(sent.readAt).toBeInstanceOf(Date);

    const text = byExternal.get('A1B2C3D4E5F60718293A4B5C6D7E8F90')!;
    expect(text).toMatchObject({ direction: 'INBOUND', type: 'TEXT', status: 'RECEIVED', author: 'CUSTOMER', body: 'Hi, is my order #117 ready?' });
    expect(text.editedAt).toBeInstanceOf(Date);
    expect(text.deletedAt).toBeInstanceOf(Date);

    expect(byExternal.get('3A5F0C1D2E3B4A596877')).toMatchObject({ type: 'TEXT', quotedMessageId: sent.id });
    expect(byExternal.get('B2C3D4E5F60718293A4B5C6D7E8F9012')).toMatchObject({
      type: 'IMAGE',
      media: expect.objectContaining({ mimeType: 'image/jpeg', hasInlineData: false }),
    });
    const inline = byExternal.get('C3D4E5F60718293A4B5C6D7E8F901234')!;
    expect(inline.media).toMatchObject({ hasInlineData: true });
    expect(JSON.stringify(inline.media)).not.toContain('base64,');
    expect(byExternal.get('D4E5F60718293A4B5C6D7E8F90123456')).toMatchObject({ type: 'AUDIO', media: expect.objectContaining({ isVoiceNote: true }) });
    expect(byExternal.get('E5F60718293A4B5C6D7E8F9012345678')).toMatchObject({ type: 'DOCUMENT', media: expect.objectContaining({ fileName: expect.any(String) }) });
    expect(byExternal.get('3A60718293A4B5C6D7E8')).toMatchObject({ type: 'LOCATION', location: expect.objectContaining({ latitude: expect.any(Number) }) });
    expect(byExternal.get('F60718293A4B5C6D7E8F901234567890')).toMatchObject({
      type: 'REACTION',
      reaction: { targetExternalId: '3EB0A9C1D2E3F4A5B6C7D8', emoji: expect.any(String) },
    });
    expect(byExternal.get('0718293A4B5C6D7E8F90123456789ABC')).toMatchObject({ type: 'TEXT', senderJid: '12025550145@s.whatsapp.net' });
    expect(byExternal.get('18293A4B5C6D7E8F90123456789ABCDE')).toMatchObject({ conversationId: text.conversationId });
    expect(byExternal.get('3A293A4B5C6D7E8F9012')).toMatchObject({ direction: 'OUTBOUND', author: 'PHONE', status: 'SENT' });
  });

  it('appends every change to the business’s event sequence, gap-free', async () => {
    const events = await db().event.findMany({ where: { businessId: line.businessId }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const received = events.filter((event) => event.kind === 'MESSAGE_RECEIVED').map((event) => (event.payload as { messageId: string }).messageId);
    const messages = await db().message.findMany({ where: { businessId: line.businessId }, select: { id: true } });
    expect(received.sort()).toEqual(messages.map((message) => message.id).sort());
    expect(events.some((event) => event.kind === 'MESSAGE_UPDATED')).toBe(true);
    expect(events.some((event) => event.kind === 'CONVERSATION_UPDATED')).toBe(true);
    const business = await db().business.findUniqueOrThrow({ where: { id: line.businessId } });
    expect(business.lastEventSeq).toBe(events.length);
  });

  it('keeps the inbox counters equal to a recount', async () => {
    const conversations = await db().conversation.findMany({ where: { businessId: line.businessId } });
    const counter = await db().inboxCounter.findUniqueOrThrow({ where: { businessId: line.businessId } });
    expect(counter).toMatchObject({
      open: conversations.filter((conversation) => conversation.status === 'OPEN').length,
      pending: conversations.filter((conversation) => conversation.status === 'PENDING').length,
      unread: conversations.filter((conversation) => conversation.unreadCount > 0).length,
      aiHandled: conversations.filter((conversation) => conversation.controller === 'AI' && conversation.status !== 'RESOLVED').length,
    });
  });

  it('keeps conversations right: last message, unread count, HUMAN after a phone reply', async () => {
    const conversations = await db().conversation.findMany({ where: { businessId: line.businessId } });
    expect(conversations).toHaveLength(2);
    const direct = conversations.find((conversation) => !conversation.isGroup)!;
    expect(direct).toMatchObject({ controller: 'HUMAN', status: 'OPEN' });
    // The phone reply reset unread; no inbound came after it.
    expect(direct.unreadCount).toBe(0);
    expect(conversations.find((conversation) => conversation.isGroup)).toMatchObject({ unreadCount: 1, controller: 'AI' });
  });

  it('publishes typing from presence.update without storing anything', async () => {
    await expect(typing).resolves.toMatchObject({ value: { presence: 'composing' } });
    expect(await db().webhookEvent.count({ where: { instanceId: line.instanceId, event: 'presence.update' } })).toBe(1);
  });

  it('changes nothing when every fixture is delivered again', async () => {
    const before = await snapshot(line.businessId);
    const events = await db().webhookEvent.count({ where: { instanceId: line.instanceId, dedupeKey: { not: null } } });
    const sequence = await db().event.count({ where: { businessId: line.businessId } });
    await emitAll(line.name, MESSAGE_FIXTURES);
    expect(await db().event.count({ where: { businessId: line.businessId } })).toBe(sequence);
    const after = await snapshot(line.businessId);
    expect(after.messages).toEqual(before.messages);
    expect(after.contacts.map(({ lastSeenAt: _ignored, ...contact }) => contact)).toEqual(before.contacts.map(({ lastSeenAt: _ignored, ...contact }) => contact));
    expect(after.conversations.map((conversation) => [conversation.id, conversation.unreadCount, conversation.lastMessageId])).toEqual(
      before.conversations.map((conversation) => [conversation.id, conversation.unreadCount, conversation.lastMessageId]),
    );
    expect(await db().webhookEvent.count({ where: { instanceId: line.instanceId, dedupeKey: { not: null } } })).toBe(events);
  });
});

describe('receipts', () => {
  it('never move a status backwards, and wait for a message that has not arrived yet', async () => {
    const line = await newLine('Receipts');
    const jid = '12025550177@s.whatsapp.net';
    const sendEcho = (id: string) => ({
      key: { remoteJid: jid, fromMe: true, id },
      pushName: 'Você',
      status: 'PENDING',
      message: { conversation: `order ${id}` },
      messageType: 'conversation',
      messageTimestamp: Math.floor(Date.now() / 1000),
      source: 'web',
    });
    const receipt = (id: string, status: string) => ({ keyId: id, remoteJid: jid, fromMe: true, status });

    await fake.emit(line.name, 'send.message', sendEcho('3EB0000000000000000001'));
    await fake.emit(line.name, 'messages.update', receipt('3EB0000000000000000001', 'READ'));
    await fake.emit(line.name, 'messages.update', receipt('3EB0000000000000000001', 'DELIVERY_ACK'));
    await fake.emit(line.name, 'messages.update', receipt('3EB0000000000000000001', 'SERVER_ACK'));
    expect(await db().message.findFirstOrThrow({ where: { externalId: '3EB0000000000000000001' } })).toMatchObject({ status: 'READ' });

    await fake.emit(line.name, 'messages.update', receipt('3EB0000000000000000002', 'DELIVERY_ACK'));
    const waiting = await db().webhookEvent.findFirstOrThrow({ where: { instanceId: line.instanceId, event: 'messages.update', status: 'RECEIVED' } });
    await fake.emit(line.name, 'send.message', sendEcho('3EB0000000000000000002'));
    expect(await db().message.findFirstOrThrow({ where: { externalId: '3EB0000000000000000002' } })).toMatchObject({ status: 'DELIVERED' });
    expect(await db().webhookEvent.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: 'PROCESSED' });
  });
});

describe('authentication and malformed deliveries', () => {
  let line: Awaited<ReturnType<typeof newLine>>;
  beforeAll(async () => {
    line = await newLine('Guarded');
  });
  const textBody = (name: string, id: string) =>
    JSON.stringify({
      event: 'messages.upsert',
      instance: name,
      data: { key: { remoteJid: '12025550188@s.whatsapp.net', fromMe: false, id }, pushName: 'X', message: { conversation: 'hello' }, messageType: 'conversation', messageTimestamp: 1763769600 },
      apikey: 'whatever-the-body-says',
    });

  it.each([
    ['a wrong secret', () => line.name, () => 'wrong-secret'],
    ['no secret', () => line.name, () => undefined],
    ['an unknown instance', () => 'no-such-instance', () => secretOf(line.name)],
  ])('answers %s with 401 and stores nothing', async (_case, name, secret) => {
    const before = await db().webhookEvent.count();
    const response = await post(name(), textBody(line.name, 'AAAA0000000000000000000000000001'), secret());
    expect(response.status).toBe(401);
    expect(await db().webhookEvent.count()).toBe(before);
    expect(await db().message.count({ where: { externalId: 'AAAA0000000000000000000000000001' } })).toBe(0);
  });

  it('answers a non-JSON body with 400 and stores nothing', async () => {
    const before = await db().webhookEvent.count();
    const response = await post(line.name, '{"event": "messages.upsert", oops', secretOf(line.name));
    expect(response.status).toBe(400);
    expect(await db().webhookEvent.count()).toBe(before);
  });

  it('accepts the byEvents URL form', async () => {
    const response = await fetch(`${webhookUrl(line.name)}/messages-upsert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: secretOf(line.name) },
      body: textBody(line.name, 'AAAA0000000000000000000000000002'),
    });
    expect(response.status).toBe(200);
    expect(await db().message.count({ where: { externalId: 'AAAA0000000000000000000000000002' } })).toBe(1);
  });

  it('stores an authenticated but malformed event as FAILED (200), and a corrected replay processes it', async () => {
    const broken = { event: 'messages.upsert', instance: line.name, data: { key: { remoteJid: '12025550188@s.whatsapp.net', fromMe: false }, message: { conversation: 'no id' } } };
    const response = await post(line.name, JSON.stringify(broken), secretOf(line.name));
    expect(response.status).toBe(200);
    const failed = await executeOk(server.url, WebhookEventsDocument, { instanceId: line.instanceGlobalId, status: 'FAILED' }, { token: owner });
    expect(failed.webhookEvents.edges).toHaveLength(1);
    const event = failed.webhookEvents.edges[0]!.node;
    expect(event).toMatchObject({ event: 'messages.upsert', status: 'FAILED', attempts: 1 });
    expect(event.error).toMatch(/key\.id/);

    const stillBroken = await executeOk(server.url, ReplayWebhookEventDocument, { input: { webhookEventId: event.id } }, { token: owner });
    expect(stillBroken.replayWebhookEvent).toMatchObject({ webhookEvent: { status: 'FAILED', attempts: 2 } });

    const corrected = { ...broken, data: { ...broken.data, key: { ...broken.data.key, id: 'FIXED000000000000000000000000001' } } };
    const replay = await executeOk(server.url, ReplayWebhookEventDocument, { input: { webhookEventId: event.id, payload: corrected } }, { token: owner });
    expect(replay.replayWebhookEvent).toMatchObject({ webhookEvent: { id: event.id, status: 'PROCESSED', error: null, attempts: 3 } });
    expect(await db().message.findFirstOrThrow({ where: { externalId: 'FIXED000000000000000000000000001' } })).toMatchObject({ body: 'no id' });

    const stranger = await server.token({ sub: 'not-an-owner' });
    const hidden = await executeOk(server.url, WebhookEventsDocument, { instanceId: line.instanceGlobalId }, { token: stranger });
    expect(hidden.webhookEvents.edges).toEqual([]);
  });
});

describe('connection lifecycle from webhooks', () => {
  it('coalesces a reconnect storm and follows open, logout, QR limit and removal', async () => {
    const line = await newLine('Lifecycle Hooks');
    await fake.emitFixture(line.name, 'webhook-connection-update-open.json');
    const storedBefore = await db().webhookEvent.count({ where: { instanceId: line.instanceId, event: 'connection.update' } });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => fake.emitFixture(line.name, 'webhook-connection-update-connecting.json')));
    expect(new Set(statuses)).toEqual(new Set([200]));
    const stored = await db().webhookEvent.count({ where: { instanceId: line.instanceId, event: 'connection.update' } });
    expect(stored - storedBefore).toBeLessThanOrEqual(2);
    const view = async () => (await executeOk(server.url, InstanceDocument, { id: line.instanceGlobalId }, { token: owner })).node;
    expect(await view()).toMatchObject({ status: 'CONNECTING' });

    await fake.emitFixture(line.name, 'webhook-connection-update-close.json');
    expect(await view()).toMatchObject({ status: 'LOGGED_OUT', health: { state: 'DOWN' } });
    expect((await view())?.lastError).toMatch(/Logged out/);

    await fake.emitFixture(line.name, 'webhook-qrcode-updated.json');
    expect(await view()).toMatchObject({ status: 'QR_PENDING', qrCode: { code: expect.any(String) } });
    await fake.emitFixture(line.name, 'webhook-qrcode-limit-reached.json');
    await fake.emitFixture(line.name, 'webhook-connection-update-refused.json');
    expect(await view()).toMatchObject({ status: 'FAILED', qrCode: null });
    expect((await view())?.lastError).toMatch(/QR/);

    await fake.emitFixture(line.name, 'webhook-remove-instance.json');
    expect(await view()).toMatchObject({ status: 'FAILED' });
    expect((await db().instance.findUniqueOrThrow({ where: { id: line.instanceId } })).remoteId).toBeNull();
  });
});
