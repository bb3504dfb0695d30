/**
 * WhatsAppGateway over Evolution API v2 (2.3.x) HTTP. Every route, body and quirk handled here is
 * described in ../shared/evolution/CONTRACT.md; the section numbers below refer to it.
 */
import type {
  ConnectionState,
  ConnectResult,
  CreatedInstance,
  CreateInstanceRequest,
  NumberCheck,
  Presence,
  ProfileInfo,
  QrCode,
  QuotedRef,
  RemoteInstance,
  SendAudioRequest,
  SendLocationRequest,
  SendMediaRequest,
  SendReactionRequest,
  SendTextRequest,
  SentMessage,
  StoredMessagePage,
  WebhookConfig,
  WhatsAppGateway,
} from './gateway.ts';
import { GatewayError, type GatewayErrorKind } from './gateway-errors.ts';

export interface EvolutionClientOptions {
  /** Server root, e.g. `https://evolution.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** Global key or an instance token; sent as the `apikey` header. */
  apiKey: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls after network errors, timeouts and 5xx. */
  retries?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
const RETRY_BASE_DELAY_MS = 200;
const RETRY_JITTER = 0.2;
/** Enough of a non-JSON body (an HTML error page, say) to recognise what answered. */
const RAW_BODY_PREVIEW_CHARS = 300;

const CONNECTION_STATES: readonly ConnectionState[] = ['open', 'connecting', 'close', 'refused'];

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with the instance name already encoded, plus any query string. */
  path: string;
  body?: unknown;
  /** Safe to send twice: reads and upserts. Only these are retried. */
  idempotent: boolean;
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function routeOf(call: Call): string {
  return `${call.method} ${call.path}`;
}

function instancePath(prefix: string, instanceName: string): string {
  return `${prefix}/${encodeURIComponent(instanceName)}`;
}

/** Evolution strips these itself, but only in some code paths; a JID is passed through untouched. */
function normalizeNumber(value: string): string {
  return value.includes('@') ? value : value.replace(/[+\s()]/g, '');
}

function parseState(value: unknown): ConnectionState | null {
  return CONNECTION_STATES.find((state) => state === value) ?? null;
}

/** `response.message` may be a string, string[], string[][] or objects carrying a `message`. */
function flattenStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flattenStrings);
  if (isRecord(value) && typeof value.message === 'string') return [value.message];
  return [];
}

/** The human-readable part of any of Evolution's error body shapes (§1). */
function errorTexts(body: unknown): string[] {
  if (typeof body === 'string') return [body];
  if (!isRecord(body)) return [];
  if (isRecord(body.response) && 'message' in body.response) return flattenStrings(body.response.message);
  // Some handlers (whatsappNumbers) answer with the raw Boom error instead of the envelope.
  if (isRecord(body.output) && isRecord(body.output.payload)) return flattenStrings(body.output.payload.message);
  return flattenStrings(body.message ?? body.error);
}

/** Numbers from the `[{jid, exists:false, number}]` body of a send to a number without WhatsApp. */
function numbersNotOnWhatsApp(body: unknown): string[] {
  if (!isRecord(body) || !isRecord(body.response)) return [];
  const message = body.response.message;
  const entries = Array.isArray(message) ? message : [message];
  return entries
    .filter((entry): entry is JsonRecord => isRecord(entry) && entry.exists === false)
    .map((entry) => stringOrNull(entry.number) ?? stringOrNull(entry.jid) ?? 'unknown number');
}

function classifyHttpError(status: number, body: unknown): { kind: GatewayErrorKind; summary: string } {
  const text = errorTexts(body).join('; ');
  if (status === 401) return { kind: 'UNAUTHORIZED', summary: 'Evolution API refused the API key' };
  if (status === 404) {
    if (/instance.*(does not exist|not found)/i.test(text)) return { kind: 'INSTANCE_NOT_FOUND', summary: text };
    return {
      kind: 'UNAVAILABLE',
      summary: `Evolution API has no such route${text ? ` (${text})` : ''}; check the server URL`,
    };
  }
  if (status === 403 && /already in use/i.test(text)) return { kind: 'NAME_IN_USE', summary: text };
  // Arrives as 400 (logout, Boom 428 from whatsappNumbers) or 500 (sends), never as a 4xx of its own.
  if (/connection closed|is not connected/i.test(text)) {
    return { kind: 'NOT_CONNECTED', summary: `The WhatsApp instance is not connected: ${text}` };
  }
  if (status === 403) return { kind: 'UNAUTHORIZED', summary: `Evolution API refused access${text ? `: ${text}` : ''}` };
  if (status >= 500 || status < 400) {
    return { kind: 'UNAVAILABLE', summary: `Evolution API answered HTTP ${status}${text ? `: ${text}` : ''}` };
  }
  const missing = numbersNotOnWhatsApp(body);
  if (missing.length > 0) return { kind: 'NUMBER_NOT_ON_WHATSAPP', summary: `Not on WhatsApp: ${missing.join(', ')}` };
  return { kind: 'VALIDATION', summary: `Evolution API rejected the request: ${text || `HTTP ${status}`}` };
}

