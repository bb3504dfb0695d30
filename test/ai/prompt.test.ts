import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/services/ai/chat-model.ts';
import {
  type AnswerPromptInput,
  buildAnswerMessages,
  buildClassifyMessages,
  fitHistory,
  type HistoryEntry,
} from '../../src/services/ai/prompt.ts';
import { AiSettingsSchema } from '../../src/services/ai/settings.ts';

/** Friday 20 November 2026, 14:34 in Riga. */
const NOW = new Date('2026-11-20T12:34:00Z');

const SETTINGS = AiSettingsSchema.parse({
  persona: 'Warm and brief, informal "tu".',
  instructions: 'Never promise same-day delivery.',
  knowledge: {
    faq: [{ question: 'Do you have vegan options?', answer: 'Yes, three vegan pizzas.' }],
    openingHours: [
      { weekday: 'MONDAY', opens: '09:00', closes: '18:00' },
      { weekday: 'FRIDAY', opens: '18:00', closes: '02:00' },
    ],
    hoursExceptions: [
      { date: '2026-12-24', closed: true, note: 'Christmas Eve' },
      { date: '2026-01-01', closed: true, note: 'Last New Year' },
    ],
    address: 'Brīvības iela 1, Rīga',
    mapUrl: 'https://maps.app.goo.gl/pica',
    bookingUrl: 'https://book.pica.lv',
    website: 'https://pica.lv',
    phone: '+37120000000',
    email: 'info@pica.lv',
    items: [{ name: 'Margherita', price: 9.5, currency: 'EUR', description: 'Tomato, mozzarella' }],
    policies: [{ title: 'Cancellations', text: 'Free until 24 h before.' }],
  },
  replyLanguages: ['lv', 'en', 'ru'],
});

function at(minutes: number): Date {
  return new Date(NOW.getTime() - minutes * 60_000);
}

const HISTORY: HistoryEntry[] = [
  { role: 'customer', text: 'Sveiki, vai jums ir picas?', at: at(30) },
  { role: 'business', text: 'Sveiki! Jā, mums ir 12 picas.', at: at(29) },
  { role: 'customer', text: 'Vai piektdien strādājat vakarā?', at: at(1) },
];

function input(overrides: Partial<AnswerPromptInput> = {}): AnswerPromptInput {
  return {
    business: { name: 'Pica Rīga', timezone: 'Europe/Riga', language: 'lv-LV' },
    settings: SETTINGS,
    channel: 'WHATSAPP',
    history: HISTORY,
    intent: 'HOURS',
    language: 'lv',
    examples: [{ intent: 'HOURS', customer: 'When do you open on Monday?', reply: 'From 9 to 18 🙂' }],
    now: NOW,
    ...overrides,
  };
}

function system(messages: ChatMessage[]): string {
  expect(messages[0]?.role).toBe('system');
  return messages[0]!.content;
}

