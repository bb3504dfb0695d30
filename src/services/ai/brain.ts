/**
 * The answering brain, shared by WhatsApp replies and (later) voice calls: what the customer wants,
 * and what to say. With a model it classifies (structured output) and answers from the business's
 * facts and its best-rated replies; whenever the model is unavailable or its answer fails the
 * checks, the built-in classifier and rule-based answers take over. Handoffs and opt-outs never
 * depend on the model being right: the built-in classifier's explicit cues win.
 *
 * Create it once per process: the model's circuit breaker lives in the ChatModel and must be
 * shared by every decision.
 */
import type { ChatModel } from './chat-model.ts';
import { ModelUnavailableError } from './chat-model.ts';
import { classifyMessage } from './classifier.ts';
import { examplesFor } from './examples.ts';
import { phrasesFor } from './phrases.ts';
import { checkReply } from './post-checks.ts';
import { buildAnswerMessages, buildClassifyMessages, type HistoryEntry, PROMPT_VERSION, type ReplyExample } from './prompt.ts';
import { ruleBasedAnswer } from './rule-answers.ts';
import type { AiSettings } from './settings.ts';
import { type AiChannel, type BuiltInLanguage, type Classification, type Intent, isBuiltInLanguage } from './types.ts';

export type { HistoryEntry } from './prompt.ts';

export type BrainAction = 'REPLY' | 'HANDOFF' | 'OPT_OUT';
export type HandoffReason = 'HUMAN_HANDOFF' | 'COMPLAINT' | 'LOW_CONFIDENCE' | 'UNANSWERED' | 'BOT_LOOP' | 'PLAN_LIMIT';

export interface BrainInput {
  business: { id: string; name: string; timezone: string; language: string };
  settings: AiSettings;
  channel: AiChannel;
  /** The conversation before `text`, oldest first. */
  history: HistoryEntry[];
  /** What the customer just said (several quick messages joined by newlines). */
  text: string;
  now: Date;
}

export interface BrainDecision {
  classification: Classification;
  action: BrainAction;
  /** The reply, the handoff notice, or the opt-out confirmation. */
  text: string;
  handoffReason: HandoffReason | null;
  /** The model asked (even when its answer was not used); null when only the built-in rules ran. */
  model: string | null;
  promptVersion: string | null;
  fallbackUsed: boolean;
  tokensIn: number | null;
  tokensOut: number | null;
  /** Why the model's answer was not used, when it was not. */
  error: string | null;
  /** What was asked, for the trace (AiRun.input). `text` is what later prompts show as the example's question. */
  input: Record<string, unknown>;
}

export interface Brain {
  /** The model's name, or null for the built-in rules. */
  readonly model: string | null;
  decide(input: BrainInput): Promise<BrainDecision>;
}

/** Intents that always go to people. */
const HANDOFF_INTENTS: ReadonlySet<Intent> = new Set(['HUMAN_HANDOFF', 'COMPLAINT']);
/** Built-in cues decisive enough to skip the model: a customer who writes STOP or asks for a person gets that, whatever the model thinks. */
const DECISIVE_BUILT_IN: ReadonlySet<Intent> = new Set(['OPT_OUT', 'HUMAN_HANDOFF']);
const MAX_TOKENS: Record<AiChannel, number> = { WHATSAPP: 400, VOICE: 120 };
/** How much of the history the trace keeps. */
const TRACE_HISTORY = 10;
const EXAMPLES = 3;

function languageOf(language: string, business: BrainInput['business']): BuiltInLanguage {
  const primary = language.split('-')[0]!.toLowerCase();
  if (isBuiltInLanguage(primary)) return primary;
  const own = business.language.split('-')[0]!.toLowerCase();
  return isBuiltInLanguage(own) ? own : 'en';
}

function handoffNotice(intent: Intent, language: BuiltInLanguage): string {
  const phrases = phrasesFor(language);
  return intent === 'COMPLAINT' ? `${phrases.apology} ${phrases.handoff}` : phrases.handoff;
}

