import type { PhoneNumberProvider as ProviderKind } from '../../generated/prisma/enums.ts';

/** A number that can be bought, as a search lists it. */
export interface AvailableNumber {
  /** E.164. */
  phoneNumber: string;
  friendlyName: string;
  locality: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** What the number costs a month, in cents of `currency`, when the provider tells. */
  monthlyCostCents: number | null;
  currency: string | null;
}

/** A number the provider holds for us. */
export interface OwnedNumber {
  /** The provider's id for it (Twilio: `PN…`). */
  sid: string;
  phoneNumber: string;
  friendlyName: string | null;
  voiceUrl: string | null;
  statusCallbackUrl: string | null;
}

export interface NumberSearch {
  countryCode: string;
  areaCode?: string | null;
  contains?: string | null;
  limit: number;
}

export interface NumberWebhooks {
  voiceUrl: string;
  statusCallbackUrl: string;
}

export interface MonthlyPrice {
  cents: number;
  currency: string;
}

/**
 * Where phone numbers come from. Search, purchase, URL updates and release are remote calls on a
 * real provider; every failure is a PhoneProviderError.
 */
export interface PhoneNumberProvider {
  kind: ProviderKind;
  search(query: NumberSearch): Promise<AvailableNumber[]>;
  /** Buys the number with our webhooks set on it. */
  purchase(phoneNumber: string, webhooks: NumberWebhooks): Promise<OwnedNumber>;
  /** The number, when the account already holds it (an earlier purchase whose answer was lost). */
  findOwned(phoneNumber: string): Promise<OwnedNumber | null>;
  updateWebhooks(sid: string, webhooks: NumberWebhooks): Promise<OwnedNumber>;
  /** Gives the number back; one that is already gone counts as released. */
  release(sid: string): Promise<void>;
  /** The monthly price of a local number in the country, or null when unknown. */
  monthlyPrice(countryCode: string): Promise<MonthlyPrice | null>;
}

/**
 * NOT_AVAILABLE: the number was taken meanwhile (or is not for sale); NOT_FOUND: no such number on
 * the account; INVALID: the provider rejected the request; UNAVAILABLE: unreachable, timed out,
 * rate-limited, a server error or refused our credentials (an operator problem: retrying later is safe).
 */
export type PhoneProviderErrorKind = 'NOT_AVAILABLE' | 'NOT_FOUND' | 'INVALID' | 'UNAVAILABLE';

export class PhoneProviderError extends Error {
  override name = 'PhoneProviderError';
  constructor(
    readonly kind: PhoneProviderErrorKind,
    message: string,
    /** The provider's own error code (Twilio's numeric code), when it gave one. */
    readonly providerCode: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Numbers the business already owns elsewhere: nothing to buy, nothing to call. */
export const manualProvider: PhoneNumberProvider = {
  kind: 'MANUAL',
  search: async () => [],
  purchase: async () => {
    throw new PhoneProviderError('INVALID', 'Manual numbers are registered, not purchased');
  },
  findOwned: async () => null,
  updateWebhooks: async () => {
    throw new PhoneProviderError('INVALID', 'Manual numbers have no webhooks we can set');
  },
  release: async () => {},
  monthlyPrice: async () => null,
};
