/**
 * A real HTTP server speaking the Evolution API 2.3.6 contract (../../../shared/evolution/CONTRACT.md):
 * auth guard order, route shapes, the quirky error bodies, and webhook delivery on demand. No
 * WhatsApp behind it: connection states change only through `setState`, and webhooks are sent
 * only through `emit`/`emitFixture`, so tests decide exactly what happens when.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, STATUS_CODES, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ConnectionState } from '../../src/services/whatsapp/gateway.ts';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../shared/evolution/fixtures');

const OWN_JID = '12025550101@s.whatsapp.net';
const INTEGRATIONS = ['WHATSAPP-BAILEYS', 'WHATSAPP-BUSINESS', 'EVOLUTION'];
const MEDIA_TYPES = ['image', 'document', 'video', 'audio'];
const PRESENCES = ['available', 'unavailable', 'composing', 'recording', 'paused'];
const PAGE_SIZE = 50;
/** 1×1 PNG: the QR image only has to be a well-formed data URL. */
const QR_IMAGE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
/** §6: the config names `/webhook/set` accepts. */
const WEBHOOK_EVENTS = [
  'APPLICATION_STARTUP', 'QRCODE_UPDATED', 'MESSAGES_SET', 'MESSAGES_UPSERT', 'MESSAGES_EDITED', 'MESSAGES_UPDATE',
  'MESSAGES_DELETE', 'SEND_MESSAGE', 'SEND_MESSAGE_UPDATE', 'CONTACTS_SET', 'CONTACTS_UPSERT', 'CONTACTS_UPDATE',
  'PRESENCE_UPDATE', 'CHATS_SET', 'CHATS_UPSERT', 'CHATS_UPDATE', 'CHATS_DELETE', 'GROUPS_UPSERT', 'GROUP_UPDATE',
  'GROUP_PARTICIPANTS_UPDATE', 'CONNECTION_UPDATE', 'LABELS_EDIT', 'LABELS_ASSOCIATION', 'CALL', 'TYPEBOT_START',
  'TYPEBOT_CHANGE_STATUS', 'REMOVE_INSTANCE', 'LOGOUT_INSTANCE', 'INSTANCE_CREATE', 'INSTANCE_DELETE', 'STATUS_INSTANCE',
];