/**
 * `connect` and `restart` catch their own exceptions and answer HTTP 200 `{error:true, message}`.
 * On a closed instance restart stringifies its BadRequestException, so the documented
 * "[object Object]" message means "not connected" as much as an explicit one does.
 */
function embeddedError(body: unknown): { kind: GatewayErrorKind; summary: string } | null {
  if (!isRecord(body) || body.error !== true) return null;
  const text = flattenStrings(body.message).join('; ') || 'no message';
  if (/not connected|connection closed|\bclosed?\b|\[object Object\]/i.test(text)) {
    return { kind: 'NOT_CONNECTED', summary: `The WhatsApp instance is not connected (Evolution said: ${text})` };
  }
  return { kind: 'UNAVAILABLE', summary: `Evolution API reported an error: ${text}` };
}

/** Before the first QR exists Evolution answers `{"count":0}`: no QR yet, not an error. */
function parseQr(value: unknown): QrCode | null {
  if (!isRecord(value)) return null;
  const qr: QrCode = {
    code: stringOrNull(value.code),
    image: stringOrNull(value.base64),
    pairingCode: stringOrNull(value.pairingCode),
    count: typeof value.count === 'number' ? value.count : 0,
  };
  return qr.code === null && qr.image === null && qr.pairingCode === null ? null : qr;
}

function looksLikeQr(value: JsonRecord): boolean {
  return typeof value.count === 'number' || typeof value.code === 'string';
}

function parseTimestamp(value: unknown): number | null {
  // Baileys sends seconds as a number; the Meta channel as a numeric string.
  const seconds = typeof value === 'string' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : null;
}

function parseSent(body: unknown): SentMessage | null {
  if (!isRecord(body) || !isRecord(body.key)) return null;
  const externalId = stringOrNull(body.key.id);
  const remoteJid = stringOrNull(body.key.remoteJid);
  if (externalId === null || remoteJid === null) return null;
  return { externalId, remoteJid, timestamp: parseTimestamp(body.messageTimestamp) };
}

