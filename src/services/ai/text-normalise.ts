/**
 * Customers type fast on phones: no diacritics, odd case, transposed letters. Everything the
 * built-in classifier compares goes through `normalise` first, on both sides, so "Atvērti",
 * "ATVERTI" and "atverti" are the same word.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`]/g;
const DRAWN_OUT_LETTER = /(\p{L})\1{2,}/gu;
const NOT_A_WORD_CHARACTER = /[^\p{L}\p{N}]+/gu;

/**
 * Lowercase, diacritics removed (ā→a, ü→u, ß→ss, ё→е, й→и), apostrophes dropped so "don't" and the
 * equally common "dont" are one word, letters drawn out for emphasis cut back ("dankeee" → "danke"),
 * other punctuation and emoji reduced to single spaces.
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(DRAWN_OUT_LETTER, '$1')
    .replace(NOT_A_WORD_CHARACTER, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  const normalised = normalise(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** How many typos a word of this length may carry and still count: none for short words, where one edit makes another word. */
export function typoAllowance(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Reused rows of the distance table: typo checks run thousands of times a second and should not allocate. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/**
 * Optimal-string-alignment Damerau-Levenshtein distance (a transposition counts as one edit),
 * giving up as soon as it must exceed `limit`, because callers only ask "within limit?".
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      }
      current[j] = distance;
      rowMinimum = Math.min(rowMinimum, distance);
    }
    if (rowMinimum > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** Whether `typed` is `expected` give or take the typos the shorter of the two allows ("sava" is no typo of "stava"). */
export function isTypoOf(typed: string, expected: string): boolean {
  if (typed === expected) return true;
  const limit = typoAllowance(Math.min(typed.length, expected.length));
  return limit > 0 && editDistance(typed, expected, limit) <= limit;
}
