import { builder } from '../builder.ts';
import {
  CapacityExhaustedError,
  ConflictError,
  ContactOptedOutError,
  type FieldError,
  GatewayUnavailableError,
  InstanceNotConnectedError,
  NotFoundError,
  PlanLimitExceededError,
  PlanUpgradeRequiredError,
  SandboxOnlyError,
  USER_ERROR_CODES,
  UserError,
  ValidationError,
} from '../errors.ts';

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation could not do what was asked.',
  values: {
    VALIDATION_FAILED: { description: 'The input broke a rule; see `field` and `fieldErrors`.' },
    NOT_FOUND: { description: 'The object does not exist or is not visible to you.' },
    CONFLICT: { description: 'The change conflicts with existing data (a taken slug, an existing member, the last owner).' },
    PLAN_UPGRADE_REQUIRED: { description: 'The business’s plan does not include this (BASIC has no WhatsApp).' },
    PLAN_LIMIT_EXCEEDED: { description: 'A monthly allowance of the business’s plan is used up until `resetsAt` (or an upgrade).' },
    CAPACITY_EXHAUSTED: { description: 'No enabled Evolution server has room for another instance.' },
    GATEWAY_UNAVAILABLE: { description: 'The WhatsApp engine could not be reached or refused; retrying the same mutation later is safe.' },
    INSTANCE_NOT_CONNECTED: { description: 'The WhatsApp line is not connected.' },
    SANDBOX_ONLY: { description: 'Only the sandbox gateway supports this; a real Evolution server is configured.' },
    CONTACT_OPTED_OUT: { description: 'The customer opted out of messages from the business; nothing is sent to them.' },
  } satisfies Record<(typeof USER_ERROR_CODES)[number], { description: string }>,
});

export const UserErrorInterface = builder.interfaceRef<UserError>('UserError').implement({
  description: 'An expected failure, returned as data. Every mutation result union includes its error types.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'A sentence for people.' }),
    code: t.field({ type: UserErrorCodeEnum, description: 'A stable code for programs.', resolve: (error) => error.code }),
    field: t.exposeStringList('field', {
      nullable: true,
      description: 'Path to the input field at fault, such as `["input", "slug"]`; null when no single field is.',
    }),
  }),
});

const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One broken rule in a ValidationError.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path to the input field, such as `["input", "name"]`.' }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke one or more rules. Nothing was written.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fieldErrors: t.field({ type: [FieldErrorType], description: 'Every broken rule.', resolve: (error) => error.fieldErrors }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The object does not exist or is not visible to you. Nothing was written.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change conflicts with existing data. Nothing was written.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
});

builder.objectType(PlanLimitExceededError, {
  name: 'PlanLimitExceededError',
  description: 'A monthly allowance of the business’s plan is used up. Nothing was written or queued.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof PlanLimitExceededError,
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'The plan’s allowance for the month.' }),
    used: t.exposeInt('used', { description: 'How much of it is used (more than `limit` after a downgrade).' }),
    resetsAt: t.expose('resetsAt', { type: 'DateTime', description: 'When the allowance resets: local midnight of the 1st of next month, in the business’s timezone.' }),
  }),
});

const SIMPLE_ERRORS = [
  [PlanUpgradeRequiredError, 'PlanUpgradeRequiredError', 'The business’s plan does not include this. Nothing was written.'],
  [CapacityExhaustedError, 'CapacityExhaustedError', 'No Evolution server has room for another instance. Nothing was written.'],
  [GatewayUnavailableError, 'GatewayUnavailableError', 'The WhatsApp engine could not be reached or refused. Retrying later is safe.'],
  [InstanceNotConnectedError, 'InstanceNotConnectedError', 'The WhatsApp line is not connected.'],
  [SandboxOnlyError, 'SandboxOnlyError', 'Only the sandbox supports this.'],
  [ContactOptedOutError, 'ContactOptedOutError', 'The customer opted out of messages from the business. Nothing was sent or queued.'],
] as const;

for (const [ErrorClass, name, description] of SIMPLE_ERRORS) {
  builder.objectType(ErrorClass, {
    name,
    description,
    interfaces: [UserErrorInterface],
    isTypeOf: (value) => value instanceof ErrorClass,
  });
}
