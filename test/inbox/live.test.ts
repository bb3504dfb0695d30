import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { appendInboxEvents, publishInboxEvents } from '../../src/services/inbox/events.ts';
import { REPLAY_LIMIT } from '../../src/services/inbox/stream.ts';
import {
  type InboxEventsSubscription,
  InboxEventsDocument,
  MarkConversationReadDocument,
  MessageReceivedDocument,
  TypingIndicatorDocument,
  UpdateConversationDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { PrivateRedis } from '../support/redis-server.ts';
import { connectWs, type Subscription, subscribe, triggerUntilEvent } from '../support/subscriptions.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

type StreamEvent = InboxEventsSubscription['inboxEvents'];

function cursorOf(event: StreamEvent): number {
  return Number(event.cursor);
}

/** Every event the subscription delivers until it has been quiet for `quietMs`. */
async function drain(subscription: Subscription<InboxEventsSubscription>, quietMs = 600): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for (;;) {
    try {
      const result = await subscription.next(quietMs);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      events.push(result.data!.inboxEvents);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('no event')) return events;
      throw error;
    }
  }
}

async function liveLine(server: TestApp, owner: string, name: string) {
  const businessId = await createProBusiness(server.url, owner, name);
  const instance = await setupLine(server.url, owner, businessId);
  await server.app.platform.gateways.sandbox.pair(instance.name);
  let counter = 0;
  return {
    businessId,
    instance,
    inbound: (from = '+37120000001') => server.app.platform.gateways.sandbox.inbound(instance.name, from, `message ${(counter += 1)}`, 'Customer'),
  };
}

describe('inboxEvents: resumable, gap-free, in order', () => {
  let server: TestApp;
  let owner: string;
  let client: Client;
  beforeAll(async () => {
    server = await startTestApp();
    owner = await server.token({ sub: 'live-owner' });
  });
  afterAll(async () => {
    await client?.dispose();
    await server.stop();
  });

  it('streams live events, and after a drop replays exactly what was missed before continuing live', async () => {
    const line = await liveLine(server, owner, 'Live Inbox');
    client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const first = subscribe(client, InboxEventsDocument, { businessId: line.businessId });
    const opening = await triggerUntilEvent(first, () => line.inbound());
    const seen = [opening.data!.inboxEvents, ...(await drain(first))];
    expect(seen.map((event) => event.__typename)).toContain('MessageReceivedEvent');
    const lastSeen = Math.max(...seen.map(cursorOf));
    await client.dispose();

    for (let index = 0; index < 3; index += 1) await line.inbound();
    const stored = await db().event.findMany({ where: { businessId: rowId(line.businessId), seq: { gt: lastSeen } }, orderBy: { seq: 'asc' } });
    expect(stored).toHaveLength(6);

    client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const resumed = subscribe(client, InboxEventsDocument, { businessId: line.businessId, after: String(lastSeen) });
    const replayed = await drain(resumed);
    expect(replayed.map(cursorOf)).toEqual(stored.map((event) => event.seq));
    const texts = replayed.filter((event) => event.__typename === 'MessageReceivedEvent').map((event) => ('message' in event ? event.message?.text : null));
    expect(texts).toEqual([expect.stringMatching(/^message \d+$/), expect.stringMatching(/^message \d+$/), expect.stringMatching(/^message \d+$/)]);

    await line.inbound();
    const live = await drain(resumed);
    expect(live.map(cursorOf)).toEqual([lastSeen + 7, lastSeen + 8]);
  });

  it('fills a hole in the live sequence from the event table (events published out of order or lost)', async () => {
    const line = await liveLine(server, owner, 'Holes');
    const businessId = rowId(line.businessId);
    const { lastEventSeq } = await db().business.findUniqueOrThrow({ where: { id: businessId } });
    const subscription = subscribe(client, InboxEventsDocument, { businessId: line.businessId, after: String(lastEventSeq) });
    const probe = async () => {
      const events = await db().$transaction((tx) =>
        appendInboxEvents(tx, businessId, [
          { kind: 'CONVERSATION_UPDATED', conversationId: 'not-a-conversation' },
          { kind: 'CONVERSATION_UPDATED', conversationId: 'not-a-conversation' },
        ]),
      );
      // Only the second is published: the first never reaches Redis or this process.
      publishInboxEvents(server.app.platform, events.slice(1));
    };
    const firstEvent = await triggerUntilEvent(subscription, probe);
    const rest = await drain(subscription);
    const cursors = [firstEvent.data!.inboxEvents, ...rest].map(cursorOf);
    const expected = (await db().event.findMany({ where: { businessId, seq: { gt: lastEventSeq } }, orderBy: { seq: 'asc' } })).map((event) => event.seq);
    expect(cursors).toEqual(expected);
  });

  it(`answers ResyncRequired when more than ${REPLAY_LIMIT} events were missed`, async () => {
    const line = await liveLine(server, owner, 'Far Behind');
    const businessId = rowId(line.businessId);
    const { lastEventSeq } = await db().business.findUniqueOrThrow({ where: { id: businessId } });
    await db().$transaction((tx) =>
      appendInboxEvents(tx, businessId, Array.from({ length: REPLAY_LIMIT + 5 }, () => ({ kind: 'CONVERSATION_UPDATED' as const, conversationId: 'x' }))),
    );
    const subscription = subscribe(client, InboxEventsDocument, { businessId: line.businessId, after: String(lastEventSeq) });
    const first = await subscription.next();
    expect(first.data?.inboxEvents).toEqual({ __typename: 'ResyncRequiredEvent', cursor: String(lastEventSeq + REPLAY_LIMIT + 5), missedMoreThan: REPLAY_LIMIT });
  });

  it('refuses another tenant’s stream and a malformed cursor', async () => {
    const line = await liveLine(server, owner, 'Private');
    const stranger = await server.token({ sub: 'live-stranger' });
    const other = await connectWs(server.wsUrl, { authorization: `Bearer ${stranger}` });
    const refused = await subscribe(other, InboxEventsDocument, { businessId: line.businessId }).next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await subscribe(client, InboxEventsDocument, { businessId: line.businessId, after: 'yesterday' }).next();
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await other.dispose();
  });
});

