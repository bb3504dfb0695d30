/** The intents the AI recognises, by the model or by the built-in classifier. */
export const INTENTS = [
  'GREETING',
  'RESERVATION',
  'ORDER',
  'HOURS',
  'LOCATION',
  'PRICING',
  'PRODUCT_INFO',
  'SUPPORT',
  'BILLING',
  'COMPLAINT',
  'HUMAN_HANDOFF',
  'THANKS',
  'OPT_OUT',
  'OTHER',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Languages the built-in classifier and rule-based answers speak; a model may answer in any. */
export const BUILT_IN_LANGUAGES = ['en', 'lv', 'ru', 'de'] as const;
export type BuiltInLanguage = (typeof BUILT_IN_LANGUAGES)[number];

export function isBuiltInLanguage(language: string): language is BuiltInLanguage {
  return (BUILT_IN_LANGUAGES as readonly string[]).includes(language);
}

/** What a message asks for, how sure we are, and the language it is written in (ISO 639-1). */
export interface Classification {
  intent: Intent;
  /** 0..1 */
  confidence: number;
  language: string;
}

/** WhatsApp answers may be a few short paragraphs; spoken answers are at most two sentences. */
export type AiChannel = 'WHATSAPP' | 'VOICE';
