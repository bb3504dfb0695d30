/**
 * Answers without a model. The classified intent decides what kind of answer it is, the business's
 * own knowledge fills it in, and whatever that knowledge cannot answer goes to a human rather than
 * being guessed.
 */
import { asksForWholeCatalogue, knowledgeMatches, type KnowledgeMatch } from './knowledge-match.ts';
import { daysBetween, localTime, openingState, weekHours, type LocalDate } from './opening-hours.ts';
import { formatPrice, phrasesFor, type DayReference, type Phrases } from './phrases.ts';
import type { AiKnowledge, AiSettings, Weekday } from './settings.ts';
import { tokenise } from './text-normalise.ts';
import { isBuiltInLanguage, type AiChannel, type BuiltInLanguage, type Classification } from './types.ts';

export interface RuleAnswerInput {
  classification: Classification;
  settings: AiSettings;
  business: { name: string; timezone: string; language: string };
  text: string;
  now: Date;
  channel: AiChannel;
}

export interface RuleAnswer {
  text: string;
  /** The conversation goes to a human: we could not answer from the knowledge, or the customer asked for a person. */
  handoff: boolean;
  /** What in the knowledge gave the answer: "faq:<question>", "item:<name>", "items", "policy:<title>", "openingHours", "address", "mapUrl" or "bookingUrl". */
  matched: string | null;
}

interface Context extends RuleAnswerInput {
  language: BuiltInLanguage;
  phrases: Phrases;
  knowledge: AiKnowledge;
}

/** A longer list is no longer a quick answer on WhatsApp. */
const LIST_LENGTH = 5;
/** Items scoring this close to the best are as likely meant ("pizza" with three pizzas on the menu), so all are listed. */
const CLOSE_SCORE = 0.15;
const SPOKEN_SENTENCES = 2;

const reply = (text: string, matched: string | null): RuleAnswer => ({ text, handoff: false, matched });
const handOff = (text: string, matched: string | null = null): RuleAnswer => ({ text, handoff: true, matched });
const dontKnow = (phrases: Phrases): RuleAnswer => handOff(`${phrases.unknown} ${phrases.handoff}`);

export function ruleBasedAnswer(input: RuleAnswerInput): RuleAnswer {
  const language = replyLanguage(input);
  const context: Context = { ...input, language, phrases: phrasesFor(language), knowledge: input.settings.knowledge };
  const answer = answerIntent(context);
  return input.channel === 'VOICE' ? spoken(answer, context.phrases) : answer;
}

/** The customer's language when we may answer in it, else the business's own, else English. */
function replyLanguage({ classification, settings, business }: RuleAnswerInput): BuiltInLanguage {
  const asked = classification.language.toLowerCase();
  if (isBuiltInLanguage(asked) && settings.replyLanguages.includes(asked)) return asked;
  const own = business.language.toLowerCase().split('-')[0] ?? '';
  return isBuiltInLanguage(own) ? own : 'en';
}

function answerIntent(context: Context): RuleAnswer {
  const { phrases } = context;
  switch (context.classification.intent) {
    case 'GREETING':
      return reply(phrases.greeting(context.business.name), null);
    case 'HOURS':
      return hoursAnswer(context);
    case 'LOCATION':
      return locationAnswer(context);
    case 'PRICING':
    case 'PRODUCT_INFO':
      return catalogueAnswer(context);
    case 'RESERVATION':
      return reservationAnswer(context);
    case 'THANKS':
      return reply(phrases.thanks, null);
    case 'OPT_OUT':
      return reply(phrases.optOut, null);
    case 'COMPLAINT':
      return handOff(`${phrases.apology} ${phrases.handoff}`);
    case 'HUMAN_HANDOFF':
      return handOff(phrases.handoff);
    case 'ORDER':
    case 'SUPPORT':
    case 'BILLING':
    case 'OTHER':
      return faqAnswer(context);
  }
}

