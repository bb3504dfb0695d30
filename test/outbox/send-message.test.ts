import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { CancelMessageDocument, OutboxNodeDocument, RetryMessageDocument, SendMessageDocument, type SendMessageInput } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { createApiKey, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';
import { connectedLine, connectLine, drained, type Line, queue, send, sentOn, textOf, waitFor } from './helpers.ts';

let fake: FakeEvolution;
let server: TestApp;
let owner: string;
let rival: string;
let line: Line;
let rivalLine: Line;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey } });
  owner = await server.token({ sub: 'send-owner' });
  rival = await server.token({ sub: 'send-rival' });
  line = await connectedLine(server, fake, owner, 'Send Shop');
  rivalLine = await connectedLine(server, fake, rival, 'Rival Shop');
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

let customer = 0;
/** A fresh customer number per test, so conversations never mix. */
function nextNumber(): string {
  customer += 1;
  return `+1202555${String(1000 + customer).padStart(4, '0')}`;
}

async function conversationWith(target: Line, token: string, to: string): Promise<string> {
  const message = await queue(server.url, { instanceId: target.instanceId, to, text: 'Opening line' }, { token });
  await drained(target.businessRowId);
  return message.conversation.id;
}

async function customerWrites(target: Line, from: string, text: string): Promise<string> {
  const externalId = `IN${Math.random().toString(16).slice(2).toUpperCase()}`;
  const status = await fake.emit(target.name, 'messages.upsert', {
    key: { remoteJid: `${from.slice(1)}@s.whatsapp.net`, fromMe: false, id: externalId },
    pushName: 'Maria',
    status: 'DELIVERY_ACK',
    message: { conversation: text },
    messageType: 'conversation',
    messageTimestamp: Math.floor(Date.now() / 1000),
    source: 'android',
  });
  expect(status).toBe(200);
  const row = await db().message.findFirstOrThrow({ where: { instanceId: target.instanceRowId, externalId } });
  return encodeGlobalID('Message', row.id);
}

function outboundCount(): Promise<number> {
  return db().message.count({ where: { direction: 'OUTBOUND' } });
}

