/**
 * A real HTTP server speaking the parts of Twilio's REST API that phone numbers use, with Twilio's
 * JSON shapes: Basic auth (account SID : auth token), available local numbers, buying, reading,
 * updating and releasing incoming numbers, and the Pricing API's country prices. Error bodies are
 * Twilio's `{ code, message, more_info, status }`. Every request is recorded; faults are injected
 * per request, including "do it, then lose the answer" (a purchase whose response never arrives).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const FAKE_AUTH_TOKEN = 'fake-twilio-auth-token-0123456789';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  authorized: boolean;
}

export interface ForSale {
  phoneNumber: string;
  friendlyName: string;
  locality: string;
  region: string;
  isoCountry: string;
  voice: boolean;
}

export interface OwnedIncoming {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string;
  voiceMethod: string;
  statusCallback: string;
  statusCallbackMethod: string;
  dateCreated: string;
}

/** What to do with a matching request: answer with an error, or do it and then drop the connection. */
export type Fault = { status: number; code?: number; message?: string } | { dropAfterAction: true } | { dropBeforeAction: true };

interface ArmedFault {
  matches: (request: RecordedRequest) => boolean;
  fault: Fault;
  times: number;
}

/** Local-number prices per country, as the Pricing API reports them. */
const PRICES: Record<string, { country: string; unit: string; local: string }> = {
  US: { country: 'United States', unit: 'USD', local: '1.15' },
  LV: { country: 'Latvia', unit: 'USD', local: '4.00' },
  DE: { country: 'Germany', unit: 'USD', local: '1.00' },
};

