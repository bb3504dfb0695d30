import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import { TWILIO_DIAL_PATH, TWILIO_GATHER_PATH, TWILIO_RECORDING_PATH } from './urls.ts';
import { UNKNOWN_NUMBER_MESSAGE, type VoicePhrases } from './voice-phrases.ts';

/** How long a caller may speak into voicemail. */
export const MAX_MESSAGE_SECONDS = 120;
/** How long a forwarded call rings before the caller is offered voicemail. */
const DIAL_TIMEOUT_SECONDS = 25;

/** What the TwiML helpers need to know about the line. */
export interface Line {
  publicBaseUrl: string;
  phrases: VoicePhrases;
  /** Words the recogniser should expect besides the language's own (the business name). */
  hints: string[];
}

type SayLanguage = NonNullable<VoiceResponse.SayAttributes['language']>;
type SayVoice = NonNullable<VoiceResponse.SayAttributes['voice']>;
type GatherLanguage = NonNullable<VoiceResponse.GatherAttributes['language']>;

function say(target: VoiceResponse | VoiceResponse.Gather, phrases: VoicePhrases, text: string): void {
  target.say({ language: phrases.sayLanguage as SayLanguage, voice: phrases.voice as SayVoice }, text);
}

/** Says `text` (the caller may talk over it) and listens for speech; the result, or silence, goes to the gather webhook. */
export function listen(line: Line, text: string): string {
  const response = new VoiceResponse();
  const gather = response.gather({
    input: ['speech'],
    language: line.phrases.sayLanguage as GatherLanguage,
    speechTimeout: 'auto',
    action: `${line.publicBaseUrl}${TWILIO_GATHER_PATH}`,
    method: 'POST',
    actionOnEmptyResult: true,
    hints: [...line.hints, ...line.phrases.hints].join(', '),
  });
  say(gather, line.phrases, text);
  return response.toString();
}

/** Says the texts in order, then hangs up. */
export function sayAndHangUp(phrases: VoicePhrases, ...texts: string[]): string {
  const response = new VoiceResponse();
  for (const text of texts) say(response, phrases, text);
  response.hangup();
  return response.toString();
}

/** On a number no business uses: we know no language yet. */
export function unknownNumber(): string {
  const response = new VoiceResponse();
  response.say({ language: 'en-US' }, UNKNOWN_NUMBER_MESSAGE);
  response.hangup();
  return response.toString();
}

/** Puts the caller through to `number`; an unanswered forward comes back to the dial webhook (voicemail). */
export function forward(line: Line, text: string, number: string): string {
  const response = new VoiceResponse();
  say(response, line.phrases, text);
  response.dial({ action: `${line.publicBaseUrl}${TWILIO_DIAL_PATH}`, method: 'POST', timeout: DIAL_TIMEOUT_SECONDS }, number);
  return response.toString();
}

/** Voicemail: says `text`, records after the beep, and sends the recording to the recording webhook. */
export function takeMessage(line: Line, text: string, maxSeconds = MAX_MESSAGE_SECONDS): string {
  const response = new VoiceResponse();
  say(response, line.phrases, text);
  response.record({
    action: `${line.publicBaseUrl}${TWILIO_RECORDING_PATH}`,
    method: 'POST',
    maxLength: Math.max(5, Math.min(MAX_MESSAGE_SECONDS, Math.round(maxSeconds))),
    playBeep: true,
    timeout: 5,
    finishOnKey: '#',
  });
  say(response, line.phrases, line.phrases.goodbye);
  response.hangup();
  return response.toString();
}

/** Ends a call politely: the webhook came for a call that is already over (or unknown). */
export function hangUp(): string {
  const response = new VoiceResponse();
  response.hangup();
  return response.toString();
}
