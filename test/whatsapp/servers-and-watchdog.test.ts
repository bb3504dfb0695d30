import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import {
  EvolutionServersDocument,
  InstanceDocument,
  InstanceServerDocument,
  RegisterEvolutionServerDocument,
  SetupWhatsAppDocument,
  UpdateEvolutionServerDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

let first: FakeEvolution;
let second: FakeEvolution;
let server: TestApp;
let owner: string;
let admin: string;

beforeAll(async () => {
  [first, second] = await Promise.all([FakeEvolution.start(), FakeEvolution.start()]);
  server = await startTestApp({
    env: {
      EVOLUTION_API_URL: first.url,
      EVOLUTION_API_KEY: first.globalKey,
      EVOLUTION_MAX_INSTANCES_PER_SERVER: '1',
      // The tests run the watchdog themselves, pass by pass.
      RECONCILE_INTERVAL_MS: '3600000',
      MAX_RECONNECT_ATTEMPTS: '2',
      INBOUND_SILENCE_MINUTES: '30',
    },
  });
  owner = await server.token({ sub: 'servers-owner' });
  admin = await server.token({ sub: 'ops', role: 'admin' });
});
afterAll(async () => {
  await server.stop();
  await Promise.all([first.close(), second.close()]);
});

describe('Evolution servers and placement', () => {
  it('registers a server only when it answers, admins only, with its key encrypted', async () => {
    const unreachable = await executeOk(
      server.url,
      RegisterEvolutionServerDocument,
      { input: { name: 'ghost', url: 'http://127.0.0.1:1', apiKey: 'k' } },
      { token: admin },
    );
    expect(unreachable.registerEvolutionServer).toMatchObject({ __typename: 'GatewayUnavailableError', field: ['input', 'url'] });
    const notAdmin = await execute(server.url, RegisterEvolutionServerDocument, { input: { name: 'x', url: second.url, apiKey: second.globalKey } }, { token: owner });
    expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const invalid = await executeOk(server.url, RegisterEvolutionServerDocument, { input: { name: 'x', url: 'ftp://nope', apiKey: 'k' } }, { token: admin });
    expect(invalid.registerEvolutionServer).toMatchObject({ __typename: 'ValidationError', field: ['input', 'url'] });
    expect(await db().evolutionServer.count()).toBe(1);

    const registered = await executeOk(
      server.url,
      RegisterEvolutionServerDocument,
      { input: { name: 'second', url: second.url, apiKey: second.globalKey, capacity: 2 } },
      { token: admin },
    );
    expect(registered.registerEvolutionServer).toMatchObject({ __typename: 'RegisterEvolutionServerPayload', evolutionServer: { capacity: 2, enabled: true } });
    const row = await db().evolutionServer.findFirstOrThrow({ where: { url: second.url } });
    expect(row.apiKeyEncrypted).not.toContain(second.globalKey);
    const duplicate = await executeOk(server.url, RegisterEvolutionServerDocument, { input: { name: 'again', url: second.url, apiKey: second.globalKey } }, { token: admin });
    expect(duplicate.registerEvolutionServer).toMatchObject({ __typename: 'ConflictError' });
  });

  it('places each new line on the server with the most room, then reports CAPACITY_EXHAUSTED', async () => {
    const placements: string[] = [];
    for (const name of ['Place A', 'Place B', 'Place C']) {
      const businessId = await createProBusiness(server.url, owner, name);
      const instance = await setupLine(server.url, owner, businessId);
      const view = await executeOk(server.url, InstanceServerDocument, { id: instance.id }, { token: admin });
      placements.push(view.node && 'server' in view.node ? (view.node.server?.name ?? 'none') : 'none');
      const hidden = await execute(server.url, InstanceServerDocument, { id: instance.id }, { token: owner });
      expect(hidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(placements.sort()).toEqual(['default', 'second', 'second']);

    const full = await createProBusiness(server.url, owner, 'No Room');
    const refused = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId: full, integration: 'BAILEYS' } }, { token: owner });
    expect(refused.setupWhatsApp).toMatchObject({ __typename: 'CapacityExhaustedError', code: 'CAPACITY_EXHAUSTED' });
    expect(await db().instance.count({ where: { businessId: rowId(full) } })).toBe(0);

    const servers = await executeOk(server.url, EvolutionServersDocument, {}, { token: admin });
    expect(servers.evolutionServers.edges.map((edge) => [edge.node.name, edge.node.instanceCount, edge.node.reachable])).toEqual([
      ['default', 1, true],
      ['second', 2, true],
    ]);

    const secondId = servers.evolutionServers.edges[1]!.node.id;
    const raised = await executeOk(server.url, UpdateEvolutionServerDocument, { input: { id: secondId, capacity: 3 } }, { token: admin });
    expect(raised.updateEvolutionServer).toMatchObject({ evolutionServer: { capacity: 3 } });
    const placed = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId: full, integration: 'BAILEYS' } }, { token: owner });
    expect(placed.setupWhatsApp.__typename).toBe('SetupWhatsAppPayload');
  });
});

