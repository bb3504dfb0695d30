import { CueIndex, parseCues, type Cue } from './cues.ts';
import { FILLER_WORDS, INTENT_LEXICON } from './intent-lexicon.ts';
import { detectLanguage } from './language.ts';
import { normalise, tokenise } from './text-normalise.ts';
import type { Classification, Intent } from './types.ts';

/**
 * The built-in classifier used when no model is configured (and as the model's safety net for
 * opt-outs and handoffs): cues from the lexicon add up per intent, a few product rules adjust
 * the totals, and the strongest intent wins.
 */

export interface ClassifyOptions {
  /** The business's own words for "get me a person"; any of them in a message means HUMAN_HANDOFF. */
  handoffKeywords?: readonly string[];
  /** The conversation's language, kept when the message is too short to tell ("ok", "👍"). */
  fallbackLanguage?: string;
}

const STRONG = 3;
const WEAK = 1;
/** A message made only of one intent's cues ("Thanks!", "Labdien, sveicināti!") leaves no doubt. */
const PURE_BONUS = 2;
/** Each sign of anger (a "!!!" run, a shouted message) on top of a complaint cue. */
const ANGER = 3;

/** Social niceties wrapped around a real question ("Hi, what time…", "Thanks, and where…") yield to the question. */
const SOCIAL_INTENTS: readonly Intent[] = ['GREETING', 'THANKS'];

/** When scores tie, the more specific or more consequential intent wins. */
const TIE_ORDER: readonly Intent[] = [
  'OPT_OUT', 'HUMAN_HANDOFF', 'COMPLAINT', 'SUPPORT', 'BILLING', 'PRICING', 'RESERVATION', 'ORDER', 'HOURS',
  'LOCATION', 'PRODUCT_INFO', 'OTHER', 'THANKS', 'GREETING',
];

const UNMATCHED: Omit<Classification, 'language'> = { intent: 'OTHER', confidence: 0.2 };
/** Opt-outs and handoffs must be acted on, so a clear cue for them is reported as near certain. */
const DECISIVE_CONFIDENCE = 0.9;
const HANDOFF_KEYWORD_CONFIDENCE = 0.95;

interface WeightedCue {
  intent: Intent;
  cue: Cue;
  weight: number;
}

/** Each intent's strong cues before its weak ones, so a weak cue inside a strong one ("order*" in "my order") is the one found redundant. */
const CUES: readonly WeightedCue[] = (Object.entries(INTENT_LEXICON) as [Intent, (typeof INTENT_LEXICON)[Intent]][]).flatMap(
  ([intent, byLanguage]) => {
    const cues = Object.values(byLanguage);
    return [
      ...cues.flatMap(({ strong = [] }) => strong.flatMap(parseCues).map((cue) => ({ intent, cue, weight: STRONG }))),
      ...cues.flatMap(({ weak = [] }) => weak.flatMap(parseCues).map((cue) => ({ intent, cue, weight: WEAK }))),
    ];
  },
);
const CUE_INDEX = new CueIndex(CUES.map(({ cue }) => cue));

const FILLERS = new Set(FILLER_WORDS.map(normalise));
const isFiller = (token: string) => FILLERS.has(token) || /^\d+$/.test(token);

interface IntentScore {
  /** What the lexicon's cues add up to. */
  cueScore: number;
  /** The cue score adjusted by the product rules; this one decides. */
  score: number;
  covered: Set<number>;
}

function scoreIntents(tokens: readonly string[]): Map<Intent, IntentScore> {
  const scores = new Map<Intent, IntentScore>();
  for (const [id, positions] of CUE_INDEX.match(tokens, isFiller)) {
    const { intent, weight } = CUES[id]!;
    let result = scores.get(intent);
    if (!result) scores.set(intent, (result = { cueScore: 0, score: 0, covered: new Set() }));
    // Words already counted for this intent are not evidence twice ("помочь" and "помощ*" on one word).
    if (positions.every((position) => result.covered.has(position))) continue;
    result.cueScore += weight;
    result.score += weight;
    for (const position of positions) result.covered.add(position);
  }
  return scores;
}

