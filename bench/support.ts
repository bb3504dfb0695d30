import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { freePort } from '../test/support/ports.ts';

export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

export interface BenchServer {
  base: string;
  graphql: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The real server as a child process, so the load generator in this process does not share its event loop. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (await fetch(`${base}/ready`).then((response) => response.ok, () => false)) break;
    if (attempt > 120) throw new Error('server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    graphql: `${base}/graphql`,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function token(claims: { sub: string; role?: 'admin' }): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('2h').sign(new TextEncoder().encode(JWT_SECRET));
}

export async function graphql<Data>(url: string, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
  return body.data;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** A POST over a keep-alive socket with node:http (lighter than fetch, so the generator costs less CPU). */
export function post(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(body);
  });
}

export function summary(name: string, count: number, seconds: number, latencies: number[], errors: number): string {
  latencies.sort((a, b) => a - b);
  return (
    `${name.padEnd(38)} ${(count / seconds).toFixed(0).padStart(6)} /s   p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   ` +
    `p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms   errors ${errors}/${count}`
  );
}