function describe(error: unknown): string {
  if (error instanceof ModelUnavailableError) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

interface Draft {
  classification: Classification;
  fallbackUsed: boolean;
  error: string | null;
}

/**
 * HANDOFF / OPT_OUT when the classification says so; null when it is a question to answer. The
 * notice is in the customer's language (the business's when the built-in phrases do not speak it).
 */
function settled(classification: Classification, input: BrainInput): { action: BrainAction; text: string; handoffReason: HandoffReason | null } | null {
  const language = languageOf(classification.language, input.business);
  if (classification.intent === 'OPT_OUT') return { action: 'OPT_OUT', text: phrasesFor(language).optOut, handoffReason: null };
  if (HANDOFF_INTENTS.has(classification.intent)) {
    return { action: 'HANDOFF', text: handoffNotice(classification.intent, language), handoffReason: classification.intent as HandoffReason };
  }
  if (classification.confidence < input.settings.confidenceThreshold) {
    return { action: 'HANDOFF', text: handoffNotice(classification.intent, language), handoffReason: 'LOW_CONFIDENCE' };
  }
  return null;
}

/** The built-in path: the classifier's verdict, then a rule-based answer from the knowledge (or a handoff when none fits). */
function builtIn(input: BrainInput, draft: Draft, trace: Record<string, unknown>, model: string | null, tokens: { in: number | null; out: number | null }): BrainDecision {
  const { classification } = draft;
  const base = {
    classification,
    model,
    promptVersion: model ? PROMPT_VERSION : null,
    fallbackUsed: draft.fallbackUsed,
    tokensIn: tokens.in,
    tokensOut: tokens.out,
    error: draft.error,
    input: trace,
  };
  const verdict = settled(classification, input);
  if (verdict) return { ...base, ...verdict };
  const answer = ruleBasedAnswer({
    classification,
    settings: input.settings,
    business: { name: input.business.name, timezone: input.business.timezone, language: input.business.language },
    text: input.text,
    now: input.now,
    channel: input.channel,
  });
  trace.ruleMatched = answer.matched;
  if (answer.handoff) return { ...base, action: 'HANDOFF', text: answer.text, handoffReason: 'UNANSWERED' };
  return { ...base, action: 'REPLY', text: answer.text, handoffReason: null };
}

export function createBrain(model: ChatModel | null): Brain {
  const decide = async (input: BrainInput): Promise<BrainDecision> => {
    const rules = classifyMessage(input.text, { handoffKeywords: input.settings.handoffKeywords, fallbackLanguage: input.business.language });
    const trace: Record<string, unknown> = {
      text: input.text,
      channel: input.channel,
      history: input.history.slice(-TRACE_HISTORY).map((entry) => ({ role: entry.role, text: entry.text, at: entry.at.toISOString() })),
      builtInClassification: rules,
    };
    const decisive = DECISIVE_BUILT_IN.has(rules.intent) && rules.confidence >= input.settings.confidenceThreshold;
    if (!model || decisive) return builtIn(input, { classification: rules, fallbackUsed: false, error: null }, trace, null, { in: null, out: null });

    const tokens = { in: 0, out: 0 };
    const answer = async (classification: Classification) => {
      const examples: ReplyExample[] = await examplesFor(input.business.id, classification.intent, EXAMPLES);
      const messages = buildAnswerMessages({
        business: input.business,
        settings: input.settings,
        channel: input.channel,
        history: [...input.history, { role: 'customer', text: input.text, at: input.now }],
        intent: classification.intent,
        language: classification.language,
        examples,
        now: input.now,
      });
      return { examples, answered: await model.complete(messages, { maxTokens: MAX_TOKENS[input.channel] }) };
    };
    // The answer is asked for alongside the classification, on the built-in reading of the message:
    // when the model reads it the same way (the usual case) one round trip is saved, otherwise that
    // answer is dropped and the model is asked again with its own reading.
    const speculative = settled(rules, input) ? null : answer(rules);
    speculative?.catch(() => undefined);
    try {
      const classified = await model.classify(buildClassifyMessages({ text: input.text, history: input.history }));
      tokens.in += classified.tokensIn;
      tokens.out += classified.tokensOut;
      const classification: Classification = classified.value;
      trace.modelClassification = classification;
      const verdict = settled(classification, input);
      if (verdict) {
        return { classification, ...verdict, model: model.name, promptVersion: PROMPT_VERSION, fallbackUsed: false, tokensIn: tokens.in, tokensOut: tokens.out, error: null, input: trace };
      }
      const agrees = speculative !== null && classification.intent === rules.intent && classification.language === rules.language;
      trace.speculativeAnswerUsed = agrees;
      const { examples, answered } = await (agrees ? speculative : answer(classification));
      trace.examples = examples;
      tokens.in += answered.tokensIn;
      tokens.out += answered.tokensOut;
      trace.modelAnswer = answered.value;
      const checked = checkReply(answered.value, { settings: input.settings, channel: input.channel });
      if (!checked.ok) {
        return builtIn(input, { classification: rules, fallbackUsed: true, error: `The model's answer failed the checks: ${checked.reason}` }, trace, model.name, tokens);
      }
      return {
        classification,
        action: 'REPLY',
        text: checked.text,
        handoffReason: null,
        model: model.name,
        promptVersion: PROMPT_VERSION,
        fallbackUsed: false,
        tokensIn: tokens.in,
        tokensOut: tokens.out,
        error: null,
        input: trace,
      };
    } catch (error) {
      if (!(error instanceof ModelUnavailableError)) throw error;
      return builtIn(input, { classification: rules, fallbackUsed: true, error: describe(error) }, trace, model.name, tokens);
    }
  };
  return { model: model?.name ?? null, decide };
}
