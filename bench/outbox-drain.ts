// Outbox drain against real PostgreSQL: 5,000 messages to 500 customers are queued through
// sendMessage while the line is away (queueWhileDisconnected), then the line connects and the
// outbox sends them to a fake Evolution that answers every send in 20 ms. Reports the queueing
// rate and the drain rate, then checks: every message sent exactly once, in order per conversation.
import pg from 'pg';
import { createTestDatabase } from '../test/support/database.ts';
import { FakeEvolution } from '../test/support/fake-evolution.ts';
import { graphql, startBenchServer, summary, token } from './support.ts';

const MESSAGES = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 5_000);
const CUSTOMERS = 500;
const QUEUE_CONCURRENCY = 32;
const EVOLUTION_LATENCY_MS = 20;

const SEND = `mutation ($input: SendMessageInput!) {
  sendMessage(input: $input) { __typename ... on UserError { code message } }
}`;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function benchOutboxDrain(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nOutbox drain: skipped (set DATABASE_URL: this benchmark runs against real PostgreSQL)');
    return;
  }
  const database = await createTestDatabase();
  const fake = await FakeEvolution.start();
  fake.setResponseDelay(EVOLUTION_LATENCY_MS);
  const server = await startBenchServer({ DATABASE_URL: database.url!, EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const admin = await token({ sub: 'bench-admin', role: 'admin' });
    const created = await graphql<{ createBusiness: { business: { id: string } } }>(
      server.graphql,
      admin,
      'mutation { createBusiness(input: { name: "Outbox Bench", countryCode: "US", timezone: "America/New_York" }) { ... on CreateBusinessPayload { business { id } } } }',
    );
    const businessId = created.createBusiness.business.id;
    await graphql(server.graphql, admin, 'mutation ($id: ID!) { changePlan(input: { businessId: $id, plan: ENTERPRISE }) { __typename } }', { id: businessId });
    const setup = await graphql<{ setupWhatsApp: { instance: { id: string; name: string } } }>(
      server.graphql,
      admin,
      'mutation ($id: ID!) { setupWhatsApp(input: { businessId: $id, integration: BAILEYS }) { ... on SetupWhatsAppPayload { instance { id name } } } }',
      { id: businessId },
    );
    const { id: instanceId, name } = setup.setupWhatsApp.instance;
    // The line is still waiting for its QR scan: messages queue up until it connects.
    await db.query(`UPDATE "Instance" SET settings = settings || '{"queueWhileDisconnected": true}' WHERE name = $1`, [name]);

    console.log(`\nOutbox drain (PostgreSQL): ${MESSAGES} messages to ${CUSTOMERS} customers, Evolution answering in ${EVOLUTION_LATENCY_MS} ms`);
    const numberOf = (customer: number) => `+1202${String(5_550_000 + customer).padStart(7, '0')}`;
    const latencies: number[] = [];
    let errors = 0;
    const queueStarted = performance.now();
    // Each client owns a set of customers and queues their messages one after another, so every
    // conversation has a definite order to check afterwards.
    await Promise.all(
      Array.from({ length: QUEUE_CONCURRENCY }, async (_, client) => {
        for (let index = client; index < MESSAGES; index += QUEUE_CONCURRENCY) {
          const customer = index % CUSTOMERS;
          const started = performance.now();
          const result = await graphql<{ sendMessage: { __typename: string } }>(server.graphql, admin, SEND, {
            input: { instanceId, to: numberOf(customer), text: `message ${index}` },
          }).catch(() => null);
          latencies.push(performance.now() - started);
          if (result?.sendMessage.__typename !== 'SendMessagePayload') errors += 1;
        }
      }),
    );
    console.log(summary(`sendMessage (queue), ${QUEUE_CONCURRENCY} clients`, latencies.length, (performance.now() - queueStarted) / 1000, latencies, errors));

    const sent = () => fake.instances.get(name)!.messages;
    fake.setState(name, 'open');
    const connectedAt = performance.now();
    await fake.emit(name, 'connection.update', { instance: name, wuid: '12025550101@s.whatsapp.net', profileName: 'Bench', state: 'open', statusReason: 200 });
    while (sent().length === 0) await sleep(2);
    const firstAt = performance.now();
    while (sent().length < MESSAGES) await sleep(2);
    const lastAt = performance.now();
    for (;;) {
      const { rows } = await db.query<{ open: string }>(
        `SELECT count(*) AS open FROM "Message" m JOIN "Instance" i ON i.id = m."instanceId" WHERE i.name = $1 AND m.status IN ('QUEUED', 'PENDING')`,
        [name],
      );
      if (Number(rows[0]!.open) === 0) break;
      await sleep(10);
    }
    const recordedAt = performance.now();
    const seconds = (lastAt - firstAt) / 1000;
    console.log(
      `drain: ${(MESSAGES / seconds).toFixed(0)} sends/s (first to last send ${seconds.toFixed(2)} s; first send ${((firstAt - connectedAt) / 1000).toFixed(2)} s after the line connected; all recorded SENT ${((recordedAt - connectedAt) / 1000).toFixed(2)} s after it)`,
    );

    const texts = sent().map((message) => String(message.message.conversation));
    const byChat = new Map<string, number[]>();
    for (const message of sent()) {
      const index = Number(String(message.message.conversation).replace('message ', ''));
      byChat.set(message.key.remoteJid, [...(byChat.get(message.key.remoteJid) ?? []), index]);
    }
    const outOfOrder = [...byChat.values()].filter((indexes) => indexes.some((value, position) => position > 0 && value < indexes[position - 1]!)).length;
    const { rows } = await db.query<{ status: string; n: string }>(
      `SELECT m.status, count(*) AS n FROM "Message" m JOIN "Instance" i ON i.id = m."instanceId" WHERE i.name = $1 GROUP BY m.status`,
      [name],
    );
    console.log(
      `checks: ${texts.length} sends for ${MESSAGES} messages, ${texts.length - new Set(texts).size} duplicated, ${outOfOrder} conversations out of order; rows ${rows.map((row) => `${row.status} ${row.n}`).join(', ')}`,
    );
  } finally {
    await db.end();
    await server.stop();
    await fake.close();
    await database.drop();
  }
}
