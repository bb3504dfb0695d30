import { describe, expect, it } from 'vitest';
import { ruleBasedAnswer, type RuleAnswer } from '../../src/services/ai/rule-answers.ts';
import { AiSettingsSchema, type AiSettings } from '../../src/services/ai/settings.ts';
import type { AiChannel, BuiltInLanguage, Intent } from '../../src/services/ai/types.ts';

const WEDNESDAY_AFTERNOON = new Date('2026-06-17T11:00:00Z'); // 14:00 in Riga
const business = { name: 'Trattoria Roma', timezone: 'Europe/Riga', language: 'lv' };

const openingHours = [
  ...(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'] as const).map((weekday) => ({ weekday, opens: '11:00', closes: '22:00' })),
  { weekday: 'FRIDAY' as const, opens: '11:00', closes: '15:00' },
  { weekday: 'FRIDAY' as const, opens: '17:00', closes: '02:00' },
  { weekday: 'SATURDAY' as const, opens: '12:00', closes: '02:00' },
  { weekday: 'SUNDAY' as const, opens: '12:00', closes: '20:00' },
];

type Menu = { name: string; price: number; description?: string }[];
type Faq = { question: string; answer: string }[];

/** The same restaurant as it would describe itself to customers of each language. */
const MENU_AND_FAQ: Record<BuiltInLanguage, { items: Menu; faq: Faq }> = {
  en: {
    items: [
      { name: 'Pizza Margherita', price: 9.5, description: 'Tomato, mozzarella and basil.' },
      { name: 'Pizza Diavola', price: 11 },
      { name: 'Tiramisu', price: 5.5, description: 'Made in house every morning.' },
      { name: 'Lasagne', price: 12 },
      { name: 'Minestrone', price: 6 },
      { name: 'Espresso', price: 2.5 },
    ],
    faq: [
      { question: 'Do you deliver?', answer: 'Yes, we deliver within Riga through Wolt and Bolt Food.' },
      { question: 'Can I pay by card?', answer: 'Yes, we accept all major cards.' },
      { question: 'Is there parking?', answer: 'Free parking behind the building. Map: https://maps.example.com/parking' },
      { question: 'Can I order a birthday cake?', answer: 'Yes, please order at least two days ahead.' },
      { question: 'Where can I see the wine list?', answer: 'https://roma.example.com/wine' },
    ],
  },
  lv: {
    items: [
      { name: 'Pica Margarita', price: 9.5, description: 'Tomāti, mocarella un baziliks.' },
      { name: 'Pica Diavola', price: 11 },
      { name: 'Tiramisu', price: 5.5 },
      { name: 'Lazanja', price: 12 },
      { name: 'Ķiploku maize', price: 3.5 },
      { name: 'Espresso', price: 2.5 },
    ],
    faq: [
      { question: 'Vai jūs piegādājat?', answer: 'Jā, piegādājam visā Rīgā ar Wolt un Bolt Food.' },
      { question: 'Vai var maksāt ar karti?', answer: 'Jā, pieņemam visas populārās kartes.' },
      { question: 'Vai ir stāvvieta?', answer: 'Bezmaksas stāvvieta aiz ēkas.' },
      { question: 'Vai var pasūtīt dzimšanas dienas torti?', answer: 'Jā, lūdzu, pasūtiet vismaz divas dienas iepriekš.' },
    ],
  },
  ru: {
    items: [
      { name: 'Пицца Маргарита', price: 9.5, description: 'Томаты, моцарелла и базилик.' },
      { name: 'Пицца Дьявола', price: 11 },
      { name: 'Тирамису', price: 5.5 },
      { name: 'Лазанья', price: 12 },
      { name: 'Суп минестроне', price: 6 },
      { name: 'Эспрессо', price: 2.5 },
    ],
    faq: [
      { question: 'Есть ли доставка?', answer: 'Да, доставляем по всей Риге через Wolt и Bolt Food.' },
      { question: 'Можно ли оплатить картой?', answer: 'Да, принимаем все основные карты.' },
      { question: 'Есть ли парковка?', answer: 'Бесплатная парковка за зданием.' },
      { question: 'Можно заказать торт на день рождения?', answer: 'Да, закажите минимум за два дня.' },
    ],
  },
  de: {
    items: [
      { name: 'Pizza Margherita', price: 9.5, description: 'Tomaten, Mozzarella und Basilikum.' },
      { name: 'Pizza Diavola', price: 11 },
      { name: 'Tiramisu', price: 5.5 },
      { name: 'Lasagne', price: 12 },
      { name: 'Käsekuchen', price: 4.9 },
      { name: 'Espresso', price: 2.5 },
    ],
    faq: [
      { question: 'Liefert ihr?', answer: 'Ja, wir liefern in ganz Riga über Wolt und Bolt Food.' },
      { question: 'Kann ich mit Karte zahlen?', answer: 'Ja, wir akzeptieren alle gängigen Karten.' },
      { question: 'Gibt es Parkplätze?', answer: 'Kostenlose Parkplätze hinter dem Gebäude.' },
      { question: 'Kann man eine Geburtstagstorte bestellen?', answer: 'Ja, bitte mindestens zwei Tage vorher bestellen.' },
    ],
  },
};

function restaurant(language: BuiltInLanguage, overrides: Record<string, unknown> = {}, knowledge: Record<string, unknown> = {}): AiSettings {
  const { items, faq } = MENU_AND_FAQ[language];
  return AiSettingsSchema.parse({
    enabled: true,
    ...overrides,
    knowledge: {
      openingHours,
      hoursExceptions: [{ date: '2026-12-24', closed: true, note: 'Christmas Eve' }],
      address: 'Brīvības iela 10, Rīga',
      mapUrl: 'https://maps.example.com/roma',
      items: items.map((item) => ({ ...item, currency: 'EUR' })),
      faq,
      ...knowledge,
    },
  });
}

interface Ask {
  intent: Intent;
  text: string;
  language?: string;
  settings?: AiSettings;
  now?: Date;
  channel?: AiChannel;
}

function ask({ intent, text, language = 'en', settings, now = WEDNESDAY_AFTERNOON, channel = 'WHATSAPP' }: Ask): RuleAnswer {
  const reply = isBuiltIn(language) ? language : 'en';
  return ruleBasedAnswer({ classification: { intent, confidence: 0.9, language }, settings: settings ?? restaurant(reply), business, text, now, channel });
}

function isBuiltIn(language: string): language is BuiltInLanguage {
  return language in MENU_AND_FAQ;
}

/** "7. janvārī" is not a sentence end; a full stop before a capital is. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);

interface Case {
  intent: Intent;
  text: string;
  answer: string;
  handoff?: boolean;
  matched?: string | null;
}

const CASES: Record<BuiltInLanguage, Case[]> = {
  en: [
    { intent: 'GREETING', text: 'Hi there!', answer: 'Hello, this is Trattoria Roma! How can I help you?', matched: null },
    { intent: 'HOURS', text: 'Are you open now?', answer: "Yes, we're open now until 22:00.", matched: 'openingHours' },
    { intent: 'LOCATION', text: 'Where are you located?', answer: 'Our address is Brīvības iela 10, Rīga.\nMap: https://maps.example.com/roma', matched: 'address' },
    { intent: 'PRICING', text: 'How much is the margarita pizza?', answer: 'Pizza Margherita costs €9.50.', matched: 'item:Pizza Margherita' },
    { intent: 'PRODUCT_INFO', text: "What's in the tiramsu?", answer: 'Tiramisu costs €5.50. Made in house every morning.', matched: 'item:Tiramisu' },
    { intent: 'RESERVATION', text: "I'd like to book a table", answer: "We'd be happy to take your reservation. Please tell us the date, the time and the number of people." },
    { intent: 'ORDER', text: 'Can I order a birthday cake for Saturday?', answer: 'Yes, please order at least two days ahead.', matched: 'faq:Can I order a birthday cake?' },
    { intent: 'SUPPORT', text: 'Is there parking nearby?', answer: 'Free parking behind the building. Map: https://maps.example.com/parking', matched: 'faq:Is there parking?' },
    { intent: 'BILLING', text: 'Can I pay with a card?', answer: 'Yes, we accept all major cards.', matched: 'faq:Can I pay by card?' },
    { intent: 'OTHER', text: 'Do you sell gift vouchers?', answer: 'Thank you for your question! A colleague will get back to you on it as soon as possible.', handoff: true, matched: null },
    { intent: 'COMPLAINT', text: 'The soup was cold and nobody came to our table', answer: "I'm sorry to hear that. I'm passing your question to a colleague; they will reply as soon as possible.", handoff: true },
    { intent: 'HUMAN_HANDOFF', text: 'Can I talk to a real person?', answer: "I'm passing your question to a colleague; they will reply as soon as possible.", handoff: true },
    { intent: 'THANKS', text: 'Thanks a lot!', answer: "You're welcome! Let us know if there's anything else." },
    { intent: 'OPT_OUT', text: 'STOP', answer: "Done, you won't get messages from us anymore. Write START if you change your mind." },
  ],
  lv: [
    { intent: 'GREETING', text: 'Labdien!', answer: 'Sveiki, šeit Trattoria Roma! Kā varam jums palīdzēt?' },
    { intent: 'HOURS', text: 'Vai rīt strādājat?', answer: 'Rīt strādājam no 11:00 līdz 22:00.', matched: 'openingHours' },
    { intent: 'LOCATION', text: 'Kur jūs atrodaties?', answer: 'Mūsu adrese: Brīvības iela 10, Rīga.\nKarte: https://maps.example.com/roma' },
    { intent: 'PRICING', text: 'cik maksa picas margarita', answer: 'Pica Margarita maksā 9,50\u00a0€.', matched: 'item:Pica Margarita' },
    { intent: 'PRODUCT_INFO', text: 'Kas jums ir ēdienkartē?', answer: 'Lūk, daļa no mūsu piedāvājuma:\n• Pica Margarita — 9,50\u00a0€\n• Pica Diavola — 11,00\u00a0€\n• Tiramisu — 5,50\u00a0€\n• Lazanja — 12,00\u00a0€\n• Ķiploku maize — 3,50\u00a0€', matched: 'items' },
    { intent: 'RESERVATION', text: 'Vēlos rezervēt galdiņu', answer: 'Labprāt pieņemsim jūsu rezervāciju. Lūdzu, norādiet datumu, laiku un personu skaitu.' },
    { intent: 'ORDER', text: 'Vai varu pasūtīt torti dzimšanas dienai?', answer: 'Jā, lūdzu, pasūtiet vismaz divas dienas iepriekš.' },
    { intent: 'SUPPORT', text: 'Vai tuvumā ir stāvvieta?', answer: 'Bezmaksas stāvvieta aiz ēkas.' },
    { intent: 'BILLING', text: 'Vai var maksāt ar bankas karti?', answer: 'Jā, pieņemam visas populārās kartes.' },
    { intent: 'OTHER', text: 'Vai jums ir dāvanu kartes?', answer: 'Paldies par jautājumu! Uz to jums atbildēs mūsu kolēģi, cik drīz vien iespējams.', handoff: true },
    { intent: 'COMPLAINT', text: 'Ēdiens bija auksts, ļoti neapmierināti', answer: 'Mums ļoti žēl, ka tā gadījās. Nododu jūsu jautājumu kolēģiem, kuri jums atbildēs, cik drīz vien iespējams.', handoff: true },
    { intent: 'HUMAN_HANDOFF', text: 'Gribu runāt ar cilvēku', answer: 'Nododu jūsu jautājumu kolēģiem, kuri jums atbildēs, cik drīz vien iespējams.', handoff: true },
    { intent: 'THANKS', text: 'Paldies!', answer: 'Lūdzu! Ja vēl kas vajadzīgs, droši jautājiet.' },
    { intent: 'OPT_OUT', text: 'Lūdzu, vairs nerakstiet', answer: 'Labi, turpmāk mēs jums vairs nerakstīsim. Ja pārdomāsiet, uzrakstiet START.' },
  ],
  ru: [
    { intent: 'GREETING', text: 'Добрый день!', answer: 'Здравствуйте, это Trattoria Roma! Чем можем помочь?' },
    {
      intent: 'HOURS',
      text: 'Какой у вас график на этой неделе?',
      answer: 'Наш график на этой неделе:\nСреда: 11:00–22:00\nЧетверг: 11:00–22:00\nПятница: 11:00–15:00, 17:00–02:00\nСуббота: 12:00–02:00\nВоскресенье: 12:00–20:00\nПонедельник: 11:00–22:00\nВторник: 11:00–22:00',
    },
    { intent: 'LOCATION', text: 'Где вы находитесь?', answer: 'Наш адрес: Brīvības iela 10, Rīga.\nКарта: https://maps.example.com/roma' },
    { intent: 'PRICING', text: 'Сколько стоит пиццу маргариту?', answer: 'Пицца Маргарита — 9,50\u00a0€.', matched: 'item:Пицца Маргарита' },
    { intent: 'PRODUCT_INFO', text: 'Расскажите про пиццу маргарита', answer: 'Пицца Маргарита — 9,50\u00a0€. Томаты, моцарелла и базилик.' },
    { intent: 'RESERVATION', text: 'Хочу забронировать столик на 4 человека в пятницу в 19:00', answer: 'Спасибо! Наши сотрудники подтвердят вашу бронь как можно скорее.', handoff: true },
    { intent: 'ORDER', text: 'Можно заказать торт на день рождения в субботу?', answer: 'Да, закажите минимум за два дня.' },
    { intent: 'SUPPORT', text: 'А парковка рядом есть?', answer: 'Бесплатная парковка за зданием.' },
    { intent: 'BILLING', text: 'Картой оплатить можно?', answer: 'Да, принимаем все основные карты.' },
    { intent: 'OTHER', text: 'У вас есть подарочные сертификаты?', answer: 'Спасибо за вопрос! На него вам ответят наши сотрудники как можно скорее.', handoff: true },
    { intent: 'COMPLAINT', text: 'Заказ привезли холодным', answer: 'Нам очень жаль, что так получилось. Передаю ваш вопрос коллегам — вам ответят как можно скорее.', handoff: true },
    { intent: 'HUMAN_HANDOFF', text: 'Позовите оператора', answer: 'Передаю ваш вопрос коллегам — вам ответят как можно скорее.', handoff: true },
    { intent: 'THANKS', text: 'Спасибо большое!', answer: 'Пожалуйста! Если будут ещё вопросы, обращайтесь.' },
    { intent: 'OPT_OUT', text: 'Отпишите меня', answer: 'Готово, мы больше не будем вам писать. Если передумаете, напишите START.' },
  ],
  de: [
    { intent: 'GREETING', text: 'Guten Tag!', answer: 'Hallo, hier ist Trattoria Roma! Wie können wir Ihnen helfen?' },
    { intent: 'HOURS', text: 'Habt ihr am Sonntag geöffnet?', answer: 'Am Sonntag haben wir von 12:00 bis 20:00 Uhr geöffnet.' },
    { intent: 'LOCATION', text: 'Wo finde ich euch?', answer: 'Unsere Adresse: Brīvības iela 10, Rīga.\nKarte: https://maps.example.com/roma' },
    { intent: 'PRICING', text: 'Was kostet der Kasekuchen?', answer: 'Käsekuchen kostet 4,90\u00a0€.', matched: 'item:Käsekuchen' },
    { intent: 'PRODUCT_INFO', text: 'Was steht auf der Speisekarte?', answer: 'Eine Auswahl aus unserem Angebot:\n• Pizza Margherita — 9,50\u00a0€\n• Pizza Diavola — 11,00\u00a0€\n• Tiramisu — 5,50\u00a0€\n• Lasagne — 12,00\u00a0€\n• Käsekuchen — 4,90\u00a0€' },
    { intent: 'RESERVATION', text: 'Ich möchte für morgen einen Tisch reservieren', answer: 'Gern nehmen wir Ihre Reservierung entgegen. Bitte nennen Sie uns Datum, Uhrzeit und Personenzahl.' },
    { intent: 'ORDER', text: 'Kann ich eine Geburtstagstorte für Samstag bestellen?', answer: 'Ja, bitte mindestens zwei Tage vorher bestellen.' },
    { intent: 'SUPPORT', text: 'Gibt es Parkplätze in der Nähe?', answer: 'Kostenlose Parkplätze hinter dem Gebäude.' },
    { intent: 'BILLING', text: 'Kann man mit EC-Karte zahlen?', answer: 'Ja, wir akzeptieren alle gängigen Karten.' },
    { intent: 'OTHER', text: 'Verkauft ihr Gutscheine?', answer: 'Danke für Ihre Frage! Darauf antwortet Ihnen unser Team so schnell wie möglich.', handoff: true },
    { intent: 'COMPLAINT', text: 'Das Essen war kalt, sehr enttäuschend', answer: 'Das tut uns sehr leid. Ich gebe Ihr Anliegen an unser Team weiter, wir antworten Ihnen so schnell wie möglich.', handoff: true },
    { intent: 'HUMAN_HANDOFF', text: 'Ich möchte mit einem Mitarbeiter sprechen', answer: 'Ich gebe Ihr Anliegen an unser Team weiter, wir antworten Ihnen so schnell wie möglich.', handoff: true },
    { intent: 'THANKS', text: 'Vielen Dank!', answer: 'Gern geschehen! Melden Sie sich gern, wenn Sie noch etwas brauchen.' },
    { intent: 'OPT_OUT', text: 'Bitte keine Nachrichten mehr', answer: 'Erledigt, Sie erhalten keine Nachrichten mehr von uns. Wenn Sie es sich anders überlegen, schreiben Sie START.' },
  ],
};

describe('ruleBasedAnswer in each built-in language', () => {
  const cases = Object.entries(CASES).flatMap(([language, list]) => list.map((item) => ({ language, ...item })));

  it.each(cases)('$language $intent: $text', ({ language, intent, text, answer, handoff = false, matched }) => {
    const reply = ask({ intent, text, language });
    expect(reply.text).toBe(answer);
    expect(reply.handoff).toBe(handoff);
    if (matched !== undefined) expect(reply.matched).toBe(matched);
  });

  it('covers every intent in every language', () => {
    for (const list of Object.values(CASES)) {
      expect(new Set(list.map((item) => item.intent)).size).toBe(14);
    }
  });
});

describe('hours answers', () => {
  it('says when we open again during the lunch break', () => {
    // Friday 15:30 in Riga
    expect(ask({ intent: 'HOURS', text: 'Are you open?', now: new Date('2026-06-19T12:30:00Z') }).text).toBe("We're closed right now. We open today at 17:00.");
  });

  it('counts Friday night past midnight as open', () => {
    // Saturday 01:30 in Riga, from the Friday 17:00–02:00 period
    expect(ask({ intent: 'HOURS', text: 'Are you still open?', now: new Date('2026-06-19T22:30:00Z') }).text).toBe("Yes, we're open now until 02:00.");
  });

  it('says we open tomorrow after closing time', () => {
    expect(ask({ intent: 'HOURS', text: 'Wann öffnet ihr?', language: 'de', now: new Date('2026-06-17T20:30:00Z') }).text).toBe(
      'Im Moment haben wir geschlossen. Wir öffnen wieder morgen um 11:00 Uhr.',
    );
  });

  it('names the holiday when closed all day', () => {
    expect(ask({ intent: 'HOURS', text: 'Вы сегодня работаете?', language: 'ru', now: new Date('2026-12-24T10:00:00Z') }).text).toBe(
      'Сегодня мы не работаем (Christmas Eve). Откроемся завтра в 11:00.',
    );
  });

  it('gives the date of reopening after a long break', () => {
    // Closed from 24 December to 6 January; 7 January is a Thursday.
    const holidays = Array.from({ length: 14 }, (_, day) => new Date(Date.UTC(2026, 11, 24 + day)).toISOString().slice(0, 10));
    const settings = restaurant('lv', {}, { hoursExceptions: holidays.map((date) => ({ date, closed: true, note: 'Ziemassvētku brīvdienas' })) });
    expect(ask({ intent: 'HOURS', text: 'Vai šodien strādājat?', language: 'lv', settings, now: new Date('2026-12-24T10:00:00Z') }).text).toBe(
      'Šodien esam slēgti (Ziemassvētku brīvdienas). Atvērsim 7. janvārī pulksten 11:00.',
    );
  });

  it('answers for a named weekday with its exception', () => {
    const settings = restaurant('en', {}, { hoursExceptions: [{ date: '2026-06-23', closed: false, opens: '11:00', closes: '16:00', note: 'Midsummer Eve' }] });
    expect(ask({ intent: 'HOURS', text: 'What are your hours on Tuesday?', settings }).text).toBe("On Tuesday we're open from 11:00 to 16:00 (Midsummer Eve).");
  });

  it('answers "today" with whether we are open now', () => {
    expect(ask({ intent: 'HOURS', text: 'Are you open today?' }).text).toBe("Yes, we're open now until 22:00.");
  });

  it("doesn't take the German greeting 'Guten Morgen' for tomorrow", () => {
    expect(ask({ intent: 'HOURS', text: 'Guten Morgen, habt ihr offen?', language: 'de' }).text).toBe('Ja, wir haben jetzt bis 22:00 Uhr geöffnet.');
  });

  it('hands off when no hours are configured', () => {
    const settings = restaurant('en', {}, { openingHours: [] });
    expect(ask({ intent: 'HOURS', text: 'When are you open?', settings })).toEqual({
      text: "I'm sorry, I don't have that information. I'm passing your question to a colleague; they will reply as soon as possible.",
      handoff: true,
      matched: null,
    });
  });
});

describe('catalogue answers', () => {
  it.each([
    ['en', 'how much is a pizza margharita', 'Pizza Margherita costs €9.50.'],
    ['en', 'price for tiramsu?', 'Tiramisu costs €5.50.'],
    ['lv', 'kiploku maizes cena?', 'Ķiploku maize maksā 3,50\u00a0€.'],
    ['lv', 'Cik maksā picu margaritu?', 'Pica Margarita maksā 9,50\u00a0€.'],
    ['ru', 'сколько стоит тирамиссу', 'Тирамису — 5,50\u00a0€.'],
    ['ru', 'почём лазанью?', 'Лазанья — 12,00\u00a0€.'],
    ['de', 'Preis für eine Pizza Margarita?', 'Pizza Margherita kostet 9,50\u00a0€.'],
  ])('finds the price despite typos and missing diacritics (%s: %s)', (language, text, answer) => {
    expect(ask({ intent: 'PRICING', text, language }).text).toBe(answer);
  });

  it('lists every item a general word matches', () => {
    expect(ask({ intent: 'PRICING', text: 'How much are your pizzas?' })).toEqual({
      text: "Here's what we offer:\n• Pizza Margherita — €9.50\n• Pizza Diavola — €11.00",
      handoff: false,
      matched: 'items',
    });
  });

  it('lists up to five items for a question about the whole menu', () => {
    const reply = ask({ intent: 'PRODUCT_INFO', text: 'What do you have?' });
    expect(reply.text.split('\n')).toHaveLength(6);
    expect(reply.text).toMatch(/^Here's a selection of what we offer:\n• Pizza Margherita — €9\.50/);
  });

  it('hands off when nothing matches', () => {
    expect(ask({ intent: 'PRICING', text: 'How much is the sushi platter?' })).toMatchObject({ handoff: true, matched: null });
  });

  it('hands off when a matched item has no price', () => {
    const settings = restaurant('en', {}, { items: [{ name: 'Truffle pasta' }] });
    expect(ask({ intent: 'PRICING', text: 'How much is the truffle pasta?', settings }).handoff).toBe(true);
  });
});

describe('reservation answers', () => {
  it('sends the booking link when there is one', () => {
    const settings = restaurant('lv', {}, { bookingUrl: 'https://roma.example.com/book' });
    expect(ask({ intent: 'RESERVATION', text: 'Gribu rezervēt galdiņu 4 personām', language: 'lv', settings })).toEqual({
      text: 'Rezervēt varat šeit: https://roma.example.com/book',
      handoff: false,
      matched: 'bookingUrl',
    });
  });

  it('hands a cancellation to a person', () => {
    expect(ask({ intent: 'RESERVATION', text: 'Need to cancel my booking for Thursday' }).handoff).toBe(true);
  });
});

describe('fallback', () => {
  it("uses the business's own fallback message", () => {
    const settings = restaurant('en', { humanFallbackMessage: 'Thanks! Anna will reply within the hour.' });
    expect(ask({ intent: 'OTHER', text: 'Do you host weddings?', settings })).toEqual({ text: 'Thanks! Anna will reply within the hour.', handoff: true, matched: null });
  });

  it('hands off when there is no address', () => {
    const settings = restaurant('de', {}, { address: null, mapUrl: null });
    expect(ask({ intent: 'LOCATION', text: 'Wo seid ihr?', language: 'de', settings })).toEqual({
      text: 'Leider habe ich dazu keine Informationen. Ich gebe Ihr Anliegen an unser Team weiter, wir antworten Ihnen so schnell wie möglich.',
      handoff: true,
      matched: null,
    });
  });
});

describe('reply language', () => {
  it("answers in the customer's language when the business replies in it", () => {
    expect(ask({ intent: 'THANKS', text: 'Danke', language: 'de' }).text).toMatch(/^Gern geschehen/);
  });

  it("falls back to the business's language for a language it does not reply in", () => {
    const settings = restaurant('lv', { replyLanguages: ['lv', 'en'] });
    expect(ask({ intent: 'THANKS', text: 'Спасибо', language: 'ru', settings }).text).toMatch(/^Lūdzu!/);
  });

  it("falls back to the business's language for a language without built-in phrases", () => {
    expect(ask({ intent: 'THANKS', text: 'Merci', language: 'fr', settings: restaurant('lv') }).text).toMatch(/^Lūdzu!/);
  });

  it('falls back to English when the business language has no built-in phrases either', () => {
    const reply = ruleBasedAnswer({
      classification: { intent: 'THANKS', confidence: 0.9, language: 'fr' },
      settings: restaurant('en'),
      business: { ...business, language: 'fi-FI' },
      text: 'Merci',
      now: WEDNESDAY_AFTERNOON,
      channel: 'WHATSAPP',
    });
    expect(reply.text).toMatch(/^You're welcome/);
  });
});

describe('voice answers', () => {
  const URL = /https?:\/\/|www\./;
  const withBooking = (language: BuiltInLanguage) => restaurant(language, { humanFallbackMessage: null }, { bookingUrl: 'https://roma.example.com/book' });
  const spokenCases = (Object.keys(CASES) as BuiltInLanguage[]).flatMap((language) => [
    ...CASES[language].map(({ intent, text }) => ({ language, intent, text })),
    { language, intent: 'HOURS' as const, text: 'this week week nedēļa неделе Woche' },
    { language, intent: 'PRODUCT_INFO' as const, text: 'menu' },
    { language, intent: 'RESERVATION' as const, text: 'book' },
  ]);

  it.each(spokenCases)('$language $intent is at most two plain sentences: $text', ({ language, intent, text }) => {
    const reply = ask({ intent, text, language, settings: withBooking(language), channel: 'VOICE' });
    expect(reply.text).not.toMatch(URL);
    expect(reply.text).not.toMatch(/[\n•]|\p{Extended_Pictographic}/u);
    expect(sentences(reply.text).length).toBeLessThanOrEqual(2);
  });

  it('leaves the map link out of the address', () => {
    expect(ask({ intent: 'LOCATION', text: 'Where are you?', channel: 'VOICE' }).text).toBe('Our address is Brīvības iela 10, Rīga.');
  });

  it('drops the sentence carrying a link from an FAQ answer', () => {
    expect(ask({ intent: 'SUPPORT', text: 'Is there parking?', channel: 'VOICE' }).text).toBe('Free parking behind the building.');
  });

  it('hands off when the FAQ answer is only a link', () => {
    expect(ask({ intent: 'OTHER', text: 'Where can I see the wine list?', channel: 'VOICE' })).toMatchObject({ handoff: true, matched: null });
  });

  it('keeps only two sentences of a long fallback message, without its links or emoji', () => {
    const settings = restaurant('en', { humanFallbackMessage: 'Thanks for reaching out 🙏 Our team will get back to you today. Meanwhile see https://roma.example.com/faq. Have a nice day!' });
    expect(ask({ intent: 'OTHER', text: 'Do you host weddings?', settings, channel: 'VOICE' }).text).toBe('Thanks for reaching out Our team will get back to you today. Have a nice day!');
  });

  it('reads the week as one sentence', () => {
    expect(ask({ intent: 'HOURS', text: 'What are your hours this week?', channel: 'VOICE' }).text).toBe(
      'Our opening hours this week: Wednesday from 11:00 to 22:00, Thursday from 11:00 to 22:00, Friday from 11:00 to 15:00 and from 17:00 to 02:00, Saturday from 12:00 to 02:00, Sunday from 12:00 to 20:00, Monday from 11:00 to 22:00, and Tuesday from 11:00 to 22:00.',
    );
  });
});