export interface FakeWebhook {
  id: string;
  url: string;
  headers: Record<string, string>;
  enabled: boolean;
  /** Empty means every event. */
  events: string[];
  byEvents: boolean;
  base64: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FakeQr {
  code: string;
  base64: string;
  pairingCode: string | null;
  count: number;
}

export interface FakeMessageKey {
  id: string;
  remoteJid: string;
  fromMe: boolean;
}

/** A stored message as `findMessages` returns it. */
export interface FakeStoredMessage {
  id: string;
  key: FakeMessageKey;
  pushName: string;
  status: string;
  message: Record<string, unknown>;
  contextInfo: Record<string, unknown>;
  messageType: string;
  messageTimestamp: number;
  instanceId: string;
  source: string;
  MessageUpdate: { status: string }[];
}

export interface FakeInstance {
  id: string;
  name: string;
  token: string;
  integration: string;
  number: string | null;
  businessId: string | null;
  state: ConnectionState;
  ownerJid: string | null;
  profileName: string | null;
  profilePicUrl: string | null;
  profileStatus: string | null;
  webhook: FakeWebhook | null;
  qr: FakeQr | null;
  qrCount: number;
  messages: FakeStoredMessage[];
  readMessages: FakeMessageKey[];
  presences: { number: string; presence: string; delay: number }[];
  createdAt: string;
  updatedAt: string;
}

export interface FakeRequest {
  method: string;
  /** Path and query string, as received. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or undefined when there was no body. */
  body: unknown;
}

/**
 * `{status, body}` answers with that (a string body is sent raw, as text/html); `network` destroys
 * the socket; `timeout` never answers.
 */
export type FakeFault = { status: number; body: unknown } | 'network' | 'timeout';

/**
 * When the fake POSTs the `send.message` webhook for a successful send, as Evolution does: never
 * (the default: tests emit what they want), or before / after answering the send request. Real
 * Evolution fires it right after sending, so it can reach the webhook before the HTTP answer does.
 */
export type FakeSendEcho = 'never' | 'before-response' | 'after-response';

type JsonRecord = Record<string, unknown>;

interface Reply {
  status: number;
  body: unknown;
}

interface Context {
  method: string;
  pathname: string;
  query: URLSearchParams;
  body: unknown;
  apikey: string | undefined;
}

type RouteHandler = (context: Context, instance: FakeInstance) => Reply;
type Route = { scope: 'instance'; handle: RouteHandler } | { scope: 'server'; handle: (context: Context) => Reply };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function now(): string {
  return new Date().toISOString();
}

/** Evolution's error envelope (§1). */
function failure(status: number, message: unknown): Reply {
  return { status, body: { status, error: STATUS_CODES[status], response: { message } } };
}

/** JSON-schema failures come wrapped in one more array. */
function schemaFailure(errors: string[]): Reply {
  return failure(400, [errors]);
}

const connectionClosed = (): Reply => failure(500, 'Connection Closed');

type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

function typeOf(value: unknown): FieldType | 'other' {
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'other';
}

/** The subset of jsonschema's validator messages that Evolution's DTO schemas produce. */
function validate(value: unknown, fields: Record<string, FieldType>, required: string[], at = 'instance'): string[] {
  if (!isRecord(value)) return [`${at} is not of a type(s) object`];
  const errors = required.filter((name) => value[name] === undefined).map((name) => `${at} requires property "${name}"`);
  for (const [name, type] of Object.entries(fields)) {
    if (value[name] !== undefined && typeOf(value[name]) !== type) errors.push(`${at}.${name} is not of a type(s) ${type}`);
  }
  return errors;
}

function enumError(at: string, value: unknown, allowed: string[]): string[] {
  return typeof value === 'string' && allowed.includes(value) ? [] : [`${at} is not one of enum values: ${allowed.join(',')}`];
}

/** The server strips `+`, spaces and parentheses and adds the user server; JIDs pass through. */
function toJid(number: string): string {
  return number.includes('@') ? number : `${number.replace(/[^\d]/g, '')}@s.whatsapp.net`;
}

function userOf(jid: string): string {
  return jid.split('@')[0] ?? jid;
}

function messageId(): string {
  return `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
}

function rowId(): string {
  return `cm${randomBytes(12).toString('hex').slice(0, 23)}`;
}

function qrBody(qr: FakeQr | null): JsonRecord {
  return qr ? { pairingCode: qr.pairingCode, code: qr.code, base64: qr.base64, count: qr.count } : { count: 0 };
}

function webhookRow(instance: FakeInstance, webhook: FakeWebhook): JsonRecord {
  return {
    id: webhook.id,
    url: webhook.url,
    headers: webhook.headers,
    enabled: webhook.enabled,
    events: webhook.events,
    webhookByEvents: webhook.byEvents,
    webhookBase64: webhook.base64,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
    instanceId: instance.id,
  };
}

function instanceRecord(instance: FakeInstance): JsonRecord {
  return {
    id: instance.id,
    name: instance.name,
    connectionStatus: instance.state === 'refused' ? 'close' : instance.state,
    ownerJid: instance.ownerJid,
    profileName: instance.profileName,
    profilePicUrl: instance.profilePicUrl,
    integration: instance.integration,
    number: instance.number,
    businessId: instance.businessId,
    token: instance.token,
    clientName: 'evolution_exchange',
    disconnectionReasonCode: null,
    disconnectionObject: null,
    disconnectionAt: null,
    createdAt: instance.createdAt,
    updatedAt: instance.updatedAt,
    Chatwoot: null,
    Proxy: null,
    Rabbitmq: null,
    Nats: null,
    Sqs: null,
    Websocket: null,
    Setting: null,
    _count: { Message: instance.messages.length, Contact: 0, Chat: 0 },
  };
}

function sendResponse(stored: FakeStoredMessage): JsonRecord {
  const { id: _databaseId, MessageUpdate: _updates, ...response } = stored;
  return response;
}

export class FakeEvolution {
  readonly instances = new Map<string, FakeInstance>();
  readonly requests: FakeRequest[] = [];
  private readonly faults: FakeFault[] = [];
  private readonly notOnWhatsApp = new Set<string>();
  private qrAvailable = true;
  private responseDelayMs = 0;
  private sendEcho: FakeSendEcho = 'never';
  private beforeSendAnswerHook: ((instanceName: string, sent: FakeStoredMessage) => Promise<void>) | null = null;
  private readonly routes: Record<string, Route>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly globalKey: string,
  ) {
    const own = (handle: RouteHandler): Route => ({ scope: 'instance', handle });
    this.routes = {
      'POST /instance/create': { scope: 'server', handle: (context) => this.create(context) },
      'GET /instance/fetchInstances': { scope: 'server', handle: (context) => this.fetchInstances(context) },
      'GET /instance/connect': own((context, instance) => this.connect(instance, context.query.get('number'))),
      'GET /instance/connectionState': own((_context, instance) => ({
        status: 200,
        body: { instance: { instanceName: instance.name, state: instance.state } },
      })),
      'POST /instance/restart': own((_context, instance) => this.restart(instance)),
      'DELETE /instance/logout': own((_context, instance) => this.logout(instance)),
      'DELETE /instance/delete': own((_context, instance) => this.delete(instance)),
      'POST /webhook/set': own((context, instance) => this.setWebhook(context, instance)),
      'GET /webhook/find': own((_context, instance) => ({
        status: 200,
        body: instance.webhook ? webhookRow(instance, instance.webhook) : null,
      })),
      'POST /message/sendText': own((context, instance) => this.sendText(context, instance)),
      'POST /message/sendMedia': own((context, instance) => this.sendMedia(context, instance)),
      'POST /message/sendWhatsAppAudio': own((context, instance) => this.sendAudio(context, instance)),
      'POST /message/sendLocation': own((context, instance) => this.sendLocation(context, instance)),
      'POST /message/sendReaction': own((context, instance) => this.sendReaction(context, instance)),
      'POST /chat/whatsappNumbers': own((context, instance) => this.whatsappNumbers(context, instance)),
      'POST /chat/markMessageAsRead': own((context, instance) => this.markRead(context, instance)),
      'POST /chat/sendPresence': own((context, instance) => this.sendPresence(context, instance)),
      'POST /chat/findMessages': own((context, instance) => this.findMessages(context, instance)),
      'POST /chat/fetchProfile': own((context, instance) => this.fetchProfile(context, instance)),
      'POST /chat/updateProfileName': own((context, instance) =>
        this.updateProfile(context, instance, 'name', (value) => (instance.profileName = value)),
      ),
      'POST /chat/updateProfileStatus': own((context, instance) =>
        this.updateProfile(context, instance, 'status', (value) => (instance.profileStatus = value)),
      ),
      'POST /chat/updateProfilePicture': own((context, instance) =>
        this.updateProfile(context, instance, 'picture', (value) => (instance.profilePicUrl = value)),
      ),
    };
  }

  static async start(options: { globalKey?: string } = {}): Promise<FakeEvolution> {
    let fake: FakeEvolution | undefined;
    const server = createServer((request, response) => {
      // Requests can only arrive after listen() resolved, by which time `fake` is set. A client
      // that hangs up mid-body rejects the read; there is nobody left to answer then.
      fake?.handle(request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeEvolution(server, `http://127.0.0.1:${port}`, options.globalKey ?? `global-${randomUUID()}`);
    return fake;
  }

