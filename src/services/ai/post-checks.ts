/**
 * The last gate before a model's reply reaches a customer. The prompt asks the model to keep to
 * the business's facts; these checks hold it to that where a mistake hurts most: links, phone
 * numbers and email addresses must come from the business, blocklisted words never appear, and a
 * spoken reply stays short enough to listen to.
 */
import type { AiSettings } from './settings.ts';
import { normalise } from './text-normalise.ts';
import type { AiChannel } from './types.ts';

export type ReplyCheck = { ok: true; text: string } | { ok: false; reason: string };

const MAX_REPLY_CHARS = 1_000;
const MAX_SPOKEN_SENTENCES = 2;
const MIN_PHONE_DIGITS = 7;

const SCHEME_OR_WWW_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** `example.com`, `shop.example.lv/menu`; lowercase only, so "Mr.Smith" or "open.Come" are not taken for domains. */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@._/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?![\p{L}\p{N}-])(?:\/[^\s<>"'()]*)?/gu;
/** Dates look like phone numbers to the pattern below ("2026-12-24"); they are taken out first. */
const DATE = /\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})\b/gu;
const PHONE_LIKE = /\+?[\d(][\d \u00a0()-]*\d/gu;
const TRAILING_PUNCTUATION = /[.,;:!?'"]+$/u;

interface Mentions {
  urls: string[];
  emails: string[];
  phones: string[];
}

export function checkReply(text: string, context: { settings: AiSettings; channel: AiChannel }): ReplyCheck {
  let reply = text.trim();
  if (reply === '') return { ok: false, reason: 'the reply is empty' };
  if (context.channel === 'VOICE') reply = firstSentences(reply, MAX_SPOKEN_SENTENCES);
  if (reply.length > MAX_REPLY_CHARS) return { ok: false, reason: `the reply is ${reply.length} characters long (at most ${MAX_REPLY_CHARS})` };

  const mentions = findMentions(reply);
  if (context.channel === 'VOICE' && mentions.urls.length > 0) {
    return { ok: false, reason: `a spoken reply must not contain a link: ${mentions.urls[0]}` };
  }
  const facts = knownFacts(context.settings);
  const unknownUrl = mentions.urls.find((url) => !isKnownUrl(url, facts.urls));
  if (unknownUrl) return { ok: false, reason: `link not in the business's information: ${unknownUrl}` };
  const unknownEmail = mentions.emails.find((email) => !facts.emails.has(email.toLowerCase()));
  if (unknownEmail) return { ok: false, reason: `email address not in the business's information: ${unknownEmail}` };
  const unknownPhone = mentions.phones.find((phone) => !isKnownPhone(phone, facts.phoneDigits));
  if (unknownPhone) return { ok: false, reason: `phone number not in the business's information: ${unknownPhone}` };

  const blocked = context.settings.blocklist.find((phrase) => containsPhrase(reply, phrase));
  if (blocked) return { ok: false, reason: `the reply contains the blocklisted "${blocked}"` };
  return { ok: true, text: reply };
}

function firstSentences(text: string, count: number): string {
  const sentences = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)].map((part) => part.segment);
  return sentences.slice(0, count).join('').trim();
}

/**
 * Each kind is cut out before looking for the next, in this order, so that a map link's
 * "…/Cafe@56.95,24.1" is not read as an email address, nor an email's domain as a bare link, nor
 * the digits of either as a phone number.
 */
function findMentions(text: string): Mentions {
  const fullUrls = text.match(SCHEME_OR_WWW_URL) ?? [];
  let rest = text.replace(SCHEME_OR_WWW_URL, ' ');
  const emails = rest.match(EMAIL) ?? [];
  rest = rest.replace(EMAIL, ' ');
  const bareUrls = rest.match(BARE_DOMAIN) ?? [];
  rest = rest.replace(BARE_DOMAIN, ' ').replace(DATE, ' ');
  const phones = (rest.match(PHONE_LIKE) ?? []).filter((candidate) => digitsOf(candidate).length >= MIN_PHONE_DIGITS);
  return {
    urls: [...fullUrls, ...bareUrls].map((url) => url.replace(TRAILING_PUNCTUATION, '')),
    emails,
    phones: phones.map((phone) => phone.trim()),
  };
}

/** Leading zeros dropped: "00371 2…" and "+371 2…" are the same number, as are "0… " and the national form. */
function digitsOf(text: string): string {
  return text.replace(/\D/g, '').replace(/^0+/, '');
}

/** Scheme, `www.`, case and a trailing slash do not make a link different. */
function comparableUrl(url: string): string {
  return url
    .replace(TRAILING_PUNCTUATION, '')
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

function hostOf(comparable: string): string {
  return comparable.split(/[/?#]/, 1)[0]!;
}

/** The exact link, or just the domain of one (a reply may say "see example.com"). */
function isKnownUrl(url: string, known: Set<string>): boolean {
  const candidate = comparableUrl(url);
  if (known.has(candidate)) return true;
  return hostOf(candidate) === candidate && [...known].some((knownUrl) => hostOf(knownUrl) === candidate);
}

/** The same number, with or without the country code. */
function isKnownPhone(phone: string, known: string[]): boolean {
  const digits = digitsOf(phone);
  return known.some((knownDigits) => {
    const [shorter, longer] = digits.length <= knownDigits.length ? [digits, knownDigits] : [knownDigits, digits];
    return shorter.length >= MIN_PHONE_DIGITS && longer.endsWith(shorter);
  });
}

/** Whole words, ignoring case and diacritics: "Konkurents" blocks "konkurents!" but not "konkurentsi". */
function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalise(phrase);
  // A phrase of only emoji or punctuation normalises to nothing; compare it as typed.
  if (needle === '') return text.includes(phrase.trim());
  return ` ${normalise(text)} `.includes(` ${needle} `);
}

/** Links, phone numbers and email addresses the business itself gave, anywhere in its settings. */
function knownFacts(settings: AiSettings): { urls: Set<string>; phoneDigits: string[]; emails: Set<string> } {
  const { knowledge } = settings;
  const texts = [
    settings.instructions,
    settings.humanFallbackMessage,
    knowledge.address,
    ...knowledge.faq.flatMap((entry) => [entry.question, entry.answer]),
    ...knowledge.policies.flatMap((policy) => [policy.title, policy.text]),
    ...knowledge.items.flatMap((item) => [item.name, item.description]),
    ...knowledge.hoursExceptions.map((exception) => exception.note),
  ];
  const mentions = texts.filter((value): value is string => Boolean(value)).map(findMentions);
  const present = (values: (string | null | undefined)[]) => values.filter((value): value is string => Boolean(value));
  return {
    urls: new Set(present([knowledge.mapUrl, knowledge.bookingUrl, knowledge.website, ...mentions.flatMap((found) => found.urls)]).map(comparableUrl)),
    phoneDigits: present([knowledge.phone, ...mentions.flatMap((found) => found.phones)]).map(digitsOf),
    emails: new Set(present([knowledge.email, ...mentions.flatMap((found) => found.emails)]).map((email) => email.toLowerCase())),
  };
}
