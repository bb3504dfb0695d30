import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '../../src/server/yoga.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { postRaw } from '../support/graphql.ts';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server.stop());

/** Sum of every sample of a counter in the server's /metrics output (all label combinations). */
async function counterTotal(app: TestApp, name: string): Promise<number> {
  const response = await fetch(new URL('/metrics', app.url));
  const text = await response.text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (match?.[1]) total += Number(match[1]);
  }
  return total;
}

async function postQuery(app: TestApp, query: string, headers: Record<string, string> = {}) {
  const response = await postRaw(app.url, JSON.stringify({ query }), { accept: 'application/json', ...headers });
  const body = (await response.json()) as ExecutionResult;
  return { status: response.status, headers: response.headers, body };
}

/**
 * Sends a query that the limits must refuse and checks it never reached execution: errors and no
 * `data` key in the body, and `graphql_operations_total` (counted when execution starts) unchanged.
 */
async function expectRejectedBeforeExecution(query: string, messagePattern: RegExp): Promise<void> {
  const executedBefore = await counterTotal(server, 'graphql_operations_total');
  const { body } = await postQuery(server, query);
  expect(body).not.toHaveProperty('data');
  expect(body.errors?.length).toBeGreaterThan(0);
  expect(body.errors?.map((error) => error.message).join('\n')).toMatch(messagePattern);
  expect(await counterTotal(server, 'graphql_operations_total')).toBe(executedBefore);
}

describe('query limits', () => {
  it('executes an ordinary query (the baseline the bombs are compared with)', async () => {
    const executedBefore = await counterTotal(server, 'graphql_operations_total');
    const { status, body } = await postQuery(server, '{ viewer { kind } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: null } });
    expect(await counterTotal(server, 'graphql_operations_total')).toBe(executedBefore + 1);
  });

  /**
   * A query exactly `depth` levels deep as the depth limit counts them (every field, the leaf
   * included): business > members > edges > node > business > … > __typename.
   */
  function nestedQuery(depth: number): string {
    const cycle = ['members', 'edges', 'node', 'business'];
    const fields = ['business(id: "QnVzaW5lc3M6bm9uZQ==")'];
    while (fields.length < depth - 1) fields.push(cycle[(fields.length - 1) % cycle.length]!);
    return `{ ${fields.map((field) => `${field} {`).join(' ')} __typename ${'} '.repeat(fields.length)}}`;
  }

  it(`executes nesting at the depth limit (${GRAPHQL_LIMITS.maxDepth})`, async () => {
    const executedBefore = await counterTotal(server, 'graphql_operations_total');
    const { body } = await postQuery(server, nestedQuery(GRAPHQL_LIMITS.maxDepth));
    expect(body).toEqual({ data: { business: null } });
    expect(await counterTotal(server, 'graphql_operations_total')).toBe(executedBefore + 1);
  });

  it(`rejects a depth bomb (nesting > ${GRAPHQL_LIMITS.maxDepth}) before execution`, async () => {
    await expectRejectedBeforeExecution(nestedQuery(GRAPHQL_LIMITS.maxDepth + 1), /depth limit of 12 exceeded, found 13/i);
  });

  it('rejects a much deeper depth bomb before execution, whichever limit trips first', async () => {
    // Deep enough that the cost limit may trip before the depth limit: either refusal is fine.
    await expectRejectedBeforeExecution(nestedQuery(60), /depth limit|cost limit/i);
  });

  it(`rejects an alias bomb (> ${GRAPHQL_LIMITS.maxAliases} aliases of one field) before execution`, async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, index) => `v${index}: viewer { kind }`).join(' ');
    await expectRejectedBeforeExecution(`{ ${aliases} }`, /aliases limit of 20 exceeded/i);
  });

  it(`accepts ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, index) => `v${index}: viewer { kind }`).join(' ');
    const { body } = await postQuery(server, `{ ${aliases} }`);
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data ?? {})).toHaveLength(GRAPHQL_LIMITS.maxAliases);
  });

  it(`rejects a token bomb (> ${GRAPHQL_LIMITS.maxTokens} tokens) before execution`, async () => {
    // Repeating a field is not aliasing and stays shallow: only the token count is over the limit.
    await expectRejectedBeforeExecution(`{ viewer { ${'kind '.repeat(GRAPHQL_LIMITS.maxTokens + 100)}} }`, /token limit of 2000 exceeded/i);
  });
});

describe('request body size', () => {
  const twoMegabytes = 2 * 1024 * 1024;

  function expectPayloadTooLarge(body: unknown): void {
    expect(body).toEqual({ errors: [expect.objectContaining({ message: expect.any(String), extensions: { code: 'PAYLOAD_TOO_LARGE' } })] });
  }

  it('answers a 2 MB body with HTTP 413 and a GraphQL error body', async () => {
    const query = `{ viewer { kind } } # ${'x'.repeat(twoMegabytes)}`;
    const response = await postRaw(server.url, JSON.stringify({ query }), { accept: 'application/json' });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expectPayloadTooLarge(await response.json());
  });

  it('answers an over-limit chunked body (no content-length) with HTTP 413', async () => {
    const target = new URL(server.url);
    const { status, headers, body } = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
          res.on('error', reject);
        },
      );
      let responded = false;
      req.on('response', () => (responded = true));
      // The server may close the connection while the rest of the body is still in flight.
      req.on('error', (error) => {
        if (!responded) reject(error);
      });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = (): void => {
        while (!responded && sent < twoMegabytes) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      req.write('{"query":"{ viewer { kind } } #');
      pump();
    });
    expect(headers['content-length']).toBeDefined();
    expect(status).toBe(413);
    expectPayloadTooLarge(JSON.parse(body));
  });

  it('still serves requests after refusing large bodies', async () => {
    const { status, body } = await postQuery(server, '{ viewer { kind } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: null } });
  });
});

