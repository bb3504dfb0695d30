import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { WEBHOOK_EVENTS, WEBHOOK_SECRET_HEADER } from '../../src/services/whatsapp/instances.ts';
import {
  ConnectInstanceDocument,
  DeleteInstanceDocument,
  InstanceConnectionChangedDocument,
  InstanceDocument,
  InstanceQrCodeUpdatedDocument,
  LogoutInstanceDocument,
  SandboxPairInstanceDocument,
  SetupWhatsAppDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { connectWs, subscribe, triggerUntilEvent } from '../support/subscriptions.ts';
import { createProBusiness } from '../support/whatsapp.ts';

let fake: FakeEvolution;
let server: TestApp;
let owner: string;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey, EVOLUTION_TIMEOUT_MS: '1000' } });
  owner = await server.token({ sub: 'line-owner' });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

function createRequests() {
  return fake.requests.filter((request) => request.method === 'POST' && request.path === '/instance/create');
}

describe('setupWhatsApp end to end against Evolution', () => {
  it('refuses a BASIC business with PLAN_UPGRADE_REQUIRED and creates nothing', async () => {
    const businessId = await createBusiness(server.url, owner, 'Basic Bakery');
    const before = createRequests().length;
    const data = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    expect(data.setupWhatsApp).toMatchObject({ __typename: 'PlanUpgradeRequiredError', code: 'PLAN_UPGRADE_REQUIRED' });
    expect(await db().instance.count({ where: { businessId: rowId(businessId) } })).toBe(0);
    expect(createRequests()).toHaveLength(before);
  });

  it('creates the instance with our webhook, shows the QR, pushes new QRs and the connection to subscribers', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Acme Sales');
    const data = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    if (data.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error(JSON.stringify(data.setupWhatsApp));
    const instance = data.setupWhatsApp.instance;
    expect(instance).toMatchObject({ status: 'QR_PENDING', gateway: 'EVOLUTION', integration: 'BAILEYS' });
    expect(instance.qrCode?.image).toMatch(/^data:image\/png;base64,/);
    expect(instance.qrCode?.code).toBeTruthy();

    const create = createRequests().at(-1)!;
    const body = create.body as { instanceName: string; integration: string; qrcode: boolean; webhook: { url: string; headers: Record<string, string>; events: string[] } };
    expect(body).toMatchObject({ instanceName: instance.name, integration: 'WHATSAPP-BAILEYS', qrcode: true });
    expect(body.webhook.url).toBe(`${new URL(server.url).origin}/webhooks/evolution/${instance.name}`);
    expect(body.webhook.events).toEqual(WEBHOOK_EVENTS);
    expect(body.webhook.events.every((event) => event === event.toUpperCase())).toBe(true);
    const secret = body.webhook.headers[WEBHOOK_SECRET_HEADER]!;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const row = await db().instance.findUniqueOrThrow({ where: { id: rowId(instance.id) } });
    expect(row.webhookSecret).not.toContain(secret);
    expect(row.tokenEncrypted).not.toContain(fake.instances.get(instance.name)!.token);

    const client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    const qrUpdates = subscribe(client, InstanceQrCodeUpdatedDocument, { instanceId: instance.id });
    const qrEvent = await triggerUntilEvent(qrUpdates, () => fake.emitFixture(instance.name, 'webhook-qrcode-updated-pairing.json'));
    expect(qrEvent.data?.instanceQrCodeUpdated).toMatchObject({ id: instance.id, status: 'QR_PENDING', qrCode: { pairingCode: 'K7QX2M9R' } });

    const changes = subscribe(client, InstanceConnectionChangedDocument, { businessId });
    const opened = await triggerUntilEvent(changes, () => fake.emitFixture(instance.name, 'webhook-connection-update-open.json'));
    expect(opened.data?.instanceConnectionChanged).toMatchObject({ id: instance.id, status: 'CONNECTED', phoneNumber: '+12025550101' });
    const after = await executeOk(server.url, InstanceDocument, { id: instance.id }, { token: owner });
    expect(after.node).toMatchObject({ status: 'CONNECTED', qrCode: null, profileName: 'Acme Sales', health: { state: 'OK' } });
    await client.dispose();

    const again = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    expect(again.setupWhatsApp).toMatchObject({ instance: { id: instance.id } });
    expect(createRequests().filter((request) => (request.body as { instanceName: string }).instanceName === instance.name)).toHaveLength(1);
  });

  it.each([
    ['a 500', { status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: 'boom' } } }],
    ['a 401', { status: 401, body: { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } } }],
    ['an unknown route (404)', { status: 404, body: { status: 404, error: 'Not Found', response: { message: ['Cannot POST /instance/create'] } } }],
    ['a timeout', 'timeout' as const],
  ])('answers %s during setup with GATEWAY_UNAVAILABLE, keeps a consistent row, and a retry completes', async (_case, fault) => {
    const businessId = await createProBusiness(server.url, owner, `Flaky ${Math.random()}`);
    fake.failNext(1, fault);
    const failed = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    expect(failed.setupWhatsApp).toMatchObject({ __typename: 'GatewayUnavailableError', code: 'GATEWAY_UNAVAILABLE' });
    const rows = await db().instance.findMany({ where: { businessId: rowId(businessId) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'CREATING', remoteId: null });
    expect(rows[0]!.lastError).toBeTruthy();
    expect(fake.instances.has(rows[0]!.name)).toBe(false);

    const retried = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    expect(retried.setupWhatsApp).toMatchObject({ __typename: 'SetupWhatsAppPayload', instance: { name: rows[0]!.name, status: 'QR_PENDING' } });
    expect(fake.instances.has(rows[0]!.name)).toBe(true);
    expect(await db().instance.count({ where: { businessId: rowId(businessId) } })).toBe(1);
  });

  it('adopts an instance an interrupted attempt already created on Evolution (no orphan, webhook re-set)', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Half Done');
    fake.failNext(1, 'timeout');
    await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    const row = await db().instance.findFirstOrThrow({ where: { businessId: rowId(businessId) } });
    // Evolution did create it before our request timed out: create it there by the same name.
    const created = await fetch(`${fake.url}/instance/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: fake.globalKey },
      body: JSON.stringify({ instanceName: row.name, integration: 'WHATSAPP-BAILEYS', webhook: { url: 'http://stale.invalid', events: [] } }),
    });
    expect(created.status).toBe(201);

    const retried = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    expect(retried.setupWhatsApp).toMatchObject({ __typename: 'SetupWhatsAppPayload', instance: { name: row.name } });
    const remote = fake.instances.get(row.name)!;
    expect(remote.webhook?.url).toBe(`${new URL(server.url).origin}/webhooks/evolution/${row.name}`);
    expect((await db().instance.findUniqueOrThrow({ where: { id: row.id } })).remoteId).toBe(remote.id);
  });

  it('sets the business profile on WhatsApp once the line connects', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Profiled');
    const data = await executeOk(
      server.url,
      SetupWhatsAppDocument,
      { input: { businessId, integration: 'BAILEYS', businessProfile: { name: 'Profiled Pizza', description: 'Best slices in town' } } },
      { token: owner },
    );
    if (data.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error(JSON.stringify(data.setupWhatsApp));
    const name = data.setupWhatsApp.instance.name;
    fake.setState(name, 'open');
    await fake.emitFixture(name, 'webhook-connection-update-open.json');
    await expect.poll(() => fake.instances.get(name)?.profileName, { timeout: 5_000 }).toBe('Profiled Pizza');
    expect(fake.requests.some((request) => request.path === `/chat/updateProfileStatus/${name}`)).toBe(true);
    const tooLong = await executeOk(
      server.url,
      SetupWhatsAppDocument,
      { input: { businessId, integration: 'BAILEYS', businessProfile: { name: 'x'.repeat(26) } } },
      { token: owner },
    );
    expect(tooLong.setupWhatsApp).toMatchObject({ __typename: 'ValidationError', field: ['input', 'businessProfile', 'name'] });
  });

  it('validates input with typed errors and writes nothing', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Picky');
    const bad = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'CLOUD_API' } }, { token: owner });
    expect(bad.setupWhatsApp).toMatchObject({ __typename: 'ValidationError', field: ['input', 'cloudApi'] });
    const phone = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS', phoneNumber: '12345' } }, { token: owner });
    expect(phone.setupWhatsApp).toMatchObject({ __typename: 'ValidationError', field: ['input', 'phoneNumber'] });
    expect(await db().instance.count({ where: { businessId: rowId(businessId) } })).toBe(0);
    const stranger = await server.token({ sub: 'stranger' });
    const other = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: stranger });
    expect(other.setupWhatsApp).toMatchObject({ __typename: 'NotFoundError' });
  });

  it('sandbox mutations answer SANDBOX_ONLY while a real server is configured', async () => {
    const businessId = await createProBusiness(server.url, owner, 'No Sandbox');
    const data = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    if (data.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error('expected payload');
    const pair = await executeOk(server.url, SandboxPairInstanceDocument, { input: { instanceId: data.setupWhatsApp.instance.id } }, { token: owner });
    expect(pair.sandboxPairInstance).toMatchObject({ __typename: 'SandboxOnlyError', code: 'SANDBOX_ONLY' });
  });
});

describe('lifecycle', () => {
  it('connect gives a pairing code, logout logs out, delete removes it on Evolution and soft-deletes here', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Lifecycle');
    const setup = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    if (setup.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error('expected payload');
    const instance = setup.setupWhatsApp.instance;

    const paired = await executeOk(server.url, ConnectInstanceDocument, { input: { instanceId: instance.id, phoneNumber: '+12025550101' } }, { token: owner });
    expect(paired.connectInstance).toMatchObject({ __typename: 'ConnectInstancePayload', instance: { status: 'QR_PENDING' } });
    if (paired.connectInstance.__typename !== 'ConnectInstancePayload') return;
    expect(paired.connectInstance.instance.qrCode?.pairingCode).toMatch(/^[A-Z0-9]{8}$/);

    fake.setState(instance.name, 'close');
    const notConnected = await executeOk(server.url, LogoutInstanceDocument, { input: { instanceId: instance.id } }, { token: owner });
    expect(notConnected.logoutInstance).toMatchObject({ __typename: 'InstanceNotConnectedError', code: 'INSTANCE_NOT_CONNECTED' });

    fake.setState(instance.name, 'open');
    await fake.emitFixture(instance.name, 'webhook-connection-update-open.json');
    const loggedOut = await executeOk(server.url, LogoutInstanceDocument, { input: { instanceId: instance.id } }, { token: owner });
    expect(loggedOut.logoutInstance).toMatchObject({ instance: { status: 'LOGGED_OUT' } });

    const agent = await server.token({ sub: 'line-agent' });
    await db().membership.create({ data: { businessId: rowId(businessId), userId: 'line-agent', role: 'AGENT' } });
    const forbidden = await execute(server.url, DeleteInstanceDocument, { input: { instanceId: instance.id } }, { token: agent });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const deleted = await executeOk(server.url, DeleteInstanceDocument, { input: { instanceId: instance.id } }, { token: owner });
    expect(deleted.deleteInstance).toEqual({ __typename: 'DeleteInstancePayload', deletedInstanceId: instance.id });
    expect(fake.instances.has(instance.name)).toBe(false);
    const row = await db().instance.findUniqueOrThrow({ where: { id: rowId(instance.id) } });
    expect(row).toMatchObject({ status: 'DELETED' });
    expect(row.deletedAt).toBeInstanceOf(Date);
  });

  it('deleting while Evolution is down changes nothing and says GATEWAY_UNAVAILABLE', async () => {
    const businessId = await createProBusiness(server.url, owner, 'Delete Later');
    const setup = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    if (setup.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error('expected payload');
    fake.failNext(1, { status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: 'down' } } });
    const failed = await executeOk(server.url, DeleteInstanceDocument, { input: { instanceId: setup.setupWhatsApp.instance.id } }, { token: owner });
    expect(failed.deleteInstance).toMatchObject({ __typename: 'GatewayUnavailableError' });
    expect((await db().instance.findUniqueOrThrow({ where: { id: rowId(setup.setupWhatsApp.instance.id) } })).deletedAt).toBeNull();
    expect(fake.instances.has(setup.setupWhatsApp.instance.name)).toBe(true);
  });
});
