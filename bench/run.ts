// `npm run bench`: every benchmark, figures for the README. No pass/fail: these machines are shared and noisy.
// With DATABASE_URL/REDIS_URL the server runs on PostgreSQL/Redis; the webhook, outbox and inbox benchmarks
// need DATABASE_URL. BENCH_ONLY=fanout,inbox (names: graphql, webhook, outbox, fanout, inbox, ai, analytics) runs a subset.
import { createTestDatabase } from '../test/support/database.ts';
import { benchAiReply } from './ai-reply.ts';
import { benchAnalytics } from './analytics.ts';
import { benchFanout } from './fanout.ts';
import { benchGraphql } from './graphql.ts';
import { benchInbox } from './inbox.ts';
import { benchOutboxDrain } from './outbox-drain.ts';
import { startBenchServer } from './support.ts';
import { benchWebhookIngest } from './webhook-ingest.ts';

async function graphqlScenarios(): Promise<void> {
  const database = await createTestDatabase();
  const server = await startBenchServer(database.url ? { DATABASE_URL: database.url } : {});
  try {
    await benchGraphql(server);
  } finally {
    await server.stop();
    await database.drop();
  }
}

const benchmarks: Record<string, () => Promise<void>> = {
  graphql: graphqlScenarios,
  webhook: benchWebhookIngest,
  outbox: benchOutboxDrain,
  fanout: benchFanout,
  inbox: benchInbox,
  ai: benchAiReply,
  analytics: benchAnalytics,
};
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
console.log(`node ${process.version}; database ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; events ${process.env.REDIS_URL ? 'redis' : 'memory'}`);
for (const [name, run] of Object.entries(benchmarks)) {
  if (!only || only.includes(name)) await run();
}