const TODAY_WORDS = new Set(['today', 'tonight', 'sodien', 'sovakar', 'сегодня', 'heute']);
const TOMORROW_WORDS = new Set(['tomorrow', 'rit', 'ritdien', 'ritvakar', 'завтра', 'morgen']);
/** "This week" and "your opening hours" in general both want the week, not just whether we are open now. */
const WEEK_WORDS = new Set(['week', 'weekly', 'hours', 'times', 'schedule', 'nedela', 'nedelu', 'nedelas', 'sonedel', 'laiks', 'laiku', 'неделя', 'неделю', 'недели', 'неделе', 'график', 'режим', 'часы', 'woche', 'offnungszeiten', 'zeiten']);
const WEEKDAY_WORDS: [Weekday, RegExp][] = [
  ['MONDAY', /^(?:monday|pirmdien|понедельник|montag)/],
  ['TUESDAY', /^(?:tuesday|otrdien|вторник|dienstag)/],
  ['WEDNESDAY', /^(?:wednesday|tresdien|сред[ауы]$|mittwoch)/],
  ['THURSDAY', /^(?:thursday|ceturtdien|четверг|donnerstag)/],
  ['FRIDAY', /^(?:friday|piektdien|пятниц|freitag)/],
  ['SATURDAY', /^(?:saturday|sestdien|суббот|samstag|sonnabend)/],
  ['SUNDAY', /^(?:sunday|svetdien|воскресен|sonntag)/],
];

type AskedDay = 'TODAY' | 'TOMORROW' | 'WEEK' | Weekday;

/** Which day an hours question is about; null asks about right now. The first day named wins over "hours" or "week". */
function askedDay(text: string): AskedDay | null {
  const words = tokenise(text);
  for (const [index, word] of words.entries()) {
    if (TODAY_WORDS.has(word)) return 'TODAY';
    // "Guten Morgen" is a greeting, not tomorrow.
    if (TOMORROW_WORDS.has(word) && words[index - 1] !== 'guten') return 'TOMORROW';
    const weekday = WEEKDAY_WORDS.find(([, pattern]) => pattern.test(word));
    if (weekday) return weekday[0];
  }
  return words.some((word) => WEEK_WORDS.has(word)) ? 'WEEK' : null;
}

function dayReference(today: LocalDate, date: LocalDate, weekday: Weekday): DayReference {
  const days = daysBetween(today, date);
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  return days < 7 ? { kind: 'weekday', weekday } : { kind: 'date', date };
}

function hoursAnswer(context: Context): RuleAnswer {
  const { knowledge, business, now, phrases, channel } = context;
  if (knowledge.openingHours.length === 0) return dontKnow(phrases);
  const asked = askedDay(context.text);
  const week = weekHours(knowledge, business.timezone, now);
  if (asked === 'WEEK') return reply(phrases.weekHours(week, channel), 'openingHours');
  const day = asked === 'TOMORROW' ? week[1] : week.find((candidate) => candidate.weekday === asked);
  const today = week[0]!.date;
  // A question about today is best answered by whether we are open now.
  if (day && day.date !== today) return reply(phrases.dayHours(dayReference(today, day.date, day.weekday), day), 'openingHours');

  const state = openingState(knowledge, business.timezone, now);
  const exception = state.todayException;
  if (state.open) {
    const closes = state.closesAt && localTime(state.closesAt, business.timezone).clock;
    return reply(phrases.openNow(closes, exception && !exception.closed ? (exception.note ?? null) : null), 'openingHours');
  }
  const closed = exception?.closed ? phrases.closedToday(exception.note ?? null) : phrases.closedNow;
  if (!state.nextOpening) return handOff(`${closed} ${phrases.handoff}`, 'openingHours');
  const opening = localTime(state.nextOpening.at, business.timezone);
  return reply(`${closed} ${phrases.opensNext(dayReference(today, opening.date, opening.weekday), opening.clock)}`, 'openingHours');
}

function locationAnswer({ knowledge, phrases, channel }: Context): RuleAnswer {
  if (knowledge.address) return reply(phrases.address(knowledge.address, knowledge.mapUrl ?? null, channel), 'address');
  if (knowledge.mapUrl && channel === 'WHATSAPP') return reply(phrases.mapOnly(knowledge.mapUrl), 'mapUrl');
  return dontKnow(phrases);
}

type Item = AiKnowledge['items'][number];

function price(context: Context, item: Item): string | null {
  return item.price == null ? null : formatPrice(context.language, item.price, item.currency);
}

