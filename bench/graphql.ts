// GraphQL request throughput and latency against the real server: auth-only, read, and write paths.
import { type BenchServer, graphql, summary, token } from './support.ts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

async function closedLoop(name: string, url: string, bearer: string, makeBody: (i: number) => string): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: makeBody(counter++) });
        const body = (await response.json()) as { errors?: unknown };
        latencies.push(performance.now() - started);
        if (response.status !== 200 || body.errors) errors += 1;
      }
    }),
  );
  console.log(summary(name, latencies.length, DURATION_MS / 1000, latencies, errors));
}

export async function benchGraphql(server: BenchServer): Promise<void> {
  console.log(`\nGraphQL: ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per scenario`);
  const owner = await token({ sub: 'bench-owner' });
  const created = await graphql<{ createBusiness: { business: { id: string } } }>(
    server.graphql,
    owner,
    'mutation { createBusiness(input: { name: "Bench", countryCode: "LV", timezone: "Europe/Riga" }) { ... on CreateBusinessPayload { business { id } } } }',
  );
  const businessId = created.createBusiness.business.id;
  const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  await closedLoop('viewer (auth only)', server.graphql, owner, () => body('{ viewer { userId isAdmin } }'));
  await closedLoop('business + members (read)', server.graphql, owner, () =>
    body('query ($id: ID!) { business(id: $id) { name slug members(first: 10) { edges { node { userId role } } } } }', { id: businessId }),
  );
  await closedLoop('updateBusiness (write+audit+publish)', server.graphql, owner, (i) =>
    body('mutation ($id: ID!, $name: String) { updateBusiness(input: { id: $id, name: $name }) { __typename } }', { id: businessId, name: `Bench ${i}` }),
  );
}
