import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.ts';
import { FakeEvolution, type FakeStoredMessage } from '../support/fake-evolution.ts';
import { cleanupServers, type ServerProcess, startServer } from '../support/process.ts';
import { connectedLine, drained, type Line, queue, sentOn, textOf, waitFor } from './helpers.ts';

const ENCRYPTION_KEY = randomBytes(32).toString('hex');

describe.skipIf(!process.env.DATABASE_URL)('outbox senders in separate processes on one PostgreSQL database (needs DATABASE_URL)', () => {
  let fake: FakeEvolution;
  /** Serves the API and Evolution's webhooks; sends nothing itself (OUTBOX_CONCURRENCY=0). */
  let api: TestApp;
  let owner: string;
  let customer = 0;

  beforeAll(async () => {
    fake = await FakeEvolution.start();
    // Like Evolution: every send is echoed by webhook, here even before the send call is answered.
    fake.echoSends('before-response');
    api = await startTestApp({
      redis: Boolean(process.env.REDIS_URL),
      // Hundreds of sends a minute from one user; the limit is shared through Redis across runs.
      env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey, ENCRYPTION_KEY, OUTBOX_CONCURRENCY: '0', RATE_LIMIT_PER_MINUTE: '100000' },
    });
    owner = await api.token({ sub: `replica-sender-${randomBytes(4).toString('hex')}` });
  });
  afterAll(async () => {
    await cleanupServers();
    await api?.stop();
    await fake?.close();
  });

  /** A sender process: the same database (and Redis, for nudges), the same key to read Evolution's credentials. */
  function startSender(env: Record<string, string> = {}): Promise<ServerProcess> {
    return startServer({
      env: {
        DATABASE_URL: api.databaseUrl,
        REDIS_URL: process.env.REDIS_URL,
        ENCRYPTION_KEY,
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'warn',
        RECONCILE_INTERVAL_MS: '600000',
        ...env,
      },
    });
  }

  async function queueConversations(line: Line, numbers: number, perNumber: number): Promise<Map<string, string[]>> {
    const texts = new Map<string, string[]>();
    for (let index = 0; index < numbers; index++) {
      const number = `+1404555${String(1000 + ++customer).padStart(4, '0')}`;
      texts.set(number, Array.from({ length: perNumber }, (_, position) => `${number} #${position + 1}`));
    }
    await Promise.all(
      [...texts].map(async ([number, list]) => {
        for (const text of list) await queue(api.url, { instanceId: line.instanceId, to: number, text }, { token: owner });
      }),
    );
    return texts;
  }

  function expectSentOnceInOrder(sent: FakeStoredMessage[], expected: Map<string, string[]>): void {
    for (const [number, texts] of expected) {
      expect(sent.filter((message) => message.key.remoteJid === `${number.slice(1)}@s.whatsapp.net`).map(textOf)).toEqual(texts);
    }
    expect(sent).toHaveLength([...expected.values()].flat().length);
  }

  it('two sender processes drain 200 messages: each sent exactly once, in order per conversation', async () => {
    const line = await connectedLine(api, fake, owner, 'Replica Shop');
    fake.setResponseDelay(20);
    const senders = await Promise.all([startSender(), startSender()]);
    try {
      const expected = await queueConversations(line, 20, 10);
      await drained(line.businessRowId, 60_000);
      expectSentOnceInOrder(sentOn(fake, line.name), expected);
      const rows = await db().message.findMany({ where: { instanceId: line.instanceRowId } });
      expect(rows).toHaveLength(200);
      expect(rows.every((row) => row.status === 'SENT' && row.externalId !== null)).toBe(true);
    } finally {
      fake.setResponseDelay(0);
      await Promise.all(senders.map((sender) => sender.stop()));
    }
  }, 120_000);

  it('SIGKILL a sender mid-batch: after a restart nothing is lost and nothing is sent twice', async () => {
    const line = await connectedLine(api, fake, owner, 'Crash Shop');
    // Slow answers keep a batch in flight when the process dies.
    fake.setResponseDelay(150);
    try {
      const lease = { OUTBOX_LEASE_MS: '3000', EVOLUTION_TIMEOUT_MS: '2000', OUTBOX_CONCURRENCY: '8' };
      const doomed = await startSender(lease);
      const expected = await queueConversations(line, 12, 5);
      await waitFor(async () => sentOn(fake, line.name).length >= 15, 'the first sender to be mid-way', 30_000);
      // Four sends that reach Evolution but never get there (no answer, nothing sent, no echo), then
      // the crash: only their leases expiring can bring them back.
      const requestsBefore = fake.requests.length;
      fake.failNext(4, 'timeout');
      await waitFor(async () => fake.requests.length >= requestsBefore + 4, 'the sends that hang');
      await doomed.kill();
      const stranded = await db().message.count({ where: { instanceId: line.instanceRowId, status: 'PENDING' } });
      expect(stranded).toBeGreaterThanOrEqual(4);

      const successor = await startSender(lease);
      try {
        await drained(line.businessRowId, 60_000);
        expectSentOnceInOrder(sentOn(fake, line.name), expected);
        const rows = await db().message.findMany({ where: { instanceId: line.instanceRowId } });
        expect(rows).toHaveLength(60);
        expect(rows.every((row) => row.status === 'SENT')).toBe(true);
        // The hung ones (at least) were taken over after their lease expired: a second attempt each.
        expect(rows.filter((row) => row.attempts === 2).length).toBeGreaterThanOrEqual(4);
      } finally {
        await successor.stop();
      }
    } finally {
      fake.setResponseDelay(0);
    }
  }, 120_000);
});