describe('sendMessage', () => {
  it('queues a text to a new number, creating its contact and conversation, and the outbox sends it', async () => {
    const to = nextNumber();
    const message = await queue(server.url, { instanceId: line.instanceId, to, text: 'Your order is ready' }, { token: owner });
    expect(message).toMatchObject({ status: 'QUEUED', direction: 'OUTBOUND', type: 'TEXT', author: 'AGENT', text: 'Your order is ready', attempts: 0 });

    await drained(line.businessRowId);
    const row = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) }, include: { conversation: { include: { contact: true } } } });
    expect(row).toMatchObject({ status: 'SENT', sentById: 'send-owner', attempts: 1, error: null });
    expect(row.externalId).toMatch(/^3EB0/);
    expect(row.conversation.contact).toMatchObject({ phone: to, jids: [`${to.slice(1)}@s.whatsapp.net`] });
    // An agent reply takes the conversation over from the AI and becomes its last message.
    expect(row.conversation).toMatchObject({ controller: 'HUMAN', lastMessageId: row.id });

    const request = fake.requests.findLast((candidate) => candidate.path === `/message/sendText/${line.name}`);
    expect(request?.body).toEqual({ number: to.slice(1), text: 'Your order is ready' });
    const line_ = await db().instance.findUniqueOrThrow({ where: { id: line.instanceRowId } });
    expect(line_.lastOutboundAt).toBeInstanceOf(Date);
  });

  it('replies into an existing conversation and accepts exactly 4,096 characters', async () => {
    const conversationId = await conversationWith(line, owner, nextNumber());
    const longest = 'x'.repeat(4_096);
    const message = await queue(server.url, { conversationId, text: longest }, { token: owner });
    expect(message.conversation.id).toBe(conversationId);
    await drained(line.businessRowId);
    expect(sentOn(fake, line.name).some((sent) => textOf(sent) === longest)).toBe(true);
  });

  describe('bad input gets a typed error and queues nothing', () => {
    let conversationId: string;
    let rivalConversationId: string;
    let otherConversationMessageId: string;

    beforeAll(async () => {
      conversationId = await conversationWith(line, owner, nextNumber());
      rivalConversationId = await conversationWith(rivalLine, rival, nextNumber());
      otherConversationMessageId = await customerWrites(line, nextNumber(), 'Another chat');
    });

    const cases: [string, () => SendMessageInput, string, string[] | null][] = [
      ['another tenant’s conversation', () => ({ conversationId: rivalConversationId, text: 'Hi' }), 'NOT_FOUND', ['input', 'conversationId']],
      ['another tenant’s line', () => ({ instanceId: rivalLine.instanceId, to: nextNumber(), text: 'Hi' }), 'NOT_FOUND', ['input', 'instanceId']],
      ['a number without +', () => ({ instanceId: line.instanceId, to: '12025550123', text: 'Hi' }), 'VALIDATION_FAILED', ['input', 'to']],
      ['a number with letters', () => ({ instanceId: line.instanceId, to: '+1202CALLNOW', text: 'Hi' }), 'VALIDATION_FAILED', ['input', 'to']],
      ['4,097 characters', () => ({ conversationId, text: 'x'.repeat(4_097) }), 'VALIDATION_FAILED', ['input', 'text']],
      ['blank text', () => ({ conversationId, text: '   ' }), 'VALIDATION_FAILED', ['input', 'text']],
      ['an http:// media URL', () => ({ conversationId, type: 'IMAGE', media: { url: 'http://cdn.example.com/a.jpg' } }), 'VALIDATION_FAILED', ['input', 'media', 'url']],
      ['a malformed media URL', () => ({ conversationId, type: 'IMAGE', media: { url: 'https://exa mple.com/a.jpg' } }), 'VALIDATION_FAILED', ['input', 'media', 'url']],
      ['no URL at all', () => ({ conversationId, type: 'DOCUMENT', media: { url: 'invoice.pdf' } }), 'VALIDATION_FAILED', ['input', 'media', 'url']],
      ['IMAGE without media', () => ({ conversationId, type: 'IMAGE', text: 'Look' }), 'VALIDATION_FAILED', ['input', 'media']],
      ['a caption on a voice message', () => ({ conversationId, type: 'AUDIO', media: { url: 'https://cdn.example.com/a.ogg', caption: 'Hi' } }), 'VALIDATION_FAILED', ['input', 'media', 'caption']],
      ['a latitude beyond 90', () => ({ conversationId, type: 'LOCATION', location: { latitude: 91, longitude: 24.1 } }), 'VALIDATION_FAILED', ['input', 'location', 'latitude']],
      ['a longitude beyond 180', () => ({ conversationId, type: 'LOCATION', location: { latitude: 56.9, longitude: -181 } }), 'VALIDATION_FAILED', ['input', 'location', 'longitude']],
      ['a reaction to another conversation’s message', () => ({ conversationId, type: 'REACTION', reaction: { messageId: otherConversationMessageId, emoji: '👍' } }), 'VALIDATION_FAILED', ['input', 'reaction', 'messageId']],
      ['a reaction that is not an emoji', () => ({ conversationId, type: 'REACTION', reaction: { messageId: otherConversationMessageId, emoji: 'ok' } }), 'VALIDATION_FAILED', ['input', 'reaction', 'emoji']],
      ['a quote from another conversation', () => ({ conversationId, text: 'Re', quotedMessageId: otherConversationMessageId }), 'VALIDATION_FAILED', ['input', 'quotedMessageId']],
      ['both a conversation and a number', () => ({ conversationId, instanceId: line.instanceId, to: nextNumber(), text: 'Hi' }), 'VALIDATION_FAILED', ['input', 'instanceId']],
      ['neither a conversation nor a number', () => ({ text: 'Hi' }), 'VALIDATION_FAILED', ['input', 'instanceId']],
      ['an Instance ID as the conversation', () => ({ conversationId: line.instanceId, text: 'Hi' }), 'VALIDATION_FAILED', ['input', 'conversationId']],
    ];

    it.each(cases)('%s → %s', async (_name, input, code, field) => {
      const before = await outboundCount();
      const result = await send(server.url, input(), { token: owner });
      expect(result).toMatchObject({ code, field });
      expect(await outboundCount()).toBe(before);
    });

    it('lists every broken rule of a ValidationError', async () => {
      const result = await send(server.url, { instanceId: line.instanceId, to: 'nope', type: 'IMAGE', media: { url: 'ftp://x' }, text: 'Hi' }, { token: owner });
      if (result.__typename !== 'ValidationError') throw new Error(JSON.stringify(result));
      expect(result.fieldErrors.map((error) => error.path.join('.')).sort()).toEqual(['input.media.url', 'input.text', 'input.to']);
    });

    it('an opted-out contact → CONTACT_OPTED_OUT, by conversation and by number', async () => {
      const to = nextNumber();
      const optedOutConversation = await conversationWith(line, owner, to);
      await db().contact.updateMany({ where: { businessId: line.businessRowId, phone: to }, data: { optedOut: true, optedOutAt: new Date() } });
      const before = await outboundCount();
      expect(await send(server.url, { conversationId: optedOutConversation, text: 'Still there?' }, { token: owner })).toMatchObject({
        __typename: 'ContactOptedOutError',
        code: 'CONTACT_OPTED_OUT',
      });
      expect(await send(server.url, { instanceId: line.instanceId, to, text: 'Still there?' }, { token: owner })).toMatchObject({ code: 'CONTACT_OPTED_OUT' });
      expect(await outboundCount()).toBe(before);
    });

    it('a line that is not connected → INSTANCE_NOT_CONNECTED; a BASIC business → PLAN_UPGRADE_REQUIRED', async () => {
      const businessId = await createProBusiness(server.url, owner, 'Unpaired Shop');
      const instance = await setupLine(server.url, owner, businessId);
      const before = await outboundCount();
      expect(await send(server.url, { instanceId: instance.id, to: nextNumber(), text: 'Hi' }, { token: owner })).toMatchObject({
        __typename: 'InstanceNotConnectedError',
        field: ['input', 'instanceId'],
      });
      await connectLine(fake, instance.name);
      await db().business.update({ where: { id: rowId(businessId) }, data: { plan: 'BASIC' } });
      expect(await send(server.url, { instanceId: instance.id, to: nextNumber(), text: 'Hi' }, { token: owner })).toMatchObject({
        __typename: 'PlanUpgradeRequiredError',
      });
      expect(await outboundCount()).toBe(before);
    });
  });

  it('holds messages for a disconnected line whose settings say so, and sends them once it connects', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Patient Shop');
    const instance = await setupLine(server.url, owner, businessId);
    await db().instance.update({ where: { id: rowId(instance.id) }, data: { settings: { groups: 'STORE', queueWhileDisconnected: true } } });
    const to = nextNumber();
    const first = await queue(server.url, { instanceId: instance.id, to, text: 'Queued while away 1' }, { token: owner });
    await queue(server.url, { instanceId: instance.id, to, text: 'Queued while away 2' }, { token: owner });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await db().message.findUniqueOrThrow({ where: { id: rowId(first.id) } })).toMatchObject({ status: 'QUEUED', attempts: 0 });

    await connectLine(fake, instance.name);
    await drained(rowId(businessId));
    expect(sentOn(fake, instance.name).map(textOf)).toEqual(['Queued while away 1', 'Queued while away 2']);
  });

  describe('idempotency keys', () => {
    it('the same key twice → the same message, sent once', async () => {
      const input = { instanceId: line.instanceId, to: nextNumber(), text: 'Exactly once', idempotencyKey: 'order-117-ready' };
      const first = await queue(server.url, input, { token: owner });
      const second = await queue(server.url, input, { token: owner });
      expect(second.id).toBe(first.id);
      await drained(line.businessRowId);
      expect(await queue(server.url, input, { token: owner })).toMatchObject({ id: first.id, status: 'SENT' });
      expect(sentOn(fake, line.name).filter((sent) => textOf(sent) === 'Exactly once')).toHaveLength(1);
    });

    it('the same key twenty times at once → one message, one send', async () => {
      const input = { instanceId: line.instanceId, to: nextNumber(), text: 'Concurrent once', idempotencyKey: 'burst-1' };
      const results = await Promise.all(Array.from({ length: 20 }, () => queue(server.url, input, { token: owner })));
      expect(new Set(results.map((message) => message.id)).size).toBe(1);
      expect(await db().message.count({ where: { businessId: line.businessRowId, idempotencyKey: 'burst-1' } })).toBe(1);
      await drained(line.businessRowId);
      expect(sentOn(fake, line.name).filter((sent) => textOf(sent) === 'Concurrent once')).toHaveLength(1);
    });

    it('keys are per business', async () => {
      const mine = await queue(server.url, { instanceId: line.instanceId, to: nextNumber(), text: 'Mine', idempotencyKey: 'shared-key' }, { token: owner });
      const theirs = await queue(server.url, { instanceId: rivalLine.instanceId, to: nextNumber(), text: 'Theirs', idempotencyKey: 'shared-key' }, { token: rival });
      expect(theirs.id).not.toBe(mine.id);
    });
  });

  describe('content types reach Evolution in its shapes', () => {
    let conversationId: string;
    let to: string;
    let inboundId: string;

    beforeAll(async () => {
      to = nextNumber();
      inboundId = await customerWrites(line, to, 'Can you send the menu?');
      conversationId = (await db().message.findUniqueOrThrow({ where: { id: rowId(inboundId) } })).conversationId;
      conversationId = encodeGlobalID('Conversation', conversationId);
    });

    function lastRequest(route: string) {
      return fake.requests.findLast((request) => request.path === `/message/${route}/${line.name}`)?.body as Record<string, unknown>;
    }

    it('IMAGE, DOCUMENT, AUDIO and LOCATION', async () => {
      const image = await queue(
        server.url,
        { conversationId, type: 'IMAGE', media: { url: 'https://cdn.example.com/menu.jpg', mimeType: 'image/jpeg', caption: 'Our menu' } },
        { token: owner },
      );
      expect(image).toMatchObject({ text: 'Our menu', media: { url: 'https://cdn.example.com/menu.jpg', mimeType: 'image/jpeg', caption: 'Our menu', isVoiceNote: false } });
      await drained(line.businessRowId);
      expect(lastRequest('sendMedia')).toMatchObject({ number: to.slice(1), mediatype: 'image', media: 'https://cdn.example.com/menu.jpg', mimetype: 'image/jpeg', caption: 'Our menu' });

      await queue(server.url, { conversationId, type: 'DOCUMENT', media: { url: 'https://cdn.example.com/i.pdf', fileName: 'Invoice 117.pdf' } }, { token: owner });
      await queue(server.url, { conversationId, type: 'AUDIO', media: { url: 'https://cdn.example.com/hello.ogg' } }, { token: owner });
      const pin = await queue(server.url, { conversationId, type: 'LOCATION', location: { latitude: 56.9496, longitude: 24.1052, name: 'Café Rīga' } }, { token: owner });
      expect(pin.location).toEqual({ latitude: 56.9496, longitude: 24.1052, name: 'Café Rīga', address: null });
      await drained(line.businessRowId);
      expect(lastRequest('sendMedia')).toMatchObject({ mediatype: 'document', fileName: 'Invoice 117.pdf' });
      expect(lastRequest('sendWhatsAppAudio')).toMatchObject({ number: to.slice(1), audio: 'https://cdn.example.com/hello.ogg' });
      expect(lastRequest('sendLocation')).toMatchObject({ latitude: 56.9496, longitude: 24.1052, name: 'Café Rīga', address: '' });
    });

    it('a quoted reply and a reaction to the customer’s message', async () => {
      const inbound = await db().message.findUniqueOrThrow({ where: { id: rowId(inboundId) } });
      const reply = await queue(server.url, { conversationId, text: 'Here it is', quotedMessageId: inboundId }, { token: owner });
      expect(reply.quoted?.id).toBe(inboundId);
      const reaction = await queue(server.url, { conversationId, type: 'REACTION', reaction: { messageId: inboundId, emoji: '👍' } }, { token: owner });
      expect(reaction.reaction).toEqual({ emoji: '👍', target: { id: inboundId } });
      await drained(line.businessRowId);
      expect(lastRequest('sendText')).toMatchObject({ text: 'Here it is', quoted: { key: { id: inbound.externalId, fromMe: false } } });
      expect(lastRequest('sendReaction')).toEqual({ key: { id: inbound.externalId, remoteJid: `${to.slice(1)}@s.whatsapp.net`, fromMe: false }, reaction: '👍' });
    });

    it('a reaction to our own message queued just before it goes out after it, with its WhatsApp id', async () => {
      const own = await queue(server.url, { conversationId, text: 'Thanks for your order' }, { token: owner });
      const reaction = await queue(server.url, { conversationId, type: 'REACTION', reaction: { messageId: own.id, emoji: '❤️' } }, { token: owner });
      await drained(line.businessRowId);
      const sentOwn = await db().message.findUniqueOrThrow({ where: { id: rowId(own.id) } });
      expect(lastRequest('sendReaction')).toMatchObject({ key: { id: sentOwn.externalId, fromMe: true }, reaction: '❤️' });
      const node = await executeOk(server.url, OutboxNodeDocument, { id: reaction.id }, { token: owner });
      expect(node.node).toMatchObject({ status: 'SENT', reaction: { emoji: '❤️', target: { id: own.id } } });
    });
  });

  describe('API keys', () => {
    it('a SEND key sends as SYSTEM and leaves the conversation with the AI; a READ key may not send', async () => {
      const key = await createApiKey(server.url, owner, line.businessId, ['SEND']);
      const message = await queue(server.url, { instanceId: line.instanceId, to: nextNumber(), text: 'From the CRM' }, { apiKey: key.secret });
      expect(message.author).toBe('SYSTEM');
      const row = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) }, include: { conversation: true } });
      expect(row.sentById).toBeNull();
      expect(row.conversation.controller).toBe('AI');

      const reader = await createApiKey(server.url, owner, line.businessId, ['READ']);
      const { body } = await execute(server.url, SendMessageDocument, { input: { instanceId: line.instanceId, to: nextNumber(), text: 'No' } }, { apiKey: reader.secret });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});

