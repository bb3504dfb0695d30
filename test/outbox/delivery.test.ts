import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { createOutboxWorker } from '../../src/services/outbox/worker.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution, type FakeStoredMessage } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';
import { connectedLine, drained, type Line, queue, sentOn, textOf, waitFor } from './helpers.ts';

const DRAIN_TIMEOUT_MS = 45_000;

let fake: FakeEvolution;
let server: TestApp;
let owner: string;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey } });
  owner = await server.token({ sub: 'delivery-owner' });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

let customer = 0;
function numbers(count: number): string[] {
  return Array.from({ length: count }, () => `+1303555${String(1000 + ++customer).padStart(4, '0')}`);
}

/** Queues `perNumber` texts to each number, each number's in order (numbers in parallel); returns the texts per number. */
async function queueConversations(line: Line, to: string[], perNumber: number): Promise<Map<string, string[]>> {
  const texts = new Map(to.map((number) => [number, Array.from({ length: perNumber }, (_, index) => `${number} #${index + 1}`)]));
  await Promise.all(
    [...texts].map(async ([number, list]) => {
      for (const text of list) await queue(server.url, { instanceId: line.instanceId, to: number, text }, { token: owner });
    }),
  );
  return texts;
}

/** Every queued text reached WhatsApp exactly once, and each conversation's texts in the order they were queued. */
function expectSentOnceInOrder(sent: FakeStoredMessage[], expected: Map<string, string[]>): void {
  for (const [number, texts] of expected) {
    const chat = sent.filter((message) => message.key.remoteJid === `${number.slice(1)}@s.whatsapp.net`).map(textOf);
    expect(chat).toEqual(texts);
  }
  const all = sent.map(textOf);
  expect(new Set(all).size).toBe(all.length);
}

async function outboundOf(line: Line) {
  return db().message.findMany({ where: { instanceId: line.instanceRowId, direction: 'OUTBOUND' }, orderBy: { createdAt: 'asc' } });
}

describe('retries', () => {
  it('Evolution refusing connections, then back: every message sent exactly once, in order per conversation', async () => {
    const line = await connectedLine(server, fake, owner, 'Outage Shop');
    await fake.refuseConnections();
    let expected: Map<string, string[]>;
    try {
      expected = await queueConversations(line, numbers(3), 4);
      // Each conversation's first message tried and failed; the rest wait behind it.
      await waitFor(
        async () => (await db().message.count({ where: { instanceId: line.instanceRowId, status: 'QUEUED', error: { contains: 'ECONNREFUSED' } } })) === 3,
        'a failed first attempt in every conversation',
      );
      expect(await db().message.count({ where: { instanceId: line.instanceRowId, attempts: { gt: 0 } } })).toBe(3);
    } finally {
      await fake.acceptConnections();
    }
    await drained(line.businessRowId, DRAIN_TIMEOUT_MS);

    expectSentOnceInOrder(sentOn(fake, line.name), expected);
    const rows = await outboundOf(line);
    expect(rows.map((row) => row.status)).toEqual(Array(12).fill('SENT'));
    expect(rows.every((row) => row.error === null && row.externalId !== null)).toBe(true);
    expect(rows.filter((row) => row.attempts > 1)).toHaveLength(3);
  }, 60_000);

  it('a stretch of dropped connections: retried with backoff, still once each and in order', async () => {
    const line = await connectedLine(server, fake, owner, 'Flaky Shop');
    fake.failNext(3, 'network');
    const expected = await queueConversations(line, numbers(2), 3);
    await drained(line.businessRowId, DRAIN_TIMEOUT_MS);
    expectSentOnceInOrder(sentOn(fake, line.name), expected);
    expect((await outboundOf(line)).every((row) => row.status === 'SENT')).toBe(true);
  }, 60_000);

  it('Evolution rejecting the request (400): FAILED at once with the reason; the conversation moves on', async () => {
    const line = await connectedLine(server, fake, owner, 'Rejected Shop');
    fake.failNext(1, { status: 400, body: { status: 400, error: 'Bad Request', response: { message: [['instance requires property "text"']] } } });
    const [to] = numbers(1);
    const first = await queue(server.url, { instanceId: line.instanceId, to, text: 'Rejected' }, { token: owner });
    await queue(server.url, { instanceId: line.instanceId, to, text: 'Accepted' }, { token: owner });
    await drained(line.businessRowId);
    const failed = await db().message.findUniqueOrThrow({ where: { id: rowId(first.id) } });
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed.error).toContain('Evolution API rejected the request: instance requires property "text"');
    expect(sentOn(fake, line.name).map(textOf)).toEqual(['Accepted']);
  });
});