/** "!!!" runs and shouting; each counts once. */
function angerSignals(text: string): number {
  const exclamationRuns = text.match(/!{2,}/g)?.length ?? 0;
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = letters.filter((letter) => letter !== letter.toLowerCase()).length;
  const words = text.trim().split(/\s+/).length;
  const shouting = letters.length >= 10 && words >= 2 && capitals / letters.length >= 0.8;
  return exclamationRuns + (shouting ? 1 : 0);
}

function applyProductRules(scores: Map<Intent, IntentScore>, text: string, tokens: readonly string[]): void {
  const complaint = scores.get('COMPLAINT');
  if (complaint) complaint.score += ANGER * angerSignals(text);

  const strongestQuestion = Math.max(
    0,
    ...[...scores].filter(([intent]) => intent !== 'OTHER' && !SOCIAL_INTENTS.includes(intent)).map(([, { score }]) => score),
  );
  if (strongestQuestion >= STRONG) {
    for (const intent of SOCIAL_INTENTS) scores.delete(intent);
  }

  for (const result of scores.values()) {
    const pure = tokens.every((token, position) => result.covered.has(position) || isFiller(token));
    if (pure) result.score += PURE_BONUS;
  }
}

function rank(scores: Map<Intent, IntentScore>): [Intent, number][] {
  return [...scores]
    .map(([intent, { score }]) => [intent, score] as [Intent, number])
    .sort(([intentA, a], [intentB, b]) => b - a || TIE_ORDER.indexOf(intentA) - TIE_ORDER.indexOf(intentB));
}

/** Grows with the winning score and shrinks with how close the runner-up came. */
function confidenceOf(best: number, runnerUp: number): number {
  const strength = 1 - Math.exp(-best / 3);
  const margin = (best - runnerUp) / best;
  return Math.round((0.2 + 0.75 * strength * (0.55 + 0.45 * margin)) * 100) / 100;
}

function decide(scores: Map<Intent, IntentScore>): Omit<Classification, 'language'> {
  // An explicit opt-out or request for a person overrides whatever else the message asks.
  for (const intent of ['OPT_OUT', 'HUMAN_HANDOFF'] as const) {
    const decisive = scores.get(intent);
    if (decisive && decisive.cueScore >= STRONG) {
      return { intent, confidence: Math.max(DECISIVE_CONFIDENCE, confidenceOf(decisive.score, 0)) };
    }
  }
  const [best, runnerUp] = rank(scores);
  // Weak cues only tip a balance; alone (unless they are the whole message) they are no evidence.
  if (!best || best[1] < STRONG) return UNMATCHED;
  return { intent: best[0], confidence: confidenceOf(best[1], runnerUp?.[1] ?? 0) };
}

function mentionsHandoffKeyword(text: string, keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  const normalisedText = normalise(text);
  return keywords.some((keyword) => {
    const normalisedKeyword = normalise(keyword);
    return normalisedKeyword !== '' && normalisedText.includes(normalisedKeyword);
  });
}

export function classifyMessage(text: string, options: ClassifyOptions = {}): Classification {
  const language = detectLanguage(text, options.fallbackLanguage);
  const tokens = tokenise(text);
  const scores = scoreIntents(tokens);

  const optOut = scores.get('OPT_OUT');
  const optingOut = optOut !== undefined && optOut.cueScore >= STRONG;
  if (!optingOut && mentionsHandoffKeyword(text, options.handoffKeywords ?? [])) {
    return { intent: 'HUMAN_HANDOFF', confidence: HANDOFF_KEYWORD_CONFIDENCE, language };
  }

  applyProductRules(scores, text, tokens);
  return { ...decide(scores), language };
}
