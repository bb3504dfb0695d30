/**
 * Plays Twilio's side of a phone call against a running server: form-encoded webhook requests
 * signed with the twilio package's own algorithm, and the TwiML answers read as XML (a tiny,
 * strict parser: elements, attributes, text, the five entities — all TwiML uses).
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (concatenated, entities decoded, trimmed). */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char !== '&') {
      out += char;
      continue;
    }
    const end = text.indexOf(';', index);
    if (end === -1) throw new Error(`Unterminated entity at ${index}`);
    const name = text.slice(index + 1, end);
    if (name.startsWith('#x')) out += String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) out += String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    else if (name in ENTITIES) out += ENTITIES[name];
    else throw new Error(`Unknown entity &${name};`);
    index = end;
  }
  return out;
}

const isNameChar = (char: string | undefined) => char !== undefined && /[A-Za-z0-9_:.-]/.test(char);
const isSpace = (char: string | undefined) => char === ' ' || char === '\n' || char === '\r' || char === '\t';

/** Parses one XML document; throws on anything malformed (unclosed or mismatched tags, bad attributes, trailing content). */
export function parseXml(source: string): XmlElement {
  let position = 0;
  const peek = (offset = 0) => source[position + offset];
  const expect = (literal: string) => {
    if (!source.startsWith(literal, position)) throw new Error(`Expected "${literal}" at ${position}: ${source.slice(position, position + 20)}`);
    position += literal.length;
  };
  const skipSpace = () => {
    while (isSpace(peek())) position += 1;
  };
  const readName = () => {
    const start = position;
    while (isNameChar(peek())) position += 1;
    if (position === start) throw new Error(`Expected a name at ${position}`);
    return source.slice(start, position);
  };

  const element = (): XmlElement => {
    expect('<');
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      const hadSpace = isSpace(peek());
      skipSpace();
      if (peek() === '/' || peek() === '>') break;
      if (!hadSpace) throw new Error(`Expected a space before the attribute at ${position}`);
      const attribute = readName();
      skipSpace();
      expect('=');
      skipSpace();
      const quote = peek();
      if (quote !== '"' && quote !== "'") throw new Error(`Expected a quoted value at ${position}`);
      position += 1;
      const end = source.indexOf(quote, position);
      if (end === -1) throw new Error('Unterminated attribute value');
      if (attribute in attributes) throw new Error(`Duplicate attribute ${attribute}`);
      const raw = source.slice(position, end);
      if (raw.includes('<')) throw new Error(`"<" in the value of ${attribute}`);
      attributes[attribute] = decode(raw);
      position = end + 1;
    }
    if (peek() === '/') {
      expect('/>');
      return { name, attributes, children: [], text: '' };
    }
    expect('>');
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (position >= source.length) throw new Error(`<${name}> is not closed`);
      if (source.startsWith('</', position)) {
        position += 2;
        const closing = readName();
        if (closing !== name) throw new Error(`</${closing}> closes <${name}>`);
        skipSpace();
        expect('>');
        return { name, attributes, children, text: decode(text).trim() };
      }
      if (peek() === '<') children.push(element());
      else {
        const next = source.indexOf('<', position);
        const end = next === -1 ? source.length : next;
        text += source.slice(position, end);
        position = end;
      }
    }
  };

  skipSpace();
  if (source.startsWith('<?xml', position)) {
    const end = source.indexOf('?>', position);
    if (end === -1) throw new Error('Unterminated XML declaration');
    position = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (position !== source.length) throw new Error(`Content after the root element at ${position}`);
  return root;
}

/** The verbs of a TwiML response, in order: `[Say, Gather, Hangup]`. */
export function verbs(element: XmlElement): string[] {
  return element.children.map((child) => child.name);
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>: ${JSON.stringify(verbs(element))}`);
  return found;
}

export interface TwimlResponse {
  status: number;
  contentType: string | null;
  body: string;
  /** Parsed when the answer is XML. */
  twiml: XmlElement | null;
}

export function newCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

/** Posts to one of our Twilio webhooks as Twilio would: form-encoded and signed over PUBLIC_BASE_URL + path. */
export async function postTwilio(
  publicBaseUrl: string,
  path: string,
  params: Record<string, string>,
  options: { authToken: string; signature?: string | null; baseUrl?: string },
): Promise<TwimlResponse> {
  const url = `${publicBaseUrl}${path}`;
  const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(options.authToken, url, params) : options.signature;
  const response = await fetch(`${options.baseUrl ?? publicBaseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    body: new URLSearchParams(params).toString(),
  });
  const body = await response.text();
  const contentType = response.headers.get('content-type');
  return { status: response.status, contentType, body, twiml: contentType?.startsWith('text/xml') ? parseXml(body) : null };
}

/** One phone call from `from` to `to`, step by step. */
export class SimulatedCall {
  readonly callSid = newCallSid();

  constructor(
    private readonly publicBaseUrl: string,
    private readonly authToken: string,
    readonly from: string,
    readonly to: string,
    readonly accountSid = `AC${'0'.repeat(32)}`,
  ) {}

  private base(status: string): Record<string, string> {
    return {
      AccountSid: this.accountSid,
      ApiVersion: '2010-04-01',
      CallSid: this.callSid,
      CallStatus: status,
      Called: this.to,
      Caller: this.from,
      Direction: 'inbound',
      From: this.from,
      FromCountry: 'LV',
      To: this.to,
      ToCountry: 'LV',
    };
  }

  post(path: string, params: Record<string, string>, signature?: string | null): Promise<TwimlResponse> {
    return postTwilio(this.publicBaseUrl, path, params, { authToken: this.authToken, signature });
  }

  /** The call arrives (the number's VoiceUrl). */
  ring(): Promise<TwimlResponse> {
    return this.post('/webhooks/twilio/voice', this.base('ringing'));
  }

  /** The caller said `speech` (empty: silence) and the `<Gather>` action is requested. */
  say(speech: string): Promise<TwimlResponse> {
    return this.post('/webhooks/twilio/voice/gather', {
      ...this.base('in-progress'),
      ...(speech ? { SpeechResult: speech, Confidence: '0.92' } : {}),
      Language: 'en-US',
    });
  }

  dialed(dialCallStatus: string): Promise<TwimlResponse> {
    return this.post('/webhooks/twilio/voice/dial', { ...this.base('in-progress'), DialCallStatus: dialCallStatus, DialCallSid: newCallSid() });
  }

  recorded(recordingUrl: string, seconds = 7): Promise<TwimlResponse> {
    return this.post('/webhooks/twilio/voice/recording', {
      ...this.base('in-progress'),
      RecordingUrl: recordingUrl,
      RecordingDuration: String(seconds),
      RecordingSid: `RE${randomBytes(16).toString('hex')}`,
    });
  }

  /** A status callback: `completed` with a duration, `ringing`, `in-progress`, … */
  status(callStatus: string, durationSec?: number): Promise<TwimlResponse> {
    return this.post('/webhooks/twilio/voice/status', {
      ...this.base(callStatus),
      ...(durationSec === undefined ? {} : { CallDuration: String(durationSec), Duration: String(Math.ceil(durationSec / 60)) }),
      Timestamp: new Date().toUTCString().replace('GMT', '+0000'),
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
    });
  }
}