describe('answer prompt', () => {
  it('states the business facts compactly', () => {
    const prompt = system(buildAnswerMessages(input()));
    expect(prompt).toContain('Warm and brief');
    expect(prompt).toContain('Never promise same-day delivery.');
    expect(prompt).toContain('Now: Friday 2026-11-20, 14:34 (Europe/Riga time)');
    expect(prompt).toContain('- Monday: 09:00–18:00');
    expect(prompt).toContain('- Friday: 18:00–02:00 (next day)');
    expect(prompt).toContain('- Sunday: closed');
    expect(prompt).toContain('2026-12-24 (Thursday): closed — Christmas Eve');
    expect(prompt).not.toContain('Last New Year');
    for (const fact of ['Brīvības iela 1, Rīga', 'https://maps.app.goo.gl/pica', 'https://book.pica.lv', 'https://pica.lv', '+37120000000', 'info@pica.lv']) {
      expect(prompt).toContain(fact);
    }
    expect(prompt).toContain('Q: Do you have vegan options?\nA: Yes, three vegan pizzas.');
    expect(prompt).toContain('- Margherita: 9.50 EUR — Tomato, mozzarella');
    expect(prompt).toContain('- Cancellations: Free until 24 h before.');
  });

  it('sets the rules: facts only, a colleague when unsure, the language by name, nothing invented', () => {
    const prompt = system(buildAnswerMessages(input()));
    expect(prompt).toMatch(/Answer only from the facts above/);
    expect(prompt).toMatch(/pass it on to a colleague/);
    expect(prompt).toContain("Reply in Latvian (lv), the customer's language");
    expect(prompt).toMatch(/Never invent links, phone numbers, email addresses, prices/);
  });

  it('answers in the business language when the customer writes in one it does not reply in', () => {
    expect(system(buildAnswerMessages(input({ language: 'de' })))).toContain("Reply in Latvian (lv), the business's language");
    expect(system(buildAnswerMessages(input({ language: 'ru' })))).toContain('Reply in Russian (ru)');
  });

  it('keeps WhatsApp replies short and spoken replies to two sentences without links', () => {
    expect(system(buildAnswerMessages(input()))).toContain('at most 3 short paragraphs');
    const spoken = system(buildAnswerMessages(input({ channel: 'VOICE' })));
    expect(spoken).toContain('on a phone call');
    expect(spoken).toContain('at most 2 short sentences, no lists');
    expect(spoken).toContain('never read out a link');
  });

  it('shows the examples as customer and reply pairs', () => {
    const prompt = system(buildAnswerMessages(input()));
    expect(prompt).toContain('Customer: When do you open on Monday?\nReply: From 9 to 18 🙂');
  });

  it('follows with the conversation as user and assistant messages', () => {
    const messages = buildAnswerMessages(input());
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'Sveiki, vai jums ir picas?' },
      { role: 'assistant', content: 'Sveiki! Jā, mums ir 12 picas.' },
      { role: 'user', content: 'Vai piektdien strādājat vakarā?' },
    ]);
  });

  it('drops the oldest history first under a tiny budget but keeps the latest customer message', () => {
    const messages = buildAnswerMessages(input({ tokenBudget: 1 }));
    expect(messages.slice(1)).toEqual([{ role: 'user', content: 'Vai piektdien strādājat vakarā?' }]);
    const tight = buildAnswerMessages(input({ tokenBudget: 20 }));
    expect(tight.slice(1).map((message) => message.content)).toEqual(['Sveiki! Jā, mums ir 12 picas.', 'Vai piektdien strādājat vakarā?']);
  });

  it('shows only as much of long knowledge lists as fits, and says so', () => {
    const faq = Array.from({ length: 200 }, (_, index) => ({ question: `Question ${index}?`, answer: 'x'.repeat(1_000) }));
    const settings = AiSettingsSchema.parse({ knowledge: { faq } });
    const prompt = system(buildAnswerMessages(input({ settings })));
    expect(prompt).toContain('Question 0?');
    expect(prompt).not.toContain('Question 199?');
    expect(prompt).toMatch(/\(\d+ more not shown\)/);
  });
});

describe('fitHistory', () => {
  it('keeps business messages sent after the latest customer message', () => {
    const history: HistoryEntry[] = [...HISTORY, { role: 'business', text: 'Brīdi, pārbaudu.', at: at(0) }];
    expect(fitHistory(history, 0).map((entry) => entry.text)).toEqual(['Vai piektdien strādājat vakarā?', 'Brīdi, pārbaudu.']);
  });

  it('never leaves a gap', () => {
    const history: HistoryEntry[] = [
      { role: 'customer', text: 'short', at: at(3) },
      { role: 'business', text: 'y'.repeat(400), at: at(2) },
      { role: 'customer', text: 'latest', at: at(1) },
    ];
    expect(fitHistory(history, 50).map((entry) => entry.text)).toEqual(['latest']);
  });
});

describe('classify prompt', () => {
  it('lists every intent and puts the message to classify after its context', () => {
    const messages = buildClassifyMessages({ text: 'un sestdien?', history: HISTORY });
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('OPT_OUT');
    expect(messages[0]?.content).toContain('ISO 639-1');
    expect(messages[1]).toEqual({
      role: 'user',
      content:
        'Earlier messages, oldest first:\nCustomer: Sveiki, vai jums ir picas?\nBusiness: Sveiki! Jā, mums ir 12 picas.\nCustomer: Vai piektdien strādājat vakarā?\n\nMessage to classify:\nun sestdien?',
    });
  });

  it('sends just the message when there is no history', () => {
    expect(buildClassifyMessages({ text: 'Hi', history: [] })[1]?.content).toBe('Message to classify:\nHi');
  });
});
