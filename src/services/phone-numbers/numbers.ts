import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { ConflictError, NotFoundError, PlanUpgradeRequiredError, ValidationError } from '../../errors.ts';
import type { PhoneNumber, Prisma } from '../../generated/prisma/client.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { recordAudit } from '../audit.ts';
import { selection } from '../db/selection.ts';
import type { Platform } from '../platform.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { PLANS } from '../usage/plans.ts';
import { countryCodeSchema, e164Schema, parseInput } from '../validation.ts';
import { numberWebhooks } from '../voice/urls.ts';
import { providerFailure, TwilioNotConfiguredError } from './errors.ts';
import { type AvailableNumber, manualProvider, type OwnedNumber, type PhoneNumberProvider, PhoneProviderError } from './provider.ts';
import { TwilioNumberProvider } from './twilio-provider.ts';

export type PhoneNumberQuery = { include?: Prisma.PhoneNumberInclude; select?: Prisma.PhoneNumberSelect };

export const MAX_SEARCH_RESULTS = 30;

/** Twilio, when the server has an account; otherwise TwilioNotConfiguredError. */
export function twilioProvider(platform: Platform, field: string[] | null = null): PhoneNumberProvider {
  if (!platform.config.twilio) throw new TwilioNotConfiguredError(field);
  return new TwilioNumberProvider(platform.config.twilio);
}

function providerOf(platform: Platform, row: Pick<PhoneNumber, 'provider'>, field: string[]): PhoneNumberProvider {
  return row.provider === 'TWILIO' ? twilioProvider(platform, field) : manualProvider;
}

/** MANAGE in the business, and a plan with voice (PRO, ENTERPRISE). */
async function authorizeVoice(ctx: Context, businessId: string): Promise<{ countryCode: string }> {
  await ctx.access.authorize(businessId, 'MANAGE');
  const business = await db().business.findUniqueOrThrow({ where: { id: businessId }, select: { plan: true, countryCode: true } });
  if (!PLANS[business.plan].voice) {
    throw new PlanUpgradeRequiredError('Phone numbers and AI-answered calls need the PRO or ENTERPRISE plan', ['input', 'businessId']);
  }
  return { countryCode: business.countryCode };
}

const areaCodeSchema = z.string().trim().regex(/^\d{1,6}$/, 'Must be 1–6 digits');
const containsSchema = z.string().trim().regex(/^[0-9A-Za-z*]{1,16}$/, 'Must be 1–16 digits, letters or * wildcards');

const SearchSchema = z.object({
  countryCode: countryCodeSchema,
  areaCode: areaCodeSchema.nullish(),
  contains: containsSchema.nullish(),
  first: z.number().int().min(1, 'Must be at least 1').max(MAX_SEARCH_RESULTS, `Must be at most ${MAX_SEARCH_RESULTS}`).default(10),
});

export type NumberSearchInput = z.input<typeof SearchSchema>;

/** Local, voice-enabled numbers for sale at Twilio, with their monthly price when Twilio tells it. */
export async function availablePhoneNumbers(ctx: Context, businessId: string, input: NumberSearchInput): Promise<AvailableNumber[]> {
  const data = parseInput(SearchSchema, input, []);
  await authorizeVoice(ctx, businessId);
  const provider = twilioProvider(ctx.platform);
  try {
    return await provider.search({ countryCode: data.countryCode, areaCode: data.areaCode, contains: data.contains, limit: data.first });
  } catch (error) {
    return providerFailure(error, null, ['countryCode']);
  }
}

/** A live instance of the business, for linking a number to the WhatsApp line. */
async function instanceOf(businessId: string, instanceId: string | null | undefined): Promise<string | null> {
  if (!instanceId) return null;
  const instance = await db().instance.findFirst({ where: { id: instanceId, businessId, deletedAt: null }, select: { id: true } });
  if (!instance) throw new NotFoundError('No WhatsApp line with this id in the business', ['input', 'instanceId']);
  return instance.id;
}

