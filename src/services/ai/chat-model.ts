/**
 * One OpenAI-compatible chat model behind an explicit failure policy. A customer is waiting on
 * WhatsApp and the rule-based answer is always there as a fallback, so the policy favours failing
 * fast: every attempt has a deadline, only rate limits and server/connection errors get one more
 * try, and a model that keeps failing is skipped for a while instead of costing every customer a
 * timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, OpenAIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { INTENTS } from './types.ts';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export interface ModelUsage {
  tokensIn: number;
  tokensOut: number;
}

const ModelClassificationSchema = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  language: z.string().regex(/^[a-z]{2}$/).describe('ISO 639-1 code of the language the customer writes in'),
});
export type ModelClassification = z.output<typeof ModelClassificationSchema>;

export interface ChatModel {
  /** The model id, for traces. */
  readonly name: string;
  classify(messages: ChatMessage[]): Promise<{ value: ModelClassification } & ModelUsage>;
  complete(messages: ChatMessage[], options: { maxTokens: number }): Promise<{ value: string } & ModelUsage>;
}

export type ModelFailureKind = 'TIMEOUT' | 'RATE_LIMITED' | 'SERVER_ERROR' | 'CIRCUIT_OPEN' | 'BAD_RESPONSE' | 'REJECTED';

/** The model gave no usable answer; the caller falls back to the rule-based answer or a human. */
export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
  constructor(
    readonly kind: ModelFailureKind,
    message: string,
    /** HTTP status, when the API answered with one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ChatModelOptions {
  apiKey: string;
  /** An OpenAI-compatible API root such as `http://localhost:11434/v1`; the SDK default otherwise. */
  baseUrl?: string;
  model: string;
  /** Per attempt, reading the answer included. */
  timeoutMs: number;
  breaker?: { failures: number; openMs: number };
  now?: () => number;
}

const DEFAULT_BREAKER = { failures: 3, openMs: 60_000 };
const RETRY_DELAY_MS = 250;
/** A longer Retry-After is not waited out: by then the customer is better served by the fallback. */
const MAX_RETRY_DELAY_MS = 1_000;
/**
 * Connection errors count as SERVER_ERROR. A timeout is not retried: a second full wait would keep
 * the customer waiting twice as long for what the fallback answers at once.
 */
const RETRYABLE: ReadonlySet<ModelFailureKind> = new Set(['RATE_LIMITED', 'SERVER_ERROR']);
/** Rejections that every later call would get too (bad key, no access, unknown model or URL). */
const CONFIGURATION_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);
/** Server error pages can be whole HTML documents; a trace needs only the start. */
const MAX_DETAIL_CHARS = 200;

const CLASSIFICATION_FORMAT = zodResponseFormat(ModelClassificationSchema, 'classification');

/** The parts of a chat completion we read, checked because compatible servers vary. */
const CompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});
type Completion = z.output<typeof CompletionSchema>;

type CompletionParams = { messages: ChatMessage[] } & (
  | { response_format: typeof CLASSIFICATION_FORMAT }
  | { max_completion_tokens: number }
);

interface AttemptFailure {
  error: ModelUnavailableError;
  retryDelayMs: number;
}

/**
 * Closed until `failures` calls in a row fail, then open (every call refused without HTTP) for
 * `openMs`, then half-open: one trial call goes through, and its outcome closes or reopens it.
 */
function createCircuitBreaker(model: string, settings: { failures: number; openMs: number }, now: () => number) {
  let consecutiveFailures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;

  return {
    /** Throws CIRCUIT_OPEN unless a call may go ahead now. */
    admit(): void {
      if (openedAt === undefined) return;
      const waitMs = openedAt + settings.openMs - now();
      if (waitMs > 0 || trialInFlight) {
        const retry = waitMs > 0 ? `next try in ${Math.ceil(waitMs / 1_000)} s` : 'a trial call is under way';
        throw new ModelUnavailableError('CIRCUIT_OPEN', `${model} skipped after ${consecutiveFailures} failed calls in a row; ${retry}`);
      }
      trialInFlight = true;
    },
    succeeded(): void {
      consecutiveFailures = 0;
      openedAt = undefined;
      trialInFlight = false;
    },
    failed(): void {
      consecutiveFailures += 1;
      const wasTrial = trialInFlight;
      trialInFlight = false;
      if (wasTrial || consecutiveFailures >= settings.failures) openedAt = now();
    },
  };
}

/** Retry-After(-ms) as sent with 429/503, capped; the default pause otherwise. */
function retryDelayMs(headers: Headers | undefined): number {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  const header = headers?.get('retry-after') ?? '';
  const seconds = Number.parseFloat(header);
  const requested = !Number.isNaN(milliseconds)
    ? milliseconds
    : !Number.isNaN(seconds)
      ? seconds * 1_000
      : Date.parse(header) - Date.now();
  return Number.isNaN(requested) ? RETRY_DELAY_MS : Math.min(Math.max(requested, 0), MAX_RETRY_DELAY_MS);
}

