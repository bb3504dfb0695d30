// `npm run bench`: starts the real server as a child process (PostgreSQL + Redis when DATABASE_URL /
// REDIS_URL are set, the embedded default otherwise) and drives it over HTTP from this process.
// Reports throughput and latency percentiles per scenario; no pass/fail, figures go to the README.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { freePort } from '../test/support/ports.ts';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(name: string, url: string, makeRequest: (i: number) => RequestInit): Promise<void> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        const response = await fetch(url, makeRequest(counter++));
        const body = (await response.json()) as { errors?: unknown };
        latencies.push(performance.now() - started);
        if (response.status !== 200 || body.errors) errors += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const rate = latencies.length / (DURATION_MS / 1000);
  console.log(
    `${name.padEnd(34)} ${rate.toFixed(0).padStart(6)} req/s   p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   ` +
      `p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms   errors ${errors}/${latencies.length}`,
  );
}

const port = await freePort();
const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: path.resolve(import.meta.dirname, '..'),
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let attempt = 0; ; attempt += 1) {
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 120) throw new Error('server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const health = (await (await fetch(`${base}/health`)).json()) as { modes: unknown };
  console.log(`modes ${JSON.stringify(health.modes)}; ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per scenario; node ${process.version}`);

  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('bench-owner').setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
  const graphql = `${base}/graphql`;
  const post = (query: string, variables: Record<string, unknown> = {}): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const created = (await (
    await fetch(graphql, post('mutation { createBusiness(input: { name: "Bench", countryCode: "LV", timezone: "Europe/Riga" }) { ... on CreateBusinessPayload { business { id } } } }'))
  ).json()) as { data: { createBusiness: { business: { id: string } } } };
  const businessId = created.data.createBusiness.business.id;

  await run('viewer (auth only)', graphql, () => post('{ viewer { userId isAdmin } }'));
  await run('business + members (read)', graphql, () =>
    post('query ($id: ID!) { business(id: $id) { name slug members(first: 10) { edges { node { userId role } } } } }', { id: businessId }),
  );
  await run('updateBusiness (write+audit+publish)', graphql, (i) =>
    post('mutation ($id: ID!, $name: String) { updateBusiness(input: { id: $id, name: $name }) { __typename } }', { id: businessId, name: `Bench ${i}` }),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}
