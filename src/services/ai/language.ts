import { normalise } from './text-normalise.ts';
import type { BuiltInLanguage } from './types.ts';

/**
 * Which of the built-in languages a message is written in, by script, by letters only one of
 * them uses and by common short words. The words are compared without diacritics because
 * customers often type Latvian and German on keyboards without them, and Russian in Latin letters.
 */

type LatinLanguage = Exclude<BuiltInLanguage, 'ru'> | 'ru-latin';

/** Letters that, in a Latin-script message, only this language of ours uses. Each one is strong evidence. */
const LETTERS: Partial<Record<LatinLanguage, RegExp>> = {
  lv: /[āčēģīķļņšūž]/gu,
  de: /[äöüß]/gu,
};
const LETTER_WEIGHT = 2;
const MAX_LETTER_EVIDENCE = 3;

/** Frequent words no other language of ours shares (written without diacritics). Words two languages share are left out. */
const WORDS: Record<LatinLanguage, readonly string[]> = {
  en: [
    'the', 'a', 'is', 'are', 'am', 'be', 'were', 'you', 'your', 'u', 'ur', 'do', 'does', 'did', 'dont', 'cant',
    'wont', 'what', 'whats', 'where', 'when', 'how', 'why', 'which', 'who', 'can', 'could', 'would', 'will', 'i', 'im',
    'id', 'ill', 'my', 'me', 'to', 'for', 'of', 'it', 'its', 'this', 'that', 'these', 'please', 'pls', 'plz', 'thanks',
    'thank', 'thx', 'hi', 'hello', 'hey', 'hiya', 'have', 'has', 'there', 'much', 'want', 'like', 'with', 'and', 'not',
    'get', 'any', 'at', 'on', 'from', 'about', 'just', 'yes', 'yeah', 'today', 'tomorrow', 'tonight', 'sorry', 'good',
    'morning', 'evening', 'great', 'cheers', 'need', 'someone', 'we', 'our', 'they', 'by', 'or', 'if', 'lol', 'again',
    'anyone', 'open', 'order', 'price', 'book', 'time',
  ],
  lv: [
    'labdien', 'labrit', 'labvakar', 'sveiki', 'sveika', 'sveiks', 'sveicinati', 'cau', 'paldies', 'ludzu', 'lugdzu',
    'cik', 'cikos', 'kad', 'kur', 'kura', 'kas', 'ka', 'kads', 'kada', 'kadas', 'kadi', 'jus', 'jums', 'jusu', 'ir',
    'vai', 'es', 'un', 'ar', 'par', 'uz', 'pie', 'lai', 'nav', 'var', 'varu', 'varat', 'varam', 'gribu', 'negribu',
    'velos', 'vajag', 'sodien', 'rit', 'tas', 'ta', 'ko', 'ari', 'vel', 'labi', 'viss', 'liels', 'mans', 'mana',
    'manu', 'mani', 'esat', 'esmu', 'bija', 'jau', 'vairs', 'pec', 'tikai', 'sapratu', 'skaidrs', 'atvainojiet',
    'lidz', 'caur', 'savu', 'sava', 'musu', 'vinu', 'tad', 'bet', 'loti', 'nu', 'darba', 'laiks', 'laiku', 'cena',
    'cenas', 'cenu', 'nauda', 'naudu', 'atpakal', 'serviss', 'rekins', 'rekinu', 'labu', 'dienu',
  ],
  de: [
    'ich', 'ist', 'sind', 'haben', 'habe', 'habt', 'hat', 'bitte', 'danke', 'dankeschon', 'wann', 'wie', 'wo', 'und',
    'nicht', 'mit', 'fur', 'ein', 'eine', 'einen', 'einem', 'einer', 'der', 'das', 'dem', 'des', 'mein', 'meine',
    'meinen', 'meiner', 'sie', 'ihr', 'ihre', 'ihnen', 'euch', 'zu', 'auf', 'noch', 'heute', 'gibt', 'kann',
    'konnen', 'mochte', 'hallo', 'moin', 'servus', 'geoffnet', 'offen', 'uhr', 'schon', 'nur', 'auch', 'aber',
    'oder', 'bei', 'seit', 'wir', 'kein', 'keine', 'mehr', 'stopp', 'guten', 'tag', 'gruss', 'gott', 'alles', 'klar',
    'bin', 'wird', 'wurde', 'mir', 'mich', 'nein', 'gern', 'gerne', 'hier', 'jemand', 'etwas', 'sehr', 'vielen',
    'dank', 'schoen', 'wieder', 'nie', 'zuruck', 'bis', 'vom', 'zum', 'zur', 'um', 'sich', 'eure', 'euer',
    'seid', 'sucht', 'welche', 'welchem', 'kostet', 'entschuldigung', 'falsche', 'nummer', 'wetter', 'hatte', 'geht',
    'tun', 'preis', 'preise', 'abmelden', 'tschuss', 'zusammen', 'meines', 'eines', 'dieser', 'diese', 'dieses', 'mal',
    'nach', 'war', 'sein', 'ihren', 'ihrem', 'unser', 'unsere', 'nichts', 'immer', 'hallochen', 'nehmt', 'konnt',
  ],
  'ru-latin': [
    'privet', 'zdravstvuyte', 'zdravstvujte', 'zdrastvuyte', 'spasibo', 'spasiba', 'skolko', 'stoit', 'gde', 'vy',
    'vas', 'vam', 'mozhno', 'mozno', 'hochu', 'kogda', 'rabotaete', 'otkryvaetes', 'zakaz', 'pozhaluysta',
    'pozhalujsta', 'dobryy', 'dobryj', 'dobroe', 'bolshoe', 'kak', 'chto', 'eto', 'net', 'ya', 'mne', 'zavtra',
    'segodnya', 'stolik', 'zabronirovat', 'ochen', 'tozhe', 'seychas',
  ],
};