function parseRemoteInstance(value: unknown): RemoteInstance | null {
  if (!isRecord(value)) return null;
  const instanceId = stringOrNull(value.id);
  const name = stringOrNull(value.name);
  const state = parseState(value.connectionStatus);
  if (instanceId === null || name === null || state === null) return null;
  return {
    instanceId,
    name,
    state,
    ownerJid: stringOrNull(value.ownerJid),
    profileName: stringOrNull(value.profileName),
    number: stringOrNull(value.number),
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function parseNumberCheck(value: unknown): NumberCheck | null {
  if (!isRecord(value) || typeof value.exists !== 'boolean') return null;
  const jid = stringOrNull(value.jid);
  if (jid === null) return null;
  return {
    number: stringOrNull(value.number) ?? jid.split('@')[0] ?? jid,
    exists: value.exists,
    jid,
    name: stringOrNull(value.name),
    lid: stringOrNull(value.lid),
  };
}

/** Baileys 7 `fetchStatus` yields `{status, setAt}` where older builds gave the text itself. */
function parseProfileStatus(value: unknown): string | null {
  if (isRecord(value)) return stringOrNull(value.status);
  return stringOrNull(value);
}

function quotedBody(quoted: QuotedRef | undefined): JsonRecord | undefined {
  if (!quoted) return undefined;
  return { key: { id: quoted.externalId, remoteJid: quoted.remoteJid, fromMe: quoted.fromMe } };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** undici wraps the useful reason (ECONNREFUSED, "other side closed") in `cause`. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (cause instanceof Error) return cause.message;
  return error.message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function backoffMs(attempt: number): number {
  const jitter = 1 + (Math.random() * 2 - 1) * RETRY_JITTER;
  return RETRY_BASE_DELAY_MS * 2 ** attempt * jitter;
}

/** Only failures that say nothing about the request itself are worth repeating. */
function isTransient(error: GatewayError): boolean {
  const status = error.details.status;
  return error.kind === 'UNAVAILABLE' && (status === undefined || status >= 500);
}

export class EvolutionClient implements WhatsAppGateway {
  readonly kind = 'evolution' as const;
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: EvolutionClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    // Bound so that calling it as a property never changes `this` for a platform fetch.
    this.fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async ping(): Promise<void> {
    await this.call({ method: 'GET', path: '/', idempotent: true });
  }

  async createInstance(request: CreateInstanceRequest): Promise<CreatedInstance> {
    const call: Call = {
      method: 'POST',
      path: '/instance/create',
      idempotent: false,
      body: {
        instanceName: request.instanceName,
        integration: request.integration,
        token: request.token,
        number: request.number === undefined ? undefined : normalizeNumber(request.number),
        businessId: request.businessId,
        qrcode: request.qrcode,
        // §2: `events` must be present or create fails; byEvents off so every event hits one URL.
        webhook: {
          url: request.webhook.url,
          headers: request.webhook.headers,
          events: request.webhook.events,
          byEvents: false,
          base64: false,
        },
      },
    };
    const body = await this.call(call);
    if (!isRecord(body) || !isRecord(body.instance)) throw this.unexpected(call, body);
    const instanceId = stringOrNull(body.instance.instanceId);
    const token = stringOrNull(body.hash);
    const state = parseState(body.instance.status);
    if (instanceId === null || token === null || state === null) throw this.unexpected(call, body);
    return { instanceId, token, state, qr: parseQr(body.qrcode) };
  }

  async connect(instanceName: string, number?: string): Promise<ConnectResult> {
    const query = number === undefined ? '' : `?${new URLSearchParams({ number: normalizeNumber(number) })}`;
    const call: Call = { method: 'GET', path: `${instancePath('/instance/connect', instanceName)}${query}`, idempotent: true };
    const body = await this.call(call);
    this.throwEmbeddedError(call, body);
    if (!isRecord(body)) throw this.unexpected(call, body);
    if (isRecord(body.instance)) {
      const state = parseState(body.instance.state);
      if (state === null) throw this.unexpected(call, body);
      return state === 'open' ? { state: 'open' } : { state: 'connecting', qr: null };
    }
    if (!looksLikeQr(body)) throw this.unexpected(call, body);
    return { state: 'connecting', qr: parseQr(body) };
  }

  async connectionState(instanceName: string): Promise<ConnectionState> {
    const call: Call = { method: 'GET', path: instancePath('/instance/connectionState', instanceName), idempotent: true };
    const body = await this.call(call);
    const state = isRecord(body) && isRecord(body.instance) ? parseState(body.instance.state) : null;
    if (state === null) throw this.unexpected(call, body);
    return state;
  }

  async fetchInstance(instanceName: string): Promise<RemoteInstance | null> {
    const call: Call = {
      method: 'GET',
      path: `/instance/fetchInstances?${new URLSearchParams({ instanceName })}`,
      idempotent: true,
    };
    let body: unknown;
    try {
      body = await this.call(call);
    } catch (error) {
      if (error instanceof GatewayError && error.kind === 'INSTANCE_NOT_FOUND') return null;
      throw error;
    }
    if (!Array.isArray(body)) throw this.unexpected(call, body);
    const record: unknown = body.find((entry) => isRecord(entry) && entry.name === instanceName);
    if (record === undefined) return null;
    return parseRemoteInstance(record) ?? this.throwUnexpected(call, body);
  }

  async restart(instanceName: string): Promise<void> {
    const call: Call = { method: 'POST', path: instancePath('/instance/restart', instanceName), idempotent: false };
    this.throwEmbeddedError(call, await this.call(call));
  }

  async logout(instanceName: string): Promise<void> {
    await this.call({ method: 'DELETE', path: instancePath('/instance/logout', instanceName), idempotent: false });
  }

  async deleteInstance(instanceName: string): Promise<void> {
    await this.call({ method: 'DELETE', path: instancePath('/instance/delete', instanceName), idempotent: false });
  }

  async setWebhook(instanceName: string, webhook: WebhookConfig): Promise<void> {
    await this.call({
      method: 'POST',
      path: instancePath('/webhook/set', instanceName),
      // An upsert of the whole config, so repeating it is harmless.
      idempotent: true,
      body: {
        webhook: {
          enabled: true,
          url: webhook.url,
          headers: webhook.headers,
          events: webhook.events,
          byEvents: false,
          base64: false,
        },
      },
    });
  }

  async findWebhook(instanceName: string): Promise<(WebhookConfig & { enabled: boolean }) | null> {
    const call: Call = { method: 'GET', path: instancePath('/webhook/find', instanceName), idempotent: true };
    const body = await this.call(call);
    if (body === null) return null;
    if (!isRecord(body) || typeof body.url !== 'string') throw this.unexpected(call, body);
    return {
      url: body.url,
      headers: stringMap(body.headers),
      events: Array.isArray(body.events) ? body.events.filter((event): event is string => typeof event === 'string') : [],
      enabled: body.enabled === true,
    };
  }

  sendText(instanceName: string, request: SendTextRequest): Promise<SentMessage> {
    return this.send(instanceName, 'sendText', {
      number: normalizeNumber(request.to),
      text: request.text,
      delay: request.delayMs,
      quoted: quotedBody(request.quoted),
    });
  }

  sendMedia(instanceName: string, request: SendMediaRequest): Promise<SentMessage> {
    return this.send(instanceName, 'sendMedia', {
      number: normalizeNumber(request.to),
      mediatype: request.mediaType,
      media: request.media,
      mimetype: request.mimeType,
      caption: request.caption,
      fileName: request.fileName,
      quoted: quotedBody(request.quoted),
    });
  }

  sendWhatsAppAudio(instanceName: string, request: SendAudioRequest): Promise<SentMessage> {
    return this.send(instanceName, 'sendWhatsAppAudio', {
      number: normalizeNumber(request.to),
      audio: request.audio,
      quoted: quotedBody(request.quoted),
    });
  }

  sendLocation(instanceName: string, request: SendLocationRequest): Promise<SentMessage> {
    return this.send(instanceName, 'sendLocation', {
      number: normalizeNumber(request.to),
      latitude: request.latitude,
      longitude: request.longitude,
      name: request.name,
      address: request.address,
      quoted: quotedBody(request.quoted),
    });
  }

  sendReaction(instanceName: string, request: SendReactionRequest): Promise<SentMessage> {
    return this.send(instanceName, 'sendReaction', {
      key: { id: request.target.externalId, remoteJid: request.target.remoteJid, fromMe: request.target.fromMe },
      reaction: request.emoji,
    });
  }

  async whatsappNumbers(instanceName: string, numbers: string[]): Promise<NumberCheck[]> {
    if (numbers.length === 0) return [];
    const call: Call = {
      method: 'POST',
      path: instancePath('/chat/whatsappNumbers', instanceName),
      idempotent: true,
      body: { numbers: numbers.map(normalizeNumber) },
    };
    const body = await this.call(call);
    if (!Array.isArray(body)) throw this.unexpected(call, body);
    return body.map((entry) => parseNumberCheck(entry) ?? this.throwUnexpected(call, body));
  }

  async markMessageAsRead(
    instanceName: string,
    messages: { externalId: string; remoteJid: string; fromMe: boolean }[],
  ): Promise<void> {
    if (messages.length === 0) return;
    await this.call({
      method: 'POST',
      path: instancePath('/chat/markMessageAsRead', instanceName),
      idempotent: false,
      body: { readMessages: messages.map((message) => ({ id: message.externalId, fromMe: message.fromMe, remoteJid: message.remoteJid })) },
    });
  }

  async sendPresence(instanceName: string, to: string, presence: Presence, delayMs: number): Promise<void> {
    await this.call({
      method: 'POST',
      path: instancePath('/chat/sendPresence', instanceName),
      idempotent: false,
      body: { number: normalizeNumber(to), presence, delay: delayMs },
    });
  }

  async findMessages(
    instanceName: string,
    query: { remoteJid?: string; externalId?: string; page?: number },
  ): Promise<StoredMessagePage> {
    const key: JsonRecord = {};
    if (query.remoteJid !== undefined) key.remoteJid = query.remoteJid;
    if (query.externalId !== undefined) key.id = query.externalId;
    const call: Call = {
      method: 'POST',
      path: instancePath('/chat/findMessages', instanceName),
      idempotent: true,
      body: { where: Object.keys(key).length > 0 ? { key } : {}, page: query.page },
    };
    const body = await this.call(call);
    const page = isRecord(body) ? body.messages : undefined;
    if (
      !isRecord(page) ||
      typeof page.total !== 'number' ||
      typeof page.pages !== 'number' ||
      typeof page.currentPage !== 'number' ||
      !Array.isArray(page.records)
    ) {
      throw this.unexpected(call, body);
    }
    return {
      total: page.total,
      pages: page.pages,
      currentPage: page.currentPage,
      records: page.records.filter(isRecord),
    };
  }

  async fetchProfile(instanceName: string, number: string): Promise<ProfileInfo> {
    const call: Call = {
      method: 'POST',
      path: instancePath('/chat/fetchProfile', instanceName),
      idempotent: true,
      body: { number: normalizeNumber(number) },
    };
    const body = await this.call(call);
    if (!isRecord(body)) throw this.unexpected(call, body);
    return {
      wuid: stringOrNull(body.wuid),
      name: stringOrNull(body.name),
      // Some 2.x builds name it profilePicUrl.
      picture: stringOrNull(body.picture) ?? stringOrNull(body.profilePicUrl),
      status: parseProfileStatus(body.status),
      isBusiness: body.isBusiness === true,
    };
  }

  async updateProfileName(instanceName: string, name: string): Promise<void> {
    await this.call({ method: 'POST', path: instancePath('/chat/updateProfileName', instanceName), idempotent: false, body: { name } });
  }

  async updateProfileStatus(instanceName: string, status: string): Promise<void> {
    await this.call({ method: 'POST', path: instancePath('/chat/updateProfileStatus', instanceName), idempotent: false, body: { status } });
  }

  async updateProfilePicture(instanceName: string, picture: string): Promise<void> {
    await this.call({
      method: 'POST',
      path: instancePath('/chat/updateProfilePicture', instanceName),
      idempotent: false,
      body: { picture },
    });
  }

  private async send(instanceName: string, route: string, body: JsonRecord): Promise<SentMessage> {
    const call: Call = { method: 'POST', path: instancePath(`/message/${route}`, instanceName), idempotent: false, body };
    const response = await this.call(call);
    return parseSent(response) ?? this.throwUnexpected(call, response);
  }

  private async call(call: Call): Promise<unknown> {
    const attempts = call.idempotent ? this.retries + 1 : 1;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(call);
      } catch (error) {
        if (!(error instanceof GatewayError) || attempt + 1 >= attempts || !isTransient(error)) throw error;
        await sleep(backoffMs(attempt));
      }
    }
  }

  private async attempt(call: Call): Promise<unknown> {
    const headers: Record<string, string> = { apikey: this.apiKey, accept: 'application/json' };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let status: number;
    let ok: boolean;
    let text: string;
    try {
      const response = await this.fetchFn(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      ({ status, ok } = response);
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) {
        throw this.error('UNAVAILABLE', `Evolution API did not answer within ${this.timeoutMs} ms`, call, {}, error);
      }
      throw this.error('UNAVAILABLE', `Could not reach Evolution API (${networkReason(error)})`, call, {}, error);
    }

    let body: unknown;
    try {
      body = text.trim() === '' ? null : JSON.parse(text);
    } catch (error) {
      const kind = status === 401 ? 'UNAUTHORIZED' : 'UNAVAILABLE';
      const summary = `Evolution API answered HTTP ${status} with a non-JSON body; check the server URL`;
      throw this.error(kind, summary, call, { status, body: text.slice(0, RAW_BODY_PREVIEW_CHARS) }, error);
    }
    if (ok) return body;
    const { kind, summary } = classifyHttpError(status, body);
    throw this.error(kind, summary, call, { status, body });
  }

  private throwEmbeddedError(call: Call, body: unknown): void {
    const embedded = embeddedError(body);
    if (embedded) throw this.error(embedded.kind, embedded.summary, call, { status: 200, body });
  }

  private unexpected(call: Call, body: unknown): GatewayError {
    return this.error('UNAVAILABLE', 'Evolution API answered with an unexpected body', call, { body });
  }

  private throwUnexpected(call: Call, body: unknown): never {
    throw this.unexpected(call, body);
  }

  /** Every error leaves through here so the key can never leak, even if the server echoes it. */
  private error(
    kind: GatewayErrorKind,
    summary: string,
    call: Call,
    details: { status?: number; body?: unknown },
    cause?: unknown,
  ): GatewayError {
    const route = routeOf(call);
    return new GatewayError(
      kind,
      this.redact(`${summary} (${route})`),
      { ...details, route: this.redact(route), body: this.redactDeep(details.body) },
      cause === undefined ? undefined : { cause },
    );
  }

  private redact(text: string): string {
    return this.apiKey === '' ? text : text.split(this.apiKey).join('[redacted]');
  }

  private redactDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactDeep(item)]));
    return value;
  }
}
