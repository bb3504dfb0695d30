/**
 * What the phone line says itself (the AI's answers come from the brain), in the languages the
 * built-in AI speaks. Sentences are written to work with any business name and without knowing
 * the caller's gender (Latvian and Russian past tenses would otherwise need it).
 */
export const VOICE_LANGUAGES = ['en', 'lv', 'ru', 'de'] as const;
export type VoiceLanguage = (typeof VOICE_LANGUAGES)[number];

export interface VoicePhrases {
  /** BCP-47 code for `<Say language>` and `<Gather language>`. */
  sayLanguage: string;
  /** A neural voice Twilio offers for the language. */
  voice: string;
  greeting(businessName: string): string;
  notHeard: string;
  goodbye: string;
  timeUp: string;
  unavailable(businessName: string): string;
  transferring: string;
  leaveMessage: string;
  messageSaved: string;
  /** Words the speech recogniser should expect (with the business name added). */
  hints: string[];
}

export const VOICE_PHRASES: Readonly<Record<VoiceLanguage, VoicePhrases>> = {
  en: {
    sayLanguage: 'en-US',
    voice: 'Google.en-US-Standard-C',
    greeting: (name) => `Hello! You have reached ${name}. I am the virtual assistant. How can I help you?`,
    notHeard: 'Sorry, I did not catch that. Could you say it again, please?',
    goodbye: 'Thank you for calling. Goodbye!',
    timeUp: 'I am sorry, we have to end the call now.',
    unavailable: (name) => `Sorry, ${name} cannot take calls right now. Please try again later or send us a message. Goodbye!`,
    transferring: 'One moment, please. I am putting you through.',
    leaveMessage: 'Nobody can take your call right now. Please leave a message after the tone, and we will call you back.',
    messageSaved: 'Thank you, your message has been recorded. Goodbye!',
    hints: ['opening hours', 'reservation', 'booking', 'price', 'address', 'speak to a person'],
  },
  lv: {
    sayLanguage: 'lv-LV',
    voice: 'Google.lv-LV-Standard-A',
    greeting: (name) => `Labdien! Jūs sazinājāties ar uzņēmumu ${name}. Es esmu virtuālais asistents. Kā varu jums palīdzēt?`,
    notHeard: 'Atvainojiet, es jūs nesadzirdēju. Vai varat, lūdzu, atkārtot?',
    goodbye: 'Paldies par zvanu! Uz redzēšanos!',
    timeUp: 'Atvainojiet, mums tagad jābeidz saruna.',
    unavailable: (name) => `Atvainojiet, uzņēmums ${name} šobrīd nevar pieņemt zvanus. Lūdzu, zvaniet vēlāk vai rakstiet mums ziņu. Uz redzēšanos!`,
    transferring: 'Lūdzu, uzgaidiet, es jūs savienoju.',
    leaveMessage: 'Šobrīd neviens nevar atbildēt. Lūdzu, atstājiet ziņu pēc signāla, un mēs jums atzvanīsim.',
    messageSaved: 'Paldies, jūsu ziņa ir ierakstīta. Uz redzēšanos!',
    hints: ['darba laiks', 'rezervācija', 'pieteikties', 'cena', 'adrese', 'runāt ar cilvēku'],
  },
  ru: {
    sayLanguage: 'ru-RU',
    voice: 'Google.ru-RU-Standard-A',
    greeting: (name) => `Здравствуйте! Вы позвонили в компанию «${name}». Я виртуальный помощник. Чем могу помочь?`,
    notHeard: 'Извините, вас не слышно. Повторите, пожалуйста.',
    goodbye: 'Спасибо за звонок. До свидания!',
    timeUp: 'Извините, сейчас нам придётся завершить разговор.',
    unavailable: (name) => `Извините, компания «${name}» сейчас не может принять ваш звонок. Пожалуйста, перезвоните позже или напишите нам. До свидания!`,
    transferring: 'Одну минуту, соединяю вас с сотрудником.',
    leaveMessage: 'Сейчас никто не может ответить. Пожалуйста, оставьте сообщение после сигнала, и мы вам перезвоним.',
    messageSaved: 'Спасибо, ваше сообщение записано. До свидания!',
    hints: ['часы работы', 'бронирование', 'записаться', 'цена', 'адрес', 'соедините с оператором'],
  },
  de: {
    sayLanguage: 'de-DE',
    voice: 'Google.de-DE-Standard-A',
    greeting: (name) => `Guten Tag! Sie sind verbunden mit ${name}. Ich bin der virtuelle Assistent. Wie kann ich Ihnen helfen?`,
    notHeard: 'Entschuldigung, das habe ich nicht verstanden. Können Sie das bitte wiederholen?',
    goodbye: 'Vielen Dank für Ihren Anruf. Auf Wiederhören!',
    timeUp: 'Es tut mir leid, wir müssen das Gespräch jetzt beenden.',
    unavailable: (name) =>
      `Leider kann ${name} im Moment keine Anrufe entgegennehmen. Bitte versuchen Sie es später noch einmal oder schreiben Sie uns eine Nachricht. Auf Wiederhören!`,
    transferring: 'Einen Moment bitte, ich verbinde Sie weiter.',
    leaveMessage: 'Im Moment ist leider niemand erreichbar. Bitte hinterlassen Sie nach dem Signalton eine Nachricht, wir rufen Sie zurück.',
    messageSaved: 'Vielen Dank, Ihre Nachricht wurde aufgezeichnet. Auf Wiederhören!',
    hints: ['Öffnungszeiten', 'Reservierung', 'Termin', 'Preis', 'Adresse', 'mit einem Mitarbeiter sprechen'],
  },
};

/** The phone line's language for a BCP-47 tag or ISO 639-1 code ("lv-LV", "lv", "de-AT"), or null when it speaks none of them. */
export function spokenVoiceLanguage(tag: string | null | undefined): VoiceLanguage | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (VOICE_LANGUAGES as readonly string[]).includes(base) ? (base as VoiceLanguage) : null;
}

/** Like `spokenVoiceLanguage`, with English for any other language. */
export function voiceLanguageOf(tag: string | null | undefined): VoiceLanguage {
  return spokenVoiceLanguage(tag) ?? 'en';
}

/** Said on a number no business uses (before we know any business or language). */
export const UNKNOWN_NUMBER_MESSAGE = 'Sorry, this number is not in service. Please check the number and try again. Goodbye!';
