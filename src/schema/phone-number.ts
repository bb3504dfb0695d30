import { builder } from '../builder.ts';
import { ConflictError, GatewayUnavailableError, NotFoundError, PlanUpgradeRequiredError, ValidationError } from '../errors.ts';
import type { PhoneNumber, PhoneNumberProvider } from '../generated/prisma/client.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { TwilioNotConfiguredError } from '../services/phone-numbers/errors.ts';
import { availablePhoneNumbers, provisionPhoneNumber, registerPhoneNumber, releasePhoneNumber } from '../services/phone-numbers/numbers.ts';
import type { AvailableNumber } from '../services/phone-numbers/provider.ts';
import { pageSize } from '../services/pagination.ts';
import { UserErrorInterface } from './errors.ts';
import { resultNames } from './mutation-result.ts';

builder.objectType(TwilioNotConfiguredError, {
  name: 'TwilioNotConfiguredError',
  description: 'This server has no Twilio account, so numbers cannot be bought; register a number you own instead. Nothing was written.',
  interfaces: [UserErrorInterface],
  isTypeOf: (value) => value instanceof TwilioNotConfiguredError,
});

const PhoneNumberProviderEnum = builder.enumType('PhoneNumberProvider', {
  description: 'Where a phone number comes from.',
  values: {
    TWILIO: { description: 'Bought through the platform’s Twilio account.' },
    MANUAL: { description: 'A number the business already owns, registered by hand.' },
  } satisfies Record<PhoneNumberProvider, { description: string }>,
});

const PhoneNumberStatusEnum = builder.enumType('PhoneNumberStatus', {
  description: 'Where a phone number stands.',
  values: {
    PENDING: { description: 'The purchase was interrupted (Twilio did not answer); provisioning it again completes it, releasing it cleans up.' },
    ACTIVE: { description: 'In use: its calls reach the business.' },
    RELEASED: { description: 'Given back; calls no longer reach the business.' },
  },
});

function statusOf(number: Pick<PhoneNumber, 'releasedAt' | 'provider' | 'providerSid'>): 'PENDING' | 'ACTIVE' | 'RELEASED' {
  if (number.releasedAt) return 'RELEASED';
  return number.provider === 'TWILIO' && !number.providerSid ? 'PENDING' : 'ACTIVE';
}

export const PhoneNumberRef = builder.prismaNode('PhoneNumber', {
  description: 'A phone number of the business whose calls the AI answers.',
  id: { field: 'id' },
  // A row the caller may not see loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    phoneNumber: t.exposeString('e164', { description: 'The number in E.164, such as `+37167000000`.' }),
    friendlyName: t.exposeString('friendlyName', { nullable: true, description: 'How the provider writes it, such as "(202) 555-0123", or the name given when registered.' }),
    provider: t.expose('provider', { type: PhoneNumberProviderEnum, description: 'Bought through Twilio or registered by hand.' }),
    status: t.field({
      type: PhoneNumberStatusEnum,
      description: 'Pending, active or released.',
      select: { releasedAt: true, provider: true, providerSid: true },
      resolve: statusOf,
    }),
    countryCode: t.exposeString('countryCode', { description: 'ISO 3166-1 alpha-2 country of the number.' }),
    monthlyCostCents: t.exposeInt('monthlyCostCents', { description: 'What it costs a month, in cents (Twilio’s price for Twilio numbers, as given for registered ones).' }),
    monthlyCost: t.float({
      description: 'What it costs a month, in major units (`monthlyCostCents` / 100).',
      select: { monthlyCostCents: true },
      resolve: (number) => number.monthlyCostCents / 100,
    }),
    voiceUrl: t.exposeString('voiceUrl', { nullable: true, description: 'Where Twilio sends its calls (set on purchase; point a registered number here).' }),
    statusCallbackUrl: t.exposeString('statusCallbackUrl', { nullable: true, description: 'Where Twilio reports call status changes.' }),
    instance: t.relation('instance', { nullable: true, description: 'The WhatsApp line the number is linked to, if any.' }),
    business: t.relation('business', { description: 'The business it belongs to.' }),
    releasedAt: t.expose('releasedAt', { type: 'DateTime', nullable: true, description: 'When it was given back.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was provisioned or registered.' }),
  }),
});

builder.prismaObjectField('Business', 'phoneNumbers', (t) =>
  t.relatedConnection(
    'phoneNumbers',
    {
      ...pageSize,
      cursor: 'id',
      args: { includeReleased: t.arg.boolean({ defaultValue: false, description: 'Also list numbers given back.' }) },
      query: (args) => ({ where: args.includeReleased ? {} : { releasedAt: null }, orderBy: { id: 'asc' } }),
      description: 'The business’s phone numbers with their monthly cost, oldest first.',
    },
    { name: 'PhoneNumberConnection', description: 'A page of phone numbers.' },
    { name: 'PhoneNumberEdge', description: 'A phone number and its cursor.' },
  ),
);

const AvailablePhoneNumberType = builder.objectRef<AvailableNumber>('AvailablePhoneNumber').implement({
  description: 'A local number for sale at Twilio.',
  fields: (t) => ({
    phoneNumber: t.exposeString('phoneNumber', { description: 'The number in E.164: pass it to `provisionPhoneNumber`.' }),
    friendlyName: t.exposeString('friendlyName', { description: 'How Twilio writes it.' }),
    locality: t.exposeString('locality', { nullable: true, description: 'Its town or city, when Twilio knows.' }),
    region: t.exposeString('region', { nullable: true, description: 'Its region or state, when Twilio knows.' }),
    countryCode: t.exposeString('countryCode', { description: 'ISO 3166-1 alpha-2 country.' }),
    monthlyCostCents: t.exposeInt('monthlyCostCents', { nullable: true, description: 'What it would cost a month, in cents of `currency`; null when Twilio’s prices are unavailable.' }),
    currency: t.exposeString('currency', { nullable: true, description: 'ISO 4217 currency of the price, such as "USD".' }),
  }),
});

