// Fan-out: 2,000 graphql-ws subscribers over 200 businesses on one server process, 200 inbound
// messages/s through the real webhook endpoint. Reports webhook-to-subscriber latency (every
// subscriber of the business counts) and the server's memory per idle subscriber.
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase } from '../test/support/database.ts';
import { FakeEvolution } from '../test/support/fake-evolution.ts';
import { graphql, percentile, post, startBenchServer, token } from './support.ts';

const BUSINESSES = Number(process.env.BENCH_FANOUT_BUSINESSES ?? 200);
const SUBSCRIBERS_PER_BUSINESS = 10;
const RATE = 200;
const SECONDS = 10;

async function residentBytes(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? 0);
}

function upsert(instanceName: string, phone: string, sentAt: number): string {
  return JSON.stringify({
    event: 'messages.upsert',
    instance: instanceName,
    data: {
      key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: randomBytes(16).toString('hex').toUpperCase() },
      pushName: 'Fan-out customer',
      message: { conversation: `t:${sentAt}` },
      messageType: 'conversation',
      messageTimestamp: Math.floor(Date.now() / 1000),
    },
  });
}

export async function benchFanout(): Promise<void> {
  const database = await createTestDatabase();
  const fake = await FakeEvolution.start();
  const server = await startBenchServer({
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    EVOLUTION_API_URL: fake.url,
    EVOLUTION_API_KEY: fake.globalKey,
    EVOLUTION_MAX_INSTANCES_PER_SERVER: '10000',
  });
  const clients: ReturnType<typeof createClient>[] = [];
  try {
    const admin = await token({ sub: 'fanout-admin', role: 'admin' });
    const lines: { businessId: string; url: URL; headers: Record<string, string>; name: string }[] = [];
    for (let index = 0; index < BUSINESSES; index += 1) {
      const created = await graphql<{ createBusiness: { business: { id: string } } }>(
        server.graphql,
        admin,
        `mutation { createBusiness(input: { name: "Fan-out ${index}", countryCode: "LV", timezone: "Europe/Riga" }) { ... on CreateBusinessPayload { business { id } } } }`,
      );
      const businessId = created.createBusiness.business.id;
      await graphql(server.graphql, admin, 'mutation ($id: ID!) { changePlan(input: { businessId: $id, plan: PRO }) { __typename } }', { id: businessId });
      const setup = await graphql<{ setupWhatsApp: { instance: { name: string } } }>(
        server.graphql,
        admin,
        'mutation ($id: ID!) { setupWhatsApp(input: { businessId: $id, integration: BAILEYS }) { ... on SetupWhatsAppPayload { instance { name } } } }',
        { id: businessId },
      );
      const name = setup.setupWhatsApp.instance.name;
      lines.push({ businessId, name, url: new URL(`${server.base}/webhooks/evolution/${name}`), headers: fake.instances.get(name)!.webhook!.headers });
    }
    // One message per line first: contacts and conversations exist, as in a running inbox.
    await Promise.all(lines.map((line) => post(line.url, line.headers, upsert(line.name, '12025550000', Date.now()))));

    const baseline = await residentBytes(server.base);
    const latencies: number[] = [];
    let ready = 0;
    const wsUrl = `${server.base.replace('http', 'ws')}/graphql`;
    await Promise.all(
      lines.flatMap((line) =>
        Array.from({ length: SUBSCRIBERS_PER_BUSINESS }, async () => {
          const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${admin}` } });
          clients.push(client);
          await new Promise<void>((resolve, reject) => {
            client.subscribe<{ messageReceived: { message: { text: string | null } | null } }>(
              { query: 'subscription ($id: ID!) { messageReceived(businessId: $id) { message { text } } }', variables: { id: line.businessId } },
              {
                next: (result) => {
                  const sentAt = Number(result.data?.messageReceived.message?.text?.slice(2));
                  if (sentAt) latencies.push(Date.now() - sentAt);
                },
                error: reject,
                complete: () => {},
              },
            );
            client.on('connected', () => {
              ready += 1;
              resolve();
            });
          });
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const withSubscribers = await residentBytes(server.base);
    console.log(`\nFan-out: ${ready} graphql-ws subscribers over ${BUSINESSES} businesses, ${RATE} inbound messages/s for ${SECONDS} s`);
    console.log(`memory per idle subscriber (server RSS delta / subscribers): ${((withSubscribers - baseline) / ready / 1024).toFixed(1)} KB`);

    const started = Date.now();
    const sends: Promise<number>[] = [];
    for (let index = 0; index < RATE * SECONDS; index += 1) {
      const wait = started + (index * 1000) / RATE - Date.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const line = lines[index % lines.length]!;
      sends.push(post(line.url, line.headers, upsert(line.name, '12025550000', Date.now())));
    }
    await Promise.all(sends);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    latencies.sort((a, b) => a - b);
    const expected = RATE * SECONDS * SUBSCRIBERS_PER_BUSINESS;
    console.log(
      `webhook-to-subscriber: p50 ${percentile(latencies, 50)} ms   p99 ${percentile(latencies, 99)} ms   deliveries ${latencies.length}/${expected}`,
    );
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await server.stop();
    await fake.close();
    await database.drop();
  }
}
