import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { observeQueries } from '../../src/services/db/database.ts';
import {
  AddBusinessMemberDocument,
  DeleteInstanceDocument,
  BusinessInboxCountsDocument,
  type ConversationFilter,
  ConversationMessagesDocument,
  InboxContactsDocument,
  InboxConversationsDocument,
  InboxNodeDocument,
  InboxPageDocument,
  MessageDetailsDocument,
  SearchMessagesDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

const statements: string[] = [];
let stopObserving: () => void;
let fake: FakeEvolution;
let server: TestApp;
let owner: string;
let stranger: string;

beforeAll(async () => {
  // Before the server opens its database: only a database opened while observed reports statements.
  stopObserving = observeQueries((sql) => statements.push(sql));
  fake = await FakeEvolution.start();
  // No outbox sender or AI worker here (an API-only replica): their background polls would land among the statements counted.
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey, OUTBOX_CONCURRENCY: '0', AI_CONCURRENCY: '0' } });
  [owner, stranger] = await Promise.all([server.token({ sub: 'graph-owner' }), server.token({ sub: 'graph-stranger' })]);
});
afterAll(async () => {
  await server.stop();
  await fake.close();
  stopObserving();
});

interface Line {
  businessId: string;
  businessRowId: string;
  instanceId: string;
  name: string;
}

async function newLine(token: string, name: string): Promise<Line> {
  const businessId = await createProBusiness(server.url, token, name);
  const instance = await setupLine(server.url, token, businessId);
  fake.setState(instance.name, 'open');
  return { businessId, businessRowId: rowId(businessId), instanceId: instance.id, name: instance.name };
}

interface Customer {
  phone: string;
  name: string;
}

/** Message times: minutes after a fixed start, so the order of activity is the order of `minute`. */
const START = Math.floor(Date.now() / 1000) - 86_400;
let externalSeq = 0;

function upsert(customer: Customer, message: Record<string, unknown>, minute: number) {
  const id = `GRAPH${String(++externalSeq).padStart(16, '0')}`;
  return {
    id,
    data: {
      key: { remoteJid: `${customer.phone.slice(1)}@s.whatsapp.net`, fromMe: false, id },
      pushName: customer.name,
      status: 'DELIVERY_ACK',
      message,
      messageType: Object.keys(message)[0],
      messageTimestamp: START + minute * 60,
      source: 'android',
    },
  };
}

/** A customer's text through the webhook, as Evolution delivers it; returns its WhatsApp id. */
async function inbound(line: Line, customer: Customer, text: string, minute: number): Promise<string> {
  const { id, data } = upsert(customer, { conversation: text }, minute);
  expect(await fake.emit(line.name, 'messages.upsert', data)).toBe(200);
  return id;
}

async function messageId(line: Line, externalId: string): Promise<string> {
  const row = await db().message.findFirstOrThrow({ where: { businessId: line.businessRowId, externalId } });
  return encodeGlobalID('Message', row.id);
}

async function conversationOf(line: Line, customer: Customer) {
  return db().conversation.findFirstOrThrow({ where: { businessId: line.businessRowId, contact: { phone: customer.phone } } });
}

async function conversations(token: string, businessId: string, args: { first?: number; after?: string; last?: number; before?: string; filter?: ConversationFilter } = {}) {
  const data = await executeOk(server.url, InboxConversationsDocument, { businessId, ...args }, { token });
  return data.business!.conversations;
}

const names = (connection: { edges: { node: { contact: { name?: string | null } } }[] }) => connection.edges.map((edge) => edge.node.contact.name);

