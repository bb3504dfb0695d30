// AI reply latency against real PostgreSQL: a customer's `messages.upsert` webhook in → the AI's
// reply handed to (fake) Evolution's sendText, with AI_DEBOUNCE_MS=0 and a fake OpenAI-compatible
// model answering each call in 300 ms (a decision makes two calls: classify, then answer).
// Messages are spaced and come from different contacts, as on a live line. Reports end-to-end
// p50/p99 and our own overhead (end to end minus the model's time).
import { randomBytes } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { createTestDatabase } from '../test/support/database.ts';
import { FakeEvolution } from '../test/support/fake-evolution.ts';
import { FakeOpenAI } from '../test/support/fake-openai.ts';
import { graphql, percentile, post, startBenchServer, token } from './support.ts';

const MESSAGES = Number(process.env.BENCH_AI_MESSAGES ?? 100);
const SPACING_MS = Number(process.env.BENCH_AI_SPACING_MS ?? 250);
const WARM_UP = 10;
const MODEL_LATENCY_MS = 300;
/** Classification and answer run side by side, so a decision whose readings agree waits for one model round trip. */
const MODEL_ROUND_TRIPS = 1;

const KNOWLEDGE = {
  address: 'Brīvības iela 1, Rīga',
  items: [{ name: 'Pizza Margherita', price: 9.5, currency: 'EUR' }],
  faq: [{ question: 'Do you have parking?', answer: 'Yes, free parking behind the building.' }],
};