  /** Moves an instance to a connection state; the first `open` also sets the connected account. */
  setState(name: string, state: ConnectionState): void {
    const instance = this.instance(name);
    instance.state = state;
    instance.updatedAt = now();
    if (state === 'open') {
      instance.qr = null;
      instance.ownerJid ??= OWN_JID;
      instance.profileName ??= 'Acme Sales';
    }
  }

  /** The next `count` requests, whatever their route, fail this way (after being logged). */
  failNext(count: number, fault: FakeFault): void {
    for (let index = 0; index < count; index++) this.faults.push(fault);
  }

  /** Replaces the set of numbers (digits, or JIDs) the fake reports as not on WhatsApp. */
  setNotOnWhatsApp(numbers: string[]): void {
    this.notOnWhatsApp.clear();
    for (const number of numbers) this.notOnWhatsApp.add(userOf(toJid(number)));
  }

  /** When false, connect and create answer `{"count":0}` as before Baileys produced the first QR. */
  setQrAvailable(available: boolean): void {
    this.qrAvailable = available;
  }

  /** Every answer waits this long first (a busy server, or WhatsApp's own latency on sends). */
  setResponseDelay(ms: number): void {
    this.responseDelayMs = ms;
  }

  /** Whether and when successful sends are echoed as `send.message` webhooks. */
  echoSends(when: FakeSendEcho): void {
    this.sendEcho = when;
  }

  /**
   * Runs `hook` after a send succeeded and before it is answered (after a `before-response` echo),
   * so a test can deliver webhooks about the message — receipts, say — while the sender still waits.
   */
  beforeSendAnswer(hook: ((instanceName: string, sent: FakeStoredMessage) => Promise<void>) | null): void {
    this.beforeSendAnswerHook = hook;
  }

  /** Stops listening: connections are refused (ECONNREFUSED) until `acceptConnections`. State is kept. */
  async refuseConnections(): Promise<void> {
    await this.close();
  }

