import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

const started: TestApp[] = [];
afterAll(() => Promise.all(started.map((app) => app.stop())));

async function appWithRole(role: string): Promise<TestApp> {
  const app = await startTestApp({ env: { ROLE: role } });
  started.push(app);
  return app;
}

describe('ROLE', () => {
  it('worker: runs the workers and answers health, readiness and metrics, but serves no API or webhooks', async () => {
    const worker = await appWithRole('worker');
    const origin = new URL(worker.url).origin;
    expect(worker.app.watchdog).not.toBeNull();
    expect(await (await fetch(`${origin}/health`)).json()).toMatchObject({ status: 'ok', role: 'worker' });
    expect((await fetch(`${origin}/ready`)).status).toBe(200);
    expect((await fetch(`${origin}/metrics`)).status).toBe(200);
    const graphql = await fetch(worker.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { kind } }"}' });
    expect(graphql.status).toBe(404);
    expect((await fetch(`${origin}/webhooks/evolution/any-line`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('api: serves the API and webhooks, runs no workers', async () => {
    const api = await appWithRole('api');
    expect(api.app.watchdog).toBeNull();
    expect(await (await fetch(`${new URL(api.url).origin}/health`)).json()).toMatchObject({ role: 'api' });
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ viewer { kind } }"}' });
    expect(await response.json()).toEqual({ data: { viewer: null } });
  });

  it('refuses an unknown role at startup', () => {
    expect(() => loadConfig({ ROLE: 'everything' })).toThrow(ConfigError);
    expect(() => loadConfig({ ROLE: 'everything' })).toThrow(/ROLE/);
  });
});