describe('the inbox', () => {
  const anna = { phone: '+37120000001', name: 'Anna Bērziņa' };
  const boris = { phone: '+37120000002', name: 'Борис Петров' };
  const chen = { phone: '+37120000003', name: 'Chen Wei' };
  const dana = { phone: '+37120000004', name: 'Dana' };
  const eve = { phone: '+37120000005', name: 'Eve' };
  let line: Line;
  let oldLineId: string;

  beforeAll(async () => {
    // Eve wrote to the business's first line, which was then deleted (its conversations stay) and replaced.
    const first = await newLine(owner, 'Graph Inbox');
    await inbound(first, eve, 'Hi', 5);
    const deleted = await executeOk(server.url, DeleteInstanceDocument, { input: { instanceId: first.instanceId } }, { token: owner });
    expect(deleted.deleteInstance.__typename).toBe('DeleteInstancePayload');
    oldLineId = first.instanceId;
    const instance = await setupLine(server.url, owner, first.businessId);
    fake.setState(instance.name, 'open');
    line = { ...first, instanceId: instance.id, name: instance.name };

    await inbound(line, anna, 'Labdien!', 10);
    await inbound(line, boris, 'Добрый день', 20);
    await inbound(line, chen, 'Hello', 30);
    await inbound(line, anna, 'Vai ir brīvs galdiņš?', 40);
    // Dana only reacted to something: her conversation has no last message, so it sorts last.
    const reaction = upsert(dana, { reactionMessage: { key: { remoteJid: '37120000004@s.whatsapp.net', fromMe: true, id: 'UNKNOWN' }, text: '👍' } }, 50);
    expect(await fake.emit(line.name, 'messages.upsert', reaction.data)).toBe(200);
  });

  it('lists conversations by last activity, those without messages last, with contact and last message', async () => {
    const page = await conversations(owner, line.businessId);
    expect(names(page)).toEqual([anna.name, chen.name, boris.name, eve.name, dana.name]);
    expect(page.edges[0]!.node).toMatchObject({
      status: 'OPEN',
      controller: 'AI',
      unreadCount: 2,
      isGroup: false,
      assignee: null,
      contact: { phone: anna.phone },
      instance: { id: line.instanceId },
      lastMessage: { text: 'Vai ir brīvs galdiņš?' },
      lastMessageAt: new Date((START + 40 * 60) * 1000).toISOString(),
    });
    expect(page.edges.at(-1)!.node).toMatchObject({ lastMessage: null, lastMessageAt: null, unreadCount: 0 });
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages forward and backward through the same order, across conversations without messages', async () => {
    const first = await conversations(owner, line.businessId, { first: 3 });
    expect(names(first)).toEqual([anna.name, chen.name, boris.name]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await conversations(owner, line.businessId, { first: 3, after: first.pageInfo.endCursor! });
    expect(names(second)).toEqual([eve.name, dana.name]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const past = await conversations(owner, line.businessId, { first: 3, after: second.pageInfo.endCursor! });
    expect(past.edges).toEqual([]);
    expect(past.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });

    const last = await conversations(owner, line.businessId, { last: 2 });
    expect(names(last)).toEqual([eve.name, dana.name]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await conversations(owner, line.businessId, { last: 2, before: last.pageInfo.startCursor! });
    expect(names(before)).toEqual([chen.name, boris.name]);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const start = await conversations(owner, line.businessId, { last: 2, before: before.pageInfo.startCursor! });
    expect(names(start)).toEqual([anna.name]);
    expect(start.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(start.edges[0]!.cursor).toBe(first.edges[0]!.cursor);
  });

  it('filters by status, controller, unread, line, assignee and contact, alone and together', async () => {
    await db().conversation.update({ where: { id: (await conversationOf(line, boris)).id }, data: { status: 'PENDING', unreadCount: 0 } });
    await db().conversation.update({ where: { id: (await conversationOf(line, chen)).id }, data: { status: 'RESOLVED', controller: 'HUMAN' } });
    const agent = await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId: line.businessId, userId: 'graph-agent', role: 'AGENT' } }, { token: owner });
    if (agent.addBusinessMember.__typename !== 'AddBusinessMemberPayload') throw new Error(JSON.stringify(agent.addBusinessMember));
    const agentMembership = agent.addBusinessMember.membership.id;
    await db().conversation.update({ where: { id: (await conversationOf(line, anna)).id }, data: { assigneeId: 'graph-agent' } });

    const filtered = async (filter: ConversationFilter) => names(await conversations(owner, line.businessId, { filter }));
    expect(await filtered({ status: 'OPEN' })).toEqual([anna.name, eve.name, dana.name]);
    expect(await filtered({ status: 'PENDING' })).toEqual([boris.name]);
    expect(await filtered({ status: 'RESOLVED' })).toEqual([chen.name]);
    expect(await filtered({ controller: 'HUMAN' })).toEqual([chen.name]);
    expect(await filtered({ controller: 'AI' })).toEqual([anna.name, boris.name, eve.name, dana.name]);
    expect(await filtered({ unreadOnly: true })).toEqual([anna.name, chen.name, eve.name]);
    expect(await filtered({ unreadOnly: true, status: 'OPEN' })).toEqual([anna.name, eve.name]);
    expect(await filtered({ instanceId: oldLineId })).toEqual([eve.name]);
    expect(await filtered({ instanceId: line.instanceId })).toEqual([anna.name, chen.name, boris.name, dana.name]);
    expect(await filtered({ assignedTo: agentMembership })).toEqual([anna.name]);
    expect(await filtered({ search: 'ANNA' })).toEqual([anna.name]);
    expect(await filtered({ search: 'Борис' })).toEqual([boris.name]);
    expect(await filtered({ search: '+371 2000 0003' })).toEqual([chen.name]);
    expect(await filtered({ search: 'Dana', status: 'RESOLVED' })).toEqual([]);

    const assigned = await conversations(owner, line.businessId, { filter: { assignedTo: agentMembership } });
    expect(assigned.edges[0]!.node.assignee).toEqual({ id: agentMembership, userId: 'graph-agent' });

    const wrongType = await execute(server.url, InboxConversationsDocument, { businessId: line.businessId, filter: { instanceId: line.businessId } }, { token: owner });
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await execute(server.url, InboxConversationsDocument, { businessId: line.businessId, first: 101 }, { token: owner });
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await execute(server.url, InboxConversationsDocument, { businessId: line.businessId, after: 'bm9wZQ' }, { token: owner });
    expect(badCursor.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps inboxCounts equal to a recount of the conversations through messages and status changes', async () => {
    const counts = async () => (await executeOk(server.url, BusinessInboxCountsDocument, { businessId: line.businessId }, { token: owner })).business!.inboxCounts;
    const recount = async () => {
      const rows = await db().conversation.findMany({ where: { businessId: line.businessRowId } });
      return {
        open: rows.filter((row) => row.status === 'OPEN').length,
        pending: rows.filter((row) => row.status === 'PENDING').length,
        unread: rows.filter((row) => row.unreadCount > 0).length,
        aiHandled: rows.filter((row) => row.controller === 'AI' && row.status !== 'RESOLVED').length,
      };
    };
    expect(await counts()).toEqual(await recount());

    // A customer writing into a resolved conversation reopens it; agents move others around.
    await inbound(line, chen, 'One more thing', 60);
    await inbound(line, dana, 'Hello?', 61);
    await db().conversation.update({ where: { id: (await conversationOf(line, anna)).id }, data: { status: 'RESOLVED', unreadCount: 0 } });
    await db().conversation.update({ where: { id: (await conversationOf(line, eve)).id }, data: { status: 'PENDING', controller: 'HUMAN' } });
    await db().conversation.updateMany({ where: { businessId: line.businessRowId, status: 'PENDING' }, data: { unreadCount: 3 } });
    const after = await counts();
    expect(after).toEqual(await recount());
    expect(after).toEqual({ open: 2, pending: 2, unread: 4, aiHandled: 2 });

    const empty = await createBusiness(server.url, owner, 'Graph Empty');
    expect((await executeOk(server.url, BusinessInboxCountsDocument, { businessId: empty }, { token: owner })).business!.inboxCounts).toEqual({
      open: 0,
      pending: 0,
      unread: 0,
      aiHandled: 0,
    });
  });
});

describe('a conversation’s history', () => {
  let conversationId: string;

  beforeAll(async () => {
    const line = await newLine(owner, 'Graph History');
    const customer = { phone: '+37120000010', name: 'Ieva' };
    for (let minute = 1; minute <= 7; minute += 1) await inbound(line, customer, `m${minute}`, minute);
    conversationId = encodeGlobalID('Conversation', (await conversationOf(line, customer)).id);
  });

  async function page(args: { first?: number; after?: string; last?: number; before?: string }) {
    const data = await executeOk(server.url, ConversationMessagesDocument, { id: conversationId, ...args }, { token: owner });
    if (!data.node || !('messages' in data.node)) throw new Error('not a conversation');
    const { edges, pageInfo } = data.node.messages;
    return { texts: edges.map((edge) => edge.node.text), pageInfo };
  }

  it('pages newest first with first/after, with exact hasNextPage', async () => {
    const one = await page({ first: 3 });
    expect(one).toMatchObject({ texts: ['m7', 'm6', 'm5'], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const two = await page({ first: 3, after: one.pageInfo.endCursor! });
    expect(two).toMatchObject({ texts: ['m4', 'm3', 'm2'], pageInfo: { hasNextPage: true, hasPreviousPage: true } });
    const three = await page({ first: 3, after: two.pageInfo.endCursor! });
    expect(three).toMatchObject({ texts: ['m1'], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const exact = await page({ first: 7 });
    expect(exact.pageInfo.hasNextPage).toBe(false);
  });

  it('pages the same order backwards with last/before, with exact hasPreviousPage', async () => {
    const one = await page({ last: 3 });
    expect(one).toMatchObject({ texts: ['m3', 'm2', 'm1'], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    const two = await page({ last: 3, before: one.pageInfo.startCursor! });
    expect(two).toMatchObject({ texts: ['m6', 'm5', 'm4'], pageInfo: { hasNextPage: true, hasPreviousPage: true } });
    const three = await page({ last: 3, before: two.pageInfo.startCursor! });
    expect(three).toMatchObject({ texts: ['m7'], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const exact = await page({ last: 7 });
    expect(exact.pageInfo.hasPreviousPage).toBe(false);
    expect(exact.texts).toEqual((await page({ first: 7 })).texts);
  });
});

describe('message content', () => {
  let line: Line;
  const FIXTURES = [
    'webhook-send-message-text.json',
    'webhook-messages-upsert-text.json',
    'webhook-messages-upsert-text-reply-quoted.json',
    'webhook-messages-upsert-image-caption.json',
    'webhook-messages-upsert-audio-ptt.json',
    'webhook-messages-upsert-document.json',
    'webhook-messages-upsert-location.json',
    'webhook-messages-upsert-reaction.json',
    'webhook-messages-upsert-group-text.json',
    'webhook-messages-upsert-lid-text.json',
    'webhook-messages-edited.json',
    'webhook-messages-delete.json',
  ];

  beforeAll(async () => {
    line = await newLine(owner, 'Graph Shapes');
    for (const fixture of FIXTURES) expect(await fake.emitFixture(line.name, fixture)).toBe(200);
  });

  async function details(externalId: string) {
    const data = await executeOk(server.url, MessageDetailsDocument, { id: await messageId(line, externalId) }, { token: owner });
    if (!data.node || !('direction' in data.node)) throw new Error('not a message');
    return data.node;
  }

  it('reads media, location, reactions, replies, group senders and the sending member from the stored rows', async () => {
    const sentId = await messageId(line, '3EB0A9C1D2E3F4A5B6C7D8');
    await db().message.update({ where: { id: rowId(sentId) }, data: { sentById: 'graph-owner' } });
    const sent = await details('3EB0A9C1D2E3F4A5B6C7D8');
    expect(sent).toMatchObject({ direction: 'OUTBOUND', author: 'PHONE', text: 'Your order #117 is ready for pickup.', sentBy: { userId: 'graph-owner' } });

    expect(await details('B2C3D4E5F60718293A4B5C6D7E8F9012')).toMatchObject({
      type: 'IMAGE',
      text: 'Photo of the damaged box',
      media: { mimeType: 'image/jpeg', caption: 'Photo of the damaged box', sizeBytes: 184233, isVoiceNote: false, url: expect.stringMatching(/^https:/) },
      location: null,
      reaction: null,
    });
    expect((await details('D4E5F60718293A4B5C6D7E8F90123456')).media).toMatchObject({ isVoiceNote: true, mimeType: expect.stringMatching(/^audio\//) });
    expect((await details('E5F60718293A4B5C6D7E8F9012345678')).media).toMatchObject({ fileName: expect.any(String) });
    expect((await details('3A60718293A4B5C6D7E8')).location).toEqual({
      latitude: 38.8977,
      longitude: -77.0365,
      name: 'Example Plaza',
      address: '100 Example Ave, Washington, DC',
    });
    expect(await details('F60718293A4B5C6D7E8F901234567890')).toMatchObject({
      type: 'REACTION',
      reaction: { emoji: '👍', target: { id: sentId, text: 'Your order #117 is ready for pickup.' } },
    });
    expect((await details('3A5F0C1D2E3B4A596877')).quoted).toEqual({ id: sentId, text: 'Your order #117 is ready for pickup.' });
    expect(await details('0718293A4B5C6D7E8F90123456789ABC')).toMatchObject({
      senderName: 'Joao Example',
      senderJid: '12025550145@s.whatsapp.net',
      sentBy: null,
    });
  });

  it('keeps a message deleted for everyone, without its content', async () => {
    const deleted = await details('A1B2C3D4E5F60718293A4B5C6D7E8F90');
    expect(deleted).toMatchObject({ type: 'TEXT', edited: true, deleted: true, text: null, media: null, direction: 'INBOUND', author: 'CUSTOMER', status: 'RECEIVED' });
  });

  it('lists contacts most recently seen first and finds them by name, number or WhatsApp id', async () => {
    const search = async (term?: string) =>
      (await executeOk(server.url, InboxContactsDocument, { businessId: line.businessId, search: term }, { token: owner })).business!.contacts.edges.map(
        (edge) => edge.node,
      );
    const all = await search();
    expect(all.map((contact) => contact.lastSeenAt)).toEqual(all.map((contact) => contact.lastSeenAt).sort().reverse());
    expect(all.map((contact) => contact.isGroup).sort()).toEqual([false, true]);
    const maria = all.find((contact) => !contact.isGroup)!;
    expect(maria).toMatchObject({ name: 'Maria Example', phone: '+12025550123', optedOut: false });
    expect([...maria.jids].sort()).toEqual(['12025550123@s.whatsapp.net', '210987654321098@lid']);
    expect(maria.conversations.edges).toHaveLength(1);
    expect((await search('maria')).map((contact) => contact.id)).toEqual([maria.id]);
    expect((await search('202 555 0123')).map((contact) => contact.id)).toEqual([maria.id]);
    expect((await search('210987654321098@lid')).map((contact) => contact.id)).toEqual([maria.id]);
    expect((await search('120363041234567890@g.us')).map((contact) => contact.isGroup)).toEqual([true]);
    expect(await search('nobody')).toEqual([]);

    const first = await executeOk(server.url, InboxContactsDocument, { businessId: line.businessId, first: 1 }, { token: owner });
    const next = await executeOk(server.url, InboxContactsDocument, { businessId: line.businessId, first: 1, after: first.business!.contacts.pageInfo.endCursor }, { token: owner });
    expect([...first.business!.contacts.edges, ...next.business!.contacts.edges].map((edge) => edge.node.id)).toEqual(all.map((contact) => contact.id));
    expect(next.business!.contacts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe('message search', () => {
  let line: Line;
  let other: Line;
  const guest = { phone: '+37120000020', name: 'Līga' };

  beforeAll(async () => {
    line = await newLine(owner, 'Graph Search');
    other = await newLine(stranger, 'Graph Search Elsewhere');
    await inbound(line, guest, 'Vai jums ir brīvs galdiņš rītdien vakarā?', 1);
    await inbound(line, { phone: '+79161234567', name: 'Ольга' }, 'Можно заказать столик на завтра?', 2);
    await inbound(line, guest, 'Is my ORDER ready?', 3);
    await inbound(line, guest, 'The order shipped, thanks', 4);
    const secret = await inbound(line, guest, 'Slepens galdiņš', 5);
    expect(await fake.emit(line.name, 'messages.delete', { remoteJid: '37120000020@s.whatsapp.net', fromMe: false, id: secret })).toBe(200);
    await inbound(other, { phone: '+37120000021', name: 'Cits' }, 'Cits galdiņš', 6);
  });

  async function search(token: string, businessId: string, query: string, page: { first?: number; after?: string } = {}) {
    const data = await executeOk(server.url, SearchMessagesDocument, { businessId, query, ...page }, { token });
    return data.business!.searchMessages;
  }
  const texts = (connection: Awaited<ReturnType<typeof search>>) => connection.edges.map((edge) => edge.node.text);

  it('finds Latvian and Russian words, only in the business’s own messages not deleted', async () => {
    expect(texts(await search(owner, line.businessId, 'galdiņš'))).toEqual(['Vai jums ir brīvs galdiņš rītdien vakarā?']);
    expect(texts(await search(owner, line.businessId, 'столик'))).toEqual(['Можно заказать столик на завтра?']);
    expect(texts(await search(owner, line.businessId, '"заказать столик"'))).toEqual(['Можно заказать столик на завтра?']);
    expect(texts(await search(stranger, other.businessId, 'galdiņš'))).toEqual(['Cits galdiņš']);
    expect(texts(await search(owner, line.businessId, 'slepens'))).toEqual([]);
  });

  it('pages newest first, case-insensitively, with web-search syntax', async () => {
    const one = await search(owner, line.businessId, 'order', { first: 1 });
    expect(texts(one)).toEqual(['The order shipped, thanks']);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await search(owner, line.businessId, 'order', { first: 1, after: one.pageInfo.endCursor! });
    expect(texts(two)).toEqual(['Is my ORDER ready?']);
    expect(two.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(texts(await search(owner, line.businessId, 'order -shipped'))).toEqual(['Is my ORDER ready?']);
    const blank = await execute(server.url, SearchMessagesDocument, { businessId: line.businessId, query: '  ' }, { token: owner });
    expect(blank.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('SQL statements per inbox page', () => {
  it('are as few for 50 conversations with contact and last message as for 5', async () => {
    const line = await newLine(owner, 'Graph Volume');
    for (let index = 0; index < 60; index += 1) {
      await inbound(line, { phone: `+3712100${String(index).padStart(4, '0')}`, name: `Customer ${index}` }, `Order ${index}`, index);
    }
    const measure = async (first: number) => {
      statements.length = 0;
      const data = await executeOk(server.url, InboxPageDocument, { businessId: line.businessId, first }, { token: owner });
      const count = statements.length;
      const edges = data.business!.conversations.edges;
      expect(edges).toHaveLength(first);
      for (const { node } of edges) {
        expect(node.contact.name).toMatch(/^Customer /);
        expect(node.lastMessage?.text).toMatch(/^Order /);
      }
      return count;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(4);
  });
});

describe('tenant isolation', () => {
  let mine: Line;
  let theirs: Line;
  const customer = { phone: '+37120000030', name: 'Shared Customer' };

  beforeAll(async () => {
    mine = await newLine(owner, 'Graph Mine');
    theirs = await newLine(stranger, 'Graph Theirs');
    // The same person writes to both businesses, with the same words.
    await inbound(mine, customer, 'rezervācija piektdienā', 1);
    await inbound(theirs, customer, 'rezervācija sestdienā', 2);
  });

  it('answers null for another business’s conversations, messages and contacts by node(id)', async () => {
    const conversation = await conversationOf(theirs, customer);
    const message = await db().message.findFirstOrThrow({ where: { conversationId: conversation.id } });
    const ids = [
      encodeGlobalID('Conversation', conversation.id),
      encodeGlobalID('Message', message.id),
      encodeGlobalID('Contact', conversation.contactId),
    ];
    for (const id of ids) {
      expect((await executeOk(server.url, InboxNodeDocument, { id }, { token: owner })).node).toBeNull();
      expect((await executeOk(server.url, InboxNodeDocument, { id }, { token: stranger })).node).toMatchObject({ id });
      expect((await executeOk(server.url, InboxNodeDocument, { id })).node).toBeNull();
    }
  });

  it('never lists another business’s rows in conversations, contacts or search', async () => {
    const theirRows = new Set(
      [
        ...(await db().conversation.findMany({ where: { businessId: theirs.businessRowId } })).map((row) => encodeGlobalID('Conversation', row.id)),
        ...(await db().contact.findMany({ where: { businessId: theirs.businessRowId } })).map((row) => encodeGlobalID('Contact', row.id)),
        ...(await db().message.findMany({ where: { businessId: theirs.businessRowId } })).map((row) => encodeGlobalID('Message', row.id)),
      ],
    );
    const listed = await conversations(owner, mine.businessId, { first: 100 });
    const contacts = (await executeOk(server.url, InboxContactsDocument, { businessId: mine.businessId, first: 100 }, { token: owner })).business!.contacts;
    const found = (await executeOk(server.url, SearchMessagesDocument, { businessId: mine.businessId, query: 'rezervācija' }, { token: owner })).business!.searchMessages;
    const seen = [...listed.edges, ...contacts.edges, ...found.edges].map((edge) => edge.node.id);
    expect(seen).toHaveLength(3);
    expect(seen.filter((id) => theirRows.has(id))).toEqual([]);
    expect(found.edges.map((edge) => edge.node.text)).toEqual(['rezervācija piektdienā']);
    expect((await conversations(owner, mine.businessId, { filter: { instanceId: theirs.instanceId } })).edges).toEqual([]);
    expect((await executeOk(server.url, InboxConversationsDocument, { businessId: theirs.businessId }, { token: owner })).business).toBeNull();
  });
});
