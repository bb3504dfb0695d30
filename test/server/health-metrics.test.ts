import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerDocument } from '../generated/graphql.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.ts';
import { execute, executeOk } from '../support/graphql.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp();
});
afterAll(() => server.stop());

function route(path: string): URL {
  return new URL(path, server.url);
}

async function metricsText(): Promise<string> {
  const response = await fetch(route('/metrics'));
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample, matched by name and exactly these labels (in any order); 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort()
    .join(',');
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = (match[2] ?? '').split(/,(?=[a-zA-Z_])/).filter(Boolean).sort().join(',');
    if (found === wanted) return Number(match[3]);
  }
  return 0;
}

describe('/health', () => {
  it('reports status, version, uptime and the modes in use', async () => {
    const response = await fetch(route('/health'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'ok',
      version: packageVersion,
      uptimeSeconds: expect.any(Number),
      role: 'all',
      modes: { database: process.env.DATABASE_URL ? 'postgres' : 'pglite', events: 'memory', whatsapp: 'sandbox', ai: 'rules', voice: 'manual' },
    });
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe('/ready', () => {
  it('is 200 with the database check ok', async () => {
    const response = await fetch(route('/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with the HTTP, GraphQL and process metrics', async () => {
    const response = await fetch(route('/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const [name, type] of [
      ['http_requests_total', 'counter'],
      ['http_request_duration_seconds', 'histogram'],
      ['graphql_operations_total', 'counter'],
      ['graphql_operation_duration_seconds', 'histogram'],
      ['graphql_active_subscriptions', 'gauge'],
      ['websocket_connections', 'gauge'],
      ['process_cpu_user_seconds_total', 'counter'],
    ] as const) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^graphql_active_subscriptions 0$/m);
  });

  it('counts a GraphQL request in the HTTP and GraphQL counters', async () => {
    const httpLabels = { method: 'POST', route: '/graphql', status: '200' };
    const before = await metricsText();
    const httpBefore = sample(before, 'http_requests_total', httpLabels);
    const operationsBefore = sample(before, 'graphql_operations_total', { type: 'query', outcome: 'ok' });
    const durationsBefore = sample(before, 'graphql_operation_duration_seconds_count', { type: 'query' });
    const httpDurationsBefore = sample(before, 'http_request_duration_seconds_count', { method: 'POST', route: '/graphql' });

    await executeOk(server.url, ViewerDocument, {});

    // The HTTP sample is recorded when the response closes, which can trail the client reading it.
    await expect.poll(async () => sample(await metricsText(), 'http_requests_total', httpLabels)).toBe(httpBefore + 1);
    const after = await metricsText();
    expect(sample(after, 'http_request_duration_seconds_count', { method: 'POST', route: '/graphql' })).toBe(httpDurationsBefore + 1);
    expect(sample(after, 'graphql_operations_total', { type: 'query', outcome: 'ok' })).toBe(operationsBefore + 1);
    expect(sample(after, 'graphql_operation_duration_seconds_count', { type: 'query' })).toBe(durationsBefore + 1);
  });

  it('counts a failed operation with outcome "error"', async () => {
    const before = sample(await metricsText(), 'graphql_operations_total', { type: 'query', outcome: 'error' });
    // Valid, executed, and failing inside a resolver: a malformed global id.
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ nodes(ids: ["not-a-global-id"]) { id } }' }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(sample(await metricsText(), 'graphql_operations_total', { type: 'query', outcome: 'error' })).toBe(before + 1);
  });

  it('labels unknown paths as "other" rather than by path', async () => {
    await fetch(route('/some/unknown/path-1')).then((response) => response.arrayBuffer());
    await expect.poll(async () => sample(await metricsText(), 'http_requests_total', { method: 'GET', route: 'other', status: '404' })).toBeGreaterThan(0);
    expect(await metricsText()).not.toContain('path-1');
  });
});

describe('x-request-id', () => {
  it('echoes a well-formed request id', async () => {
    for (const path of ['/health', '/graphql?query=%7B__typename%7D']) {
      const response = await fetch(route(path), { headers: { 'x-request-id': 'client-abc.123:retry-2', accept: 'application/json' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('client-abc.123:retry-2');
    }
  });

  it('generates a UUID when none is given', async () => {
    const first = await fetch(route('/health'));
    const second = await fetch(route('/health'));
    expect(first.headers.get('x-request-id')).toMatch(UUID);
    expect(second.headers.get('x-request-id')).toMatch(UUID);
    expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
  });

  it('replaces a malformed or oversized request id with a UUID', async () => {
    for (const given of ['has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const response = await fetch(route('/health'), { headers: { 'x-request-id': given } });
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    }
  });
});

describe('unknown routes', () => {
  it('answers 404', async () => {
    for (const path of ['/', '/nope', '/graphql/extra', '/healthz']) {
      const response = await fetch(route(path));
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      await response.arrayBuffer();
    }
  });
});

describe('JWT authentication over HTTP', () => {
  const key = new TextEncoder().encode(TEST_JWT_SECRET);
  const nowSeconds = (): number => Math.floor(Date.now() / 1000);

  function sign(claims: Record<string, unknown>, expiresAt: number, secret: Uint8Array = key, alg = 'HS256'): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setIssuedAt(expiresAt - 3600)
      .setExpirationTime(expiresAt)
      .sign(secret);
  }

  async function expectUnauthenticated(authorization: string): Promise<void> {
    const { status, body } = await execute(server.url, ViewerDocument, {}, { headers: { authorization } });
    expect(status).toBe(401);
    expect(body).not.toHaveProperty('data');
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(body.errors).toHaveLength(1);
  }

  it('accepts a valid token', async () => {
    const token = await server.token({ sub: 'health-user', email: 'health@example.com' });
    const data = await executeOk(server.url, ViewerDocument, {}, { token });
    expect(data.viewer).toMatchObject({ kind: 'USER', userId: 'health-user', email: 'health@example.com' });
  });

  it('refuses a token that expired two minutes ago with 401', async () => {
    await expectUnauthenticated(`Bearer ${await sign({ sub: 'x' }, nowSeconds() - 120)}`);
  });

  it('accepts a token that expired 10 seconds ago (30 s clock leeway)', async () => {
    const token = await sign({ sub: 'leeway-user' }, nowSeconds() - 10);
    const data = await executeOk(server.url, ViewerDocument, {}, { token });
    expect(data.viewer).toMatchObject({ kind: 'USER', userId: 'leeway-user' });
  });

  it('refuses a token signed with another secret with 401', async () => {
    const other = new TextEncoder().encode('another-secret-that-is-long-enough-for-hs256-xyz');
    await expectUnauthenticated(`Bearer ${await sign({ sub: 'x' }, nowSeconds() + 3600, other)}`);
  });

  it('refuses a token signed with another algorithm (HS512) with 401', async () => {
    await expectUnauthenticated(`Bearer ${await sign({ sub: 'x' }, nowSeconds() + 3600, key, 'HS512')}`);
  });

  it('refuses a token without a subject with 401', async () => {
    await expectUnauthenticated(`Bearer ${await sign({ email: 'nobody@example.com' }, nowSeconds() + 3600)}`);
  });

  it('refuses a malformed Authorization header with 401', async () => {
    await expectUnauthenticated('Basic abc');
    await expectUnauthenticated('Bearer');
    await expectUnauthenticated('Bearer not.a.jwt');
  });

  it('treats a request without credentials as anonymous', async () => {
    const data = await executeOk(server.url, ViewerDocument, {});
    expect(data.viewer).toBeNull();
  });
});
