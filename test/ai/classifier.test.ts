import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/services/ai/classifier.ts';
import { detectLanguage } from '../../src/services/ai/language.ts';
import { editDistance, isTypoOf, normalise } from '../../src/services/ai/text-normalise.ts';
import { INTENTS, type Intent } from '../../src/services/ai/types.ts';

interface Example {
  text: string;
  intent: Intent;
  language: string;
}

const examples: Example[] = readFileSync(new URL('./fixtures/intents.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Example);

const MIN_INTENT_ACCURACY = 0.85;
const MIN_LANGUAGE_ACCURACY = 0.9;

interface Tally {
  right: number;
  total: number;
}

function tallyBy<K>(rows: readonly { key: K; right: boolean }[]): Map<K, Tally> {
  const tallies = new Map<K, Tally>();
  for (const { key, right } of rows) {
    const tally = tallies.get(key) ?? { right: 0, total: 0 };
    tally.total += 1;
    if (right) tally.right += 1;
    tallies.set(key, tally);
  }
  return tallies;
}

const percent = ({ right, total }: Tally) => `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;

describe('the labelled message set', () => {
  const results = examples.map((example) => ({ example, result: classifyMessage(example.text) }));

  it('covers every intent in every built-in language', () => {
    for (const intent of INTENTS) {
      for (const language of ['en', 'lv', 'ru', 'de']) {
        const count = examples.filter((example) => example.intent === intent && example.language === language).length;
        expect(count, `${intent} in ${language}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it(`classifies at least ${MIN_INTENT_ACCURACY * 100}% of intents and ${MIN_LANGUAGE_ACCURACY * 100}% of languages correctly`, () => {
    const intentRows = results.map(({ example, result }) => ({ example, right: result.intent === example.intent }));
    const languageRows = results.map(({ example, result }) => ({ example, right: result.language === example.language }));
    const byIntent = tallyBy(intentRows.map(({ example, right }) => ({ key: example.intent, right })));
    const intentByLanguage = tallyBy(intentRows.map(({ example, right }) => ({ key: example.language, right })));
    const languageByLanguage = tallyBy(languageRows.map(({ example, right }) => ({ key: example.language, right })));
    const intentOverall = tallyBy(intentRows.map(({ right }) => ({ key: 'all', right }))).get('all')!;
    const languageOverall = tallyBy(languageRows.map(({ right }) => ({ key: 'all', right }))).get('all')!;

    console.log(
      [
        'intent accuracy by intent:',
        ...INTENTS.map((intent) => `  ${intent.padEnd(14)} ${percent(byIntent.get(intent)!)}`),
        'intent / language accuracy by language:',
        ...[...intentByLanguage.keys()].map(
          (language) => `  ${language}  intent ${percent(intentByLanguage.get(language)!)}  language ${percent(languageByLanguage.get(language)!)}`,
        ),
        `overall: intent ${percent(intentOverall)}, language ${percent(languageOverall)}`,
        'misclassified:',
        ...results
          .filter(({ example, result }) => result.intent !== example.intent || result.language !== example.language)
          .map(
            ({ example, result }) =>
              `  [${example.language}→${result.language}] ${example.intent}→${result.intent} (${result.confidence}) ${JSON.stringify(example.text)}`,
          ),
      ].join('\n'),
    );

    expect(intentOverall.right / intentOverall.total).toBeGreaterThanOrEqual(MIN_INTENT_ACCURACY);
    expect(languageOverall.right / languageOverall.total).toBeGreaterThanOrEqual(MIN_LANGUAGE_ACCURACY);
  });

  it('keeps every confidence within 0..1', () => {
    for (const { result } of results) {
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
  });

  // CPU time rather than wall time: on a busy machine other processes would make a wall clock flaky.
  it('classifies a message in under 0.2 ms of CPU time', () => {
    const texts = examples.map((example) => example.text);
    const rounds = 5;
    const before = process.cpuUsage();
    for (let round = 0; round < rounds; round++) for (const text of texts) classifyMessage(text);
    const { user, system } = process.cpuUsage(before);
    const millisecondsPerMessage = (user + system) / 1000 / (rounds * texts.length);
    expect(millisecondsPerMessage).toBeLessThan(0.2);
  });
});

describe('opt-outs', () => {
  it.each([
    'STOP',
    'stop',
    'Stop!',
    'unsubscribe',
    'atrakstīties',
    'atrakstities',
    'отписаться',
    'отпишите меня',
    'abmelden',
    'keine Nachrichten mehr',
    "don't message me again",
  ])('%j is an opt-out, with high confidence', (text) => {
    const result = classifyMessage(text);
    expect(result.intent).toBe('OPT_OUT');
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    'Can I stop by the shop?',
    'Is there a bus stop near you?',
    'Stop! I ordered the wrong size',
    'Can you add me to the mailing list?',
    "don't send the invoice again, I already have it",
    'не присылайте курьера до обеда',
    'Stopp, ich meinte Freitag',
    'nesūtiet rēķinu vēlreiz, man jau ir',
  ])(
    '%j is not an opt-out',
    (text) => {
      expect(classifyMessage(text).intent).not.toBe('OPT_OUT');
    },
  );
});

describe('handoff to a person', () => {
  it.each([
    'Can I talk to a human?',
    'I want to speak to a person',
    'talk to an agent please',
    'Let me speak to your manager',
    'Gribu runāt ar darbinieku',
    'vai ir kāds cilvēks? operators?',
    'Позовите оператора',
    'хочу поговорить с живым человеком',
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Kann ich mit einem Menschen sprechen?',
  ])('%j asks for a person', (text) => {
    const result = classifyMessage(text);
    expect(result.intent).toBe('HUMAN_HANDOFF');
    expect(result.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    'your customer service was terrible',
    'мой менеджер попросил забронировать столик',
    'Sucht ihr noch Mitarbeiter?',
    'mein Chef möchte einen Tisch reservieren',
    'Is your bot able to take bookings?',
  ])('%j does not ask for a person', (text) => {
    expect(classifyMessage(text).intent).not.toBe('HUMAN_HANDOFF');
  });

  it("treats the business's own handoff keywords as a request for a person, ignoring case and diacritics", () => {
    const options = { handoffKeywords: ['Šefpavārs', 'BOSS'] };
    expect(classifyMessage('what time do you open? need the boss', options)).toMatchObject({ intent: 'HUMAN_HANDOFF' });
    expect(classifyMessage('vai sefpavars ir uz vietas?', options).confidence).toBeGreaterThanOrEqual(0.9);
    expect(classifyMessage('what time do you open?', options).intent).toBe('HOURS');
  });

  it('never lets a handoff keyword swallow an opt-out', () => {
    expect(classifyMessage('STOP', { handoffKeywords: ['stop'] }).intent).toBe('OPT_OUT');
  });

  it('ignores empty handoff keywords', () => {
    expect(classifyMessage('hello', { handoffKeywords: ['', '  '] }).intent).toBe('GREETING');
  });
});

describe('mixed messages', () => {
  it.each([
    ['Hi, what time do you open tomorrow?', 'HOURS'],
    ['Thanks, and where are you located?', 'LOCATION'],
    ['Labdien! Cik maksā manikīrs?', 'PRICING'],
    ['Привет, где вы находитесь?', 'LOCATION'],
    ['Hallo, wann habt ihr heute geöffnet?', 'HOURS'],
    ['Can I speak to someone about my invoice?', 'HUMAN_HANDOFF'],
    ['Stop sending me promos, this is terrible!!!', 'OPT_OUT'],
  ] as const)('%j → %s', (text, intent) => {
    expect(classifyMessage(text).intent).toBe(intent);
  });
});

describe('complaints', () => {
  it.each(['This is terrible', 'worst pizza ever', 'I want a refund', 'ужасно', 'Это безобразие', 'Schrecklich!', 'Ich habe eine Beschwerde', 'šausmīga apkalpošana'])(
    '%j is a complaint',
    (text) => {
      expect(classifyMessage(text).intent).toBe('COMPLAINT');
    },
  );

  it('counts "!!!" and shouting as anger that strengthens a complaint', () => {
    const calm = classifyMessage('the service was terrible');
    const angry = classifyMessage('THE SERVICE WAS TERRIBLE!!!');
    expect(angry.intent).toBe('COMPLAINT');
    expect(angry.confidence).toBeGreaterThan(calm.confidence);
  });

  it('does not read an excited greeting as anger', () => {
    expect(classifyMessage('Hello!!!').intent).toBe('GREETING');
  });
});

describe('typos and missing diacritics', () => {
  it.each([
    ['wat time do you clsoe', 'HOURS'],
    ['kad jus esat atverti', 'HOURS'],
    ['когда вы работаите', 'HOURS'],
    ['wann habt ihr geoffnet', 'HOURS'],
    ['lugdzu rezervet galdinu', 'RESERVATION'],
    ['what are your openign hours', 'HOURS'],
  ] as const)('%j → %s', (text, intent) => {
    expect(classifyMessage(text).intent).toBe(intent);
  });
});

describe('confidence', () => {
  it('is low for a message nothing matches', () => {
    expect(classifyMessage('qwerty zxcv')).toEqual({ intent: 'OTHER', confidence: 0.2, language: 'en' });
    expect(classifyMessage('')).toMatchObject({ intent: 'OTHER', confidence: 0.2 });
  });

  it('is high for a lone greeting', () => {
    expect(classifyMessage('Hello!').confidence).toBeGreaterThanOrEqual(0.75);
    expect(classifyMessage('Labdien!').confidence).toBeGreaterThanOrEqual(0.75);
  });

  it('is higher for a clear question than for an unmatched message', () => {
    const clear = classifyMessage('What are your opening hours on Saturday?');
    expect(clear.intent).toBe('HOURS');
    expect(clear.confidence).toBeGreaterThan(classifyMessage('the thing from before').confidence);
  });

  it('is lower when two intents compete', () => {
    const single = classifyMessage('How much is a haircut?');
    const competing = classifyMessage('How much is a haircut and can I book one for Friday?');
    expect(competing.confidence).toBeLessThan(single.confidence);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Where are you located?', 'en'],
    ['Cikos jūs atverat?', 'lv'],
    ['kad jus esat atverti', 'lv'],
    ['paldies', 'lv'],
    ['Сколько стоит?', 'ru'],
    ['skolko stoit strizhka?', 'ru'],
    ['Wann habt ihr geöffnet?', 'de'],
    ['wann habt ihr geoffnet', 'de'],
    ['Grüß Gott', 'de'],
  ] as const)('%j is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('falls back when a message is too short to tell', () => {
    expect(detectLanguage('ok', 'lv')).toBe('lv');
    expect(detectLanguage('👍', 'de')).toBe('de');
    expect(detectLanguage('12:30')).toBe('en');
  });

  it('passes the conversation language through the classifier', () => {
    expect(classifyMessage('👍', { fallbackLanguage: 'lv' }).language).toBe('lv');
  });
});

describe('text normalisation', () => {
  it('folds case, diacritics, ß, ё and punctuation', () => {
    expect(normalise('  Atvērti?!  ÄÖÜ ß  Ёлка… don’t  ')).toBe('atverti aou ss елка dont');
    expect(normalise('Paldiesss!!! dankeee')).toBe('paldies danke');
  });

  it('measures transpositions as a single edit and stops early past the limit', () => {
    expect(editDistance('clsoe', 'close', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });

  it('tolerates typos only in longer words', () => {
    expect(isTypoOf('clsoe', 'close')).toBe(true);
    expect(isTypoOf('resevration', 'reservation')).toBe(true);
    expect(isTypoOf('stpo', 'stop')).toBe(false);
  });
});
