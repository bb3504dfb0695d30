import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvolutionClient } from '../../src/services/whatsapp/evolution-client.ts';
import type { WebhookConfig } from '../../src/services/whatsapp/gateway.ts';
import { GatewayError, type GatewayErrorKind } from '../../src/services/whatsapp/gateway-errors.ts';
import { FakeEvolution, type FakeRequest } from '../support/fake-evolution.ts';

const GLOBAL_KEY = 'evo-global-key-7Q2p9Xk4Lm';
const WEBHOOK: WebhookConfig = {
  url: 'http://127.0.0.1:9/webhooks/evolution',
  headers: { 'x-webhook-secret': 'whsec-1' },
  events: ['MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'SEND_MESSAGE', 'CONNECTION_UPDATE', 'QRCODE_UPDATED'],
};

let fake: FakeEvolution;
let client: EvolutionClient;
let counter = 0;

beforeAll(async () => {
  fake = await FakeEvolution.start({ globalKey: GLOBAL_KEY });
  client = new EvolutionClient({ baseUrl: fake.url, apiKey: GLOBAL_KEY });
});
afterAll(() => fake.close());

async function newInstance(options: { open?: boolean } = {}): Promise<string> {
  counter += 1;
  const name = `line-${counter}`;
  await client.createInstance({ instanceName: name, integration: 'WHATSAPP-BAILEYS', qrcode: false, webhook: WEBHOOK });
  if (options.open) fake.setState(name, 'open');
  return name;
}

/** Asserts the kind and that the key leaked into neither the message nor the details. */
async function gatewayError(promise: Promise<unknown>, kind: GatewayErrorKind): Promise<GatewayError> {
  const outcome = await promise.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a ${kind} GatewayError, got ${JSON.stringify(outcome.value)}`);
  const error = outcome.error;
  if (!(error instanceof GatewayError)) throw error;
  expect(error.kind, error.message).toBe(kind);
  expect(error.message).not.toContain(GLOBAL_KEY);
  expect(JSON.stringify(error.details)).not.toContain(GLOBAL_KEY);
  return error;
}

/** Requests the fake received while `action` ran. */
async function captured(action: () => Promise<unknown>): Promise<FakeRequest[]> {
  const mark = fake.requests.length;
  await action().catch(() => undefined);
  return fake.requests.slice(mark);
}

function lastRequest(): FakeRequest {
  const request = fake.requests.at(-1);
  if (!request) throw new Error('the fake received nothing');
  return request;
}

describe('instance routes', () => {
  it('pings GET / and reports an unreachable server as UNAVAILABLE', async () => {
    await client.ping();
    expect(lastRequest()).toMatchObject({ method: 'GET', path: '/' });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const offline = new EvolutionClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: GLOBAL_KEY, retries: 0 });
    const error = await gatewayError(offline.ping(), 'UNAVAILABLE');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.details).toMatchObject({ route: 'GET /' });
    expect(error.retryable).toBe(true);
  });

  it('creates an instance with the webhook nested, enabled by presence, byEvents and base64 off', async () => {
    const created = await client.createInstance({
      instanceName: 'acme-sales',
      integration: 'WHATSAPP-BAILEYS',
      qrcode: false,
      webhook: WEBHOOK,
    });
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      path: '/instance/create',
      body: {
        instanceName: 'acme-sales',
        integration: 'WHATSAPP-BAILEYS',
        qrcode: false,
        webhook: { ...WEBHOOK, byEvents: false, base64: false },
      },
    });
    const stored = fake.instances.get('acme-sales');
    expect(created).toEqual({ instanceId: stored?.id, token: stored?.token, state: 'close', qr: null });
    expect(created.token).toMatch(/^[0-9A-F]{32}$/);
    expect(stored?.webhook).toMatchObject({ ...WEBHOOK, enabled: true, byEvents: false, base64: false });
  });

  it('returns the QR and pairing code when asked for one at create, with the number cleaned up', async () => {
    const created = await client.createInstance({
      instanceName: 'with-qr',
      integration: 'WHATSAPP-BAILEYS',
      token: 'my-own-token',
      number: '+1 (202) 555 0101',
      qrcode: true,
      webhook: WEBHOOK,
    });
    expect(lastRequest().body).toMatchObject({ token: 'my-own-token', number: '12025550101' });
    expect(created).toMatchObject({ token: 'my-own-token', state: 'connecting' });
    expect(created.qr).toEqual({
      code: expect.stringMatching(/^2@/),
      image: expect.stringMatching(/^data:image\/png;base64,/),
      pairingCode: expect.stringMatching(/^[A-Z0-9]{8}$/),
      count: 1,
    });
  });

  it('maps {"count":0} (no QR produced yet) to a null QR', async () => {
    fake.setQrAvailable(false);
    try {
      const created = await client.createInstance({ instanceName: 'no-qr-yet', integration: 'WHATSAPP-BAILEYS', qrcode: true, webhook: WEBHOOK });
      expect(created).toMatchObject({ state: 'connecting', qr: null });
      expect(await client.connect('no-qr-yet')).toEqual({ state: 'connecting', qr: null });
    } finally {
      fake.setQrAvailable(true);
    }
  });

  it('maps a taken name to NAME_IN_USE and a bad integration to VALIDATION', async () => {
    const name = await newInstance();
    const taken = await gatewayError(
      client.createInstance({ instanceName: name, integration: 'WHATSAPP-BAILEYS', qrcode: false, webhook: WEBHOOK }),
      'NAME_IN_USE',
    );
    expect(taken.message).toContain(`This name "${name}" is already in use.`);
    expect(taken.details).toMatchObject({ status: 403, route: 'POST /instance/create' });

    const invalid = await gatewayError(
      client.createInstance({
        instanceName: 'bad-integration',
        // Deliberately outside the type: the server is the one that rejects it.
        integration: 'WHATSAPP-CLOUD' as 'WHATSAPP-BUSINESS',
        qrcode: false,
        webhook: WEBHOOK,
      }),
      'VALIDATION',
    );
    expect(invalid.message).toContain('Invalid integration');
    expect(invalid.retryable).toBe(false);
  });

  it('connects: QR while connecting, pairing code with a number, {state:open} once open', async () => {
    const name = await newInstance();
    const first = await client.connect(name);
    expect(first).toEqual({
      state: 'connecting',
      qr: { code: expect.stringMatching(/^2@/), image: expect.stringMatching(/^data:image/), pairingCode: null, count: 1 },
    });
    expect(await client.connect(name)).toEqual(first);

    const paired = await client.connect(name, '+1 202 555 0101');
    expect(lastRequest().path).toBe(`/instance/connect/${name}?number=12025550101`);
    expect(paired).toMatchObject({ state: 'connecting', qr: { pairingCode: expect.stringMatching(/^[A-Z0-9]{8}$/), count: 2 } });

    fake.setState(name, 'open');
    expect(await client.connect(name)).toEqual({ state: 'open' });
  });

  it('throws when connect answers HTTP 200 with {"error":true}', async () => {
    const name = await newInstance();
    fake.failNext(1, { status: 200, body: { error: true, message: 'Cannot read properties of undefined (reading "ws")' } });
    const error = await gatewayError(client.connect(name), 'UNAVAILABLE');
    expect(error.message).toContain('Cannot read properties of undefined');
    expect(error.details).toMatchObject({ status: 200, route: `GET /instance/connect/${name}` });
  });

  it('reads the connection state', async () => {
    const name = await newInstance();
    expect(await client.connectionState(name)).toBe('close');
    fake.setState(name, 'open');
    expect(await client.connectionState(name)).toBe('open');
    expect(lastRequest()).toMatchObject({ method: 'GET', path: `/instance/connectionState/${name}` });
  });

  it('fetches one instance by name, and null for a name the server does not know', async () => {
    const name = await newInstance({ open: true });
    const stored = fake.instances.get(name);
    expect(await client.fetchInstance(name)).toEqual({
      instanceId: stored?.id,
      name,
      state: 'open',
      ownerJid: '12025550101@s.whatsapp.net',
      profileName: 'Acme Sales',
      number: null,
    });
    expect(lastRequest().path).toBe(`/instance/fetchInstances?instanceName=${name}`);
    expect(await client.fetchInstance('never-created')).toBeNull();
  });

  it('works with an instance token on its own instance only', async () => {
    const mine = await newInstance();
    const other = await newInstance();
    const token = fake.instances.get(mine)?.token ?? '';
    const scoped = new EvolutionClient({ baseUrl: fake.url, apiKey: token });
    expect(await scoped.connectionState(mine)).toBe('close');
    expect(await scoped.fetchInstance(mine)).toMatchObject({ name: mine });
    const refused = await gatewayError(scoped.connectionState(other), 'UNAUTHORIZED');
    expect(refused.message).not.toContain(token);
    await gatewayError(
      scoped.createInstance({ instanceName: 'by-token', integration: 'WHATSAPP-BAILEYS', qrcode: false, webhook: WEBHOOK }),
      'UNAUTHORIZED',
    );
  });

  it('restarts a connected instance; restart on a closed one (HTTP 200 error body) is NOT_CONNECTED', async () => {
    const name = await newInstance({ open: true });
    await client.restart(name);
    expect(lastRequest()).toMatchObject({ method: 'POST', path: `/instance/restart/${name}` });

    fake.setState(name, 'close');
    const error = await gatewayError(client.restart(name), 'NOT_CONNECTED');
    expect(error.details).toMatchObject({ status: 200, body: { error: true, message: '[object Object]' } });
    expect(error.retryable).toBe(true);
  });

  it('logs out a connected instance; logout of a closed one is NOT_CONNECTED', async () => {
    const name = await newInstance({ open: true });
    await client.logout(name);
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/instance/logout/${name}` });
    expect(fake.instances.get(name)?.state).toBe('close');

    const error = await gatewayError(client.logout(name), 'NOT_CONNECTED');
    expect(error.message).toContain(`The "${name}" instance is not connected`);
    expect(error.details.status).toBe(400);
  });

  it('deletes an instance; afterwards it is INSTANCE_NOT_FOUND', async () => {
    const name = await newInstance();
    await client.deleteInstance(name);
    expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/instance/delete/${name}` });
    expect(fake.instances.has(name)).toBe(false);
    const error = await gatewayError(client.deleteInstance(name), 'INSTANCE_NOT_FOUND');
    expect(error.message).toContain(`The "${name}" instance does not exist`);
    expect(error.details).toMatchObject({ status: 404, route: `DELETE /instance/delete/${name}` });
  });
});

describe('webhook routes', () => {
  it('sets the webhook with the v2 nested body and finds it again', async () => {
    const name = await newInstance();
    const replacement: WebhookConfig = {
      url: 'https://backend.example.test/hooks/2',
      headers: { 'x-webhook-secret': 'whsec-2' },
      events: ['MESSAGES_UPSERT'],
    };
    await client.setWebhook(name, replacement);
    expect(lastRequest()).toMatchObject({ method: 'POST', path: `/webhook/set/${name}` });
    expect(lastRequest().body).toEqual({ webhook: { enabled: true, ...replacement, byEvents: false, base64: false } });
    expect(await client.findWebhook(name)).toEqual({ ...replacement, enabled: true });
  });

  it('finds null for an instance that never had a webhook', async () => {
    const response = await fetch(`${fake.url}/instance/create`, {
      method: 'POST',
      headers: { apikey: GLOBAL_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ instanceName: 'no-hook', integration: 'WHATSAPP-BAILEYS' }),
    });
    expect(response.status).toBe(201);
    expect(await client.findWebhook('no-hook')).toBeNull();
  });

  it('maps a rejected event name to VALIDATION with the flattened schema message', async () => {
    const name = await newInstance();
    const error = await gatewayError(client.setWebhook(name, { ...WEBHOOK, events: ['messages.upsert'] }), 'VALIDATION');
    expect(error.message).toContain('instance.webhook.events[0] is not one of enum values: APPLICATION_STARTUP');
    expect(error.details.body).toMatchObject({ response: { message: [[expect.stringContaining('is not one of enum values')]] } });
  });
});

describe('message routes', () => {
  it('sends text with delay and quote, stripping +, spaces and parentheses from the number', async () => {
    const name = await newInstance({ open: true });
    const sent = await client.sendText(name, {
      to: '+1 (202) 555 0123',
      text: 'Your order #117 is ready for pickup.',
      delayMs: 1200,
      quoted: { externalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', remoteJid: '12025550123@s.whatsapp.net', fromMe: false },
    });
    expect(lastRequest()).toMatchObject({ method: 'POST', path: `/message/sendText/${name}` });
    expect(lastRequest().body).toEqual({
      number: '12025550123',
      text: 'Your order #117 is ready for pickup.',
      delay: 1200,
      quoted: { key: { id: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', remoteJid: '12025550123@s.whatsapp.net', fromMe: false } },
    });
    expect(sent).toEqual({
      externalId: expect.stringMatching(/^3EB0[0-9A-F]{18}$/),
      remoteJid: '12025550123@s.whatsapp.net',
      timestamp: expect.any(Number),
    });
    expect(Math.abs((sent.timestamp ?? 0) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('passes a full JID through untouched', async () => {
    const name = await newInstance({ open: true });
    const sent = await client.sendText(name, { to: '210987654321098@lid', text: 'hi' });
    expect(lastRequest().body).toEqual({ number: '210987654321098@lid', text: 'hi' });
    expect(sent.remoteJid).toBe('210987654321098@lid');
  });

  it('sends media, voice notes and locations', async () => {
    const name = await newInstance({ open: true });
    const media = await client.sendMedia(name, {
      to: '12025550123',
      mediaType: 'document',
      media: 'https://cdn.example.test/menu.pdf',
      mimeType: 'application/pdf',
      caption: 'Menu',
      fileName: 'menu.pdf',
    });
    expect(lastRequest().body).toEqual({
      number: '12025550123',
      mediatype: 'document',
      media: 'https://cdn.example.test/menu.pdf',
      mimetype: 'application/pdf',
      caption: 'Menu',
      fileName: 'menu.pdf',
    });
    expect(media.externalId).toMatch(/^3EB0/);

    const audio = await client.sendWhatsAppAudio(name, { to: '12025550123', audio: 'https://cdn.example.test/hello.ogg' });
    expect(lastRequest()).toMatchObject({
      path: `/message/sendWhatsAppAudio/${name}`,
      body: { number: '12025550123', audio: 'https://cdn.example.test/hello.ogg' },
    });
    expect(audio.remoteJid).toBe('12025550123@s.whatsapp.net');

    const place = { latitude: 56.95, longitude: 24.1, name: 'Shop', address: 'Brīvības 1, Rīga' };
    const location = await client.sendLocation(name, { to: '12025550123', ...place });
    expect(lastRequest()).toMatchObject({
      path: `/message/sendLocation/${name}`,
      body: { number: '12025550123', ...place },
    });
    expect(new Set([media.externalId, audio.externalId, location.externalId]).size).toBe(3);
  });

  it('sends a reaction as {key, reaction} without a number', async () => {
    const name = await newInstance({ open: true });
    const target = { externalId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', remoteJid: '12025550123@s.whatsapp.net', fromMe: false };
    const sent = await client.sendReaction(name, { target, emoji: '👍' });
    expect(lastRequest()).toMatchObject({ path: `/message/sendReaction/${name}` });
    expect(lastRequest().body).toEqual({ key: { id: target.externalId, remoteJid: target.remoteJid, fromMe: false }, reaction: '👍' });
    expect(sent.remoteJid).toBe(target.remoteJid);
  });

  it('maps a schema failure (nested array) to VALIDATION', async () => {
    const name = await newInstance({ open: true });
    const error = await gatewayError(client.sendText(name, { to: '12025550123', text: '   ' }), 'VALIDATION');
    expect(error.message).toMatch(/^Evolution API rejected the request: instance\.text does not meet minimum length of 1 \(POST /);
    expect(error.details.status).toBe(400);
  });

  it('maps a number without WhatsApp to NUMBER_NOT_ON_WHATSAPP', async () => {
    const name = await newInstance({ open: true });
    fake.setNotOnWhatsApp(['12025550199']);
    try {
      const error = await gatewayError(client.sendText(name, { to: '+1 202 555 0199', text: 'hello?' }), 'NUMBER_NOT_ON_WHATSAPP');
      expect(error.message).toContain('12025550199');
      expect(error.details.body).toMatchObject({ response: { message: [{ jid: '12025550199@s.whatsapp.net', exists: false }] } });
      expect(error.retryable).toBe(false);
    } finally {
      fake.setNotOnWhatsApp([]);
    }
  });

  it('maps 500 "Connection Closed" to NOT_CONNECTED', async () => {
    const name = await newInstance();
    const error = await gatewayError(client.sendText(name, { to: '12025550123', text: 'hi' }), 'NOT_CONNECTED');
    expect(error.message).toContain('Connection Closed');
    expect(error.details).toMatchObject({ status: 500, route: `POST /message/sendText/${name}` });
    expect(error.retryable).toBe(true);
  });
});

describe('chat routes', () => {
  it('checks numbers on WhatsApp', async () => {
    const name = await newInstance({ open: true });
    fake.setNotOnWhatsApp(['12025550199']);
    try {
      const checks = await client.whatsappNumbers(name, ['+1 (202) 555 0123', '12025550199']);
      expect(lastRequest().body).toEqual({ numbers: ['12025550123', '12025550199'] });
      expect(checks).toEqual([
        { number: '12025550123', exists: true, jid: '12025550123@s.whatsapp.net', name: null, lid: null },
        { number: '12025550199', exists: false, jid: '12025550199@s.whatsapp.net', name: null, lid: null },
      ]);
    } finally {
      fake.setNotOnWhatsApp([]);
    }
    expect(await captured(() => client.whatsappNumbers(name, []))).toEqual([]);
  });

  it('maps the raw Boom 428 "Connection Closed" body of whatsappNumbers to NOT_CONNECTED', async () => {
    const name = await newInstance();
    const error = await gatewayError(client.whatsappNumbers(name, ['12025550123']), 'NOT_CONNECTED');
    expect(error.message).toContain('Connection Closed');
    expect(error.details.status).toBe(400);
  });

  it('marks messages as read and sends presence', async () => {
    const name = await newInstance({ open: true });
    await client.markMessageAsRead(name, [{ externalId: 'A1B2', remoteJid: '12025550123@s.whatsapp.net', fromMe: false }]);
    expect(lastRequest().body).toEqual({ readMessages: [{ id: 'A1B2', fromMe: false, remoteJid: '12025550123@s.whatsapp.net' }] });
    expect(fake.instances.get(name)?.readMessages).toEqual([{ id: 'A1B2', remoteJid: '12025550123@s.whatsapp.net', fromMe: false }]);

    await client.sendPresence(name, '+1 202 555 0123', 'composing', 3000);
    expect(lastRequest()).toMatchObject({
      path: `/chat/sendPresence/${name}`,
      body: { number: '12025550123', presence: 'composing', delay: 3000 },
    });
  });

  it('finds stored messages by id and by chat', async () => {
    const name = await newInstance({ open: true });
    const first = await client.sendText(name, { to: '12025550123', text: 'one' });
    await client.sendText(name, { to: '12025550123', text: 'two' });
    await client.sendText(name, { to: '12025550145', text: 'elsewhere' });

    const byId = await client.findMessages(name, { externalId: first.externalId });
    expect(lastRequest().body).toEqual({ where: { key: { id: first.externalId } } });
    expect(byId).toMatchObject({
      total: 1,
      pages: 1,
      currentPage: 1,
      records: [{ key: { id: first.externalId }, message: { conversation: 'one' } }],
    });

    const chat = await client.findMessages(name, { remoteJid: '12025550123@s.whatsapp.net', page: 1 });
    expect(chat.total).toBe(2);
    expect(chat.records.map((record) => record.message)).toEqual([{ conversation: 'two' }, { conversation: 'one' }]);
  });

  it('updates the profile and reads it back', async () => {
    const name = await newInstance({ open: true });
    await client.updateProfileName(name, 'Acme Support');
    expect(lastRequest()).toMatchObject({ path: `/chat/updateProfileName/${name}`, body: { name: 'Acme Support' } });
    await client.updateProfileStatus(name, 'Open 9–17');
    expect(lastRequest()).toMatchObject({ path: `/chat/updateProfileStatus/${name}`, body: { status: 'Open 9–17' } });
    await client.updateProfilePicture(name, 'https://cdn.example.test/logo.png');
    expect(lastRequest()).toMatchObject({ path: `/chat/updateProfilePicture/${name}`, body: { picture: 'https://cdn.example.test/logo.png' } });

    expect(await client.fetchProfile(name, '+1 202 555 0101')).toEqual({
      wuid: '12025550101@s.whatsapp.net',
      name: 'Acme Support',
      picture: 'https://cdn.example.test/logo.png',
      status: 'Open 9–17',
      isBusiness: false,
    });
    expect(lastRequest().body).toEqual({ number: '12025550101' });
    expect(await client.fetchProfile(name, '12025550123')).toEqual({
      wuid: '12025550123@s.whatsapp.net',
      name: null,
      picture: null,
      status: null,
      isBusiness: false,
    });
  });
});

describe('error mapping', () => {
  it('maps a wrong key to UNAUTHORIZED without echoing either key', async () => {
    const name = await newInstance();
    const wrongKey = 'not-the-key-5d41402abc';
    const intruder = new EvolutionClient({ baseUrl: fake.url, apiKey: wrongKey });
    const error = await gatewayError(intruder.connectionState(name), 'UNAUTHORIZED');
    expect(error.details).toMatchObject({ status: 401, route: `GET /instance/connectionState/${name}` });
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(wrongKey);
    expect(error.retryable).toBe(false);
  });

  it('answers an unknown instance with INSTANCE_NOT_FOUND even before checking the key', async () => {
    const intruder = new EvolutionClient({ baseUrl: fake.url, apiKey: 'wrong' });
    const error = await gatewayError(intruder.connectionState('ghost'), 'INSTANCE_NOT_FOUND');
    expect(error.message).toBe('The "ghost" instance does not exist (GET /instance/connectionState/ghost)');
  });

  it('maps an unknown route (wrong base URL) to UNAVAILABLE', async () => {
    const name = await newInstance();
    const misconfigured = new EvolutionClient({ baseUrl: `${fake.url}/api/v2/`, apiKey: GLOBAL_KEY });
    const error = await gatewayError(misconfigured.connectionState(name), 'UNAVAILABLE');
    expect(error.message).toContain(`Cannot GET /api/v2/instance/connectionState/${name}`);
    expect(error.message).toContain('check the server URL');
    expect(error.details.status).toBe(404);
  });

  it('maps a non-JSON answer to UNAVAILABLE', async () => {
    const name = await newInstance();
    fake.failNext(1, { status: 200, body: '<html><body>Welcome to nginx!</body></html>' });
    const error = await gatewayError(client.restart(name), 'UNAVAILABLE');
    expect(error.message).toContain('non-JSON');
    expect(error.details).toMatchObject({ status: 200, body: expect.stringContaining('nginx') });
  });

  it('reads {error:"..."} bodies and raw Boom objects', async () => {
    const name = await newInstance({ open: true });
    fake.failNext(1, { status: 400, body: { error: 'remoteJid is a required query parameter' } });
    const plain = await gatewayError(client.sendText(name, { to: '1', text: 'x' }), 'VALIDATION');
    expect(plain.message).toContain('remoteJid is a required query parameter');

    fake.failNext(1, { status: 500, body: { isBoom: true, output: { statusCode: 500, payload: { message: 'Internal failure' } } } });
    const boom = await gatewayError(client.sendText(name, { to: '1', text: 'x' }), 'UNAVAILABLE');
    expect(boom.message).toContain('Internal failure');

    fake.failNext(1, { status: 400, body: { isBoom: true, output: { statusCode: 428, payload: { message: 'Connection Closed' } } } });
    await gatewayError(client.sendText(name, { to: '1', text: 'x' }), 'NOT_CONNECTED');
  });

  it('redacts the key when the server echoes it back', async () => {
    const name = await newInstance({ open: true });
    fake.failNext(1, { status: 400, body: { status: 400, error: 'Bad Request', response: { message: [`bad apikey ${GLOBAL_KEY} given`] } } });
    const error = await gatewayError(client.sendText(name, { to: '12025550123', text: 'x' }), 'VALIDATION');
    expect(error.message).toContain('bad apikey [redacted] given');
  });
});

describe('retries', () => {
  it('retries an idempotent call through two 500s', async () => {
    const name = await newInstance();
    fake.failNext(2, { status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: 'database is restarting' } } });
    let state: string | undefined;
    const requests = await captured(async () => (state = await client.connectionState(name)));
    expect(state).toBe('close');
    expect(requests.map((request) => request.path)).toEqual(Array(3).fill(`/instance/connectionState/${name}`));
  });

  it('retries an idempotent call after a dropped connection', async () => {
    const name = await newInstance();
    fake.failNext(1, 'network');
    let state: string | undefined;
    const requests = await captured(async () => (state = await client.connectionState(name)));
    expect(state).toBe('close');
    expect(requests).toHaveLength(2);
  });

  it('gives up after retries + 1 attempts', async () => {
    const name = await newInstance();
    fake.failNext(3, { status: 503, body: { status: 503, error: 'Service Unavailable', response: { message: 'busy' } } });
    const mark = fake.requests.length;
    const error = await gatewayError(client.connectionState(name), 'UNAVAILABLE');
    expect(error.details.status).toBe(503);
    expect(fake.requests.length - mark).toBe(3);
  });

  it('retries setWebhook (an upsert) but not a 4xx', async () => {
    const name = await newInstance();
    fake.failNext(1, { status: 502, body: { status: 502, error: 'Bad Gateway', response: { message: 'upstream' } } });
    expect(await captured(() => client.setWebhook(name, WEBHOOK))).toHaveLength(2);
    expect(await captured(() => client.connectionState('ghost'))).toHaveLength(1);
  });

  it('does not retry a send on 500 or on a dropped connection', async () => {
    const name = await newInstance({ open: true });
    fake.failNext(1, { status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: 'boom' } } });
    const mark = fake.requests.length;
    const error = await gatewayError(client.sendText(name, { to: '12025550123', text: 'once' }), 'UNAVAILABLE');
    expect(error.details.status).toBe(500);
    expect(fake.requests.length - mark).toBe(1);

    fake.failNext(1, 'network');
    expect(await captured(() => gatewayError(client.sendText(name, { to: '12025550123', text: 'once' }), 'UNAVAILABLE'))).toHaveLength(1);
  });

  it('times out per attempt: a send fails fast, a read is retried', async () => {
    const name = await newInstance({ open: true });
    const impatient = new EvolutionClient({ baseUrl: fake.url, apiKey: GLOBAL_KEY, timeoutMs: 300 });

    fake.failNext(1, 'timeout');
    const started = Date.now();
    const mark = fake.requests.length;
    const error = await gatewayError(impatient.sendText(name, { to: '12025550123', text: 'slow' }), 'UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error.message).toContain('did not answer within 300 ms');
    expect(fake.requests.length - mark).toBe(1);

    fake.failNext(1, 'timeout');
    let state: string | undefined;
    const requests = await captured(async () => (state = await impatient.connectionState(name)));
    expect(state).toBe('open');
    expect(requests).toHaveLength(2);
  });
});

describe('apikey header', () => {
  it('is sent on every request', async () => {
    const name = await newInstance({ open: true });
    const requests = await captured(async () => {
      await client.ping();
      await client.connectionState(name);
      await client.sendText(name, { to: '12025550123', text: 'hi' });
      await client.logout(name);
      await client.deleteInstance(name);
    });
    expect(requests).toHaveLength(5);
    for (const request of requests) expect(request.headers.apikey).toBe(GLOBAL_KEY);
    // And across the whole file: no request ever left without one.
    expect(fake.requests.filter((request) => typeof request.headers.apikey !== 'string')).toEqual([]);
  });
});

describe('fake webhook delivery', () => {
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  let receiverUrl = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        response.writeHead(received.length === 1 ? 200 : 202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/evolution`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('posts emitted events and fixtures to the stored URL with the stored headers', async () => {
    const name = await newInstance({ open: true });
    await client.setWebhook(name, { ...WEBHOOK, url: receiverUrl });
    const token = fake.instances.get(name)?.token;

    expect(await fake.emit(name, 'connection.update', { instance: name, state: 'open', statusReason: 200 })).toBe(200);
    expect(received[0]?.headers['x-webhook-secret']).toBe('whsec-1');
    expect(received[0]?.body).toEqual({
      event: 'connection.update',
      instance: name,
      data: { instance: name, state: 'open', statusReason: 200 },
      destination: receiverUrl,
      date_time: expect.any(String),
      sender: '12025550101@s.whatsapp.net',
      server_url: fake.url,
      apikey: token,
    });

    expect(await fake.emitFixture(name, 'webhook-messages-upsert-text.json')).toBe(202);
    expect(received[1]?.body).toMatchObject({
      event: 'messages.upsert',
      instance: name,
      destination: receiverUrl,
      apikey: token,
      data: { key: { id: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' }, instanceId: fake.instances.get(name)?.id },
    });

    await expect(fake.emit(name, 'presence.update', {})).rejects.toThrow('not subscribed to PRESENCE_UPDATE');
  });
});
