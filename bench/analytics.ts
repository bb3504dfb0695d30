// Analytics: `analytics(input: { days: 30 })` on a business with 500,000 messages over 90 days, on
// real PostgreSQL, through the GraphQL HTTP API and as a direct service call. Reports p50/p99 and the
// SQL statements one request costs. The server runs in this process so its statements can be counted.
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/server/app.ts';
import { businessAnalytics } from '../src/services/analytics/business-analytics.ts';
import { signUserToken } from '../src/services/auth/jwt.ts';
import { observeQueries } from '../src/services/db/database.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/ports.ts';
import { graphql, JWT_SECRET, percentile } from './support.ts';

const CONVERSATIONS = 2_000;
/** Exchanges of five messages: three from the customer, an AI reply, a follow-up by an agent or the business's phone. */
const EXCHANGES = 100_000;
const DAYS = 90;
const WARM_UP = 5;
const RUNS = 50;

const ANALYTICS_QUERY = `query ($id: ID!) {
  business(id: $id) {
    analytics(input: { days: 30 }) {
      from to
      totals {
        totalMessages inbound outbound aiProcessed aiProcessingRate humanReplies averageResponseSeconds medianResponseSeconds
        p90ResponseSeconds deliveryRate readRate failedSends newContacts activeConversations resolvedConversations handoffs
        callsHandled callMinutes monthlyCost { totalCents }
      }
      series { start label inbound outbound aiReplies humanReplies averageResponseSeconds }
      intentBreakdown { intent count }
      busiestHours { weekday hour inbound }
    }
  }
}`;