/** A rejected request (too long a prompt, say) still shows the model is up. */
function countsAgainstModel(error: ModelUnavailableError): boolean {
  return error.kind !== 'REJECTED' || (error.status !== undefined && CONFIGURATION_STATUSES.has(error.status));
}

function badResponse(message: string): ModelUnavailableError {
  return new ModelUnavailableError('BAD_RESPONSE', message);
}

function usageOf(completion: Completion): ModelUsage {
  return { tokensIn: completion.usage?.prompt_tokens ?? 0, tokensOut: completion.usage?.completion_tokens ?? 0 };
}

/** The answer text of a completion that ended normally. */
function answerText(completion: Completion): string {
  const choice = completion.choices[0]!;
  if (choice.finish_reason === 'length') throw badResponse('the answer was cut off at the token limit');
  if (choice.finish_reason === 'content_filter') throw badResponse('the answer was withheld by the content filter');
  if (choice.message.refusal) throw badResponse(`the model refused: ${choice.message.refusal.slice(0, MAX_DETAIL_CHARS)}`);
  const content = choice.message.content?.trim();
  if (!content) throw badResponse('the answer was empty');
  return content;
}

function parseClassification(content: string): ModelClassification {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw badResponse('the classification was not JSON');
  }
  const parsed = ModelClassificationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badResponse(`the classification did not match the schema: ${issue?.path.join('.') || 'value'}: ${issue?.message}`);
  }
  return parsed.data;
}

export function createChatModel(options: ChatModelOptions): ChatModel {
  const { apiKey, model, timeoutMs } = options;
  const client = new OpenAI({ apiKey, baseURL: options.baseUrl, timeout: timeoutMs, maxRetries: 0 });
  const breaker = createCircuitBreaker(model, options.breaker ?? DEFAULT_BREAKER, options.now ?? Date.now);

  /** Servers may echo the key back (OpenAI's 401 does, partly masked; proxies in full). */
  function detail(message: string): string {
    return message.replaceAll(apiKey, '[redacted]').slice(0, MAX_DETAIL_CHARS);
  }

  function describeFailure(error: unknown, timedOut: boolean): AttemptFailure {
    const fail = (kind: ModelFailureKind, message: string, status?: number, delayMs = RETRY_DELAY_MS) => ({
      error: new ModelUnavailableError(kind, message, status),
      retryDelayMs: delayMs,
    });
    if (timedOut || error instanceof APIConnectionTimeoutError) return fail('TIMEOUT', `no answer within ${timeoutMs} ms`);
    if (error instanceof APIConnectionError) return fail('SERVER_ERROR', `could not reach the API: ${detail(error.message)}`);
    if (error instanceof APIError && error.status !== undefined) {
      const { status } = error;
      // The SDK's message starts with the status: "429 Rate limit reached…".
      const message = `answered ${detail(error.message)}`;
      if (status === 429) return fail('RATE_LIMITED', message, status, retryDelayMs(error.headers));
      if (status >= 500) return fail('SERVER_ERROR', message, status, retryDelayMs(error.headers));
      if (status >= 400) return fail('REJECTED', message, status);
      return fail('BAD_RESPONSE', message, status);
    }
    // Undici and the SDK throw these for a body that is not the JSON its content type promised.
    if (error instanceof SyntaxError || error instanceof OpenAIError) return fail('BAD_RESPONSE', `unreadable answer: ${detail(error.message)}`);
    throw error;
  }

  async function attempt(params: CompletionParams): Promise<{ completion: Completion } | AttemptFailure> {
    // Our own deadline rather than only the SDK's: the SDK stops timing once headers arrive.
    const deadline = AbortSignal.timeout(timeoutMs);
    let body: unknown;
    try {
      body = await client.chat.completions.create({ model, ...params }, { signal: deadline });
    } catch (error) {
      return describeFailure(error, deadline.aborted);
    }
    const parsed = CompletionSchema.safeParse(body);
    if (!parsed.success) return { error: badResponse('the answer is not a chat completion'), retryDelayMs: 0 };
    return { completion: parsed.data };
  }

  async function withOneRetry(params: CompletionParams): Promise<Completion> {
    let outcome = await attempt(params);
    if ('error' in outcome && RETRYABLE.has(outcome.error.kind)) {
      await sleep(outcome.retryDelayMs);
      outcome = await attempt(params);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.completion;
  }

  async function call<T>(params: CompletionParams, read: (completion: Completion) => T): Promise<{ value: T } & ModelUsage> {
    breaker.admit();
    try {
      const completion = await withOneRetry(params);
      const value = read(completion);
      breaker.succeeded();
      return { value, ...usageOf(completion) };
    } catch (error) {
      if (error instanceof ModelUnavailableError && !countsAgainstModel(error)) breaker.succeeded();
      else breaker.failed();
      throw error;
    }
  }

  return {
    name: model,
    classify: (messages) =>
      call({ messages, response_format: CLASSIFICATION_FORMAT }, (completion) => parseClassification(answerText(completion))),
    complete: (messages, { maxTokens }) => call({ messages, max_completion_tokens: maxTokens }, answerText),
  };
}