/**
 * Endings that, on a word of some length, only one of our languages has: Latvian reflexive
 * infinitives (-ties), polite imperatives (-iet) and adjectives (-īgs); German nouns and
 * adjectives (-ung, -keit, -lich…), which also covers compounds no word list could hold.
 */
const ENDINGS: readonly [RegExp, LatinLanguage][] = [
  [/^\p{L}{2,}(?:ties|iet)$/u, 'lv'],
  [/^\p{L}{3,}igs$/u, 'lv'],
  [/^\p{L}{3,}(?:ung|ungen|keit|heit|lich|liche|licher|lichen|isch|zeit|zeiten)$/u, 'de'],
];

const LANGUAGE_OF_WORD = new Map<string, LatinLanguage>(
  (Object.entries(WORDS) as [LatinLanguage, readonly string[]][]).flatMap(([language, words]) =>
    words.map((word) => [word, language] as const),
  ),
);

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

export function detectLanguage(text: string, fallback = 'en'): string {
  const cyrillicLetters = text.match(CYRILLIC)?.length ?? 0;
  const latinLetters = text.match(LATIN)?.length ?? 0;
  if (cyrillicLetters > 0 && cyrillicLetters >= latinLetters) return 'ru';
  if (latinLetters === 0) return fallback;

  const scores = new Map<LatinLanguage, number>();
  const add = (language: LatinLanguage, points: number) => scores.set(language, (scores.get(language) ?? 0) + points);

  const lowercase = text.toLowerCase();
  for (const [language, letters] of Object.entries(LETTERS) as [LatinLanguage, RegExp][]) {
    const found = lowercase.match(letters)?.length ?? 0;
    if (found > 0) add(language, LETTER_WEIGHT * Math.min(found, MAX_LETTER_EVIDENCE));
  }
  for (const word of normalise(text).split(' ')) {
    const language = LANGUAGE_OF_WORD.get(word) ?? ENDINGS.find(([ending]) => ending.test(word))?.[1];
    if (language) add(language, 1);
  }

  const ranked = [...scores].sort(([, a], [, b]) => b - a);
  const [best, runnerUp] = ranked;
  if (!best) return fallback;
  // A tie is no evidence either way: keep the conversation's language rather than guess.
  if (runnerUp && runnerUp[1] === best[1]) return fallback;
  return best[0] === 'ru-latin' ? 'ru' : best[0];
}