describe('watchdog', () => {
  async function connectedLine(name: string) {
    const businessId = await createProBusiness(server.url, owner, name);
    await db().evolutionServer.updateMany({ data: { capacity: 100 } });
    const instance = await setupLine(server.url, owner, businessId);
    const fake = [first, second].find((candidate) => candidate.instances.has(instance.name))!;
    fake.setState(instance.name, 'open');
    await fake.emitFixture(instance.name, 'webhook-connection-update-open.json');
    return { instance, fake, id: rowId(instance.id) };
  }
  const status = async (globalId: string) => (await executeOk(server.url, InstanceDocument, { id: globalId }, { token: owner })).node;

  it('notices a dropped line, reconnects with backoff, then marks it FAILED with the reason', async () => {
    const { instance, fake, id } = await connectedLine('Dropping');
    fake.setState(instance.name, 'close');
    await server.app.watchdog!.runOnce();
    const afterFirst = await db().instance.findUniqueOrThrow({ where: { id } });
    expect(afterFirst).toMatchObject({ status: 'DISCONNECTED', reconnectAttempts: 1 });
    expect(afterFirst.nextReconnectAt!.getTime()).toBeGreaterThan(Date.now());
    expect(fake.requests.filter((request) => request.path.startsWith(`/instance/connect/${instance.name}`)).length).toBeGreaterThanOrEqual(1);

    // Still inside the backoff window: no new attempt.
    await server.app.watchdog!.runOnce();
    expect(await db().instance.findUniqueOrThrow({ where: { id } })).toMatchObject({ reconnectAttempts: 1 });

    for (const attempts of [2, 2]) {
      fake.setState(instance.name, 'close');
      await db().instance.update({ where: { id }, data: { nextReconnectAt: new Date(Date.now() - 1000) } });
      await server.app.watchdog!.runOnce();
      expect((await db().instance.findUniqueOrThrow({ where: { id } })).reconnectAttempts).toBe(attempts);
    }
    const failed = await status(instance.id);
    expect(failed).toMatchObject({ status: 'FAILED', health: { state: 'DOWN' } });
    expect(failed?.lastError).toMatch(/Could not reconnect after 2 attempts/);
  });

  it('repairs a drifted status when the line is open again', async () => {
    const { instance, fake, id } = await connectedLine('Drifting');
    fake.setState(instance.name, 'close');
    await server.app.watchdog!.runOnce();
    expect(await db().instance.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DISCONNECTED' });
    fake.setState(instance.name, 'open');
    await server.app.watchdog!.runOnce();
    expect(await status(instance.id)).toMatchObject({ status: 'CONNECTED', health: { state: 'OK' } });
    expect(await db().instance.findUniqueOrThrow({ where: { id } })).toMatchObject({ reconnectAttempts: 0, nextReconnectAt: null });
  });

  it('flags DEGRADED when connected and sending but nothing came in for too long', async () => {
    const { instance, id } = await connectedLine('Silent');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    await db().instance.update({ where: { id }, data: { lastInboundAt: hourAgo, lastConnectedAt: hourAgo, lastOutboundAt: new Date() } });
    await server.app.watchdog!.runOnce();
    const view = await status(instance.id);
    expect(view).toMatchObject({ status: 'CONNECTED', health: { state: 'DEGRADED' } });
    expect(view?.health.reason).toMatch(/nothing received/);
  });

  it('marks a line FAILED when its instance vanished from the server', async () => {
    const { instance, fake, id } = await connectedLine('Vanished');
    fake.instances.delete(instance.name);
    await server.app.watchdog!.runOnce();
    expect(await db().instance.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', remoteId: null });
  });
});
