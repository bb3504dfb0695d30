import { GraphQLError } from 'graphql';

/** Codes of expected failures that mutations return as data (the `UserErrorCode` enum). */
export const USER_ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'PLAN_UPGRADE_REQUIRED',
  'PLAN_LIMIT_EXCEEDED',
  'CAPACITY_EXHAUSTED',
  'GATEWAY_UNAVAILABLE',
  'INSTANCE_NOT_CONNECTED',
  'SANDBOX_ONLY',
  'CONTACT_OPTED_OUT',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

export interface FieldError {
  path: string[];
  message: string;
}

/** An expected failure caused by the caller's input or the state it addressed: returned as data. */
export abstract class UserError extends Error {
  abstract readonly code: UserErrorCode;
  constructor(
    message: string,
    readonly field: string[] | null = null,
  ) {
    super(message);
  }
}

export class ValidationError extends UserError {
  override name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.path.join('.')}: ${error.message}`).join('; '), fieldErrors[0]?.path ?? null);
  }
}

export class NotFoundError extends UserError {
  override name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends UserError {
  override name = 'ConflictError';
  readonly code = 'CONFLICT';
}

export class PlanUpgradeRequiredError extends UserError {
  override name = 'PlanUpgradeRequiredError';
  readonly code = 'PLAN_UPGRADE_REQUIRED';
}

/** A monthly allowance of the plan is used up; it resets at `resetsAt` (or with a bigger plan). */
export class PlanLimitExceededError extends UserError {
  override name = 'PlanLimitExceededError';
  readonly code = 'PLAN_LIMIT_EXCEEDED';
  constructor(
    message: string,
    field: string[] | null,
    readonly limit: number,
    readonly used: number,
    readonly resetsAt: Date,
  ) {
    super(message, field);
  }
}

export class CapacityExhaustedError extends UserError {
  override name = 'CapacityExhaustedError';
  readonly code = 'CAPACITY_EXHAUSTED';
}

/** The WhatsApp engine could not be reached or refused the call; retrying the same mutation later is safe. */
export class GatewayUnavailableError extends UserError {
  override name = 'GatewayUnavailableError';
  readonly code = 'GATEWAY_UNAVAILABLE';
}

export class InstanceNotConnectedError extends UserError {
  override name = 'InstanceNotConnectedError';
  readonly code = 'INSTANCE_NOT_CONNECTED';
}

export class SandboxOnlyError extends UserError {
  override name = 'SandboxOnlyError';
  readonly code = 'SANDBOX_ONLY';
}

/** The customer asked not to be messaged; nothing is sent to them. */
export class ContactOptedOutError extends UserError {
  override name = 'ContactOptedOutError';
  readonly code = 'CONTACT_OPTED_OUT';
}

/** Authorisation failure: a top-level GraphQL error, never data. */
export function forbidden(message = 'You are not allowed to do this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** For reads and subscriptions: an object that does not exist or is not the caller's, told apart from neither. */
export function notVisible(): GraphQLError {
  return new GraphQLError('No object with this id is visible to you', { extensions: { code: 'NOT_FOUND' } });
}

/** Bad or expired credentials: HTTP 401 with a GraphQL error body. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError('Too many requests; retry later', {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
  });
}