function itemAnswer(context: Context, item: Item): RuleAnswer {
  const { phrases, classification } = context;
  const itemPrice = price(context, item);
  const matched = `item:${item.name}`;
  if (classification.intent === 'PRICING') return itemPrice ? reply(phrases.itemPrice(item.name, itemPrice), matched) : dontKnow(phrases);
  if (itemPrice) return reply([phrases.itemPrice(item.name, itemPrice), item.description].filter(Boolean).join(' '), matched);
  return item.description ? reply(`${item.name}: ${item.description}`, matched) : dontKnow(phrases);
}

function itemList(context: Context, items: Item[]): RuleAnswer {
  const listed = items.slice(0, LIST_LENGTH).map((item) => ({ name: item.name, price: price(context, item) }));
  return reply(context.phrases.itemList(listed, items.length <= LIST_LENGTH, context.channel), 'items');
}

function knowledgeAnswer(context: Context, match: KnowledgeMatch): RuleAnswer {
  switch (match.kind) {
    case 'item':
      return itemAnswer(context, match.item);
    case 'faq':
      return reply(match.entry.answer, `faq:${match.entry.question}`);
    case 'policy':
      return reply(match.policy.text, `policy:${match.policy.title}`);
  }
}

function catalogueAnswer(context: Context): RuleAnswer {
  const { text, knowledge, phrases } = context;
  const matches = knowledgeMatches(text, knowledge);
  const best = matches[0];
  if (best?.kind === 'item') {
    const alike = matches.flatMap((match) => (match.kind === 'item' && match.score >= best.score - CLOSE_SCORE ? [match.item] : []));
    return alike.length > 1 ? itemList(context, alike) : itemAnswer(context, best.item);
  }
  if (best) return knowledgeAnswer(context, best);
  if (knowledge.items.length > 0 && asksForWholeCatalogue(text)) return itemList(context, knowledge.items);
  return dontKnow(phrases);
}

/** Cancelling or moving a booking needs a person who can see the bookings. */
const CHANGE_BOOKING_WORDS = /^(?:cancel|change|move|resched|atcel|parcel|mainit|отмен|перенес|измен|storn|absag|verschieb|andern$|anderung)/;

function reservationAnswer({ text, knowledge, phrases, channel }: Context): RuleAnswer {
  if (tokenise(text).some((word) => CHANGE_BOOKING_WORDS.test(word))) return handOff(phrases.handoff);
  if (knowledge.bookingUrl) return reply(phrases.bookingLink(knowledge.bookingUrl, channel), 'bookingUrl');
  // A date, time or party size in the message means the details are here: asking for them again would loop.
  if (/\d/.test(text)) return handOff(phrases.reservationReceived);
  return reply(phrases.reservationAsk, null);
}

/** Orders, support and billing need a person unless the business has written the answer down. */
function faqAnswer(context: Context): RuleAnswer {
  const match = knowledgeMatches(context.text, context.knowledge).find((candidate) => candidate.kind !== 'item');
  if (match) return knowledgeAnswer(context, match);
  return handOff(context.settings.humanFallbackMessage ?? context.phrases.fallback);
}

const LINK = /\bhttps?:\/\/|\bwww\./i;
const EMOJI = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;
/** A line break, or sentence punctuation before a capital: "7. janvārī" or "Nr. 5" stays whole. */
const SENTENCE_BREAK = /\n+|(?<=[.!?])\s+(?=\p{Lu})/u;
const BULLET = /^[-•*]\s*/;

/**
 * What a voice can say: at most two plain sentences, no links, emoji or list bullets. Our own
 * phrases already fit; this also holds for the business's FAQ answers and fallback message. A
 * sentence carrying a link is dropped whole, since half of it would make no sense spoken.
 */
function spoken(answer: RuleAnswer, phrases: Phrases): RuleAnswer {
  const sentences = answer.text
    .replace(EMOJI, '')
    .replace(/[^\S\n]{2,}/g, ' ')
    .split(SENTENCE_BREAK)
    .map((sentence) => sentence.replace(BULLET, '').trim())
    .filter((sentence) => sentence !== '' && !LINK.test(sentence))
    .map((sentence) => (/[.!?]$/.test(sentence) ? sentence : sentence.replace(/[\s:;,–—-]*$/, '.')));
  if (sentences.length === 0) return dontKnow(phrases);
  return { ...answer, text: sentences.slice(0, SPOKEN_SENTENCES).join(' ') };
}
