import { editDistance, isTypoOf, normalise, typoAllowance } from './text-normalise.ts';

/**
 * Parses the cue syntax described in intent-lexicon.ts and finds cues in a tokenised message.
 * Matching is by token, never by raw substring, so "stop" is not found in "bus stop" unless a
 * cue asks for exactly that.
 */

type PieceKind = 'word' | 'prefix' | 'suffix' | 'infix';

interface Piece {
  kind: PieceKind;
  text: string;
  /** Identifies the piece across cues so a message is searched for it only once. */
  key: string;
}

export interface Cue {
  /** Each phrase is a run of consecutive pieces; all phrases must occur. */
  phrases: Piece[][];
  wholeMessage: boolean;
}

/** Stems shorter than this are matched exactly: with fewer letters a typo too easily lands on another word ("привет*" on "привезти"). */
const FUZZY_STEM_MIN_LENGTH = 7;

function parsePiece(source: string): Piece {
  const starts = source.startsWith('*');
  const ends = source.endsWith('*');
  const text = normalise(source.replaceAll('*', ''));
  const kind: PieceKind = starts && ends ? 'infix' : starts ? 'suffix' : ends ? 'prefix' : 'word';
  return { kind, text, key: `${kind}:${text}` };
}

/** Every combination of one alternative from each slot: [[a, b], [c]] → [[a, c], [b, c]]. */
function combinations<T>(slots: readonly (readonly T[])[]): T[][] {
  return slots.reduce<T[][]>((sofar, slot) => sofar.flatMap((prefix) => slot.map((choice) => [...prefix, choice])), [[]]);
}

/** One cue as written in the lexicon; alternatives ("speak|talk + boss|manager") make it several. */
export function parseCues(source: string): Cue[] {
  const wholeMessage = source.startsWith('=');
  const slots = source
    .replace(/^=/, '')
    .split(' + ')
    .map((phrase) => combinations(phrase.trim().split(/\s+/).map((piece) => piece.split('|').map(parsePiece))));
  const cues = combinations(slots).map((phrases) => ({ phrases, wholeMessage }));
  if (cues.some(({ phrases }) => phrases.flat().some((piece) => piece.text === '' || piece.text.includes(' ')))) {
    throw new Error(`Cue "${source}" has a piece that is empty or splits into several words once normalised`);
  }
  return cues;
}

/**
 * A typo inside an inflected word ("rezrvēt" for rezervēt). The word must be at least as long as
 * the stem: a shorter word is another word ("guten" is not "gluten…").
 */
function isTypoOfStem(token: string, stem: string): boolean {
  if (token.length < stem.length || token[0] !== stem[0]) return false;
  const limit = typoAllowance(stem.length);
  for (let length = stem.length - limit; length <= Math.min(token.length, stem.length + limit); length++) {
    if (editDistance(token.slice(0, length), stem, limit) <= limit) return true;
  }
  return false;
}

/**
 * A list of cues, indexed so that a message is compared only with the pieces that could match
 * each of its tokens, and only the cues whose pieces all occur are checked in full.
 */
export class CueIndex {
  private readonly words = new Map<string, Piece[]>();
  private readonly stems = new Map<string, Piece[]>();
  private readonly longestStem: number;
  // Typos are looked for only among words of about the token's length and with its first letter:
  // the first letter is rarely the mistyped one, and requiring it keeps "cable" from being "table".
  private readonly fuzzyWordsByStartAndLength = new Map<number, Piece[]>();
  private readonly fuzzyStemsByStart = new Map<string, Piece[]>();
  private readonly affixes: Piece[] = [];
  private readonly cueIdsByPiece = new Map<string, number[]>();

  constructor(private readonly cues: readonly Cue[]) {
    const pieces = new Map<string, Piece>();
    cues.forEach((cue, id) => {
      for (const piece of new Map(cue.phrases.flat().map((piece) => [piece.key, piece])).values()) {
        pieces.set(piece.key, piece);
        push(this.cueIdsByPiece, piece.key, id);
      }
    });
    for (const piece of pieces.values()) {
      const start = piece.text[0]!;
      if (piece.kind === 'word') {
        push(this.words, piece.text, piece);
        if (typoAllowance(piece.text.length) > 0) {
          push(this.fuzzyWordsByStartAndLength, startAndLength(piece.text, piece.text.length), piece);
        }
      } else if (piece.kind === 'prefix') {
        push(this.stems, piece.text, piece);
        if (piece.text.length >= FUZZY_STEM_MIN_LENGTH) push(this.fuzzyStemsByStart, start, piece);
      } else {
        this.affixes.push(piece);
      }
    }
    this.longestStem = Math.max(0, ...[...this.stems.keys()].map((stem) => stem.length));
  }

