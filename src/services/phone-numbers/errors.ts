import { ConflictError, GatewayUnavailableError, UserError, ValidationError } from '../../errors.ts';
import { PhoneProviderError } from './provider.ts';

/**
 * The server has no Twilio account (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN): numbers can only be
 * registered manually. Its code is GATEWAY_UNAVAILABLE; the type name tells it apart from an outage.
 */
export class TwilioNotConfiguredError extends UserError {
  override name = 'TwilioNotConfiguredError';
  readonly code = 'GATEWAY_UNAVAILABLE';
  constructor(field: string[] | null = null) {
    super('Twilio is not configured on this server: buying numbers is unavailable; register a number you own with registerPhoneNumber', field);
  }
}

/** A provider failure as the typed error a mutation returns; anything else is rethrown as it is. */
export function providerFailure(error: unknown, phoneNumber: string | null, field: string[]): never {
  if (!(error instanceof PhoneProviderError)) throw error;
  switch (error.kind) {
    case 'NOT_AVAILABLE':
    case 'NOT_FOUND':
      throw new ConflictError(`${phoneNumber ?? 'The number'} is no longer available at Twilio; search again (${error.message})`, field);
    case 'INVALID':
      throw new ValidationError([{ path: field, message: `Twilio refused: ${error.message}` }]);
    case 'UNAVAILABLE':
      throw new GatewayUnavailableError(`${error.message}; retrying the same request later is safe`);
  }
}