  /** Listens again on the same port. */
  async acceptConnections(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(Number(new URL(this.url).port), '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /**
   * POSTs `{event, instance, data, …}` to the instance's webhook as Evolution does (§7) and
   * returns the HTTP status the receiver answered. Throws when Evolution would not deliver it.
   */
  emit(name: string, event: string, data: unknown): Promise<number> {
    const instance = this.instance(name);
    return this.deliver(instance, {
      event,
      instance: name,
      data,
      destination: instance.webhook?.url,
      date_time: now(),
      ...(instance.ownerJid ? { sender: instance.ownerJid } : {}),
      server_url: this.url,
      apikey: instance.token,
    });
  }

  /** Sends a `webhook-*.json` fixture as if this instance had produced it. */
  async emitFixture(name: string, fixtureFileName: string): Promise<number> {
    const instance = this.instance(name);
    const envelope: unknown = JSON.parse(await readFile(path.join(FIXTURES_DIR, fixtureFileName), 'utf8'));
    if (!isRecord(envelope) || typeof envelope.event !== 'string') throw new Error(`${fixtureFileName} is not a webhook body`);
    envelope.instance = name;
    envelope.destination = instance.webhook?.url;
    envelope.apikey = instance.token;
    // Payloads repeat the instance's identity inside `data` (connection.update, qrcode.updated, messages).
    const data = envelope.data;
    if (isRecord(data)) {
      if (typeof data.instance === 'string') data.instance = name;
      if (typeof data.instanceId === 'string') data.instanceId = instance.id;
      if (isRecord(data.qrcode) && typeof data.qrcode.instance === 'string') data.qrcode.instance = name;
    }
    return this.deliver(instance, envelope);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Keep-alive sockets and requests held by a `timeout` fault would otherwise keep it open.
    this.server.closeAllConnections();
    await closed;
  }

  private instance(name: string): FakeInstance {
    const instance = this.instances.get(name);
    if (!instance) throw new Error(`The fake has no instance "${name}"`);
    return instance;
  }

  private async deliver(instance: FakeInstance, envelope: JsonRecord): Promise<number> {
    const webhook = instance.webhook;
    if (!webhook?.enabled) throw new Error(`Instance "${instance.name}" has no enabled webhook`);
    const configName = String(envelope.event).replace(/[.-]/g, '_').toUpperCase();
    if (webhook.events.length > 0 && !webhook.events.includes(configName)) {
      throw new Error(`Instance "${instance.name}" webhook is not subscribed to ${configName}`);
    }
    const target = webhook.byEvents ? `${webhook.url}/${configName.toLowerCase().replace(/_/g, '-')}` : webhook.url;
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'axios/1.12.2', ...webhook.headers },
      body: JSON.stringify(envelope),
    });
    await response.arrayBuffer();
    return response.status;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    let body: unknown;
    let malformed = false;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      malformed = true;
    }
    this.requests.push({ method, path: `${url.pathname}${url.search}`, headers: request.headers, body });

    const fault = this.faults.shift();
    if (fault === 'network') {
      request.socket.destroy();
      return;
    }
    if (fault === 'timeout') return;
    if (fault) {
      this.respond(response, fault);
      return;
    }
    if (malformed) {
      this.respond(response, failure(400, ['Unexpected token in JSON body']));
      return;
    }
    const header = request.headers.apikey;
    const context: Context = {
      method,
      pathname: url.pathname,
      query: url.searchParams,
      body,
      apikey: typeof header === 'string' ? header : undefined,
    };
    if (this.responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.responseDelayMs));
    const reply = this.dispatch(context);
    const sent = reply.status === 201 && context.pathname.startsWith('/message/send');
    const name = decodeURIComponent(context.pathname.split('/')[3] ?? '');
    // A webhook Evolution cannot deliver does not fail the send.
    const echo = () => this.emit(name, 'send.message', reply.body).then(() => undefined, () => undefined);
    if (sent && this.sendEcho === 'before-response') await echo();
    if (sent && this.beforeSendAnswerHook) {
      const id = (reply.body as { key: FakeMessageKey }).key.id;
      await this.beforeSendAnswerHook(name, this.instance(name).messages.find((message) => message.key.id === id)!);
    }
    this.respond(response, reply);
    if (sent && this.sendEcho === 'after-response') await echo();
  }

  private respond(response: ServerResponse, reply: Reply): void {
    if (typeof reply.body === 'string') {
      response.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8' }).end(reply.body);
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
  }

  private dispatch(context: Context): Reply {
    if (context.method === 'GET' && context.pathname === '/') return this.welcome();
    const segments = context.pathname.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
    const route = this.routes[`${context.method} /${segments.slice(0, 2).join('/')}`];
    const expectedSegments = route?.scope === 'instance' ? 3 : 2;
    if (!route || segments.length !== expectedSegments) return failure(404, [`Cannot ${context.method} ${context.pathname}`]);

    if (route.scope === 'server') {
      // §1: create's name-in-use check runs before the key check.
      if (context.pathname === '/instance/create' && isRecord(context.body) && typeof context.body.instanceName === 'string') {
        const name = context.body.instanceName;
        if (this.instances.has(name)) return failure(403, [`This name "${name}" is already in use.`]);
      }
      if (!this.authorized(context.apikey, null, context.pathname === '/instance/fetchInstances')) {
        return failure(401, 'Unauthorized');
      }
      return route.handle(context);
    }

    const name = segments[2] ?? '';
    const instance = this.instances.get(name);
    // §1: an unknown instance is a 404 before the key is looked at.
    if (!instance) return failure(404, [`The "${name}" instance does not exist`]);
    if (!this.authorized(context.apikey, instance, false)) return failure(401, 'Unauthorized');
    return route.handle(context, instance);
  }

  private authorized(apikey: string | undefined, instance: FakeInstance | null, anyInstanceToken: boolean): boolean {
    if (!apikey) return false;
    if (apikey === this.globalKey) return true;
    if (instance) return apikey === instance.token;
    return anyInstanceToken && [...this.instances.values()].some((candidate) => candidate.token === apikey);
  }

  private welcome(): Reply {
    return {
      status: 200,
      body: {
        status: 200,
        message: 'Welcome to the Evolution API, it is working!',
        version: '2.3.6',
        clientName: 'evolution_exchange',
        manager: `${this.url}/manager`,
        documentation: 'https://doc.evolution-api.com',
        whatsappWebVersion: '2.3000.1028450369',
      },
    };
  }

  private newQr(instance: FakeInstance, number: string | null): FakeQr | null {
    if (!this.qrAvailable) return null;
    instance.qrCount += 1;
    return {
      code: `2@${randomBytes(24).toString('base64')},${randomBytes(24).toString('base64')}`,
      base64: QR_IMAGE,
      pairingCode: number ? randomBytes(6).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8) : null,
      count: instance.qrCount,
    };
  }

  private create(context: Context): Reply {
    const body = context.body;
    const errors = validate(
      body,
      { instanceName: 'string', token: 'string', number: 'string', businessId: 'string', qrcode: 'boolean', webhook: 'object' },
      ['instanceName'],
    );
    if (errors.length > 0 || !isRecord(body)) return schemaFailure(errors);
    const name = String(body.instanceName);
    if (name.trim() === '') return schemaFailure(['instance.instanceName does not meet minimum length of 1']);
    if (typeof body.integration !== 'string' || !INTEGRATIONS.includes(body.integration)) {
      return failure(400, ['Invalid integration']);
    }
    const hook = body.webhook;
    // §2 gotcha: a webhook without `events` crashes the create.
    if (isRecord(hook) && !Array.isArray(hook.events)) {
      return failure(400, ["Cannot read properties of undefined (reading 'length')"]);
    }
    const createdAt = now();
    const number = typeof body.number === 'string' ? body.number : null;
    const instance: FakeInstance = {
      id: randomUUID(),
      name,
      token: typeof body.token === 'string' && body.token !== '' ? body.token : randomUUID().replace(/-/g, '').toUpperCase(),
      integration: body.integration,
      number,
      businessId: typeof body.businessId === 'string' ? body.businessId : null,
      state: 'close',
      ownerJid: null,
      profileName: null,
      profilePicUrl: null,
      profileStatus: null,
      webhook: isRecord(hook)
        ? {
            id: rowId(),
            url: String(hook.url ?? ''),
            headers: isRecord(hook.headers) ? Object.fromEntries(Object.entries(hook.headers).map(([key, value]) => [key, String(value)])) : {},
            enabled: true,
            events: (hook.events as unknown[]).map(String),
            byEvents: hook.byEvents === true,
            base64: hook.base64 === true,
            createdAt,
            updatedAt: createdAt,
          }
        : null,
      qr: null,
      qrCount: 0,
      messages: [],
      readMessages: [],
      presences: [],
      createdAt,
      updatedAt: createdAt,
    };
    this.instances.set(name, instance);

    const baileys = instance.integration === 'WHATSAPP-BAILEYS';
    const withQr = baileys && body.qrcode === true;
    if (withQr) {
      instance.state = 'connecting';
      instance.qr = this.newQr(instance, number);
    }
    const webhook = instance.webhook;
    return {
      status: 201,
      body: {
        instance: {
          instanceName: name,
          instanceId: instance.id,
          integration: instance.integration,
          webhookWaBusiness: instance.integration === 'WHATSAPP-BUSINESS' ? `${this.url}/webhook/meta` : null,
          accessTokenWaBusiness: '',
          status: instance.state,
        },
        hash: instance.token,
        webhook: webhook
          ? { webhookUrl: webhook.url, webhookHeaders: webhook.headers, webhookByEvents: webhook.byEvents, webhookBase64: webhook.base64 }
          : {},
        websocket: {},
        rabbitmq: {},
        nats: {},
        sqs: {},
        settings: {
          rejectCall: false,
          msgCall: '',
          groupsIgnore: false,
          alwaysOnline: false,
          readMessages: false,
          readStatus: false,
          syncFullHistory: false,
          wavoipToken: '',
        },
        ...(withQr ? { qrcode: qrBody(instance.qr) } : {}),
      },
    };
  }

  private fetchInstances(context: Context): Reply {
    let visible = [...this.instances.values()];
    if (context.apikey !== this.globalKey) visible = visible.filter((instance) => instance.token === context.apikey);
    const name = context.query.get('instanceName');
    if (name !== null) {
      visible = visible.filter((instance) => instance.name === name);
      if (visible.length === 0) return failure(404, [`Instance "${name}" not found`]);
    }
    const id = context.query.get('instanceId');
    if (id !== null) visible = visible.filter((instance) => instance.id === id);
    const number = context.query.get('number');
    if (number !== null) visible = visible.filter((instance) => instance.number === number);
    return { status: 200, body: visible.map(instanceRecord) };
  }

  private connect(instance: FakeInstance, number: string | null): Reply {
    if (instance.state === 'open') return { status: 200, body: { instance: { instanceName: instance.name, state: 'open' } } };
    if (instance.state !== 'connecting' || !instance.qr || number) instance.qr = this.newQr(instance, number);
    instance.state = 'connecting';
    return { status: 200, body: qrBody(instance.qr) };
  }

  private restart(instance: FakeInstance): Reply {
    // §2, observed: a closed instance's BadRequestException is stringified into a 200 body.
    if (instance.state === 'close' || instance.state === 'refused') {
      return { status: 200, body: { error: true, message: '[object Object]' } };
    }
    return this.connect(instance, null);
  }

  private logout(instance: FakeInstance): Reply {
    if (instance.state === 'close') return failure(400, [`The "${instance.name}" instance is not connected`]);
    instance.state = 'close';
    instance.qr = null;
    return { status: 200, body: { status: 'SUCCESS', error: false, response: { message: 'Instance logged out' } } };
  }

  private delete(instance: FakeInstance): Reply {
    this.instances.delete(instance.name);
    return { status: 200, body: { status: 'SUCCESS', error: false, response: { message: 'Instance deleted' } } };
  }

  private setWebhook(context: Context, instance: FakeInstance): Reply {
    const root = validate(context.body, { webhook: 'object' }, ['webhook']);
    if (root.length > 0 || !isRecord(context.body)) return schemaFailure(root);
    const hook = context.body.webhook;
    const errors = validate(
      hook,
      { enabled: 'boolean', url: 'string', headers: 'object', byEvents: 'boolean', base64: 'boolean', events: 'array' },
      ['enabled', 'url'],
      'instance.webhook',
    );
    if (isRecord(hook) && Array.isArray(hook.events)) {
      hook.events.forEach((event: unknown, index) => errors.push(...enumError(`instance.webhook.events[${index}]`, event, WEBHOOK_EVENTS)));
    }
    if (errors.length > 0 || !isRecord(hook)) return schemaFailure(errors);

    const previous = instance.webhook;
    const timestamp = now();
    const enabled = hook.enabled === true;
    const webhook: FakeWebhook = {
      id: previous?.id ?? rowId(),
      url: String(hook.url),
      // §3: an upsert; omitted members keep their previous values, disabling clears the events.
      headers: isRecord(hook.headers)
        ? Object.fromEntries(Object.entries(hook.headers).map(([key, value]) => [key, String(value)]))
        : (previous?.headers ?? {}),
      enabled,
      events: enabled && Array.isArray(hook.events) ? hook.events.map(String) : [],
      byEvents: typeof hook.byEvents === 'boolean' ? hook.byEvents : (previous?.byEvents ?? false),
      base64: typeof hook.base64 === 'boolean' ? hook.base64 : (previous?.base64 ?? false),
      createdAt: previous?.createdAt ?? timestamp,
      updatedAt: timestamp,
    };
    instance.webhook = webhook;
    return { status: 201, body: webhookRow(instance, webhook) };
  }

  /** Evolution's order: schema (router) → socket open → is the number on WhatsApp → send. */
  private deliverSend(
    instance: FakeInstance,
    errors: string[],
    number: unknown,
    build: () => { remoteJid: string; messageType: string; message: JsonRecord; contextInfo?: JsonRecord },
  ): Reply {
    if (errors.length > 0) return schemaFailure(errors);
    if (instance.state !== 'open') return connectionClosed();
    if (typeof number === 'string') {
      const missing = this.missingNumber(number);
      if (missing) return missing;
    }
    const built = build();
    const stored: FakeStoredMessage = {
      id: rowId(),
      key: { remoteJid: built.remoteJid, fromMe: true, id: messageId() },
      pushName: 'Você',
      status: 'PENDING',
      message: built.message,
      contextInfo: built.contextInfo ?? { mentionedJid: [], groupMentions: [], disappearingMode: { initiator: 0 } },
      messageType: built.messageType,
      messageTimestamp: Math.floor(Date.now() / 1000),
      instanceId: instance.id,
      source: 'web',
      MessageUpdate: [],
    };
    instance.messages.push(stored);
    return { status: 201, body: sendResponse(stored) };
  }

  private missingNumber(number: string): Reply | null {
    const jid = toJid(number);
    if (jid.endsWith('@g.us') || !this.notOnWhatsApp.has(userOf(jid))) return null;
    return failure(400, [{ jid, exists: false, number: userOf(jid) }]);
  }

  private quotedContext(body: JsonRecord): JsonRecord | undefined {
    const quoted = body.quoted;
    if (!isRecord(quoted) || !isRecord(quoted.key)) return undefined;
    return { mentionedJid: [], groupMentions: [], stanzaId: quoted.key.id, participant: quoted.key.remoteJid };
  }

  private sendText(context: Context, instance: FakeInstance): Reply {
    const body = context.body;
    const errors = validate(body, { number: 'string', text: 'string', delay: 'number', quoted: 'object' }, ['number', 'text']);
    if (errors.length === 0 && isRecord(body) && String(body.text).trim() === '') {
      errors.push('instance.text does not meet minimum length of 1');
    }
    const fields = isRecord(body) ? body : {};
    return this.deliverSend(instance, errors, fields.number, () => ({
      remoteJid: toJid(String(fields.number)),
      messageType: 'conversation',
      message: { conversation: fields.text },
      contextInfo: this.quotedContext(fields),
    }));
  }

  private sendMedia(context: Context, instance: FakeInstance): Reply {
    const body = context.body;
    const errors = validate(
      body,
      { number: 'string', mediatype: 'string', media: 'string', mimetype: 'string', caption: 'string', fileName: 'string' },
      ['number', 'mediatype', 'media'],
    );
    const fields = isRecord(body) ? body : {};
    if (errors.length === 0) errors.push(...enumError('instance.mediatype', fields.mediatype, MEDIA_TYPES));
    return this.deliverSend(instance, errors, fields.number, () => {
      const messageType = `${String(fields.mediatype)}Message`;
      return {
        remoteJid: toJid(String(fields.number)),
        messageType,
        message: {
          [messageType]: {
            url: `https://mmg.whatsapp.net/fake/${randomUUID()}`,
            mimetype: fields.mimetype ?? 'application/octet-stream',
            caption: fields.caption,
            fileName: fields.fileName,
          },
        },
        contextInfo: this.quotedContext(fields),
      };
    });
  }

  private sendAudio(context: Context, instance: FakeInstance): Reply {
    const body = context.body;
    const errors = validate(body, { number: 'string', audio: 'string' }, ['number', 'audio']);
    const fields = isRecord(body) ? body : {};
    return this.deliverSend(instance, errors, fields.number, () => ({
      remoteJid: toJid(String(fields.number)),
      messageType: 'audioMessage',
      message: { audioMessage: { url: `https://mmg.whatsapp.net/fake/${randomUUID()}`, mimetype: 'audio/ogg; codecs=opus', ptt: true } },
      contextInfo: this.quotedContext(fields),
    }));
  }

  private sendLocation(context: Context, instance: FakeInstance): Reply {
    const body = context.body;
    const errors = validate(
      body,
      { number: 'string', latitude: 'number', longitude: 'number', name: 'string', address: 'string' },
      ['number', 'latitude', 'longitude', 'name', 'address'],
    );
    const fields = isRecord(body) ? body : {};
    return this.deliverSend(instance, errors, fields.number, () => ({
      remoteJid: toJid(String(fields.number)),
      messageType: 'locationMessage',
      message: {
        locationMessage: {
          degreesLatitude: fields.latitude,
          degreesLongitude: fields.longitude,
          name: fields.name,
          address: fields.address,
        },
      },
      contextInfo: this.quotedContext(fields),
    }));
  }

  private sendReaction(context: Context, instance: FakeInstance): Reply {
    const body = context.body;
    const errors = validate(body, { key: 'object', reaction: 'string' }, ['key', 'reaction']);
    const fields = isRecord(body) ? body : {};
    if (errors.length === 0) {
      const keyFields: Record<string, FieldType> = { id: 'string', remoteJid: 'string', fromMe: 'boolean' };
      errors.push(...validate(fields.key, keyFields, Object.keys(keyFields), 'instance.key'));
    }
    // No number: the chat is the target key's remoteJid, never checked against WhatsApp.
    return this.deliverSend(instance, errors, undefined, () => {
      const key = fields.key as JsonRecord;
      return {
        remoteJid: String(key.remoteJid),
        messageType: 'reactionMessage',
        message: {
          reactionMessage: { key, text: fields.reaction, senderTimestampMs: { low: Date.now() % 2 ** 32, high: 0, unsigned: false } },
        },
      };
    });
  }

  private whatsappNumbers(context: Context, instance: FakeInstance): Reply {
    const errors = validate(context.body, { numbers: 'array' }, ['numbers']);
    if (errors.length > 0 || !isRecord(context.body)) return schemaFailure(errors);
    if (instance.state !== 'open') {
      // §5, observed: this route answers 400 with the raw Boom error, outside the envelope.
      return {
        status: 400,
        body: {
          data: null,
          isBoom: true,
          isServer: false,
          output: {
            statusCode: 428,
            payload: { statusCode: 428, error: 'Precondition Required', message: 'Connection Closed' },
            headers: {},
          },
        },
      };
    }
    const numbers = (context.body.numbers as unknown[]).map(String);
    return {
      status: 200,
      body: numbers.map((number) => {
        const jid = toJid(number);
        const exists = jid.endsWith('@g.us') || !this.notOnWhatsApp.has(userOf(jid));
        return { jid, exists, number: userOf(jid) };
      }),
    };
  }

  private markRead(context: Context, instance: FakeInstance): Reply {
    const errors = validate(context.body, { readMessages: 'array' }, ['readMessages']);
    if (errors.length > 0 || !isRecord(context.body)) return schemaFailure(errors);
    if (instance.state !== 'open') return connectionClosed();
    for (const entry of context.body.readMessages as unknown[]) {
      if (!isRecord(entry)) continue;
      const key = { id: String(entry.id), remoteJid: String(entry.remoteJid), fromMe: entry.fromMe === true };
      // §5: only phone and group JIDs are sent; @lid keys are skipped without an error.
      if (key.remoteJid.endsWith('@s.whatsapp.net') || key.remoteJid.endsWith('@g.us')) instance.readMessages.push(key);
    }
    return { status: 201, body: { message: 'Read messages', read: 'success' } };
  }

  private sendPresence(context: Context, instance: FakeInstance): Reply {
    const errors = validate(context.body, { number: 'string', presence: 'string', delay: 'number' }, ['number', 'presence', 'delay']);
    const body = isRecord(context.body) ? context.body : {};
    if (errors.length === 0) errors.push(...enumError('instance.presence', body.presence, PRESENCES));
    if (errors.length > 0) return schemaFailure(errors);
    if (instance.state !== 'open') return connectionClosed();
    const missing = this.missingNumber(String(body.number));
    if (missing) return missing;
    instance.presences.push({ number: String(body.number), presence: String(body.presence), delay: Number(body.delay) });
    return { status: 201, body: { presence: body.presence } };
  }

  private findMessages(context: Context, instance: FakeInstance): Reply {
    const body = isRecord(context.body) ? context.body : {};
    const where = isRecord(body.where) ? body.where : {};
    const key = isRecord(where.key) ? where.key : {};
    const matches = instance.messages
      .filter(
        (message) =>
          (key.id === undefined || message.key.id === key.id) &&
          (key.remoteJid === undefined || message.key.remoteJid === key.remoteJid) &&
          (key.fromMe === undefined || message.key.fromMe === key.fromMe),
      )
      .reverse();
    const page = typeof body.page === 'number' && body.page >= 1 ? Math.floor(body.page) : 1;
    return {
      status: 200,
      body: {
        messages: {
          total: matches.length,
          pages: Math.ceil(matches.length / PAGE_SIZE),
          currentPage: page,
          records: matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        },
      },
    };
  }

  private fetchProfile(context: Context, instance: FakeInstance): Reply {
    const errors = validate(context.body, { number: 'string' }, ['number']);
    if (errors.length > 0 || !isRecord(context.body)) return schemaFailure(errors);
    if (instance.state !== 'open') return connectionClosed();
    const number = String(context.body.number);
    const missing = this.missingNumber(number);
    if (missing) return missing;
    const jid = toJid(number);
    const own = instance.ownerJid !== null && userOf(instance.ownerJid) === userOf(jid);
    return {
      status: 200,
      body: {
        wuid: jid,
        name: own ? instance.profileName : null,
        numberExists: true,
        picture: own ? instance.profilePicUrl : null,
        // Baileys 7 fetchStatus shape.
        status: own && instance.profileStatus !== null ? { status: instance.profileStatus, setAt: now() } : null,
        isBusiness: false,
      },
    };
  }

  private updateProfile(context: Context, instance: FakeInstance, field: string, apply: (value: string) => void): Reply {
    const errors = validate(context.body, { [field]: 'string' }, [field]);
    if (errors.length > 0 || !isRecord(context.body)) return schemaFailure(errors);
    if (instance.state !== 'open') return connectionClosed();
    apply(String(context.body[field]));
    instance.updatedAt = now();
    return { status: 200, body: { update: 'success' } };
  }
}
