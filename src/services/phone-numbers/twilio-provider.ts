import type { Config } from '../../config.ts';
import {
  type AvailableNumber,
  type MonthlyPrice,
  type NumberSearch,
  type NumberWebhooks,
  type OwnedNumber,
  type PhoneNumberProvider,
  PhoneProviderError,
} from './provider.ts';

/** One REST call to Twilio; a slow Twilio must not hold a mutation for long. */
const TIMEOUT_MS = 10_000;
const API_VERSION = '2010-04-01';

/** Twilio error codes meaning "this number cannot be bought (any more)". */
const NOT_AVAILABLE_CODES = new Set([
  21422, // PhoneNumber Requested is not available
  21452, // No phone numbers found in area code
]);

/** Twilio's error body: `{ code, message, more_info, status }`. */
interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

interface TwilioAvailableNumber {
  phone_number: string;
  friendly_name?: string | null;
  locality?: string | null;
  region?: string | null;
  iso_country?: string | null;
  capabilities?: { voice?: boolean } | null;
}

interface TwilioIncomingNumber {
  sid: string;
  phone_number: string;
  friendly_name?: string | null;
  voice_url?: string | null;
  status_callback?: string | null;
}

interface TwilioCountryPrices {
  price_unit?: string | null;
  phone_number_prices?: { number_type?: string; base_price?: string | null; current_price?: string | null }[];
}

type TwilioConfig = NonNullable<Config['twilio']>;

function owned(number: TwilioIncomingNumber): OwnedNumber {
  return {
    sid: number.sid,
    phoneNumber: number.phone_number,
    friendlyName: number.friendly_name ?? null,
    voiceUrl: number.voice_url ?? null,
    statusCallbackUrl: number.status_callback ?? null,
  };
}

function webhookForm(webhooks: NumberWebhooks): Record<string, string> {
  return { VoiceUrl: webhooks.voiceUrl, VoiceMethod: 'POST', StatusCallback: webhooks.statusCallbackUrl, StatusCallbackMethod: 'POST' };
}

/** Phone numbers through Twilio's REST API (Basic auth, form-encoded writes, JSON answers). */
export class TwilioNumberProvider implements PhoneNumberProvider {
  readonly kind = 'TWILIO' as const;
  private readonly authorization: string;

  constructor(private readonly config: TwilioConfig) {
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  }

  private accountPath(path: string): string {
    return `${this.config.apiUrl}/${API_VERSION}/Accounts/${encodeURIComponent(this.config.accountSid)}${path}`;
  }