describe('conversation actions and filtered subscriptions', () => {
  let server: TestApp;
  let owner: string;
  beforeAll(async () => {
    server = await startTestApp();
    owner = await server.token({ sub: 'actions-owner' });
  });
  afterAll(() => server.stop());

  it('marks read, resolves back to the AI, assigns members only, and keeps counts exact', async () => {
    const line = await liveLine(server, owner, 'Actions');
    await line.inbound();
    await line.inbound();
    const conversation = await db().conversation.findFirstOrThrow({ where: { businessId: rowId(line.businessId) } });
    const conversationId = Buffer.from(`Conversation:${conversation.id}`).toString('base64');
    expect(conversation.unreadCount).toBe(2);
    expect(await db().inboxCounter.findUniqueOrThrow({ where: { businessId: conversation.businessId } })).toMatchObject({ unread: 1, open: 1 });

    const read = await executeOk(server.url, MarkConversationReadDocument, { input: { conversationId } }, { token: owner });
    expect(read.markConversationRead).toMatchObject({ __typename: 'MarkConversationReadPayload', conversation: { unreadCount: 0 } });
    expect(await db().inboxCounter.findUniqueOrThrow({ where: { businessId: conversation.businessId } })).toMatchObject({ unread: 0 });

    const human = await executeOk(server.url, UpdateConversationDocument, { input: { conversationId, controller: 'HUMAN', status: 'PENDING' } }, { token: owner });
    expect(human.updateConversation).toMatchObject({ conversation: { controller: 'HUMAN', status: 'PENDING' } });
    const resolved = await executeOk(server.url, UpdateConversationDocument, { input: { conversationId, status: 'RESOLVED' } }, { token: owner });
    expect(resolved.updateConversation).toMatchObject({ conversation: { controller: 'AI', status: 'RESOLVED' } });
    expect(await db().inboxCounter.findUniqueOrThrow({ where: { businessId: conversation.businessId } })).toMatchObject({ open: 0, pending: 0, aiHandled: 0 });

    const stranger = await executeOk(server.url, UpdateConversationDocument, { input: { conversationId, assigneeUserId: 'nobody' } }, { token: owner });
    expect(stranger.updateConversation).toMatchObject({ __typename: 'ValidationError', field: ['input', 'assigneeUserId'] });
    const outsider = await server.token({ sub: 'actions-outsider' });
    const hidden = await executeOk(server.url, MarkConversationReadDocument, { input: { conversationId } }, { token: outsider });
    expect(hidden.markConversationRead).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('delivers messageReceived for one conversation only, and typing from presence updates', async () => {
    const line = await liveLine(server, owner, 'Filtered');
    await line.inbound('+37120000001');
    await line.inbound('+37120000002');
    const [one] = await db().conversation.findMany({ where: { businessId: rowId(line.businessId) }, include: { contact: true }, orderBy: { id: 'asc' } });
    const conversationId = Buffer.from(`Conversation:${one!.id}`).toString('base64');
    const client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const received = subscribe(client, MessageReceivedDocument, { businessId: line.businessId, conversationId });
    const event = await triggerUntilEvent(received, async () => {
      await line.inbound('+37120000002');
      await line.inbound(one!.contact.phone!);
    });
    const messageId = rowId(event.data!.messageReceived.message!.id);
    expect((await db().message.findUniqueOrThrow({ where: { id: messageId } })).conversationId).toBe(one!.id);

    const typing = subscribe(client, TypingIndicatorDocument, { conversationId });
    const jid = one!.contact.jids[0]!;
    const presence = await triggerUntilEvent(typing, () =>
      server.app.ingestion.ingestTrusted(line.instance.name, {
        event: 'presence.update',
        instance: line.instance.name,
        data: { id: jid, presences: { [jid]: { lastKnownPresence: 'composing' } } },
      }),
    );
    expect(presence.data?.typingIndicator).toEqual({ presence: 'COMPOSING', conversation: { id: conversationId } });
    await client.dispose();
  });
});

describe('Redis restarted under a live subscriber (its own redis-server)', () => {
  let redis: PrivateRedis;
  let server: TestApp;
  let owner: string;
  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestApp({ env: { REDIS_URL: redis.url } });
    owner = await server.token({ sub: 'redis-owner' });
  });
  afterAll(async () => {
    await server.stop();
    await redis.down();
  });

  it('loses nothing: the reconnecting client receives every event it missed, then live ones again', async () => {
    const line = await liveLine(server, owner, 'Redis Outage');
    let client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const before = subscribe(client, InboxEventsDocument, { businessId: line.businessId });
    const opening = await triggerUntilEvent(before, () => line.inbound());
    const lastSeen = Math.max(cursorOf(opening.data!.inboxEvents), ...(await drain(before)).map(cursorOf));

    await redis.down();
    for (let index = 0; index < 3; index += 1) await line.inbound();
    await redis.up();
    await client.dispose();

    const missed = await db().event.findMany({ where: { businessId: rowId(line.businessId), seq: { gt: lastSeen } }, orderBy: { seq: 'asc' } });
    expect(missed).toHaveLength(6);
    client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const after = subscribe(client, InboxEventsDocument, { businessId: line.businessId, after: String(lastSeen) });
    expect((await drain(after)).map(cursorOf)).toEqual(missed.map((event) => event.seq));
    const live = await triggerUntilEvent(after, () => line.inbound());
    expect(cursorOf(live.data!.inboxEvents)).toBeGreaterThan(missed.at(-1)!.seq);
    await client.dispose();
  });
});