async function seed(databaseUrl: string, businessId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    await step(`UPDATE "Business" SET timezone = 'America/New_York', plan = 'PRO' WHERE id = $1`, [businessId]);
    await step(`INSERT INTO "Instance" (id, "businessId", name, status, "webhookSecret", "updatedAt")
      VALUES ('bench-line', $1, 'bench-analytics-line', 'CONNECTED', 'unused', now())`, [businessId]);
    await step(`INSERT INTO "Contact" (id, "businessId", phone, name, jids, "firstSeenAt")
      SELECT 'contact-' || n, $1, '+1202' || lpad(n::text, 7, '0'), 'Customer ' || n, ARRAY[]::text[], now() - interval '${DAYS} days' + n * interval '1 hour'
      FROM generate_series(0, ${CONVERSATIONS - 1}) n`, [businessId]);
    await step(`INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", status, "updatedAt")
      SELECT 'conversation-' || n, $1, 'bench-line', 'contact-' || n, CASE WHEN n % 3 = 0 THEN 'RESOLVED'::"ConversationStatus" ELSE 'OPEN' END, now()
      FROM generate_series(0, ${CONVERSATIONS - 1}) n`, [businessId]);
    await step('SELECT setseed(0.42)');
    await step(`CREATE TEMP TABLE exchange AS
      SELECT e, 'conversation-' || floor(random() * ${CONVERSATIONS})::int AS conversation, now() - interval '${DAYS} days' + e * (interval '${DAYS} days' / ${EXCHANGES}) AS at
      FROM generate_series(0, ${EXCHANGES - 1}) e`);
    // The response-time trigger updates the conversation row per message; for the bulk load it is
    // off and the same rule is applied below in one statement. The analytics rollup triggers stay on.
    await step('ALTER TABLE "Message" DISABLE TRIGGER "Message_conversation_clock"');
    await step(`INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, status, author, "createdAt")
      SELECT 'message-' || e || '-' || k, $1, conversation, 'bench-line',
        CASE WHEN k < 3 THEN 'INBOUND'::"MessageDirection" ELSE 'OUTBOUND' END,
        CASE WHEN random() < 0.05 THEN 'IMAGE'::"MessageType" ELSE 'TEXT' END,
        CASE WHEN k < 3 THEN 'RECEIVED'::"MessageStatus"
          ELSE (ARRAY['READ','READ','READ','READ','DELIVERED','DELIVERED','DELIVERED','SENT','FAILED','PLAYED','QUEUED','CANCELED']::"MessageStatus"[])[1 + floor(random() * 12)::int] END,
        CASE WHEN k < 3 THEN 'CUSTOMER'::"MessageAuthor" WHEN k = 3 THEN 'AI' WHEN random() < 0.25 THEN 'PHONE' ELSE 'AGENT' END,
        at + k * interval '20 seconds' + CASE WHEN k = 3 THEN random() * interval '15 seconds' ELSE interval '0' END
      FROM exchange, generate_series(0, 4) k
      ORDER BY at, k`, [businessId]);
    await step('ALTER TABLE "Message" ENABLE TRIGGER "Message_conversation_clock"');
    // The trigger's rule: a reply (outbound, not a reaction) answers the first customer message since the previous reply.
    await step(`WITH ordered AS (
        SELECT id, "conversationId", "instanceId", author, direction, "createdAt",
          direction = 'OUTBOUND' AND type <> 'REACTION' AS reply,
          COALESCE(sum((direction = 'OUTBOUND' AND type <> 'REACTION')::int) OVER (
            PARTITION BY "conversationId" ORDER BY "createdAt", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS replies_before
        FROM "Message" WHERE "businessId" = $1
      ), waiting AS (
        SELECT "conversationId", replies_before, min("createdAt") FILTER (WHERE direction = 'INBOUND') AS since
        FROM ordered GROUP BY 1, 2
      )
      INSERT INTO "ResponseTime" ("messageId", "businessId", "instanceId", "conversationId", author, "inboundAt", "repliedAt", seconds)
      SELECT o.id, $1, o."instanceId", o."conversationId", o.author, w.since, o."createdAt", EXTRACT(EPOCH FROM o."createdAt" - w.since)
      FROM ordered o JOIN waiting w USING ("conversationId", replies_before)
      WHERE o.reply AND w.since IS NOT NULL`, [businessId]);
    await step(`INSERT INTO "AiRun" (id, "businessId", "conversationId", "messageId", channel, "inboundMessageIds", intent, outcome, "createdAt")
      SELECT 'run-' || e, $1, conversation, 'message-' || e || '-3', 'WHATSAPP',
        ARRAY['message-' || e || '-0', 'message-' || e || '-1', 'message-' || e || '-2'],
        (ARRAY['ORDER_STATUS','HOURS','PRICING','BOOKING','COMPLAINT','OTHER'])[1 + floor(random() * 6)::int],
        (ARRAY['REPLIED','REPLIED','REPLIED','DRAFTED','HANDED_OFF','SKIPPED','FAILED'])[1 + floor(random() * 7)::int]::"AiOutcome",
        at + interval '61 seconds'
      FROM exchange`, [businessId]);
    await step(`INSERT INTO "PhoneNumber" (id, "businessId", "instanceId", e164, provider, "countryCode", "monthlyCostCents")
      VALUES ('bench-number-1', $1, 'bench-line', '+15550100001', 'MANUAL', 'US', 115), ('bench-number-2', $1, NULL, '+15550100002', 'MANUAL', 'US', 115)`, [businessId]);
    await step(`INSERT INTO "Call" (id, "businessId", "phoneNumberId", "callSid", "from", "to", direction, status, "startedAt", "durationSec", "updatedAt")
      SELECT 'call-' || n, $1, 'bench-number-1', 'CA-bench-' || n, '+12020000000', '+15550100001', 'INBOUND',
        CASE WHEN n % 5 = 0 THEN 'NO_ANSWER'::"CallStatus" ELSE 'COMPLETED' END,
        now() - interval '${DAYS} days' + n * interval '40 minutes', CASE WHEN n % 5 = 0 THEN NULL ELSE (n * 37) % 600 END, now()
      FROM generate_series(0, ${(DAYS * 24 * 60) / 40 - 1}) n`, [businessId]);
    // As autovacuum would have by now: statistics, and the visibility map that index-only scans use.
    await step('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

function report(name: string, latencies: number[], extra = ''): void {
  latencies.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms${extra}`);
}

export async function benchAnalytics(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nAnalytics: skipped (set DATABASE_URL: this benchmark runs against real PostgreSQL)');
    return;
  }
  const database = await createTestDatabase();
  let statements = 0;
  const stopObserving = observeQueries(() => {
    statements += 1;
  });
  const port = await freePort();
  // No background workers polling: their statements would be counted as the request's.
  const config = loadConfig({
    DATABASE_URL: database.url,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '100000000',
    DATA_DIR: '.data/bench',
    OUTBOX_CONCURRENCY: '0',
    ROLE: 'api',
  });
  const app = await createApp(config, createLogger('warn'));
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const owner = await signUserToken({ sub: 'analytics-owner' }, JWT_SECRET);
    const created = await graphql<{ createBusiness: { business: { id: string } } }>(
      url,
      owner,
      'mutation { createBusiness(input: { name: "Analytics Bench", countryCode: "US", timezone: "America/New_York" }) { ... on CreateBusinessPayload { business { id } } } }',
    );
    const globalId = created.createBusiness.business.id;
    const businessId = Buffer.from(globalId, 'base64').toString().split(':')[1]!;
    const started = performance.now();
    await seed(database.url!, businessId);
    console.log(
      `\nAnalytics: 1 business, ${EXCHANGES * 5} messages over ${DAYS} days in ${CONVERSATIONS} conversations, ${EXCHANGES} AI runs ` +
        `(seeded in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );

    let sample: { totals: Record<string, unknown>; series: unknown[] } | undefined;
    const viaHttp: number[] = [];
    const perRequest: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      const before = statements;
      const requestStarted = performance.now();
      const data = await graphql<{ business: { analytics: { totals: Record<string, unknown>; series: unknown[] } } }>(url, owner, ANALYTICS_QUERY, { id: globalId });
      if (run >= WARM_UP) {
        viaHttp.push(performance.now() - requestStarted);
        perRequest.push(statements - before);
      }
      sample = data.business.analytics;
    }
    if (!sample || sample.series.length !== 30 || Number(sample.totals.totalMessages) < 100_000) throw new Error(`unexpected analytics: ${JSON.stringify(sample?.totals)}`);
    report('analytics(days: 30) over GraphQL HTTP', viaHttp, `   SQL statements per request ${Math.min(...perRequest)}–${Math.max(...perRequest)} (the whole request)`);

    const direct: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      const callStarted = performance.now();
      await businessAnalytics(businessId, { days: 30 });
      if (run >= WARM_UP) direct.push(performance.now() - callStarted);
    }
    report('businessAnalytics(days: 30), service call', direct);
    console.log(`  totals: ${JSON.stringify(sample.totals)}`);
  } finally {
    stopObserving();
    await app.stop();
    await database.drop();
  }
}
