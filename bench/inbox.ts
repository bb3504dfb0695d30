// Inbox: `conversations(first: 50)` with contact and last message on a business with 10,000
// conversations and 500,000 messages, on real PostgreSQL. Reports p50/p99 latency and the SQL
// statements one request costs. The server runs in this process so its statements can be counted.
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/server/app.ts';
import { signUserToken } from '../src/services/auth/jwt.ts';
import { observeQueries } from '../src/services/db/database.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort } from '../test/support/ports.ts';
import { graphql, JWT_SECRET, percentile } from './support.ts';

const CONVERSATIONS = 10_000;
const MESSAGES_PER_CONVERSATION = 50;
const REQUESTS = 300;

const INBOX_QUERY = `query ($id: ID!) {
  business(id: $id) {
    conversations(first: 50) {
      edges { node { id unreadCount status lastMessageAt contact { name phone } lastMessage { text createdAt status } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

async function seed(databaseUrl: string, businessId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Instance" (id, "businessId", name, status, "webhookSecret", "updatedAt")
      VALUES ('bench-instance', $1, 'bench-inbox-line', 'CONNECTED', 'unused', now())`, [businessId]);
    await client.query(`INSERT INTO "Contact" (id, "businessId", phone, name, jids)
      SELECT 'contact-' || n, $1, '+1202' || lpad(n::text, 7, '0'), 'Customer ' || n, ARRAY['1202' || lpad(n::text, 7, '0') || '@s.whatsapp.net']
      FROM generate_series(1, ${CONVERSATIONS}) n`, [businessId]);
    await client.query(`INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", "unreadCount", "updatedAt")
      SELECT 'conversation-' || n, $1, 'bench-instance', 'contact-' || n, n % 3, now()
      FROM generate_series(1, ${CONVERSATIONS}) n`, [businessId]);
    await client.query(`INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, status, author, "externalId", "createdAt")
      SELECT 'message-' || c || '-' || m, $1, 'conversation-' || c, 'bench-instance', 'INBOUND', 'TEXT',
        'Hello, this is message ' || m || ' about order ' || (c * 7 + m), 'RECEIVED', 'CUSTOMER', 'EXT' || c || '-' || m,
        now() - ((c * ${MESSAGES_PER_CONVERSATION} + (${MESSAGES_PER_CONVERSATION} - m)) * interval '1 second')
      FROM generate_series(1, ${CONVERSATIONS}) c, generate_series(1, ${MESSAGES_PER_CONVERSATION}) m`, [businessId]);
    await client.query(`UPDATE "Conversation" c SET "lastMessageId" = 'message-' || substr(c.id, 14) || '-${MESSAGES_PER_CONVERSATION}',
      "lastMessageAt" = (SELECT "createdAt" FROM "Message" WHERE id = 'message-' || substr(c.id, 14) || '-${MESSAGES_PER_CONVERSATION}')
      WHERE c."businessId" = $1`, [businessId]);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

export async function benchInbox(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nInbox: skipped (set DATABASE_URL: this benchmark runs against real PostgreSQL)');
    return;
  }
  const database = await createTestDatabase();
  let statements = 0;
  const stopObserving = observeQueries(() => {
    statements += 1;
  });
  const port = await freePort();
  // No outbox sender here: its polls would be counted as the request's statements.
  const config = loadConfig({ DATABASE_URL: database.url, JWT_SECRET, LOG_LEVEL: 'warn', PORT: String(port), RATE_LIMIT_PER_MINUTE: '100000000', DATA_DIR: '.data/bench', OUTBOX_CONCURRENCY: '0' });
  const app = await createApp(config, createLogger('warn'));
  await app.listen(port, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    const owner = await signUserToken({ sub: 'inbox-owner' }, JWT_SECRET);
    const created = await graphql<{ createBusiness: { business: { id: string } } }>(
      url,
      owner,
      'mutation { createBusiness(input: { name: "Inbox Bench", countryCode: "LV", timezone: "Europe/Riga" }) { ... on CreateBusinessPayload { business { id } } } }',
    );
    const businessId = created.createBusiness.business.id;
    const started = performance.now();
    await seed(database.url!, Buffer.from(businessId, 'base64').toString().split(':')[1]!);
    console.log(`\nInbox: ${CONVERSATIONS} conversations, ${CONVERSATIONS * MESSAGES_PER_CONVERSATION} messages (seeded in ${((performance.now() - started) / 1000).toFixed(0)} s)`);

    const latencies: number[] = [];
    const perRequest: number[] = [];
    for (let index = 0; index < REQUESTS; index += 1) {
      const before = statements;
      const requestStarted = performance.now();
      const data = await graphql<{ business: { conversations: { edges: unknown[] } } }>(url, owner, INBOX_QUERY, { id: businessId });
      latencies.push(performance.now() - requestStarted);
      perRequest.push(statements - before);
      if (data.business.conversations.edges.length !== 50) throw new Error('expected a full page');
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `conversations(first: 50) + contact + lastMessage: p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   ` +
        `SQL statements per request ${Math.min(...perRequest)}–${Math.max(...perRequest)} (the whole request)`,
    );
  } finally {
    stopObserving();
    await app.stop();
    await database.drop();
  }
}
