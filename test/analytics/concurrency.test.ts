import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessAnalytics } from '../../src/services/analytics/business-analytics.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { insertContact, insertConversation, insertInstance, insertMessages, setBusiness } from './helpers.ts';

// Two transactions at once need two connections: PostgreSQL only (PGlite has one).
describe.skipIf(!process.env.DATABASE_URL)('the rollups under concurrent transactions (PostgreSQL)', () => {
  let server: TestApp;
  let id: string;
  const clients: pg.Client[] = [];
  const at = new Date('2026-06-01T10:05:00Z');
  const period = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-06-02T00:00:00Z') };

  const connect = async () => {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    clients.push(client);
    return client;
  };
  const settledWithin = (promise: Promise<unknown>, ms: number) =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

  beforeAll(async () => {
    server = await startTestApp();
    const owner = await server.token({ sub: 'concurrent-owner' });
    id = rowId(await createBusiness(server.url, owner, 'Concurrent Co'));
    await setBusiness(id, 'UTC', 'PRO');
    await insertInstance(id, 'cc-line');
    for (const name of ['a', 'b']) {
      await insertContact(id, `cc-${name}`, at);
      await insertConversation(id, `cc-${name}`, 'cc-line', `cc-${name}`);
    }
    await insertMessages(id, [{ id: 'cc-m1', conversationId: 'cc-a', instanceId: 'cc-line', direction: 'INBOUND', author: 'CUSTOMER', status: 'RECEIVED', createdAt: at }]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await server?.stop();
  });

  it('two AI runs over the same message, committed concurrently, count it once', async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const insertRun = (client: pg.Client, runId: string) =>
      client.query(
        `INSERT INTO "AiRun" (id, "businessId", "conversationId", channel, "inboundMessageIds", outcome)
         VALUES ($1, $2, 'cc-a', 'WHATSAPP', ARRAY['cc-m1'], 'REPLIED')`,
        [runId, id],
      );
    await first.query('BEGIN');
    await second.query('BEGIN');
    await insertRun(first, 'cc-run-1');
    const blocked = insertRun(second, 'cc-run-2');
    expect(await settledWithin(blocked, 300)).toBe(false); // waits on the message's coverage row
    await first.query('COMMIT');
    await blocked;
    await second.query('COMMIT');
    const analytics = await businessAnalytics(id, period);
    expect(analytics.totals).toMatchObject({ inbound: 1, aiProcessed: 1 });
  });

  it('messages of different conversations in the same slot never wait for each other', async () => {
    const [first, second] = await Promise.all([connect(), connect()]);
    const insertMessage = (client: pg.Client, messageId: string, conversationId: string) =>
      client.query(
        `INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, status, author, "createdAt")
         VALUES ($1, $2, $3, 'cc-line', 'OUTBOUND', 'TEXT', 'READ', 'AGENT', $4::timestamptz AT TIME ZONE 'UTC')`,
        [messageId, id, conversationId, new Date(at.getTime() + 60_000).toISOString()],
      );
    await first.query('BEGIN');
    await second.query('BEGIN');
    await insertMessage(first, 'cc-m2', 'cc-a');
    expect(await settledWithin(insertMessage(second, 'cc-m3', 'cc-b'), 2_000)).toBe(true);
    await first.query('UPDATE "Message" SET status = \'DELIVERED\' WHERE id = \'cc-m2\'');
    expect(await settledWithin(second.query('UPDATE "Message" SET status = \'FAILED\' WHERE id = \'cc-m3\''), 2_000)).toBe(true);
    await Promise.all([first.query('COMMIT'), second.query('COMMIT')]);
    const analytics = await businessAnalytics(id, period);
    expect(analytics.totals).toMatchObject({ inbound: 1, outbound: 2, failedSends: 1, humanReplies: 2, activeConversations: 2 });
    expect(analytics.totals.deliveryRate).toBe(0.5);
  });
});
