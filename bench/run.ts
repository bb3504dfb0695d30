// `npm run bench`: every benchmark, figures for the README. No pass/fail: these machines are shared and noisy.
// With DATABASE_URL/REDIS_URL the server runs on PostgreSQL/Redis; the webhook benchmark needs DATABASE_URL.
import { createTestDatabase } from '../test/support/database.ts';
import { benchGraphql } from './graphql.ts';
import { startBenchServer } from './support.ts';
import { benchWebhookIngest } from './webhook-ingest.ts';

console.log(`node ${process.version}; database ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; events ${process.env.REDIS_URL ? 'redis' : 'memory'}`);
const database = await createTestDatabase();
const server = await startBenchServer(database.url ? { DATABASE_URL: database.url } : {});
try {
  await benchGraphql(server);
} finally {
  await server.stop();
  await database.drop();
}
await benchWebhookIngest();
