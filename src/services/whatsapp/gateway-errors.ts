/**
 * Every failure of a gateway call, typed. `retryable` says whether trying again later can help
 * (network errors, timeouts, 5xx, "Connection Closed"); the outbox and onboarding rely on it.
 */
export type GatewayErrorKind =
  | 'UNAUTHORIZED'
  | 'INSTANCE_NOT_FOUND'
  | 'NAME_IN_USE'
  | 'NOT_CONNECTED'
  | 'NUMBER_NOT_ON_WHATSAPP'
  | 'VALIDATION'
  | 'UNAVAILABLE';

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly details: { status?: number; route?: string; body?: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get retryable(): boolean {
    return this.kind === 'UNAVAILABLE' || this.kind === 'NOT_CONNECTED';
  }
}