describe('rate limiting (memory, RATE_LIMIT_PER_MINUTE=5)', () => {
  const limit = 5;
  const env = { RATE_LIMIT_PER_MINUTE: String(limit) };

  async function expectRateLimited(response: { status: number; headers: Headers; body: ExecutionResult }): Promise<void> {
    expect(response.status).toBe(429);
    const retryAfter = response.headers.get('retry-after');
    expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: Number(retryAfter) }) }),
    ]);
  }

  describe('per user', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env });
    });
    afterAll(() => limited.stop());

    it('refuses the 6th request of a user with 429 and Retry-After, and still serves another user', async () => {
      const aliceId = `alice-${randomUUID()}`;
      const alice = await limited.token({ sub: aliceId });
      const bob = await limited.token({ sub: `bob-${randomUUID()}` });
      for (let request = 1; request <= limit; request += 1) {
        const { status, body } = await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${alice}` });
        expect({ request, status, body }).toEqual({ request, status: 200, body: { data: { viewer: { kind: 'USER' } } } });
      }
      await expectRateLimited(await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${alice}` }));
      // A fresh token for the same user is the same identity.
      const aliceAgain = await limited.token({ sub: aliceId, name: 'Alice' });
      await expectRateLimited(await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${aliceAgain}` }));

      const other = await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${bob}` });
      expect(other.status).toBe(200);
      expect(other.body).toEqual({ data: { viewer: { kind: 'USER' } } });
    });

    it('counts rejected query bombs too: the 6th bomb is refused with 429 before parsing', async () => {
      const carol = await limited.token({ sub: `carol-${randomUUID()}` });
      const bomb = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { kind }`).join(' ')} }`;
      for (let request = 1; request <= limit; request += 1) {
        const { status } = await postQuery(limited, bomb, { authorization: `Bearer ${carol}` });
        expect({ request, status }).toEqual({ request, status: 200 });
      }
      await expectRateLimited(await postQuery(limited, bomb, { authorization: `Bearer ${carol}` }));
    });
  });

  describe('per address for anonymous callers', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env });
    });
    afterAll(() => limited.stop());

    it('refuses the 6th anonymous request from one address, but not a signed-in user there', async () => {
      for (let request = 1; request <= limit; request += 1) {
        const { status } = await postQuery(limited, '{ viewer { kind } }');
        expect({ request, status }).toEqual({ request, status: 200 });
      }
      await expectRateLimited(await postQuery(limited, '{ viewer { kind } }'));
      const token = await limited.token({ sub: `user-${randomUUID()}` });
      const user = await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${token}` });
      expect(user.status).toBe(200);
    });
  });

  describe('failed credentials', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({ env });
    });
    afterAll(() => limited.stop());

    it('counts bad tokens against the address: 401 until the limit, then 429', async () => {
      const badToken = `${await limited.token({ sub: 'someone' })}tampered`;
      for (let request = 1; request <= limit; request += 1) {
        const { status, body } = await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${badToken}` });
        expect({ request, status, code: body.errors?.[0]?.extensions?.code }).toEqual({ request, status: 401, code: 'UNAUTHENTICATED' });
      }
      await expectRateLimited(await postQuery(limited, '{ viewer { kind } }', { authorization: `Bearer ${badToken}` }));
      // Guessing API keys is throttled the same way.
      await expectRateLimited(await postQuery(limited, '{ viewer { kind } }', { 'x-api-key': `sb_${'a'.repeat(40)}` }));
    });
  });
});

describe.skipIf(!process.env.REDIS_URL)('rate limiting shared through Redis (needs REDIS_URL)', () => {
  const limit = 5;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const env = { RATE_LIMIT_PER_MINUTE: String(limit) };
    [first, second] = await Promise.all([startTestApp({ redis: true, env }), startTestApp({ redis: true, env })]);
  });
  afterAll(() => Promise.all([first?.stop(), second?.stop()]));

  it('uses Redis on both instances', async () => {
    for (const app of [first, second]) {
      const health = (await (await fetch(new URL('/health', app.url))).json()) as { modes: { events: string } };
      expect(health.modes.events).toBe('redis');
    }
  });

  it('counts one user across two instances: 3 + 2 allowed, the 6th refused on either', async () => {
    // A unique user: the Redis server outlives this run and other runs share it.
    const sub = `shared-${randomUUID()}`;
    const onFirst = await first.token({ sub });
    const onSecond = await second.token({ sub });
    const statuses: number[] = [];
    for (const [app, token] of [
      [first, onFirst],
      [first, onFirst],
      [first, onFirst],
      [second, onSecond],
      [second, onSecond],
    ] as const) {
      statuses.push((await postQuery(app, '{ viewer { kind } }', { authorization: `Bearer ${token}` })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await expectSharedLimit(await postQuery(second, '{ viewer { kind } }', { authorization: `Bearer ${onSecond}` }));
    await expectSharedLimit(await postQuery(first, '{ viewer { kind } }', { authorization: `Bearer ${onFirst}` }));

    const other = await first.token({ sub: `other-${randomUUID()}` });
    expect((await postQuery(first, '{ viewer { kind } }', { authorization: `Bearer ${other}` })).status).toBe(200);
  });

  async function expectSharedLimit(response: { status: number; headers: Headers; body: ExecutionResult }): Promise<void> {
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  }
});