  private async request<Body>(method: 'GET' | 'POST' | 'DELETE', url: string, form?: Record<string, string>): Promise<Body | null> {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new PhoneProviderError('UNAVAILABLE', timedOut ? `Twilio did not answer within ${TIMEOUT_MS} ms` : 'Twilio could not be reached', null, { cause: error });
    }
    const text = await response.text();
    if (response.ok) {
      if (response.status === 204 || text.trim() === '') return null;
      try {
        return JSON.parse(text) as Body;
      } catch (error) {
        throw new PhoneProviderError('UNAVAILABLE', `Twilio answered HTTP ${response.status} with a body that is not JSON`, null, { cause: error });
      }
    }
    throw this.failure(response.status, text);
  }

  private failure(status: number, text: string): PhoneProviderError {
    let body: TwilioErrorBody = {};
    try {
      body = JSON.parse(text) as TwilioErrorBody;
    } catch {
      // Not Twilio's JSON (a proxy's error page): judged by the status alone.
    }
    const code = typeof body.code === 'number' ? body.code : null;
    const detail = `${body.message ?? `HTTP ${status}`}${code ? ` (Twilio error ${code})` : ''}`;
    if (status === 401 || status === 403) return new PhoneProviderError('UNAVAILABLE', `Twilio refused our credentials: ${detail}`, code);
    if (status === 429 || status >= 500) return new PhoneProviderError('UNAVAILABLE', `Twilio is unavailable: ${detail}`, code);
    if (code !== null && NOT_AVAILABLE_CODES.has(code)) return new PhoneProviderError('NOT_AVAILABLE', detail, code);
    if (status === 404) return new PhoneProviderError('NOT_FOUND', detail, code);
    return new PhoneProviderError('INVALID', detail, code);
  }

  async search(query: NumberSearch): Promise<AvailableNumber[]> {
    const params = new URLSearchParams({ VoiceEnabled: 'true', PageSize: String(query.limit) });
    if (query.areaCode) params.set('AreaCode', query.areaCode);
    if (query.contains) params.set('Contains', query.contains);
    let body: { available_phone_numbers?: TwilioAvailableNumber[] } | null;
    try {
      body = await this.request('GET', this.accountPath(`/AvailablePhoneNumbers/${encodeURIComponent(query.countryCode)}/Local.json?${params}`));
    } catch (error) {
      // Twilio answers 404 for a country where it has no local numbers.
      if (error instanceof PhoneProviderError && error.kind === 'NOT_FOUND') return [];
      throw error;
    }
    const price = await this.monthlyPrice(query.countryCode).catch(() => null);
    return (body?.available_phone_numbers ?? [])
      .filter((number) => number.capabilities?.voice !== false)
      .slice(0, query.limit)
      .map((number) => ({
        phoneNumber: number.phone_number,
        friendlyName: number.friendly_name ?? number.phone_number,
        locality: number.locality || null,
        region: number.region || null,
        countryCode: number.iso_country ?? query.countryCode,
        monthlyCostCents: price?.cents ?? null,
        currency: price?.currency ?? null,
      }));
  }

  async purchase(phoneNumber: string, webhooks: NumberWebhooks): Promise<OwnedNumber> {
    const body = await this.request<TwilioIncomingNumber>('POST', this.accountPath('/IncomingPhoneNumbers.json'), {
      PhoneNumber: phoneNumber,
      ...webhookForm(webhooks),
    });
    if (!body?.sid) throw new PhoneProviderError('UNAVAILABLE', 'Twilio answered the purchase without a number sid');
    return owned(body);
  }

  async findOwned(phoneNumber: string): Promise<OwnedNumber | null> {
    const body = await this.request<{ incoming_phone_numbers?: TwilioIncomingNumber[] }>(
      'GET',
      this.accountPath(`/IncomingPhoneNumbers.json?${new URLSearchParams({ PhoneNumber: phoneNumber })}`),
    );
    const match = body?.incoming_phone_numbers?.find((number) => number.phone_number === phoneNumber);
    return match ? owned(match) : null;
  }

  async updateWebhooks(sid: string, webhooks: NumberWebhooks): Promise<OwnedNumber> {
    const body = await this.request<TwilioIncomingNumber>('POST', this.accountPath(`/IncomingPhoneNumbers/${encodeURIComponent(sid)}.json`), webhookForm(webhooks));
    if (!body?.sid) throw new PhoneProviderError('UNAVAILABLE', 'Twilio answered the update without a number sid');
    return owned(body);
  }

  async release(sid: string): Promise<void> {
    try {
      await this.request('DELETE', this.accountPath(`/IncomingPhoneNumbers/${encodeURIComponent(sid)}.json`));
    } catch (error) {
      if (error instanceof PhoneProviderError && error.kind === 'NOT_FOUND') return;
      throw error;
    }
  }

  async monthlyPrice(countryCode: string): Promise<MonthlyPrice | null> {
    const body = await this.request<TwilioCountryPrices>('GET', `${this.config.pricingUrl}/v1/PhoneNumbers/Countries/${encodeURIComponent(countryCode)}`);
    const local = body?.phone_number_prices?.find((price) => price.number_type === 'local');
    const amount = Number(local?.current_price ?? local?.base_price);
    if (!local || !Number.isFinite(amount) || amount < 0) return null;
    return { cents: Math.round(amount * 100), currency: (body?.price_unit ?? 'USD').toUpperCase() };
  }
}
