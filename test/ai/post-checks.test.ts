import { describe, expect, it } from 'vitest';
import { checkReply } from '../../src/services/ai/post-checks.ts';
import { type AiSettings, AiSettingsSchema } from '../../src/services/ai/settings.ts';
import type { AiChannel } from '../../src/services/ai/types.ts';

const SETTINGS = AiSettingsSchema.parse({
  knowledge: {
    faq: [{ question: 'Can I pay online?', answer: 'Yes, at https://pay.pica.lv/checkout or call accounting on +371 6700 1234.' }],
    policies: [{ title: 'Allergies', text: 'Read our allergen list at pica.lv/allergens before ordering.' }],
    mapUrl: 'https://maps.app.goo.gl/pica',
    bookingUrl: 'https://book.pica.lv/table',
    website: 'https://www.pica.lv/',
    phone: '+37120000000',
    email: 'info@pica.lv',
  },
  blocklist: ['konkurents', 'cheap rubbish'],
});

function check(text: string, channel: AiChannel = 'WHATSAPP', settings: AiSettings = SETTINGS) {
  return checkReply(text, { settings, channel });
}

function rejected(text: string, channel: AiChannel = 'WHATSAPP'): string {
  const result = check(text, channel);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.reason;
}

describe('checkReply', () => {
  it('trims an ordinary reply and lets it through', () => {
    expect(check('  Mēs esam atvērti līdz 18:00.\n')).toEqual({ ok: true, text: 'Mēs esam atvērti līdz 18:00.' });
  });

  it('rejects an empty or whitespace-only reply', () => {
    expect(rejected('')).toMatch(/empty/);
    expect(rejected(' \n\t ')).toMatch(/empty/);
  });

  it('rejects a reply over 1,000 characters', () => {
    expect(check('a'.repeat(1_000)).ok).toBe(true);
    expect(rejected('a'.repeat(1_001))).toMatch(/1001 characters/);
  });
});

describe('links', () => {
  it('lets through links the business gave, however they are written', () => {
    for (const text of [
      'Book here: https://book.pica.lv/table',
      'See https://pica.lv.',
      'Our website is www.pica.lv',
      'Directions: https://maps.app.goo.gl/pica (Google Maps)',
      'Pay at https://pay.pica.lv/checkout',
      'The allergen list is at pica.lv/allergens',
      'Details on pica.lv!',
    ]) {
      expect(check(text), text).toMatchObject({ ok: true });
    }
  });

  it('rejects links the business never gave', () => {
    expect(rejected('Order at https://pica-riga.com/order')).toContain('https://pica-riga.com/order');
    expect(rejected('Book at https://book.pica.lv/vip')).toContain('book.pica.lv/vip');
    expect(rejected('See www.example.com for more.')).toContain('www.example.com');
    expect(rejected('Menu: example.com/menu')).toContain('example.com/menu');
  });

  it('does not take abbreviations or sentences without a space for links', () => {
    expect(check('Mr.Smith will call you, e.g. tomorrow at 10 a.m. Thanks!').ok).toBe(true);
  });

  it('rejects email addresses the business never gave', () => {
    expect(check('Write to INFO@pica.lv').ok).toBe(true);
    expect(rejected('Write to boss@pica.lv')).toContain('boss@pica.lv');
  });
});

describe('phone numbers', () => {
  it('lets through numbers the business gave, in any format', () => {
    for (const text of ['Call +371 20 000 000.', 'Call 20000000', 'Call (+371) 2000-0000', 'Accounting: 6700 1234', 'Call 00371 20000000']) {
      expect(check(text), text).toMatchObject({ ok: true });
    }
  });

  it('rejects numbers the business never gave', () => {
    expect(rejected('Call +371 29 999 999')).toContain('+371 29 999 999');
    expect(rejected('Call (555) 123-4567 for help')).toContain('(555) 123-4567');
  });

  it('does not take dates, times or prices for phone numbers', () => {
    expect(check('Closed on 2026-12-24 and 31.12.2026; open 09:00–18:00, pizzas from 9.50 EUR, 12 kinds.').ok).toBe(true);
  });
});

describe('blocklist', () => {
  it('rejects a blocklisted phrase regardless of case and diacritics', () => {
    expect(rejected('Mūsu KONKURENTS ir lētāks.')).toContain('konkurents');
    expect(rejected('That is Cheap   Rubbish!')).toContain('cheap rubbish');
    const accented = AiSettingsSchema.parse({ blocklist: ['lēts'] });
    expect(check('Tas ir LETS piedavajums', 'WHATSAPP', accented).ok).toBe(false);
  });

  it('matches whole words only', () => {
    expect(check('Mūsu konkurentsi nav.').ok).toBe(true);
  });
});

describe('voice', () => {
  it('keeps the first two sentences of a spoken reply', () => {
    expect(check('We are open until six. Come by any time! We also deliver. Anything else?', 'VOICE')).toEqual({
      ok: true,
      text: 'We are open until six. Come by any time!',
    });
  });

  it('never lets a link into a spoken reply, not even a known one', () => {
    expect(rejected('Book at book.pica.lv/table. Thanks!', 'VOICE')).toMatch(/spoken/);
    expect(check('Book at book.pica.lv/table. Thanks!', 'WHATSAPP').ok).toBe(true);
  });

  it('checks what is left after trimming', () => {
    expect(check('Call us any time. We are happy to help. Or see https://evil.example.com.', 'VOICE').ok).toBe(true);
  });
});
