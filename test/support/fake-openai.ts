/**
 * A real HTTP server speaking the OpenAI Chat Completions protocol, so the chat model is tested
 * through the actual `openai` SDK and a real socket. What the "model" says is up to the test (a
 * responder function); failures, slowness and broken bodies happen only when a test asks for them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The request body as the SDK sends it; only the fields tests look at are typed. */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  max_completion_tokens?: number;
  [field: string]: unknown;
}

/** Just the content, or the content with a finish reason other than "stop". */
export type FakeReply = string | { content: string | null; finishReason?: string };
export type Responder = (body: ChatRequestBody) => FakeReply;

type Fault = { kind: 'status'; status: number; body: unknown } | { kind: 'malformed' };

export const FAKE_CLASSIFICATION = { intent: 'OTHER', confidence: 0.5, language: 'en' };

/** JSON for structured-output requests, text otherwise. */
export const defaultResponder: Responder = (body) =>
  body.response_format?.type === 'json_schema' ? JSON.stringify(FAKE_CLASSIFICATION) : 'Hello from the fake model.';

const ERROR_MESSAGES: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  403: { message: 'You are not allowed to sample from this model.', type: 'invalid_request_error', code: 'model_not_found' },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests. Please try again in 1s.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** OpenAI's error envelope. Like the real 401, it names the key it was given. */
function errorBody(status: number, presentedKey: string): unknown {
  if (status === 401) {
    return {
      error: {
        message: `Incorrect API key provided: ${presentedKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    };
  }
  return { error: ERROR_MESSAGES[status] ?? { message: `HTTP ${status}`, type: 'server_error', code: null } };
}

export class FakeOpenAI {
  readonly apiKey: string;
  /** Every request that arrived, parsed, in order — failed ones included. */
  readonly requests: ChatRequestBody[] = [];
  responder: Responder = defaultResponder;
  /** Added before every answer. */
  latencyMs = 0;
  /** Sent as Retry-After with scripted 429 and 503 answers; null sends none. */
  retryAfterSeconds: number | null = 0;

  private server: Server | undefined;
  private baseUrl: string | undefined;
  private readonly faults: Fault[] = [];
  private readonly delays: number[] = [];
  /** Cancels answers still waiting out a delay when the server stops. */
  private stopping = new AbortController();

  constructor(options: { apiKey?: string } = {}) {
    this.apiKey = options.apiKey ?? `sk-fake-${randomUUID()}`;
  }

  /** The API root including `/v1`, as the SDK's baseURL. */
  get url(): string {
    if (!this.baseUrl) throw new Error('FakeOpenAI is not started');
    return this.baseUrl;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopping.abort();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    this.server = undefined;
    this.stopping = new AbortController();
  }

  /** Back to a fresh fake between tests: no requests, faults, delays or custom responder. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.delays.length = 0;
    this.responder = defaultResponder;
    this.latencyMs = 0;
    this.retryAfterSeconds = 0;
  }

  /** The next `count` requests answer `status` with OpenAI's error body for it, or `body`. */
  failNext(count: number, status: number, body?: unknown): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'status', status, body });
  }

  /** The next `count` requests get HTTP 200 with a body that is not valid JSON. */
  malformedNext(count = 1): void {
    for (let i = 0; i < count; i++) this.faults.push({ kind: 'malformed' });
  }

  /** The next request is answered `ms` later (on top of `latencyMs`). */
  delayNext(ms: number): void {
    this.delays.push(ms);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (request.method !== 'POST' || !['/v1/chat/completions', '/chat/completions'].includes(path)) {
      sendJson(response, 404, { error: { message: `Unknown request URL: ${request.method} ${path}`, type: 'invalid_request_error', code: 'unknown_url' } });
      return;
    }
    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      sendJson(response, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error', code: null } });
      return;
    }
    this.requests.push(body);

    const wait = this.latencyMs + (this.delays.shift() ?? 0);
    if (wait > 0) {
      try {
        await sleep(wait, undefined, { signal: this.stopping.signal });
      } catch {
        return;
      }
    }
    if (response.destroyed) return;

    const presentedKey = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (presentedKey !== this.apiKey) {
      sendJson(response, 401, errorBody(401, presentedKey));
      return;
    }
    const fault = this.faults.shift();
    if (fault?.kind === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "chatcmpl-broken", "choices": [');
      return;
    }
    if (fault) {
      const retryAfter = (fault.status === 429 || fault.status === 503) && this.retryAfterSeconds !== null ? { 'retry-after': String(this.retryAfterSeconds) } : undefined;
      sendJson(response, fault.status, fault.body ?? errorBody(fault.status, presentedKey), retryAfter);
      return;
    }
    sendJson(response, 200, this.completion(body));
  }

  private completion(body: ChatRequestBody): unknown {
    const reply = this.responder(body);
    const { content, finishReason } = typeof reply === 'string' ? { content: reply, finishReason: 'stop' } : reply;
    const promptTokens = estimateTokens(body.messages.map((message) => message.content).join('\n'));
    const completionTokens = estimateTokens(content ?? '');
    return {
      id: `chatcmpl-${randomUUID()}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1_000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason ?? 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    };
  }
}