function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function twilioError(response: ServerResponse, status: number, code: number, message: string): void {
  send(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

export class FakeTwilio {
  readonly requests: RecordedRequest[] = [];
  /** Numbers for sale, by E.164. */
  readonly forSale = new Map<string, ForSale>();
  /** Numbers the account holds, by sid. */
  readonly owned = new Map<string, OwnedIncoming>();
  private faults: ArmedFault[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  static async start(accountSid = FAKE_ACCOUNT_SID, authToken = FAKE_AUTH_TOKEN): Promise<FakeTwilio> {
    let fake: FakeTwilio | undefined;
    const server = createServer((request, response) => {
      void fake!.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { message: String(error) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeTwilio(server, `http://127.0.0.1:${port}`, accountSid, authToken);
    return fake;
  }

  /** Puts a number up for sale. */
  offer(phoneNumber: string, options: Partial<Omit<ForSale, 'phoneNumber'>> = {}): void {
    this.forSale.set(phoneNumber, {
      phoneNumber,
      friendlyName: options.friendlyName ?? phoneNumber,
      locality: options.locality ?? 'Riga',
      region: options.region ?? 'RI',
      isoCountry: options.isoCountry ?? 'LV',
      voice: options.voice ?? true,
    });
  }

  ownedByNumber(phoneNumber: string): OwnedIncoming | undefined {
    return [...this.owned.values()].find((number) => number.phoneNumber === phoneNumber);
  }

  /** The next `times` requests matching `matches` get `fault`. */
  inject(matches: (request: RecordedRequest) => boolean, fault: Fault, times = 1): void {
    this.faults.push({ matches, fault, times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  requestsTo(method: string, pathEnd: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && (typeof pathEnd === 'string' ? request.path.endsWith(pathEnd) : pathEnd.test(request.path)));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? '';
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    return header === expected;
  }

  private takeFault(recorded: RecordedRequest): Fault | null {
    const armed = this.faults.find((candidate) => candidate.times > 0 && candidate.matches(recorded));
    if (!armed) return null;
    armed.times -= 1;
    return armed.fault;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      form: new URLSearchParams(request.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? body : ''),
      authorized: this.authorized(request),
    };
    this.requests.push(recorded);
    if (!recorded.authorized) return twilioError(response, 401, 20003, 'Authenticate');
    const fault = this.takeFault(recorded);
    if (fault && 'status' in fault) return twilioError(response, fault.status, fault.code ?? 20500, fault.message ?? 'An internal server error has occurred');
    if (fault && 'dropBeforeAction' in fault) {
      request.socket.destroy();
      return;
    }
    const answer = (status: number, payload?: unknown) => {
      if (fault && 'dropAfterAction' in fault) request.socket.destroy();
      else send(response, status, payload);
    };
    this.route(recorded, url, answer, response);
  }

  private route(request: RecordedRequest, url: URL, answer: (status: number, payload?: unknown) => void, response: ServerResponse): void {
    const price = /^\/v1\/PhoneNumbers\/Countries\/([A-Z]{2})$/.exec(request.path);
    if (price && request.method === 'GET') return answer(...this.countryPrice(price[1]!));
    const account = `/2010-04-01/Accounts/${this.accountSid}`;
    if (!request.path.startsWith(`${account}/`)) {
      // Another account's resources: Twilio answers as if they do not exist.
      return twilioError(response, 404, 20404, `The requested resource ${request.path} was not found`);
    }
    const rest = request.path.slice(account.length);
    const available = /^\/AvailablePhoneNumbers\/([A-Z]{2})\/Local\.json$/.exec(rest);
    if (available && request.method === 'GET') return answer(200, this.search(available[1]!, url));
    if (rest === '/IncomingPhoneNumbers.json' && request.method === 'POST') return this.purchase(request, answer, response);
    if (rest === '/IncomingPhoneNumbers.json' && request.method === 'GET') return answer(200, this.list(url));
    const one = /^\/IncomingPhoneNumbers\/(PN[0-9a-f]{32})\.json$/.exec(rest);
    if (one) {
      const number = this.owned.get(one[1]!);
      if (!number) return twilioError(response, 404, 20404, `The requested resource ${request.path} was not found`);
      if (request.method === 'GET') return answer(200, this.resource(number));
      if (request.method === 'POST') {
        if (request.form.has('VoiceUrl')) number.voiceUrl = request.form.get('VoiceUrl')!;
        if (request.form.has('VoiceMethod')) number.voiceMethod = request.form.get('VoiceMethod')!;
        if (request.form.has('StatusCallback')) number.statusCallback = request.form.get('StatusCallback')!;
        if (request.form.has('StatusCallbackMethod')) number.statusCallbackMethod = request.form.get('StatusCallbackMethod')!;
        return answer(200, this.resource(number));
      }
      if (request.method === 'DELETE') {
        this.owned.delete(number.sid);
        return answer(204);
      }
    }
    twilioError(response, 404, 20404, `The requested resource ${request.path} was not found`);
  }

  private countryPrice(countryCode: string): [number, unknown] {
    const price = PRICES[countryCode];
    if (!price) return [404, { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 }];
    return [
      200,
      {
        country: price.country,
        iso_country: countryCode,
        phone_number_prices: [
          { number_type: 'local', base_price: price.local, current_price: price.local },
          { number_type: 'toll free', base_price: '2.15', current_price: '2.15' },
        ],
        price_unit: price.unit,
        url: `https://pricing.twilio.com/v1/PhoneNumbers/Countries/${countryCode}`,
      },
    ];
  }

  private search(countryCode: string, url: URL): unknown {
    const areaCode = url.searchParams.get('AreaCode');
    const contains = url.searchParams.get('Contains');
    const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
    const voiceOnly = url.searchParams.get('VoiceEnabled') === 'true';
    const matches = [...this.forSale.values()]
      .filter((number) => number.isoCountry === countryCode)
      .filter((number) => !voiceOnly || number.voice)
      .filter((number) => !areaCode || number.phoneNumber.replace(/^\+1/, '').startsWith(areaCode) || number.phoneNumber.includes(areaCode))
      .filter((number) => !contains || number.phoneNumber.includes(contains.replace(/\*/g, '')))
      .slice(0, pageSize);
    return {
      available_phone_numbers: matches.map((number) => ({
        friendly_name: number.friendlyName,
        phone_number: number.phoneNumber,
        lata: null,
        locality: number.locality,
        rate_center: number.locality.toUpperCase(),
        latitude: '56.95',
        longitude: '24.11',
        region: number.region,
        postal_code: null,
        iso_country: number.isoCountry,
        address_requirements: 'none',
        beta: false,
        capabilities: { voice: number.voice, SMS: true, MMS: false, fax: false },
      })),
      end: matches.length === 0 ? 0 : matches.length - 1,
      first_page_uri: `${url.pathname}${url.search}`,
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri: `${url.pathname}${url.search}`,
    };
  }

  private purchase(request: RecordedRequest, answer: (status: number, payload?: unknown) => void, response: ServerResponse): void {
    const phoneNumber = request.form.get('PhoneNumber');
    if (!phoneNumber) return twilioError(response, 400, 21421, 'PhoneNumber or AreaCode is required');
    const offer = this.forSale.get(phoneNumber);
    if (!offer) return twilioError(response, 400, 21422, 'PhoneNumber Requested is not available');
    this.forSale.delete(phoneNumber);
    const number: OwnedIncoming = {
      sid: `PN${randomBytes(16).toString('hex')}`,
      phoneNumber,
      friendlyName: offer.friendlyName,
      voiceUrl: request.form.get('VoiceUrl') ?? '',
      voiceMethod: request.form.get('VoiceMethod') ?? 'POST',
      statusCallback: request.form.get('StatusCallback') ?? '',
      statusCallbackMethod: request.form.get('StatusCallbackMethod') ?? 'POST',
      dateCreated: rfc2822(new Date()),
    };
    this.owned.set(number.sid, number);
    answer(201, this.resource(number));
  }

  private list(url: URL): unknown {
    const phoneNumber = url.searchParams.get('PhoneNumber');
    const numbers = [...this.owned.values()].filter((number) => !phoneNumber || number.phoneNumber === phoneNumber);
    return {
      incoming_phone_numbers: numbers.map((number) => this.resource(number)),
      end: Math.max(0, numbers.length - 1),
      first_page_uri: `${url.pathname}${url.search}`,
      next_page_uri: null,
      page: 0,
      page_size: 50,
      previous_page_uri: null,
      start: 0,
      uri: `${url.pathname}${url.search}`,
    };
  }

  private resource(number: OwnedIncoming): unknown {
    const uri = `/2010-04-01/Accounts/${this.accountSid}/IncomingPhoneNumbers/${number.sid}.json`;
    return {
      account_sid: this.accountSid,
      address_requirements: 'none',
      address_sid: null,
      api_version: '2010-04-01',
      beta: false,
      capabilities: { voice: true, sms: true, mms: false, fax: false },
      date_created: number.dateCreated,
      date_updated: rfc2822(new Date()),
      emergency_status: 'Inactive',
      emergency_address_sid: null,
      friendly_name: number.friendlyName,
      identity_sid: null,
      origin: 'twilio',
      phone_number: number.phoneNumber,
      sid: number.sid,
      sms_application_sid: null,
      sms_fallback_method: 'POST',
      sms_fallback_url: '',
      sms_method: 'POST',
      sms_url: '',
      status_callback: number.statusCallback,
      status_callback_method: number.statusCallbackMethod,
      trunk_sid: null,
      uri,
      voice_application_sid: null,
      voice_caller_id_lookup: false,
      voice_fallback_method: 'POST',
      voice_fallback_url: null,
      voice_method: number.voiceMethod,
      voice_url: number.voiceUrl,
      bundle_sid: null,
      voice_receive_mode: 'voice',
      status: 'in-use',
      subresource_uris: { assigned_add_ons: `${uri.replace('.json', '')}/AssignedAddOns.json` },
    };
  }
}
