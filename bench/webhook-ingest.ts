// Evolution webhook ingestion against real PostgreSQL: `messages.upsert` deliveries with unique ids
// posted at the real endpoint. Reports the sustained rate at full load, latency at a fixed 500/s,
// then counts rows: none lost, none duplicated (including after re-delivering a sample).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase } from '../test/support/database.ts';
import { FakeEvolution } from '../test/support/fake-evolution.ts';
import { graphql, post, startBenchServer, summary, token } from './support.ts';

const SATURATION_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 20_000);
const SATURATION_CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 64);
const FIXED_RATE = 500;
const FIXED_SECONDS = 10;
const CUSTOMERS = 500;

function upsert(instanceName: string, id: string, customer: number): string {
  const phone = `1202${String(5_550_000 + customer).padStart(7, '0')}`;
  return JSON.stringify({
    event: 'messages.upsert',
    instance: instanceName,
    data: {
      key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id },
      pushName: `Customer ${customer}`,
      status: 'DELIVERY_ACK',
      message: { conversation: `Hello, this is message ${id}` },
      messageType: 'conversation',
      messageTimestamp: Math.floor(Date.now() / 1000),
      source: 'android',
    },
    date_time: new Date().toISOString(),
    server_url: 'http://bench',
    apikey: null,
  });
}

export async function benchWebhookIngest(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nWebhook ingest: skipped (set DATABASE_URL: this benchmark runs against real PostgreSQL)');
    return;
  }
  const database = await createTestDatabase();
  const databaseUrl = database.url!;
  const fake = await FakeEvolution.start();
  const server = await startBenchServer({ DATABASE_URL: databaseUrl, EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const admin = await token({ sub: 'bench-admin', role: 'admin' });
    const created = await graphql<{ createBusiness: { business: { id: string } } }>(
      server.graphql,
      admin,
      'mutation { createBusiness(input: { name: "Ingest Bench", countryCode: "US", timezone: "America/New_York" }) { ... on CreateBusinessPayload { business { id } } } }',
    );
    const businessId = created.createBusiness.business.id;
    await graphql(server.graphql, admin, 'mutation ($id: ID!) { changePlan(input: { businessId: $id, plan: ENTERPRISE }) { __typename } }', { id: businessId });
    const setup = await graphql<{ setupWhatsApp: { instance: { name: string } } }>(
      server.graphql,
      admin,
      'mutation ($id: ID!) { setupWhatsApp(input: { businessId: $id, integration: BAILEYS }) { ... on SetupWhatsAppPayload { instance { name } } } }',
      { id: businessId },
    );
    const name = setup.setupWhatsApp.instance.name;
    const headers = fake.instances.get(name)!.webhook!.headers;
    const url = new URL(`${server.base}/webhooks/evolution/${name}`);
    const sent: string[] = [];
    const deliver = async (latencies: number[]): Promise<boolean> => {
      const id = randomBytes(16).toString('hex').toUpperCase();
      sent.push(id);
      const started = performance.now();
      const status = await post(url, headers, upsert(name, id, sent.length % CUSTOMERS));
      latencies.push(performance.now() - started);
      return status === 200;
    };

    console.log(`\nWebhook ingest (PostgreSQL): ${CUSTOMERS} customers, one line`);
    // Warm-up creates the contacts and conversations, as on a line that has been live for a while.
    await Promise.all(Array.from({ length: CUSTOMERS }, () => deliver([])));

    const saturation: number[] = [];
    let saturationErrors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SATURATION_CONCURRENCY }, async () => {
        while (next < SATURATION_EVENTS) {
          next += 1;
          if (!(await deliver(saturation))) saturationErrors += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(summary(`sustained, ${SATURATION_CONCURRENCY} concurrent senders`, saturation.length, seconds, saturation, saturationErrors));

    const fixed: number[] = [];
    let fixedErrors = 0;
    const pending: Promise<void>[] = [];
    const fixedStart = performance.now();
    for (let index = 0; index < FIXED_RATE * FIXED_SECONDS; index += 1) {
      const due = fixedStart + (index * 1000) / FIXED_RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(deliver(fixed).then((ok) => void (ok || (fixedErrors += 1))));
    }
    await Promise.all(pending);
    console.log(summary(`fixed rate ${FIXED_RATE}/s for ${FIXED_SECONDS} s`, fixed.length, (performance.now() - fixedStart) / 1000, fixed, fixedErrors));

    const duplicates = sent.slice(0, 1_000);
    await Promise.all(duplicates.map((id, index) => post(url, headers, upsert(name, id, index % CUSTOMERS))));
    const { rows } = await db.query<{ total: string; distinct: string }>(
      `SELECT count(*) AS total, count(DISTINCT "externalId") AS distinct FROM "Message" m JOIN "Instance" i ON i.id = m."instanceId" WHERE i.name = $1`,
      [name],
    );
    const total = Number(rows[0]!.total);
    const lost = sent.length - Number(rows[0]!.distinct);
    console.log(`rows: ${sent.length} unique deliveries (+${duplicates.length} re-delivered) -> ${total} messages; lost ${lost}, duplicated ${total - Number(rows[0]!.distinct)}`);
  } finally {
    await db.end();
    await server.stop();
    await fake.close();
    await database.drop();
  }
}
