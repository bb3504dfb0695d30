/**
 * Finds the FAQ entry, catalogue item or policy a customer's question is about, without a model.
 * Words are compared after `normalise` (no case, no diacritics), and two words match when they are
 * equal, share a stem ("pizzas"/"pizza", "picu"/"pica", "пиццу"/"пицца") or differ by a typo or two.
 * A candidate scores by how much of its own name the question mentions and, less, by how much of the
 * question it explains.
 */
import type { AiKnowledge } from './settings.ts';
import { isTypoOf, tokenise } from './text-normalise.ts';

export type KnowledgeMatch =
  | { kind: 'faq'; entry: AiKnowledge['faq'][number]; score: number }
  | { kind: 'item'; item: AiKnowledge['items'][number]; score: number }
  | { kind: 'policy'; policy: AiKnowledge['policies'][number]; score: number };

/** Below this a candidate shares a word with the question by chance rather than answering it. */
export const MATCH_THRESHOLD = 0.5;

/** Words that ask for the whole offer rather than one thing in it, normalised. */
const CATALOGUE_WORDS = ['menu', 'menus', 'catalogue', 'catalog', 'products', 'edienkarte', 'edienkarti', 'piedavajums', 'piedavajumu', 'меню', 'ассортимент', 'speisekarte', 'karte', 'angebot', 'sortiment'];

/** Question and price words in the four built-in languages, normalised; they say what is asked, not about what. */
const STOPWORDS = new Set([
  ...CATALOGUE_WORDS,
  ...['what', 'whats', 'which', 'how', 'much', 'many', 'the', 'and', 'for', 'you', 'your', 'have', 'has', 'does', 'can', 'could', 'would', 'are', 'there', 'any', 'some', 'with', 'about', 'this', 'that', 'please', 'tell', 'want', 'like', 'get', 'price', 'prices', 'cost', 'costs', 'offer', 'sell', 'serve', 'one'],
  ...['cik', 'maksa', 'maksas', 'cena', 'cenas', 'cenu', 'kas', 'kada', 'kads', 'kadas', 'kadi', 'jums', 'jus', 'jusu', 'vai', 'man', 'mums', 'ludzu', 'par', 'kur', 'gribu', 'gribetu', 'var', 'varu', 'varat', 'varam', 'piedavajat', 'pardodat', 'pastastiet'],
  ...['сколько', 'стоит', 'стоят', 'стоимость', 'цена', 'цены', 'почем', 'какая', 'какои', 'какие', 'какое', 'что', 'есть', 'вас', 'мне', 'пожалуиста', 'это', 'как', 'для', 'хочу', 'можно', 'про', 'скажите', 'подскажите', 'предлагаете', 'продаете'],
  ...['was', 'wie', 'viel', 'kostet', 'kosten', 'preis', 'preise', 'ist', 'sind', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'einen', 'haben', 'habt', 'hat', 'sie', 'ihr', 'ihre', 'ich', 'gibt', 'bitte', 'fur', 'mit', 'und', 'oder', 'welche', 'konnen', 'kann', 'man', 'mochte', 'bieten', 'euch'],
]);

const EXACT = 1;
const SAME_STEM = 0.9;
const TYPO = 0.8;

/** The words of `text` that say what it is about: no stopwords, nothing shorter than three letters. */
function contentWords(text: string): string[] {
  return tokenise(text).filter((word) => word.length >= 3 && !STOPWORDS.has(word));
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** Inflection changes endings: the shorter word must be the prefix give or take its last letter, and the longer adds at most three. */
function isSameStem(a: string, b: string): boolean {
  const prefix = commonPrefixLength(a, b);
  const shorter = Math.min(a.length, b.length);
  return prefix >= 3 && prefix >= shorter - 1 && Math.max(a.length, b.length) - prefix <= 3;
}

function wordSimilarity(typed: string, known: string): number {
  if (typed === known) return EXACT;
  if (isSameStem(typed, known)) return SAME_STEM;
  return isTypoOf(typed, known) ? TYPO : 0;
}

function coverage(words: string[], by: string[], similarity: (word: string, other: string) => number): number {
  const total = words.reduce((sum, word) => sum + Math.max(0, ...by.map((other) => similarity(word, other))), 0);
  return total / words.length;
}

function score(question: string[], candidate: string[]): number {
  if (question.length === 0 || candidate.length === 0) return 0;
  const mentioned = coverage(candidate, question, (known, typed) => wordSimilarity(typed, known));
  const explained = coverage(question, candidate, wordSimilarity);
  return 0.7 * mentioned + 0.3 * explained;
}

/** Every candidate at or above the threshold, best first; on a tie items come before FAQ entries and policies. */
export function knowledgeMatches(text: string, knowledge: AiKnowledge): KnowledgeMatch[] {
  const question = contentWords(text);
  if (question.length === 0) return [];
  const candidates: KnowledgeMatch[] = [
    ...knowledge.items.map((item) => ({ kind: 'item' as const, item, score: score(question, contentWords(item.name)) })),
    ...knowledge.faq.map((entry) => ({ kind: 'faq' as const, entry, score: score(question, contentWords(entry.question)) })),
    ...knowledge.policies.map((policy) => ({ kind: 'policy' as const, policy, score: score(question, contentWords(policy.title)) })),
  ];
  return candidates.filter((candidate) => candidate.score >= MATCH_THRESHOLD).sort((a, b) => b.score - a.score);
}

export function bestKnowledgeMatch(text: string, knowledge: AiKnowledge): KnowledgeMatch | null {
  return knowledgeMatches(text, knowledge)[0] ?? null;
}

/** "What do you have?", "menu?", "how much?": a question about the offer as a whole, not one thing in it. */
export function asksForWholeCatalogue(text: string): boolean {
  const words = tokenise(text);
  return words.some((word) => CATALOGUE_WORDS.includes(word)) || contentWords(text).length === 0;
}