interface NewRow {
  businessId: string;
  e164: string;
  provider: PhoneNumber['provider'];
  countryCode: string;
  monthlyCostCents: number;
  friendlyName: string | null;
  instanceId: string | null;
  voiceUrl: string;
  statusCallbackUrl: string;
}

type Claimed = { row: PhoneNumber; created: boolean };

/**
 * The row for a number, stored before anything is bought so a purchase is never lost track of:
 * a new row, a released row taken into use again, or the business's own live row (`created`
 * false). A live row of another business is a conflict.
 */
async function claimRow(ctx: Context, data: NewRow, action: string, field: string[]): Promise<Claimed> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db().$transaction(async (tx) => {
        const existing = await tx.phoneNumber.findUnique({ where: { e164: data.e164 } });
        if (existing && existing.releasedAt === null) {
          if (existing.businessId !== data.businessId) throw new ConflictError(`${data.e164} is already in use on Switchboard`, field);
          return { row: existing, created: false };
        }
        let row: PhoneNumber;
        if (existing) {
          // Released earlier (perhaps by another business): its past calls stay with their own business.
          await tx.call.updateMany({ where: { phoneNumberId: existing.id, businessId: { not: data.businessId } }, data: { phoneNumberId: null } });
          row = await tx.phoneNumber.update({
            where: { id: existing.id },
            data: { ...data, providerSid: null, releasedAt: null, createdAt: new Date() },
          });
        } else {
          row = await tx.phoneNumber.create({ data: { ...data, providerSid: null } });
        }
        await recordAudit(tx, ctx.viewer, {
          businessId: data.businessId,
          action,
          targetType: 'PhoneNumber',
          targetId: row.id,
          metadata: { phoneNumber: data.e164, provider: data.provider, countryCode: data.countryCode },
        });
        return { row, created: true };
      });
    } catch (error) {
      // Two requests for the same new number: the loser reads the winner's row.
      if (attempt === 0 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

const ProvisionSchema = z
  .object({
    phoneNumber: e164Schema.nullish(),
    countryCode: countryCodeSchema.nullish(),
    areaCode: areaCodeSchema.nullish(),
    contains: containsSchema.nullish(),
    instanceId: z.string().nullish(),
  })
  .superRefine((input, issues) => {
    if (input.phoneNumber && (input.areaCode || input.contains)) {
      issues.addIssue({ code: 'custom', path: ['phoneNumber'], message: 'Give a number from the search, or an area code / digits to pick one, not both' });
    }
  });

export type ProvisionInput = z.input<typeof ProvisionSchema>;

/** The first number for sale that is not already someone's on Switchboard. */
async function pickNumber(provider: PhoneNumberProvider, search: { countryCode: string; areaCode?: string | null; contains?: string | null }): Promise<string> {
  let found: AvailableNumber[];
  try {
    found = await provider.search({ ...search, limit: 5 });
  } catch (error) {
    return providerFailure(error, null, ['input', 'countryCode']);
  }
  const taken = new Set(
    (await db().phoneNumber.findMany({ where: { e164: { in: found.map((number) => number.phoneNumber) }, releasedAt: null }, select: { e164: true } })).map(
      (row) => row.e164,
    ),
  );
  const pick = found.find((number) => !taken.has(number.phoneNumber));
  if (!pick) {
    const where = [search.countryCode, search.areaCode ? `area code ${search.areaCode}` : null, search.contains ? `containing ${search.contains}` : null];
    throw new ValidationError([
      { path: ['input', search.areaCode ? 'areaCode' : 'countryCode'], message: `Twilio has no local voice numbers for sale in ${where.filter(Boolean).join(', ')}` },
    ]);
  }
  return pick.phoneNumber;
}

/**
 * Buys the number of a pending row (or adopts it when an earlier attempt bought it and its answer
 * was lost), then completes the row. A refused purchase deletes the row it was stored in; an
 * outage keeps it pending, so retrying (or releasing) finishes the job.
 */
async function completePurchase(platform: Platform, provider: PhoneNumberProvider, row: PhoneNumber, resumed: boolean): Promise<PhoneNumber> {
  const webhooks = numberWebhooks(platform.config.publicBaseUrl);
  const field = ['input', 'phoneNumber'];
  const price = await provider.monthlyPrice(row.countryCode).catch((error: unknown) => {
    platform.log.warn({ err: error, countryCode: row.countryCode }, 'Twilio pricing unavailable; the number is stored without its monthly cost');
    return null;
  });
  let bought: OwnedNumber;
  try {
    const earlier = resumed ? await provider.findOwned(row.e164) : null;
    bought = earlier ? await provider.updateWebhooks(earlier.sid, webhooks) : await provider.purchase(row.e164, webhooks);
  } catch (error) {
    if (!(error instanceof PhoneProviderError) || error.kind === 'UNAVAILABLE') return providerFailure(error, row.e164, field);
    // "Not available" is also what Twilio says about a number this account bought a moment ago
    // (a concurrent request for the same number): only a number surely not ours lets the row go.
    let ours: OwnedNumber | null;
    try {
      ours = await provider.findOwned(row.e164);
    } catch (lookup) {
      return providerFailure(lookup, row.e164, field);
    }
    if (!ours) {
      await db().phoneNumber.deleteMany({ where: { id: row.id, providerSid: null } });
      return providerFailure(error, row.e164, field);
    }
    try {
      bought = await provider.updateWebhooks(ours.sid, webhooks);
    } catch (update) {
      return providerFailure(update, row.e164, field);
    }
  }
  return db().phoneNumber.update({
    where: { id: row.id },
    data: {
      providerSid: bought.sid,
      friendlyName: bought.friendlyName ?? row.friendlyName,
      voiceUrl: bought.voiceUrl ?? webhooks.voiceUrl,
      statusCallbackUrl: bought.statusCallbackUrl ?? webhooks.statusCallbackUrl,
      ...(price ? { monthlyCostCents: price.cents } : {}),
    },
  });
}

/**
 * Buys a local number at Twilio for the business with our voice and status webhooks set: the one
 * given (from `availablePhoneNumbers`), or the first for sale in the country / area code. Safe to
 * repeat: the row is stored before the purchase, and a retry completes an interrupted one.
 */
export async function provisionPhoneNumber(ctx: Context, businessId: string, input: ProvisionInput, query: PhoneNumberQuery = {}): Promise<PhoneNumber> {
  const data = parseInput(ProvisionSchema, input);
  const business = await authorizeVoice(ctx, businessId);
  const provider = twilioProvider(ctx.platform);
  const instanceId = await instanceOf(businessId, data.instanceId);
  const countryCode = data.countryCode ?? business.countryCode;
  const e164 = data.phoneNumber ?? (await pickNumber(provider, { countryCode, areaCode: data.areaCode, contains: data.contains }));
  const { row, created } = await claimRow(
    ctx,
    {
      businessId,
      e164,
      provider: 'TWILIO',
      countryCode,
      monthlyCostCents: 0,
      friendlyName: null,
      instanceId,
      ...numberWebhooks(ctx.platform.config.publicBaseUrl),
    },
    'phoneNumber.provision',
    ['input', 'phoneNumber'],
  );
  let result = row;
  if (!created && row.provider !== 'TWILIO') throw new ConflictError(`${e164} is already registered to the business as a number it owns`, ['input', 'phoneNumber']);
  if (row.providerSid === null) result = await completePurchase(ctx.platform, provider, row, !created);
  if (instanceId && result.instanceId !== instanceId) result = await db().phoneNumber.update({ where: { id: result.id }, data: { instanceId } });
  return db().phoneNumber.findUniqueOrThrow({ ...selection(query), where: { id: result.id } });
}

const RegisterSchema = z.object({
  phoneNumber: e164Schema,
  countryCode: countryCodeSchema.nullish(),
  monthlyCost: z.number().min(0, 'Must not be negative').max(100_000, 'Must be at most 100,000').nullish(),
  friendlyName: z.string().trim().min(1, 'Must not be empty').max(64, 'Must be at most 64 characters').nullish(),
  instanceId: z.string().nullish(),
});

export type RegisterInput = z.input<typeof RegisterSchema>;

/**
 * Registers a number the business already owns (no provider call). Calls reach the AI once the
 * number's voice URL points at `voiceUrl` on the platform's Twilio account. Repeating it is safe.
 */
export async function registerPhoneNumber(ctx: Context, businessId: string, input: RegisterInput, query: PhoneNumberQuery = {}): Promise<PhoneNumber> {
  const data = parseInput(RegisterSchema, input);
  const business = await authorizeVoice(ctx, businessId);
  const instanceId = await instanceOf(businessId, data.instanceId);
  const { row, created } = await claimRow(
    ctx,
    {
      businessId,
      e164: data.phoneNumber,
      provider: 'MANUAL',
      countryCode: data.countryCode ?? business.countryCode,
      monthlyCostCents: Math.round((data.monthlyCost ?? 0) * 100),
      friendlyName: data.friendlyName ?? null,
      instanceId,
      ...numberWebhooks(ctx.platform.config.publicBaseUrl),
    },
    'phoneNumber.register',
    ['input', 'phoneNumber'],
  );
  if (!created && row.provider !== 'MANUAL') throw new ConflictError(`${data.phoneNumber} is already the business’s Twilio number`, ['input', 'phoneNumber']);
  return db().phoneNumber.findUniqueOrThrow({ ...selection(query), where: { id: row.id } });
}

/**
 * Gives a number back: released at Twilio first (a number already gone there counts), then marked
 * released here; calls to it stop reaching the business. Past calls keep pointing at it.
 */
export async function releasePhoneNumber(ctx: Context, phoneNumberId: string, query: PhoneNumberQuery = {}): Promise<PhoneNumber> {
  const field = ['input', 'phoneNumberId'];
  const row = await db().phoneNumber.findFirst({ where: { id: phoneNumberId, releasedAt: null, business: visibleBusinessesWhere(ctx.viewer) } });
  if (!row) throw new NotFoundError('No phone number with this id is visible to you', field);
  await ctx.access.authorize(row.businessId, 'MANAGE', field);
  const provider = providerOf(ctx.platform, row, field);
  if (row.provider === 'TWILIO') {
    try {
      // A pending row may have been bought without our hearing of it: look it up by number.
      const sid = row.providerSid ?? (await provider.findOwned(row.e164))?.sid;
      if (sid) await provider.release(sid);
    } catch (error) {
      return providerFailure(error, row.e164, field);
    }
  }
  const released = await db().$transaction(async (tx) => {
    const updated = await tx.phoneNumber.update({ where: { id: row.id }, data: { releasedAt: new Date(), instanceId: null } });
    await recordAudit(tx, ctx.viewer, {
      businessId: row.businessId,
      action: 'phoneNumber.release',
      targetType: 'PhoneNumber',
      targetId: row.id,
      metadata: { phoneNumber: row.e164, provider: row.provider },
    });
    return updated;
  });
  return db().phoneNumber.findUniqueOrThrow({ ...selection(query), where: { id: released.id } });
}

/**
 * For `setupWhatsApp(provisionNumber: true)`: the business's number for its line — one already
 * linked to the live line or not linked yet, else a newly provisioned one in its country.
 */
export async function numberForLine(ctx: Context, businessId: string): Promise<PhoneNumber> {
  const existing = await db().phoneNumber.findFirst({
    where: { businessId, releasedAt: null, OR: [{ instanceId: null }, { instance: { deletedAt: null } }] },
    orderBy: [{ instanceId: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
  });
  if (existing && (existing.provider === 'MANUAL' || existing.providerSid !== null)) return existing;
  return provisionPhoneNumber(ctx, businessId, existing ? { phoneNumber: existing.e164 } : {});
}

/** Links the number to the WhatsApp line (the line shows it; calls and chats share the contact anyway). */
export async function linkNumberToInstance(phoneNumberId: string, instanceId: string): Promise<void> {
  await db().phoneNumber.update({ where: { id: phoneNumberId }, data: { instanceId } });
}
