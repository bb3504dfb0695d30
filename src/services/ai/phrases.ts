/**
 * Every sentence the built-in (no model) answers say to a customer, in each built-in language.
 * Sentences are whole and written per language rather than assembled from translated words,
 * because word order and case differ: "on Friday" is "piektdien" in Latvian and "в пятницу" in
 * Russian. Each sentence works both written and spoken; where a channel needs a different form
 * (links, lists) the phrase takes the channel.
 */
import type { Weekday } from './settings.ts';
import type { AiChannel, BuiltInLanguage } from './types.ts';

/** A day as a customer would name it: today, tomorrow, a weekday within the coming week, or a date further out ("YYYY-MM-DD"). */
export type DayReference = { kind: 'today' } | { kind: 'tomorrow' } | { kind: 'weekday'; weekday: Weekday } | { kind: 'date'; date: string };

/** Clock times are "HH:MM" on the business's wall clock. */
export interface DayOpening {
  weekday: Weekday;
  periods: { opens: string; closes: string }[];
  note: string | null;
}

export interface PricedItem {
  name: string;
  /** Already formatted with `formatPrice`. */
  price: string | null;
}

export interface Phrases {
  greeting(businessName: string): string;
  openNow(closes: string | null, note: string | null): string;
  closedNow: string;
  closedToday(note: string | null): string;
  opensNext(day: DayReference, clock: string): string;
  dayHours(day: DayReference, opening: DayOpening): string;
  weekHours(days: DayOpening[], channel: AiChannel): string;
  address(address: string, mapUrl: string | null, channel: AiChannel): string;
  mapOnly(mapUrl: string): string;
  itemPrice(name: string, price: string): string;
  itemList(items: PricedItem[], isWholeCatalogue: boolean, channel: AiChannel): string;
  unknown: string;
  reservationAsk: string;
  reservationReceived: string;
  bookingLink(url: string, channel: AiChannel): string;
  thanks: string;
  optOut: string;
  /** After START from a customer who had opted out. */
  optIn: string;
  handoff: string;
  apology: string;
  overLimit(channel: AiChannel): string;
  fallback: string;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const withoutFullStop = (text: string) => text.trim().replace(/\.+$/, '');
const inBrackets = (note: string | null) => (note ? ` (${note})` : '');
const compactRanges = (opening: DayOpening) => opening.periods.map(({ opens, closes }) => `${opens}–${closes}`).join(', ');

function listOf(language: BuiltInLanguage, items: string[]): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

function spokenRanges(language: BuiltInLanguage, opening: DayOpening, range: (opens: string, closes: string) => string): string {
  return listOf(language, opening.periods.map(({ opens, closes }) => range(opens, closes)));
}

/** One line per day written, one flowing sentence spoken (a voice cannot read out a list). */
function weekList(days: DayOpening[], channel: AiChannel, title: string, writtenDay: (day: DayOpening) => string, spokenDay: (day: DayOpening) => string, language: BuiltInLanguage): string {
  if (channel === 'VOICE') return `${title} ${listOf(language, days.map(spokenDay))}.`;
  return [title, ...days.map(writtenDay)].join('\n');
}

function catalogue(items: PricedItem[], title: string, channel: AiChannel, spoken: (items: string[]) => string, priced: (item: PricedItem) => string): string {
  if (channel === 'VOICE') return spoken(items.map(priced));
  return [title, ...items.map((item) => `• ${item.name}${item.price ? ` — ${item.price}` : ''}`)].join('\n');
}

const WEEKDAY_NAMES: Record<BuiltInLanguage, Record<Weekday, string>> = {
  en: { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday' },
  lv: { MONDAY: 'pirmdiena', TUESDAY: 'otrdiena', WEDNESDAY: 'trešdiena', THURSDAY: 'ceturtdiena', FRIDAY: 'piektdiena', SATURDAY: 'sestdiena', SUNDAY: 'svētdiena' },
  ru: { MONDAY: 'понедельник', TUESDAY: 'вторник', WEDNESDAY: 'среда', THURSDAY: 'четверг', FRIDAY: 'пятница', SATURDAY: 'суббота', SUNDAY: 'воскресенье' },
  de: { MONDAY: 'Montag', TUESDAY: 'Dienstag', WEDNESDAY: 'Mittwoch', THURSDAY: 'Donnerstag', FRIDAY: 'Freitag', SATURDAY: 'Samstag', SUNDAY: 'Sonntag' },
};

/** "on Monday": Latvian has an adverb for it and Russian takes the accusative, so these are their own words. */
const ON_WEEKDAY: Record<BuiltInLanguage, Record<Weekday, string>> = {
  en: { MONDAY: 'on Monday', TUESDAY: 'on Tuesday', WEDNESDAY: 'on Wednesday', THURSDAY: 'on Thursday', FRIDAY: 'on Friday', SATURDAY: 'on Saturday', SUNDAY: 'on Sunday' },
  lv: { MONDAY: 'pirmdien', TUESDAY: 'otrdien', WEDNESDAY: 'trešdien', THURSDAY: 'ceturtdien', FRIDAY: 'piektdien', SATURDAY: 'sestdien', SUNDAY: 'svētdien' },
  ru: { MONDAY: 'в понедельник', TUESDAY: 'во вторник', WEDNESDAY: 'в среду', THURSDAY: 'в четверг', FRIDAY: 'в пятницу', SATURDAY: 'в субботу', SUNDAY: 'в воскресенье' },
  de: { MONDAY: 'am Montag', TUESDAY: 'am Dienstag', WEDNESDAY: 'am Mittwoch', THURSDAY: 'am Donnerstag', FRIDAY: 'am Freitag', SATURDAY: 'am Samstag', SUNDAY: 'am Sonntag' },
};

/** Latvian "on 7 January" puts the month in the locative, which Intl does not offer. */
const LATVIAN_MONTHS_LOCATIVE = ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'];

function dayMonth(language: BuiltInLanguage, date: string): string {
  const [, month, day] = date.split('-').map(Number);
  if (language === 'lv') return `${day}. ${LATVIAN_MONTHS_LOCATIVE[month! - 1]}`;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** The day as it reads inside a sentence: "tomorrow", "on Monday", "am 7. Januar". */
function when(language: BuiltInLanguage, day: DayReference): string {
  switch (day.kind) {
    case 'today':
      return { en: 'today', lv: 'šodien', ru: 'сегодня', de: 'heute' }[language];
    case 'tomorrow':
      return { en: 'tomorrow', lv: 'rīt', ru: 'завтра', de: 'morgen' }[language];
    case 'weekday':
      return ON_WEEKDAY[language][day.weekday];
    case 'date':
      return { en: `on ${dayMonth('en', day.date)}`, lv: dayMonth('lv', day.date), ru: dayMonth('ru', day.date), de: `am ${dayMonth('de', day.date)}` }[language];
  }
}

const english: Phrases = {
  greeting: (name) => `Hello, this is ${name}! How can I help you?`,
  openNow: (closes, note) => `Yes, we're open now${closes ? ` until ${closes}` : ''}${inBrackets(note)}.`,
  closedNow: `We're closed right now.`,
  closedToday: (note) => `We're closed today${inBrackets(note)}.`,
  opensNext: (day, clock) => `We open ${when('en', day)} at ${clock}.`,
  dayHours: (day, opening) =>
    opening.periods.length === 0
      ? `${capitalise(when('en', day))} we're closed${inBrackets(opening.note)}.`
      : `${capitalise(when('en', day))} we're open ${spokenRanges('en', opening, (opens, closes) => `from ${opens} to ${closes}`)}${inBrackets(opening.note)}.`,
  weekHours: (days, channel) =>
    weekList(
      days,
      channel,
      'Our opening hours this week:',
      (day) => `${WEEKDAY_NAMES.en[day.weekday]}: ${day.periods.length ? compactRanges(day) : 'closed'}${inBrackets(day.note)}`,
      (day) => `${WEEKDAY_NAMES.en[day.weekday]} ${day.periods.length ? spokenRanges('en', day, (opens, closes) => `from ${opens} to ${closes}`) : 'closed'}`,
      'en',
    ),
  address: (address, mapUrl, channel) => `Our address is ${withoutFullStop(address)}.${mapUrl && channel === 'WHATSAPP' ? `\nMap: ${mapUrl}` : ''}`,
  mapOnly: (mapUrl) => `Here's where to find us: ${mapUrl}`,
  itemPrice: (name, price) => `${name} costs ${price}.`,
  itemList: (items, isWholeCatalogue, channel) =>
    catalogue(
      items,
      isWholeCatalogue ? `Here's what we offer:` : `Here's a selection of what we offer:`,
      channel,
      (spoken) => `We offer${isWholeCatalogue ? ' ' : ', for example, '}${listOf('en', spoken)}.`,
      (item) => (item.price ? `${item.name} for ${item.price}` : item.name),
    ),
  unknown: `I'm sorry, I don't have that information.`,
  reservationAsk: `We'd be happy to take your reservation. Please tell us the date, the time and the number of people.`,
  reservationReceived: `Thank you! A colleague will confirm your reservation as soon as possible.`,
  bookingLink: (url, channel) =>
    channel === 'VOICE' ? `You can book online: write to us on WhatsApp and we'll send you the link.` : `You can book here: ${url}`,
  thanks: `You're welcome! Let us know if there's anything else.`,
  optOut: `Done, you won't get messages from us anymore. Write START if you change your mind.`,
  optIn: `Welcome back! You will get our messages again.`,
  handoff: `I'm passing your question to a colleague; they will reply as soon as possible.`,
  apology: `I'm sorry to hear that.`,
  overLimit: (channel) =>
    channel === 'VOICE'
      ? `Thank you for calling! A colleague will get back to you as soon as possible.`
      : `Thank you for your message! A colleague will reply as soon as possible.`,
  fallback: `Thank you for your question! A colleague will get back to you on it as soon as possible.`,
};

const latvian: Phrases = {
  greeting: (name) => `Sveiki, šeit ${name}! Kā varam jums palīdzēt?`,
  openNow: (closes, note) => `Jā, šobrīd esam atvērti${closes ? ` līdz pulksten ${closes}` : ''}${inBrackets(note)}.`,
  closedNow: `Šobrīd esam slēgti.`,
  closedToday: (note) => `Šodien esam slēgti${inBrackets(note)}.`,
  opensNext: (day, clock) => `Atvērsim ${when('lv', day)} pulksten ${clock}.`,
  dayHours: (day, opening) =>
    opening.periods.length === 0
      ? `${capitalise(when('lv', day))} esam slēgti${inBrackets(opening.note)}.`
      : `${capitalise(when('lv', day))} strādājam ${spokenRanges('lv', opening, (opens, closes) => `no ${opens} līdz ${closes}`)}${inBrackets(opening.note)}.`,
  weekHours: (days, channel) =>
    weekList(
      days,
      channel,
      'Mūsu darba laiks šonedēļ:',
      (day) => `${capitalise(WEEKDAY_NAMES.lv[day.weekday])}: ${day.periods.length ? compactRanges(day) : 'slēgts'}${inBrackets(day.note)}`,
      (day) => `${ON_WEEKDAY.lv[day.weekday]} ${day.periods.length ? spokenRanges('lv', day, (opens, closes) => `no ${opens} līdz ${closes}`) : 'slēgts'}`,
      'lv',
    ),
  address: (address, mapUrl, channel) => `Mūsu adrese: ${withoutFullStop(address)}.${mapUrl && channel === 'WHATSAPP' ? `\nKarte: ${mapUrl}` : ''}`,
  mapOnly: (mapUrl) => `Mūs varat atrast šeit: ${mapUrl}`,
  itemPrice: (name, price) => `${name} maksā ${price}.`,
  itemList: (items, isWholeCatalogue, channel) =>
    catalogue(
      items,
      isWholeCatalogue ? 'Lūk, ko piedāvājam:' : 'Lūk, daļa no mūsu piedāvājuma:',
      channel,
      (spoken) => `Piedāvājam${isWholeCatalogue ? ' ' : ', piemēram, '}${listOf('lv', spoken)}.`,
      (item) => (item.price ? `${item.name} par ${item.price}` : item.name),
    ),
  unknown: `Diemžēl man nav šīs informācijas.`,
  reservationAsk: `Labprāt pieņemsim jūsu rezervāciju. Lūdzu, norādiet datumu, laiku un personu skaitu.`,
  reservationReceived: `Paldies! Mūsu kolēģi apstiprinās jūsu rezervāciju, cik drīz vien iespējams.`,
  bookingLink: (url, channel) =>
    channel === 'VOICE' ? `Rezervēt varat tiešsaistē: uzrakstiet mums WhatsApp, un mēs nosūtīsim saiti.` : `Rezervēt varat šeit: ${url}`,
  thanks: `Lūdzu! Ja vēl kas vajadzīgs, droši jautājiet.`,
  optOut: `Labi, turpmāk mēs jums vairs nerakstīsim. Ja pārdomāsiet, uzrakstiet START.`,
  optIn: `Prieks, ka esat atpakaļ! Jūs atkal saņemsiet mūsu ziņas.`,
  handoff: `Nododu jūsu jautājumu kolēģiem, kuri jums atbildēs, cik drīz vien iespējams.`,
  apology: `Mums ļoti žēl, ka tā gadījās.`,
  overLimit: (channel) =>
    channel === 'VOICE'
      ? `Paldies par zvanu! Mūsu kolēģi ar jums sazināsies, cik drīz vien iespējams.`
      : `Paldies par ziņu! Mūsu kolēģi jums atbildēs, cik drīz vien iespējams.`,
  fallback: `Paldies par jautājumu! Uz to jums atbildēs mūsu kolēģi, cik drīz vien iespējams.`,
};

const russian: Phrases = {
  greeting: (name) => `Здравствуйте, это ${name}! Чем можем помочь?`,
  openNow: (closes, note) => `Да, сейчас мы открыты${closes ? ` до ${closes}` : ''}${inBrackets(note)}.`,
  closedNow: `Сейчас мы закрыты.`,
  closedToday: (note) => `Сегодня мы не работаем${inBrackets(note)}.`,
  opensNext: (day, clock) => `Откроемся ${when('ru', day)} в ${clock}.`,
  dayHours: (day, opening) =>
    opening.periods.length === 0
      ? `${capitalise(when('ru', day))} мы не работаем${inBrackets(opening.note)}.`
      : `${capitalise(when('ru', day))} мы работаем ${spokenRanges('ru', opening, (opens, closes) => `с ${opens} до ${closes}`)}${inBrackets(opening.note)}.`,
  weekHours: (days, channel) =>
    weekList(
      days,
      channel,
      'Наш график на этой неделе:',
      (day) => `${capitalise(WEEKDAY_NAMES.ru[day.weekday])}: ${day.periods.length ? compactRanges(day) : 'выходной'}${inBrackets(day.note)}`,
      (day) => `${WEEKDAY_NAMES.ru[day.weekday]} ${day.periods.length ? spokenRanges('ru', day, (opens, closes) => `с ${opens} до ${closes}`) : '— выходной'}`,
      'ru',
    ),
  address: (address, mapUrl, channel) => `Наш адрес: ${withoutFullStop(address)}.${mapUrl && channel === 'WHATSAPP' ? `\nКарта: ${mapUrl}` : ''}`,
  mapOnly: (mapUrl) => `Как нас найти: ${mapUrl}`,
  itemPrice: (name, price) => `${name} — ${price}.`,
  itemList: (items, isWholeCatalogue, channel) =>
    catalogue(
      items,
      isWholeCatalogue ? 'Вот что мы предлагаем:' : 'Вот часть того, что мы предлагаем:',
      channel,
      (spoken) => `У нас есть${isWholeCatalogue ? ' ' : ', например, '}${listOf('ru', spoken)}.`,
      (item) => (item.price ? `${item.name} за ${item.price}` : item.name),
    ),
  unknown: `К сожалению, у меня нет этой информации.`,
  reservationAsk: `С удовольствием примем вашу бронь. Пожалуйста, укажите дату, время и количество человек.`,
  reservationReceived: `Спасибо! Наши сотрудники подтвердят вашу бронь как можно скорее.`,
  bookingLink: (url, channel) =>
    channel === 'VOICE' ? `Забронировать можно онлайн: напишите нам в WhatsApp, и мы пришлём ссылку.` : `Забронировать можно здесь: ${url}`,
  thanks: `Пожалуйста! Если будут ещё вопросы, обращайтесь.`,
  optOut: `Готово, мы больше не будем вам писать. Если передумаете, напишите START.`,
  optIn: `С возвращением! Вы снова будете получать наши сообщения.`,
  handoff: `Передаю ваш вопрос коллегам — вам ответят как можно скорее.`,
  apology: `Нам очень жаль, что так получилось.`,
  overLimit: (channel) =>
    channel === 'VOICE'
      ? `Спасибо за звонок! Наши сотрудники свяжутся с вами как можно скорее.`
      : `Спасибо за сообщение! Наши сотрудники ответят вам как можно скорее.`,
  fallback: `Спасибо за вопрос! На него вам ответят наши сотрудники как можно скорее.`,
};

const german: Phrases = {
  greeting: (name) => `Hallo, hier ist ${name}! Wie können wir Ihnen helfen?`,
  openNow: (closes, note) => `Ja, wir haben jetzt${closes ? ` bis ${closes} Uhr` : ''} geöffnet${inBrackets(note)}.`,
  closedNow: `Im Moment haben wir geschlossen.`,
  closedToday: (note) => `Heute haben wir geschlossen${inBrackets(note)}.`,
  opensNext: (day, clock) => `Wir öffnen wieder ${when('de', day)} um ${clock} Uhr.`,
  dayHours: (day, opening) =>
    opening.periods.length === 0
      ? `${capitalise(when('de', day))} haben wir geschlossen${inBrackets(opening.note)}.`
      : `${capitalise(when('de', day))} haben wir ${spokenRanges('de', opening, (opens, closes) => `von ${opens} bis ${closes} Uhr`)} geöffnet${inBrackets(opening.note)}.`,
  weekHours: (days, channel) =>
    weekList(
      days,
      channel,
      'Unsere Öffnungszeiten diese Woche:',
      (day) => `${WEEKDAY_NAMES.de[day.weekday]}: ${day.periods.length ? compactRanges(day) : 'geschlossen'}${inBrackets(day.note)}`,
      (day) => `${WEEKDAY_NAMES.de[day.weekday]} ${day.periods.length ? spokenRanges('de', day, (opens, closes) => `von ${opens} bis ${closes} Uhr`) : 'geschlossen'}`,
      'de',
    ),
  address: (address, mapUrl, channel) => `Unsere Adresse: ${withoutFullStop(address)}.${mapUrl && channel === 'WHATSAPP' ? `\nKarte: ${mapUrl}` : ''}`,
  mapOnly: (mapUrl) => `So finden Sie uns: ${mapUrl}`,
  itemPrice: (name, price) => `${name} kostet ${price}.`,
  itemList: (items, isWholeCatalogue, channel) =>
    catalogue(
      items,
      isWholeCatalogue ? 'Das bieten wir an:' : 'Eine Auswahl aus unserem Angebot:',
      channel,
      (spoken) => `Wir bieten ${isWholeCatalogue ? '' : 'zum Beispiel '}${listOf('de', spoken)} an.`,
      (item) => (item.price ? `${item.name} für ${item.price}` : item.name),
    ),
  unknown: `Leider habe ich dazu keine Informationen.`,
  reservationAsk: `Gern nehmen wir Ihre Reservierung entgegen. Bitte nennen Sie uns Datum, Uhrzeit und Personenzahl.`,
  reservationReceived: `Vielen Dank! Unser Team bestätigt Ihre Reservierung so schnell wie möglich.`,
  bookingLink: (url, channel) =>
    channel === 'VOICE'
      ? `Sie können online reservieren: Schreiben Sie uns auf WhatsApp, dann schicken wir Ihnen den Link.`
      : `Reservieren können Sie hier: ${url}`,
  thanks: `Gern geschehen! Melden Sie sich gern, wenn Sie noch etwas brauchen.`,
  optOut: `Erledigt, Sie erhalten keine Nachrichten mehr von uns. Wenn Sie es sich anders überlegen, schreiben Sie START.`,
  optIn: `Willkommen zurück! Sie erhalten wieder Nachrichten von uns.`,
  handoff: `Ich gebe Ihr Anliegen an unser Team weiter, wir antworten Ihnen so schnell wie möglich.`,
  apology: `Das tut uns sehr leid.`,
  overLimit: (channel) =>
    channel === 'VOICE'
      ? `Danke für Ihren Anruf! Unser Team meldet sich so schnell wie möglich bei Ihnen.`
      : `Danke für Ihre Nachricht! Unser Team antwortet Ihnen so schnell wie möglich.`,
  fallback: `Danke für Ihre Frage! Darauf antwortet Ihnen unser Team so schnell wie möglich.`,
};

const PHRASES: Record<BuiltInLanguage, Phrases> = { en: english, lv: latvian, ru: russian, de: german };

export function phrasesFor(language: BuiltInLanguage): Phrases {
  return PHRASES[language];
}

/** "€12.50" in English, "12,50 €" in Latvian, Russian and German; a bare number without a currency. */
export function formatPrice(language: BuiltInLanguage, price: number, currency: string | null | undefined): string {
  return new Intl.NumberFormat(language, currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 }).format(price);
}
