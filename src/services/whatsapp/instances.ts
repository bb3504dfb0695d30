import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import {
  GatewayUnavailableError,
  InstanceNotConnectedError,
  NotFoundError,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../../errors.ts';
import { type Instance, type InstanceStatus, Prisma } from '../../generated/prisma/client.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { recordAudit } from '../audit.ts';
import type { Platform } from '../platform.ts';
import { linkNumberToInstance, numberForLine } from '../phone-numbers/numbers.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { e164Schema, parseInput } from '../validation.ts';
import type { QrCode, WebhookConfig } from './gateway.ts';
import { GatewayError } from './gateway-errors.ts';
import { publishInstanceChanged, publishQr } from './instance-events.ts';
import { placeInstance } from './servers.ts';

/** The header Evolution sends back with every delivery; its value is the instance's secret. */
export const WEBHOOK_SECRET_HEADER = 'x-switchboard-secret';

/** Explicit upper-case list: an empty list would mean "everything" to Evolution. */
export const WEBHOOK_EVENTS = [
  'QRCODE_UPDATED',
  'CONNECTION_UPDATE',
  'STATUS_INSTANCE',
  'LOGOUT_INSTANCE',
  'REMOVE_INSTANCE',
  'INSTANCE_DELETE',
  'MESSAGES_UPSERT',
  'MESSAGES_UPDATE',
  'MESSAGES_EDITED',
  'MESSAGES_DELETE',
  'SEND_MESSAGE',
  'CONTACTS_UPSERT',
  'CONTACTS_UPDATE',
  'CHATS_UPSERT',
  'CHATS_UPDATE',
  'PRESENCE_UPDATE',
];

const SetupSchema = z
  .object({
    integration: z.enum(['BAILEYS', 'CLOUD_API']),
    cloudApi: z
      .object({
        accessToken: z.string().trim().min(1, 'Must not be empty'),
        phoneNumberId: z.string().trim().regex(/^\d+$/, 'Must be the numeric phone number id from Meta'),
        businessAccountId: z.string().trim().regex(/^\d+$/, 'Must be the numeric business account id from Meta'),
      })
      .nullish(),
    businessProfile: z
      .object({
        name: z.string().trim().min(1, 'Must not be empty').max(25, 'WhatsApp profile names are at most 25 characters'),
        description: z.string().trim().max(139, 'WhatsApp profile descriptions are at most 139 characters').nullish(),
        category: z.string().trim().max(80).nullish(),
      })
      .nullish(),
    phoneNumber: e164Schema.nullish(),
    /** Provision a phone number (Twilio) first and link it to the line. */
    provisionNumber: z.boolean().nullish(),
  })
  .superRefine((input, issues) => {
    if (input.integration === 'CLOUD_API' && !input.cloudApi) {
      issues.addIssue({ code: 'custom', path: ['cloudApi'], message: 'CLOUD_API needs the access token, phone number id and business account id' });
    }
    if (input.provisionNumber && input.phoneNumber) {
      issues.addIssue({ code: 'custom', path: ['provisionNumber'], message: 'Give a phone number or ask for one to be provisioned, not both' });
    }
  });

export type SetupWhatsAppInput = z.input<typeof SetupSchema>;

export interface InstanceSettings {
  businessProfile?: { name: string; description?: string | null; category?: string | null } | null;
  /** When the profile above was last set on WhatsApp. */
  businessProfileAppliedAt?: string;
  /** Group chats are stored (never auto-answered) unless this is IGNORE. */
  groups?: 'STORE' | 'IGNORE';
}

export type InstanceQuery = { include?: Prisma.InstanceInclude; select?: Prisma.InstanceSelect };

export interface StoredQr {
  code: string | null;
  image: string | null;
  pairingCode: string | null;
  receivedAt: string;
}

export function storedQr(qr: { code: string | null; image: string | null; pairingCode: string | null }): StoredQr {
  return { code: qr.code, image: qr.image, pairingCode: qr.pairingCode, receivedAt: new Date().toISOString() };
}

function webhookFor(platform: Platform, instance: Pick<Instance, 'name' | 'webhookSecret'>): WebhookConfig {
  return {
    url: `${platform.config.publicBaseUrl}/webhooks/evolution/${encodeURIComponent(instance.name)}`,
    headers: { [WEBHOOK_SECRET_HEADER]: platform.cipher.decrypt(instance.webhookSecret) },
    events: WEBHOOK_EVENTS,
  };
}

function digitsOf(phone: string | null | undefined): string | undefined {
  return phone ? phone.replace(/\D/g, '') : undefined;
}

function instanceName(slug: string): string {
  return `sb-${slug.slice(0, 40)}-${randomBytes(3).toString('hex')}`;
}

/** A visible, live instance, or NOT_FOUND. */
async function loadInstance(ctx: Context, instanceId: string): Promise<Instance> {
  const instance = await db().instance.findFirst({
    where: { id: instanceId, deletedAt: null, business: visibleBusinessesWhere(ctx.viewer) },
  });
  if (!instance) throw new NotFoundError('No WhatsApp line with this id is visible to you', ['input', 'instanceId']);
  return instance;
}

function unavailable(error: unknown): never {
  if (error instanceof GatewayError) {
    if (error.kind === 'NOT_CONNECTED') throw new InstanceNotConnectedError(error.message);
    throw new GatewayUnavailableError(`The WhatsApp engine refused: ${error.message}`);
  }
  throw error;
}

async function update(platform: Platform, instance: Instance, data: Prisma.InstanceUpdateInput, qrChanged = false): Promise<Instance> {
  const updated = await db().instance.update({ where: { id: instance.id }, data });
  if (qrChanged) publishQr(platform, updated);
  if (updated.status !== instance.status || qrChanged) publishInstanceChanged(platform, updated);
  return updated;
}

/** The stored QR column value: the QR as JSON, or SQL NULL to clear it. */
export function qrColumn(qr: StoredQr | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return qr ? { ...qr } : Prisma.DbNull;
}

function afterConnect(qr: QrCode | null): { status: InstanceStatus; qrCode: Prisma.InputJsonValue | typeof Prisma.DbNull } {
  return qr && (qr.code || qr.image) ? { status: 'QR_PENDING', qrCode: qrColumn(storedQr(qr)) } : { status: 'CONNECTING', qrCode: Prisma.DbNull };
}

/**
 * Creates the instance on its engine, or adopts one an earlier, interrupted attempt already created
 * there (NAME_IN_USE), so a retry always completes and nothing is orphaned on either side.
 */
async function completeRemoteCreation(platform: Platform, instance: Instance, pairingNumber: string | undefined): Promise<Instance> {
  const gateway = await platform.gateways.forInstance(instance);
  const webhook = webhookFor(platform, instance);
  const cloudApi = instance.integration === 'CLOUD_API' ? (instance.settings as { cloudApi?: { phoneNumberId: string; businessAccountId: string } }).cloudApi : undefined;
  try {
    const created = await gateway.createInstance({
      instanceName: instance.name,
      integration: instance.integration === 'CLOUD_API' ? 'WHATSAPP-BUSINESS' : 'WHATSAPP-BAILEYS',
      token: instance.tokenEncrypted ? platform.cipher.decrypt(instance.tokenEncrypted) : undefined,
      number: cloudApi?.phoneNumberId ?? pairingNumber,
      businessId: cloudApi?.businessAccountId,
      qrcode: instance.integration === 'BAILEYS',
      webhook,
    });
    const next = afterConnect(created.qr);
    return await update(
      platform,
      instance,
      {
        remoteId: created.instanceId,
        tokenEncrypted: platform.cipher.encrypt(created.token),
        status: next.status,
        qrCode: next.qrCode,
        connectionState: created.state,
        lastError: null,
      },
      next.status === 'QR_PENDING',
    );
  } catch (error) {
    if (error instanceof GatewayError && error.kind === 'NAME_IN_USE') return adoptRemote(platform, instance, webhook, pairingNumber);
    const message = error instanceof Error ? error.message : String(error);
    await db().instance.update({ where: { id: instance.id }, data: { lastError: message } });
    if (error instanceof GatewayError && error.kind === 'VALIDATION') {
      throw new ValidationError([{ path: ['input'], message: `The WhatsApp engine refused the setup: ${error.message}` }]);
    }
    return unavailable(error);
  }
}

async function adoptRemote(platform: Platform, instance: Instance, webhook: WebhookConfig, pairingNumber: string | undefined): Promise<Instance> {
  const gateway = await platform.gateways.forInstance(instance);
  try {
    const remote = await gateway.fetchInstance(instance.name);
    if (!remote) throw new GatewayError('UNAVAILABLE', `The name ${instance.name} is taken on the server but the instance cannot be read`);
    await gateway.setWebhook(instance.name, webhook);
    const connection = await gateway.connect(instance.name, pairingNumber);
    const next = connection.state === 'open' ? { status: 'CONNECTED' as const, qrCode: Prisma.DbNull } : afterConnect(connection.qr);
    return await update(
      platform,
      instance,
      { remoteId: remote.instanceId, status: next.status, qrCode: next.qrCode, connectionState: connection.state, lastError: null },
      next.status === 'QR_PENDING',
    );
  } catch (error) {
    await db().instance.update({ where: { id: instance.id }, data: { lastError: error instanceof Error ? error.message : String(error) } });
    return unavailable(error);
  }
}

export async function setupWhatsApp(ctx: Context, businessId: string, input: SetupWhatsAppInput): Promise<Instance> {
  const data = parseInput(SetupSchema, input);
  await ctx.access.authorize(businessId, 'MANAGE');
  const business = await db().business.findUniqueOrThrow({ where: { id: businessId }, select: { plan: true, slug: true } });
  if (business.plan === 'BASIC') {
    throw new PlanUpgradeRequiredError('WhatsApp lines need the PRO or ENTERPRISE plan', ['input', 'businessId']);
  }
  const { platform } = ctx;
  // Provisioned first (safe to repeat: the business's number is reused), then linked to the line.
  const provisioned = data.provisionNumber ? await numberForLine(ctx, businessId) : null;
  const pairingNumber = data.phoneNumber ?? provisioned?.e164 ?? null;
  let instance = await db().instance.findFirst({ where: { businessId, deletedAt: null } });
  if (!instance) {
    try {
      instance = await db().$transaction(async (tx) => {
        const created = await tx.instance.create({
          data: {
            businessId,
            serverId: platform.gateways.mode === 'evolution' ? await placeInstance(tx) : null,
            name: instanceName(business.slug),
            integration: data.integration,
            status: 'CREATING',
            webhookSecret: platform.cipher.encrypt(randomBytes(32).toString('base64url')),
            tokenEncrypted: data.cloudApi ? platform.cipher.encrypt(data.cloudApi.accessToken) : null,
            phoneNumber: pairingNumber,
            settings: {
              businessProfile: data.businessProfile ?? null,
              groups: 'STORE',
              ...(data.cloudApi ? { cloudApi: { phoneNumberId: data.cloudApi.phoneNumberId, businessAccountId: data.cloudApi.businessAccountId } } : {}),
            },
          },
        });
        await recordAudit(tx, ctx.viewer, {
          businessId,
          action: 'instance.setup',
          targetType: 'Instance',
          targetId: created.id,
          metadata: { name: created.name, integration: data.integration, serverId: created.serverId },
        });
        return created;
      });
    } catch (error) {
      // A concurrent setup for the same business won the one-live-line index: use its row.
      if (!isUniqueViolation(error)) throw error;
      instance = await db().instance.findFirstOrThrow({ where: { businessId, deletedAt: null } });
    }
  }
  if (provisioned) {
    if (provisioned.instanceId !== instance.id) await linkNumberToInstance(provisioned.id, instance.id);
    if (!instance.phoneNumber) instance = await db().instance.update({ where: { id: instance.id }, data: { phoneNumber: provisioned.e164 } });
  }
  if (instance.remoteId) return instance;
  return completeRemoteCreation(platform, instance, digitsOf(pairingNumber ?? instance.phoneNumber));
}

/** A fresh QR (or pairing code when a phone number is given), or CONNECTED when already open. */
export async function connectInstance(ctx: Context, instanceId: string, phoneNumber: string | null | undefined): Promise<Instance> {
  const number = phoneNumber == null ? undefined : parseInput(e164Schema, phoneNumber, ['input', 'phoneNumber']);
  const instance = await loadInstance(ctx, instanceId);
  await ctx.access.authorize(instance.businessId, 'MANAGE', ['input', 'instanceId']);
  const { platform } = ctx;
  const reset = { reconnectAttempts: 0, nextReconnectAt: null };
  if (!instance.remoteId) return completeRemoteCreation(platform, await db().instance.update({ where: { id: instance.id }, data: reset }), digitsOf(number));
  const gateway = await platform.gateways.forInstance(instance);
  try {
    const connection = await gateway.connect(instance.name, digitsOf(number));
    if (connection.state === 'open') {
      return await update(platform, instance, { ...reset, status: 'CONNECTED', connectionState: 'open', qrCode: Prisma.DbNull });
    }
    const next = afterConnect(connection.qr);
    return await update(platform, instance, { ...reset, status: next.status, qrCode: next.qrCode, connectionState: 'connecting', lastError: null }, next.status === 'QR_PENDING');
  } catch (error) {
    if (error instanceof GatewayError && error.kind === 'INSTANCE_NOT_FOUND') {
      // Removed on the server (by an operator or its DEL_INSTANCE timer): create it again.
      const detached = await db().instance.update({ where: { id: instance.id }, data: { ...reset, remoteId: null } });
      return completeRemoteCreation(platform, detached, digitsOf(number));
    }
    return unavailable(error);
  }
}

export async function restartInstance(ctx: Context, instanceId: string): Promise<Instance> {
  const instance = await loadInstance(ctx, instanceId);
  await ctx.access.authorize(instance.businessId, 'MANAGE', ['input', 'instanceId']);
  if (!instance.remoteId) throw new InstanceNotConnectedError('The line has not been created on WhatsApp yet; run setupWhatsApp again');
  try {
    await (await ctx.platform.gateways.forInstance(instance)).restart(instance.name);
  } catch (error) {
    return unavailable(error);
  }
  return update(ctx.platform, instance, { status: 'CONNECTING', connectionState: 'connecting' });
}

export async function logoutInstance(ctx: Context, instanceId: string): Promise<Instance> {
  const instance = await loadInstance(ctx, instanceId);
  await ctx.access.authorize(instance.businessId, 'MANAGE', ['input', 'instanceId']);
  if (!instance.remoteId) throw new InstanceNotConnectedError('The line has not been created on WhatsApp yet');
  try {
    await (await ctx.platform.gateways.forInstance(instance)).logout(instance.name);
  } catch (error) {
    return unavailable(error);
  }
  const updated = await update(ctx.platform, instance, { status: 'LOGGED_OUT', connectionState: 'close', qrCode: Prisma.DbNull });
  await recordAudit(db(), ctx.viewer, { businessId: instance.businessId, action: 'instance.logout', targetType: 'Instance', targetId: instance.id });
  return updated;
}

/** Deletes the line on its engine first, then soft-deletes it here; its conversations stay. */
export async function deleteInstance(ctx: Context, instanceId: string): Promise<string> {
  const instance = await loadInstance(ctx, instanceId);
  await ctx.access.authorize(instance.businessId, 'MANAGE', ['input', 'instanceId']);
  if (instance.remoteId) {
    try {
      await (await ctx.platform.gateways.forInstance(instance)).deleteInstance(instance.name);
    } catch (error) {
      if (!(error instanceof GatewayError && error.kind === 'INSTANCE_NOT_FOUND')) unavailable(error);
    }
  }
  const deleted = await db().$transaction(async (tx) => {
    const row = await tx.instance.update({ where: { id: instance.id }, data: { status: 'DELETED', deletedAt: new Date(), qrCode: Prisma.DbNull } });
    await recordAudit(tx, ctx.viewer, { businessId: instance.businessId, action: 'instance.delete', targetType: 'Instance', targetId: instance.id, metadata: { name: instance.name } });
    return row;
  });
  publishInstanceChanged(ctx.platform, deleted);
  return instance.id;
}

/**
 * Sets the profile given at setup (name, about text) on the WhatsApp account once the line first
 * connects. Best effort: a failure is logged and retried on the next connection.
 */
export async function applyBusinessProfile(platform: Platform, instance: Pick<Instance, 'id' | 'name' | 'serverId' | 'integration' | 'settings'>): Promise<void> {
  const settings = instance.settings as InstanceSettings;
  const profile = settings.businessProfile;
  // The Cloud API profile lives in Meta's Business Manager, not behind Evolution's profile routes.
  if (!profile || settings.businessProfileAppliedAt || instance.integration !== 'BAILEYS') return;
  try {
    const gateway = await platform.gateways.forInstance(instance);
    await gateway.updateProfileName(instance.name, profile.name);
    if (profile.description) await gateway.updateProfileStatus(instance.name, profile.description);
    await db().instance.update({
      where: { id: instance.id },
      data: { settings: { ...settings, businessProfileAppliedAt: new Date().toISOString() } as Prisma.InputJsonObject },
    });
  } catch (error) {
    platform.log.warn({ err: error, instance: instance.name }, 'could not set the WhatsApp business profile; will retry on the next connection');
  }
}
