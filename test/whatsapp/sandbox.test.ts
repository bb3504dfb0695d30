import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import {
  ChangePlanDocument,
  InstanceDocument,
  SandboxInboundMessageDocument,
  SandboxPairInstanceDocument,
  SetupWhatsAppDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { cleanupServers, startServer } from '../support/process.ts';

/** Width and height from a PNG's IHDR chunk: proof the QR is a real image, not a placeholder. */
function pngSize(dataUrl: string): { width: number; height: number } {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function upgrade(url: string, token: string, businessId: string): Promise<void> {
  const data = await executeOk(url, ChangePlanDocument, { input: { businessId, plan: 'PRO' } }, { token });
  expect(data.changePlan.__typename).toBe('ChangePlanPayload');
}

describe('the sandbox gateway (embedded default)', () => {
  let server: TestApp;
  let owner: string;
  beforeAll(async () => {
    server = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: '20', SELF_SERVICE_PLANS: 'true' } });
    owner = await server.token({ sub: 'sandbox-owner' });
  });
  afterAll(() => server.stop());

  it('sets up a line with a real QR, pairs it, takes customer messages and acknowledges sends', async () => {
    const health = (await (await fetch(new URL('/health', server.url))).json()) as { modes: { whatsapp: string } };
    expect(health.modes.whatsapp).toBe('sandbox');
    const businessId = await createBusiness(server.url, owner, 'Sandbox Café');
    await upgrade(server.url, owner, businessId);

    const setup = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS', phoneNumber: '+37120000000' } }, { token: owner });
    if (setup.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error(JSON.stringify(setup.setupWhatsApp));
    const instance = setup.setupWhatsApp.instance;
    expect(instance).toMatchObject({ gateway: 'SANDBOX', status: 'QR_PENDING' });
    expect(instance.qrCode?.code).toMatch(/^sandbox@switchboard,/);
    expect(instance.qrCode?.pairingCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(pngSize(instance.qrCode!.image!).width).toBeGreaterThan(100);

    const paired = await executeOk(server.url, SandboxPairInstanceDocument, { input: { instanceId: instance.id, phoneNumber: '+37120000000' } }, { token: owner });
    expect(paired.sandboxPairInstance).toMatchObject({ instance: { status: 'CONNECTED', phoneNumber: '+37120000000', qrCode: null } });

    const inbound = await executeOk(
      server.url,
      SandboxInboundMessageDocument,
      { input: { instanceId: instance.id, from: '+37129999999', text: 'Vai jums ir brīvs galdiņš?', name: 'Anna' } },
      { token: owner },
    );
    expect(inbound.sandboxInboundMessage.__typename).toBe('SandboxInboundMessagePayload');
    const message = await db().message.findFirstOrThrow({ where: { instanceId: rowId(instance.id) } });
    expect(message).toMatchObject({ direction: 'INBOUND', body: 'Vai jums ir brīvs galdiņš?', author: 'CUSTOMER', status: 'RECEIVED' });
    expect(await db().contact.findFirstOrThrow({ where: { businessId: rowId(businessId) } })).toMatchObject({ phone: '+37129999999', name: 'Anna' });
    expect(await db().conversation.findFirstOrThrow({ where: { instanceId: rowId(instance.id) } })).toMatchObject({ unreadCount: 1 });

    const sent = await server.app.platform.gateways.sandbox.sendText(instance.name, { to: '37129999999', text: 'Jā!' });
    await expect
      .poll(async () => (await db().message.findFirst({ where: { externalId: sent.externalId } }))?.status, { timeout: 5_000 })
      .toBe('READ');
  });

  it('answers sandbox mutations on a line that is not set up with INSTANCE_NOT_CONNECTED or NOT_FOUND', async () => {
    const stranger = await server.token({ sub: 'sandbox-stranger' });
    const businessId = await createBusiness(server.url, owner, 'Other Café');
    await upgrade(server.url, owner, businessId);
    const setup = await executeOk(server.url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token: owner });
    if (setup.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error('expected payload');
    const early = await executeOk(server.url, SandboxInboundMessageDocument, { input: { instanceId: setup.setupWhatsApp.instance.id, from: '+37129999999', text: 'hi' } }, { token: owner });
    expect(early.sandboxInboundMessage).toMatchObject({ __typename: 'InstanceNotConnectedError' });
    const hidden = await executeOk(server.url, SandboxPairInstanceDocument, { input: { instanceId: setup.setupWhatsApp.instance.id } }, { token: stranger });
    expect(hidden.sandboxPairInstance).toMatchObject({ __typename: 'NotFoundError' });
    const invalid = await executeOk(server.url, SandboxInboundMessageDocument, { input: { instanceId: setup.setupWhatsApp.instance.id, from: 'nope', text: '' } }, { token: owner });
    expect(invalid.sandboxInboundMessage).toMatchObject({ __typename: 'ValidationError' });
  });
});

describe('the sandbox through `npm start` defaults (a real process, nothing configured)', () => {
  afterAll(() => cleanupServers());

  it('runs onboarding end to end with the printed admin token', async () => {
    const started = await startServer({ env: { JWT_SECRET: undefined, LOG_LEVEL: 'warn' } });
    // The banner is printed just after the server starts answering.
    const adminToken = () => /Admin token \(30 days\): (\S+)/.exec(started.stdout)?.[1];
    await expect.poll(adminToken, { timeout: 5_000 }).toBeTruthy();
    const token = adminToken()!;
    const businessId = await createBusiness(started.graphqlUrl, token, 'Defaults Deli');
    await upgrade(started.graphqlUrl, token, businessId);
    const setup = await executeOk(started.graphqlUrl, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token });
    if (setup.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error(JSON.stringify(setup.setupWhatsApp));
    const instanceId = setup.setupWhatsApp.instance.id;
    await executeOk(started.graphqlUrl, SandboxPairInstanceDocument, { input: { instanceId } }, { token });
    await executeOk(started.graphqlUrl, SandboxInboundMessageDocument, { input: { instanceId, from: '+4915112345678', text: 'Hallo!' } }, { token });
    const view = await executeOk(started.graphqlUrl, InstanceDocument, { id: instanceId }, { token });
    expect(view.node).toMatchObject({ status: 'CONNECTED', gateway: 'SANDBOX', health: { state: 'OK' } });
  });
});