builder.queryField('availablePhoneNumbers', (t) =>
  t.field({
    type: [AvailablePhoneNumberType],
    authScopes: { signedIn: true },
    description: 'Local voice numbers for sale at Twilio (owners and MANAGE keys; PRO and ENTERPRISE).',
    args: {
      businessId: t.arg.id({ description: 'The business that would own the number.' }),
      countryCode: t.arg.string({ description: 'ISO 3166-1 alpha-2 country, such as "US" or "LV".' }),
      areaCode: t.arg.string({ required: false, description: 'Only numbers with this area code (digits).' }),
      contains: t.arg.string({ required: false, description: 'Only numbers containing these digits (or letters; `*` matches any digit).' }),
      first: t.arg.int({ required: false, description: 'How many, 1–30 (default 10).' }),
    },
    errors: {
      types: [ValidationError, NotFoundError, PlanUpgradeRequiredError, TwilioNotConfiguredError, GatewayUnavailableError],
      ...resultNames('availablePhoneNumbers', 'numbers', 'Numbers for sale now; someone else may buy one first.'),
    },
    resolve: (_root, { businessId, ...search }, ctx) =>
      availablePhoneNumbers(ctx, parseGlobalId(businessId, 'Business', ['businessId']), { ...search, first: search.first ?? undefined }),
  }),
);

const ProvisionPhoneNumberInput = builder.inputType('ProvisionPhoneNumberInput', {
  description: 'Buy a local number at Twilio: one from `availablePhoneNumbers`, or the first for sale in a country / area code.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    phoneNumber: t.string({ required: false, description: 'The E.164 number to buy, from `availablePhoneNumbers`.' }),
    countryCode: t.string({ required: false, description: 'Without `phoneNumber`: the country to pick one in (the business’s country when omitted).' }),
    areaCode: t.string({ required: false, description: 'Without `phoneNumber`: pick one with this area code.' }),
    contains: t.string({ required: false, description: 'Without `phoneNumber`: pick one containing these digits.' }),
    instanceId: t.id({ required: false, description: 'Link it to this WhatsApp line (an Instance ID).' }),
  }),
});

const RegisterPhoneNumberInput = builder.inputType('RegisterPhoneNumberInput', {
  description: 'A number the business already owns; calls reach the AI once its voice URL points at `voiceUrl`.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    phoneNumber: t.string({ description: 'The number in E.164.' }),
    countryCode: t.string({ required: false, description: 'Its ISO 3166-1 alpha-2 country (the business’s when omitted).' }),
    monthlyCost: t.float({ required: false, description: 'What it costs a month, in major units (0 when omitted), for cost reports.' }),
    friendlyName: t.string({ required: false, description: 'A name for it, up to 64 characters.' }),
    instanceId: t.id({ required: false, description: 'Link it to this WhatsApp line (an Instance ID).' }),
  }),
});

const ReleasePhoneNumberInput = builder.inputType('ReleasePhoneNumberInput', {
  description: 'The number to give back.',
  fields: (t) => ({ phoneNumberId: t.id({ description: 'The PhoneNumber ID.' }) }),
});

const instanceIdOf = (value: string | null | undefined) => (value ? parseGlobalId(value, 'Instance', ['input', 'instanceId']) : null);

builder.mutationFields((t) => ({
  provisionPhoneNumber: t.prismaField({
    type: 'PhoneNumber',
    authScopes: { signedIn: true },
    description:
      'Buys a local number at Twilio with the voice and status webhooks set (owners and MANAGE keys; PRO and ENTERPRISE). Safe to repeat: an interrupted purchase completes.',
    args: { input: t.arg({ type: ProvisionPhoneNumberInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, PlanUpgradeRequiredError, TwilioNotConfiguredError, GatewayUnavailableError],
      ...resultNames('provisionPhoneNumber', 'phoneNumber', 'The number, bought and ready for calls.'),
    },
    resolve: (query, _root, { input: { businessId, instanceId, ...rest } }, ctx) =>
      provisionPhoneNumber(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), { ...rest, instanceId: instanceIdOf(instanceId) }, query),
  }),
  registerPhoneNumber: t.prismaField({
    type: 'PhoneNumber',
    authScopes: { signedIn: true },
    description: 'Registers a number the business already owns (owners and MANAGE keys; PRO and ENTERPRISE). Nothing is bought.',
    args: { input: t.arg({ type: RegisterPhoneNumberInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, PlanUpgradeRequiredError],
      ...resultNames('registerPhoneNumber', 'phoneNumber', 'The registered number.'),
    },
    resolve: (query, _root, { input: { businessId, instanceId, ...rest } }, ctx) =>
      registerPhoneNumber(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), { ...rest, instanceId: instanceIdOf(instanceId) }, query),
  }),
  releasePhoneNumber: t.prismaField({
    type: 'PhoneNumber',
    authScopes: { signedIn: true },
    description: 'Gives a number back: released at Twilio first, then marked released here (owners and MANAGE keys). Its past calls are kept.',
    args: { input: t.arg({ type: ReleasePhoneNumberInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, TwilioNotConfiguredError, GatewayUnavailableError],
      ...resultNames('releasePhoneNumber', 'phoneNumber', 'The released number.'),
    },
    resolve: (query, _root, { input }, ctx) =>
      releasePhoneNumber(ctx, parseGlobalId(input.phoneNumberId, 'PhoneNumber', ['input', 'phoneNumberId']), query),
  }),
}));
