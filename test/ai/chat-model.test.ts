import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, type ChatModelOptions, createChatModel, type ModelFailureKind, ModelUnavailableError } from '../../src/services/ai/chat-model.ts';
import { FakeOpenAI } from '../support/fake-openai.ts';

const API_KEY = 'sk-test-9fQ2xLm7Kp4Zr8Vb';
const MODEL = 'gpt-4o-mini';
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You sort messages.' },
  { role: 'user', content: 'Kad jūs esat atvērti?' },
];

const fake = new FakeOpenAI({ apiKey: API_KEY });

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

function model(options: Partial<ChatModelOptions> = {}) {
  return createChatModel({ apiKey: API_KEY, baseUrl: fake.url, model: MODEL, timeoutMs: 2_000, ...options });
}

/** Asserts the kind and that the key leaked into neither the message nor anything else on the error. */
async function modelError(promise: Promise<unknown>, kind: ModelFailureKind): Promise<ModelUnavailableError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${kind}, got ${JSON.stringify(value)}`);
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof ModelUnavailableError)) throw error;
  expect(error.kind, error.message).toBe(kind);
  expect(error.message).not.toContain(API_KEY);
  expect(JSON.stringify({ ...error })).not.toContain(API_KEY);
  return error;
}

describe('answers', () => {
  it('parses a structured classification and reports the token usage', async () => {
    fake.responder = () => JSON.stringify({ intent: 'HOURS', confidence: 0.92, language: 'lv' });
    const result = await model().classify(MESSAGES);
    expect(result.value).toEqual({ intent: 'HOURS', confidence: 0.92, language: 'lv' });
    expect(result.tokensIn).toBeGreaterThan(0);
    expect(result.tokensOut).toBeGreaterThan(0);
  });

  it('sends the model, the messages and a strict JSON schema for the classification', async () => {
    await model().classify(MESSAGES);
    const [request] = fake.requests;
    expect(request?.model).toBe(MODEL);
    expect(request?.messages).toEqual(MESSAGES);
    expect(request?.response_format?.type).toBe('json_schema');
    expect(request?.response_format?.json_schema?.strict).toBe(true);
    const schema = request?.response_format?.json_schema?.schema as { properties: { intent: { enum: string[] } }; required: string[] };
    expect(schema.required).toEqual(['intent', 'confidence', 'language']);
    expect(schema.properties.intent.enum).toContain('RESERVATION');
  });

  it('returns the completion text and asks for at most maxTokens', async () => {
    fake.responder = () => '  Mēs esam atvērti no 9 līdz 18.  ';
    const chat = model();
    const result = await chat.complete(MESSAGES, { maxTokens: 300 });
    expect(result.value).toBe('Mēs esam atvērti no 9 līdz 18.');
    expect(chat.name).toBe(MODEL);
    expect(fake.requests[0]?.max_completion_tokens).toBe(300);
    expect(fake.requests[0]?.response_format).toBeUndefined();
  });

  it('works against a base URL without /v1', async () => {
    const result = await model({ baseUrl: fake.url.replace(/\/v1$/, '') }).complete(MESSAGES, { maxTokens: 50 });
    expect(result.value).toBe('Hello from the fake model.');
  });
});

describe('bad answers', () => {
  it('rejects a classification that is not JSON', async () => {
    fake.responder = () => 'HOURS, I think';
    await modelError(model().classify(MESSAGES), 'BAD_RESPONSE');
  });

  it('rejects a classification outside the schema', async () => {
    fake.responder = () => JSON.stringify({ intent: 'WEATHER', confidence: 0.9, language: 'en' });
    const error = await modelError(model().classify(MESSAGES), 'BAD_RESPONSE');
    expect(error.message).toContain('intent');
  });

  it('rejects a body that is not valid JSON, without retrying', async () => {
    fake.malformedNext();
    await modelError(model().complete(MESSAGES, { maxTokens: 50 }), 'BAD_RESPONSE');
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects an answer cut off at the token limit', async () => {
    fake.responder = () => ({ content: 'We are open from', finishReason: 'length' });
    await modelError(model().complete(MESSAGES, { maxTokens: 5 }), 'BAD_RESPONSE');
  });
});

describe('retries', () => {
  it('retries a 429 once and returns the second answer', async () => {
    fake.failNext(1, 429);
    const result = await model().complete(MESSAGES, { maxTokens: 50 });
    expect(result.value).toBe('Hello from the fake model.');
    expect(fake.requests).toHaveLength(2);
  });

  it('waits for Retry-After before retrying', async () => {
    fake.retryAfterSeconds = 1;
    fake.failNext(1, 429);
    const started = Date.now();
    await model().complete(MESSAGES, { maxTokens: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not wait out a long Retry-After', async () => {
    fake.retryAfterSeconds = 30;
    fake.failNext(2, 429);
    const started = Date.now();
    await modelError(model().complete(MESSAGES, { maxTokens: 50 }), 'RATE_LIMITED');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up with SERVER_ERROR after exactly two requests when both fail', async () => {
    fake.failNext(2, 500);
    const error = await modelError(model().complete(MESSAGES, { maxTokens: 50 }), 'SERVER_ERROR');
    expect(error.status).toBe(500);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a connection error once', async () => {
    const unreachable = createChatModel({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9/v1', model: MODEL, timeoutMs: 2_000 });
    await modelError(unreachable.complete(MESSAGES, { maxTokens: 50 }), 'SERVER_ERROR');
  });

  it('times out a slow answer, without retrying', async () => {
    fake.delayNext(1_500);
    const started = Date.now();
    const error = await modelError(model({ timeoutMs: 200 }).complete(MESSAGES, { maxTokens: 50 }), 'TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.message).toContain('200 ms');
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects on 401 without retrying and without repeating the key', async () => {
    fake.failNext(1, 401);
    const error = await modelError(model().complete(MESSAGES, { maxTokens: 50 }), 'REJECTED');
    expect(error.status).toBe(401);
    expect(error.message).toContain('[redacted]');
    expect(fake.requests).toHaveLength(1);
  });

  it('rejects a wrong key', async () => {
    await modelError(model({ apiKey: 'sk-wrong-key-000' }).complete(MESSAGES, { maxTokens: 50 }), 'REJECTED');
  });
});

describe('circuit breaker', () => {
  function clock() {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  }

  it('opens after three failed calls, skips the model while open, and closes after a successful trial', async () => {
    const time = clock();
    const chat = model({ now: time.now, breaker: { failures: 3, openMs: 60_000 } });
    fake.malformedNext(3);
    for (let i = 0; i < 3; i++) await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'BAD_RESPONSE');
    expect(fake.requests).toHaveLength(3);

    await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'CIRCUIT_OPEN');
    time.advance(59_999);
    await modelError(chat.classify(MESSAGES), 'CIRCUIT_OPEN');
    expect(fake.requests).toHaveLength(3);

    time.advance(1);
    await expect(chat.complete(MESSAGES, { maxTokens: 50 })).resolves.toMatchObject({ value: 'Hello from the fake model.' });
    await expect(chat.complete(MESSAGES, { maxTokens: 50 })).resolves.toMatchObject({ value: 'Hello from the fake model.' });
    expect(fake.requests).toHaveLength(5);
  });

  it('lets one trial through when half-open and reopens when it fails', async () => {
    const time = clock();
    const chat = model({ now: time.now, breaker: { failures: 2, openMs: 10_000 } });
    fake.malformedNext(2);
    for (let i = 0; i < 2; i++) await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'BAD_RESPONSE');
    time.advance(10_000);

    fake.delayNext(200);
    fake.malformedNext();
    const trial = modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'BAD_RESPONSE');
    await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'CIRCUIT_OPEN');
    await trial;
    await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'CIRCUIT_OPEN');
    expect(fake.requests).toHaveLength(3);
  });

  it('counts a rejected request as the model being up', async () => {
    const chat = model({ breaker: { failures: 2, openMs: 60_000 } });
    fake.failNext(3, 400);
    for (let i = 0; i < 3; i++) await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'REJECTED');
    await expect(chat.complete(MESSAGES, { maxTokens: 50 })).resolves.toMatchObject({ value: 'Hello from the fake model.' });
  });

  it('counts a refused key against the model', async () => {
    const chat = model({ breaker: { failures: 2, openMs: 60_000 } });
    fake.failNext(2, 401);
    for (let i = 0; i < 2; i++) await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'REJECTED');
    await modelError(chat.complete(MESSAGES, { maxTokens: 50 }), 'CIRCUIT_OPEN');
    expect(fake.requests).toHaveLength(2);
  });
});