function upsert(instanceName: string, id: string, phone: string, text: string): string {
  return JSON.stringify({
    event: 'messages.upsert',
    instance: instanceName,
    data: {
      key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id },
      pushName: 'Bench customer',
      status: 'DELIVERY_ACK',
      message: { conversation: text },
      messageType: 'conversation',
      messageTimestamp: Math.floor(Date.now() / 1000),
      source: 'android',
    },
    date_time: new Date().toISOString(),
    server_url: 'http://bench',
    apikey: null,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const format = (values: number[], p: number) => percentile(values, p).toFixed(0).padStart(5);

export async function benchAiReply(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nAI reply: skipped (set DATABASE_URL: this benchmark runs against real PostgreSQL)');
    return;
  }
  const database = await createTestDatabase();
  const evolution = await FakeEvolution.start();
  const model = await new FakeOpenAI().start();
  model.latencyMs = MODEL_LATENCY_MS;
  model.responder = (body) =>
    body.response_format?.type === 'json_schema'
      ? JSON.stringify({ intent: 'PRICING', confidence: 0.92, language: 'en' })
      : 'The Pizza Margherita is 9.50 EUR. Anything else?';
  const server = await startBenchServer({
    DATABASE_URL: database.url!,
    EVOLUTION_API_URL: evolution.url,
    EVOLUTION_API_KEY: evolution.globalKey,
    OPENAI_API_KEY: model.apiKey,
    OPENAI_BASE_URL: model.url,
    OPENAI_MODEL: 'bench-model',
    AI_DEBOUNCE_MS: '0',
  });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const admin = await token({ sub: 'bench-admin', role: 'admin' });
    const created = await graphql<{ createBusiness: { business: { id: string } } }>(
      server.graphql,
      admin,
      'mutation { createBusiness(input: { name: "AI Bench", countryCode: "LV", timezone: "Europe/Riga" }) { ... on CreateBusinessPayload { business { id } } } }',
    );
    const businessId = created.createBusiness.business.id;
    await graphql(server.graphql, admin, 'mutation ($id: ID!) { changePlan(input: { businessId: $id, plan: ENTERPRISE }) { __typename } }', { id: businessId });
    await db.query(`UPDATE "Business" SET "aiSettings" = $1 WHERE id = $2`, [
      JSON.stringify({ enabled: true, mode: 'AUTO', knowledge: KNOWLEDGE }),
      decodeGlobalID(businessId).id,
    ]);
    const setup = await graphql<{ setupWhatsApp: { instance: { name: string } } }>(
      server.graphql,
      admin,
      'mutation ($id: ID!) { setupWhatsApp(input: { businessId: $id, integration: BAILEYS }) { ... on SetupWhatsAppPayload { instance { name } } } }',
      { id: businessId },
    );
    const name = setup.setupWhatsApp.instance.name;
    evolution.setState(name, 'open');
    await evolution.emit(name, 'connection.update', { instance: name, wuid: '12025550101@s.whatsapp.net', profileName: 'Bench', state: 'open', statusReason: 200 });
    const headers = evolution.instances.get(name)!.webhook!.headers;
    const url = new URL(`${server.base}/webhooks/evolution/${name}`);

    // When each reply reached Evolution, by the customer's number.
    const arrived = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    evolution.beforeSendAnswer(async (_instance, sent) => {
      const number = sent.key.remoteJid.split('@')[0]!;
      arrived.set(number, performance.now());
      waiting.get(number)?.();
    });

    const accepted: number[] = [];
    const ask = async (customer: number): Promise<number | null> => {
      const phone = `37126${String(customer).padStart(6, '0')}`;
      const replied = new Promise<void>((resolve) => waiting.set(phone, resolve));
      const started = performance.now();
      const status = await post(url, headers, upsert(name, randomBytes(16).toString('hex').toUpperCase(), phone, 'How much is the Pizza Margherita?'));
      if (status !== 200) return null;
      accepted.push(performance.now() - started);
      const timeout = sleep(15_000).then(() => 'timeout' as const);
      if ((await Promise.race([replied, timeout])) === 'timeout') return null;
      return arrived.get(phone)! - started;
    };

    console.log(
      `\nAI reply (PostgreSQL): webhook in → reply at Evolution's sendText; AI_DEBOUNCE_MS=0, model ${MODEL_LATENCY_MS} ms per call (classification and answer in parallel), ` +
        `${MESSAGES} messages from different contacts, one every ${SPACING_MS} ms`,
    );
    for (let index = 0; index < WARM_UP; index += 1) await ask(900_000 + index);

    const pending: Promise<number | null>[] = [];
    const runStarted = performance.now();
    for (let index = 0; index < MESSAGES; index += 1) {
      const due = runStarted + index * SPACING_MS;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      pending.push(ask(index));
    }
    const results = await Promise.all(pending);
    const latencies = results.filter((value): value is number => value !== null).sort((a, b) => a - b);
    const overhead = latencies.map((value) => value - MODEL_ROUND_TRIPS * MODEL_LATENCY_MS).sort((a, b) => a - b);
    const { rows } = await db.query<{ decisions: string; average: string; fallbacks: string }>(
      `SELECT count(*) AS decisions, avg("latencyMs") AS average, count(*) FILTER (WHERE "fallbackUsed") AS fallbacks FROM "AiRun"`,
    );
    console.log(`end to end      p50 ${format(latencies, 50)} ms   p99 ${format(latencies, 99)} ms   max ${(latencies.at(-1) ?? 0).toFixed(0)} ms   missing ${MESSAGES - latencies.length}/${MESSAGES}`);
    accepted.sort((a, b) => a - b);
    console.log(`webhook answer  p50 ${format(accepted, 50)} ms   p99 ${format(accepted, 99)} ms   (stored before the 200)`);
    console.log(`our overhead    p50 ${format(overhead, 50)} ms   p99 ${format(overhead, 99)} ms   (end to end minus ${MODEL_ROUND_TRIPS * MODEL_LATENCY_MS} ms of model time)`);
    console.log(
      `decisions ${rows[0]!.decisions} (incl. ${WARM_UP} warm-up), mean decision time ${Number(rows[0]!.average).toFixed(0)} ms (claim → reply queued), fallbacks ${rows[0]!.fallbacks}`,
    );
    // Where the time goes: webhook stored → decision started (waiting for a worker), and the decision itself.
    const stages = await db.query<{ waited: number; decided: number }>(
      `SELECT EXTRACT(EPOCH FROM (r."createdAt" - w."receivedAt")) * 1000 - r."latencyMs" AS waited, r."latencyMs" AS decided
       FROM "AiRun" r JOIN "Message" m ON m.id = r."inboundMessageIds"[1]
       JOIN "WebhookEvent" w ON w.payload->'data'->'key'->>'id' = m."externalId" AND w.event = 'messages.upsert'`,
    );
    const waited = stages.rows.map((row) => Number(row.waited)).sort((a, b) => a - b);
    const decided = stages.rows.map((row) => Number(row.decided)).sort((a, b) => a - b);
    console.log(`stages          stored → claimed p50 ${format(waited, 50)} ms p99 ${format(waited, 99)} ms; decision p50 ${format(decided, 50)} ms p99 ${format(decided, 99)} ms`);
  } finally {
    await db.end();
    await server.stop();
    await model.stop();
    await evolution.close();
    await database.drop();
  }
}