  /**
   * The cues that occur in the message, by their position in the list the index was built from,
   * each with the token positions it covers. A whole-message cue tolerates filler words around
   * it ("stop please", "hello everyone").
   */
  match(tokens: readonly string[], isFiller: (token: string) => boolean): Map<number, number[]> {
    const found = this.findPieces(tokens);
    const candidates = new Set<number>();
    for (const key of found.keys()) for (const id of this.cueIdsByPiece.get(key)!) candidates.add(id);

    const matches = new Map<number, number[]>();
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const cue = this.cues[id]!;
      const covered = coveredBy(cue, found);
      if (!covered) continue;
      if (cue.wholeMessage && tokens.some((token, position) => !covered.includes(position) && !isFiller(token))) continue;
      matches.set(id, covered);
    }
    return matches;
  }

  private findPieces(tokens: readonly string[]): FoundPieces {
    const found: FoundPieces = new Map();
    const mark = (piece: Piece, position: number) => {
      let positions = found.get(piece.key);
      if (!positions) found.set(piece.key, (positions = new Set()));
      positions.add(position);
    };
    for (const [position, token] of tokens.entries()) {
      const knownWord = this.words.get(token);
      for (const piece of knownWord ?? []) mark(piece, position);
      let knownStem = false;
      for (let length = 1; length <= Math.min(token.length, this.longestStem); length++) {
        for (const piece of this.stems.get(token.slice(0, length)) ?? []) {
          mark(piece, position);
          knownStem = true;
        }
      }
      // A word the lexicon knows is not a typo of another one: "stock" is not "stuck", "delivery" not
      // "delivered", and "recepti" (starting with "recept") not "receipt…".
      if (!knownWord) this.findTypos(token, position, mark, knownStem);
      for (const piece of this.affixes) {
        const matches =
          piece.kind === 'suffix'
            ? token.length > piece.text.length && token.endsWith(piece.text)
            : token.includes(piece.text);
        if (matches) mark(piece, position);
      }
    }
    return found;
  }

  private findTypos(token: string, position: number, mark: (piece: Piece, position: number) => void, knownStem: boolean): void {
    const start = token[0]!;
    for (let length = token.length - 2; length <= token.length + 2; length++) {
      for (const piece of this.fuzzyWordsByStartAndLength.get(startAndLength(token, length)) ?? []) {
        if (isTypoOf(token, piece.text)) mark(piece, position);
      }
    }
    if (knownStem) return;
    for (const piece of this.fuzzyStemsByStart.get(start) ?? []) {
      if (isTypoOfStem(token, piece.text)) mark(piece, position);
    }
  }
}

/** A number rather than a string key, so looking up a bucket allocates nothing; words are far shorter than 100 letters. */
const startAndLength = (word: string, length: number) => word.charCodeAt(0) * 100 + length;

/** Piece key → token positions where that piece occurs. */
type FoundPieces = Map<string, Set<number>>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/** Token positions of the first occurrence of the phrase, or undefined. */
function findPhrase(phrase: readonly Piece[], found: FoundPieces): number[] | undefined {
  const [first, ...rest] = phrase;
  const starts = found.get(first!.key);
  if (!starts) return undefined;
  // Positions were recorded token by token, so a set iterates them in message order.
  for (const start of starts) {
    if (rest.every((piece, offset) => found.get(piece.key)?.has(start + offset + 1))) {
      return phrase.map((_, offset) => start + offset);
    }
  }
  return undefined;
}

/** Token positions the cue's phrases cover, or undefined when one of them does not occur. */
function coveredBy(cue: Cue, found: FoundPieces): number[] | undefined {
  const covered: number[] = [];
  for (const phrase of cue.phrases) {
    const positions = findPhrase(phrase, found);
    if (!positions) return undefined;
    covered.push(...positions);
  }
  return covered;
}