describe('the send.message echo racing the send call', () => {
  it('an echo delivered before Evolution answers: one row per message, SENT with the WhatsApp id', async () => {
    const line = await connectedLine(server, fake, owner, 'Echo Shop');
    fake.echoSends('before-response');
    try {
      const expected = await queueConversations(line, numbers(2), 3);
      await drained(line.businessRowId);
      expectSentOnceInOrder(sentOn(fake, line.name), expected);
    } finally {
      fake.echoSends('never');
    }
    const rows = await outboundOf(line);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.status === 'SENT' && row.author === 'AGENT')).toBe(true);
    expect(rows.map((row) => row.externalId).sort()).toEqual(sentOn(fake, line.name).map((message) => message.key.id).sort());
    expect(await db().webhookEvent.count({ where: { instanceId: line.instanceRowId, event: 'send.message', status: 'PROCESSED' } })).toBe(6);
  });

  it('an echo after the answer changes nothing', async () => {
    const line = await connectedLine(server, fake, owner, 'Late Echo Shop');
    fake.echoSends('after-response');
    try {
      await queueConversations(line, numbers(2), 2);
      await drained(line.businessRowId);
      await waitFor(
        async () => (await db().webhookEvent.count({ where: { instanceId: line.instanceRowId, event: 'send.message' } })) === 4,
        'the echoes',
      );
    } finally {
      fake.echoSends('never');
    }
    expect((await outboundOf(line)).map((row) => [row.status, row.author])).toEqual(Array(4).fill(['SENT', 'AGENT']));
  });

  it('an early echo that does not look like ours (a rewritten number) still ends as one row: ours', async () => {
    const line = await connectedLine(server, fake, owner, 'Rewritten Shop');
    const [to] = numbers(1);
    fake.beforeSendAnswer(async (name, sent) => {
      const { id: _row, MessageUpdate: _updates, ...echo } = sent;
      await fake.emit(name, 'send.message', { ...echo, key: { ...sent.key, remoteJid: '5511987654321@s.whatsapp.net' } });
    });
    try {
      const message = await queue(server.url, { instanceId: line.instanceId, to, text: 'Olá' }, { token: owner });
      await drained(line.businessRowId);
      const [sent] = sentOn(fake, line.name);
      const rows = await db().message.findMany({ where: { instanceId: line.instanceRowId, externalId: sent!.key.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: rowId(message.id), status: 'SENT', author: 'AGENT' });
    } finally {
      fake.beforeSendAnswer(null);
    }
  });

  it('a receipt that arrives before the send call returns is applied once the id is known', async () => {
    const line = await connectedLine(server, fake, owner, 'Receipt Shop');
    fake.beforeSendAnswer(async (name, sent) => {
      await fake.emit(name, 'messages.update', { keyId: sent.key.id, remoteJid: sent.key.remoteJid, fromMe: true, status: 'DELIVERY_ACK', instanceId: sent.instanceId });
    });
    try {
      const message = await queue(server.url, { instanceId: line.instanceId, to: numbers(1)[0]!, text: 'Fast phone' }, { token: owner });
      const delivered = await waitFor(async () => {
        const row = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } });
        return row.status === 'DELIVERED' ? row : null;
      }, 'the early receipt to apply');
      expect(delivered.deliveredAt).toBeInstanceOf(Date);
    } finally {
      fake.beforeSendAnswer(null);
    }
  });
});

describe('concurrency', () => {
  it('two senders in one process drain 200 messages: each sent once, in order per conversation', async () => {
    const line = await connectedLine(server, fake, owner, 'Busy Shop');
    const second = createOutboxWorker(server.app.platform, { replayWebhookEvent: (id) => server.app.ingestion.replay(id) });
    try {
      fake.setResponseDelay(5);
      const expected = await queueConversations(line, numbers(20), 10);
      await drained(line.businessRowId, DRAIN_TIMEOUT_MS);
      expectSentOnceInOrder(sentOn(fake, line.name), expected);
      expect(sentOn(fake, line.name)).toHaveLength(200);
    } finally {
      fake.setResponseDelay(0);
      await second.stop();
    }
  }, 90_000);
});