describe('retryMessage and cancelMessage', () => {
  it('a number not on WhatsApp fails at once; retryMessage sends it again once the number is fixed', async () => {
    const to = nextNumber();
    fake.setNotOnWhatsApp([to.slice(1)]);
    try {
      const message = await queue(server.url, { instanceId: line.instanceId, to, text: 'Are you there?' }, { token: owner });
      await drained(line.businessRowId);
      const failed = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } });
      expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(failed.error).toContain(`Not on WhatsApp: ${to.slice(1)}`);

      fake.setNotOnWhatsApp([]);
      const retried = await executeOk(server.url, RetryMessageDocument, { input: { messageId: message.id } }, { token: owner });
      expect(retried.retryMessage).toMatchObject({ __typename: 'RetryMessagePayload', outboundMessage: { attempts: 0, error: null } });
      await drained(line.businessRowId);
      expect(await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } })).toMatchObject({ status: 'SENT', attempts: 1, error: null });

      const again = await executeOk(server.url, RetryMessageDocument, { input: { messageId: message.id } }, { token: owner });
      expect(again.retryMessage).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    } finally {
      fake.setNotOnWhatsApp([]);
    }
  });

  it('cancels a QUEUED message, which is then never sent; sent or foreign messages cannot be canceled', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Cancel Shop');
    const instance = await setupLine(server.url, owner, businessId);
    await db().instance.update({ where: { id: rowId(instance.id) }, data: { settings: { queueWhileDisconnected: true } } });
    const doomed = await queue(server.url, { instanceId: instance.id, to: nextNumber(), text: 'Never mind' }, { token: owner });
    const kept = await queue(server.url, { instanceId: instance.id, to: nextNumber(), text: 'Still going' }, { token: owner });

    const foreign = await executeOk(server.url, CancelMessageDocument, { input: { messageId: doomed.id } }, { token: rival });
    expect(foreign.cancelMessage).toMatchObject({ __typename: 'NotFoundError' });
    const canceled = await executeOk(server.url, CancelMessageDocument, { input: { messageId: doomed.id } }, { token: owner });
    expect(canceled.cancelMessage).toMatchObject({ __typename: 'CancelMessagePayload', outboundMessage: { status: 'CANCELED' } });

    await connectLine(fake, instance.name);
    await drained(rowId(businessId));
    expect(sentOn(fake, instance.name).map(textOf)).toEqual(['Still going']);
    const late = await executeOk(server.url, CancelMessageDocument, { input: { messageId: kept.id } }, { token: owner });
    expect(late.cancelMessage).toMatchObject({ __typename: 'ConflictError', field: ['input', 'messageId'] });
    const twice = await executeOk(server.url, CancelMessageDocument, { input: { messageId: doomed.id } }, { token: owner });
    expect(twice.cancelMessage).toMatchObject({ __typename: 'ConflictError' });
  });

  it('a message of a deleted line fails with the reason instead of waiting forever', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Closing Shop');
    const instance = await setupLine(server.url, owner, businessId);
    await db().instance.update({ where: { id: rowId(instance.id) }, data: { settings: { queueWhileDisconnected: true } } });
    const message = await queue(server.url, { instanceId: instance.id, to: nextNumber(), text: 'Last words' }, { token: owner });
    await db().instance.update({ where: { id: rowId(instance.id) }, data: { status: 'DELETED', deletedAt: new Date() } });
    const failed = await waitFor(
      async () => {
        const row = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } });
        return row.status === 'FAILED' ? row : null;
      },
      'the message to fail',
    );
    expect(failed.error).toMatch(/line was deleted/);
  });
});
