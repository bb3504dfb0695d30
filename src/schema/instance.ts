import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { db } from '../db.ts';
import {
  CapacityExhaustedError,
  ConflictError,
  GatewayUnavailableError,
  InstanceNotConnectedError,
  NotFoundError,
  notVisible,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../errors.ts';
import type { Instance } from '../generated/prisma/client.ts';
import { parseGlobalId, parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { selection } from '../services/db/selection.ts';
import { TwilioNotConfiguredError } from '../services/phone-numbers/errors.ts';
import {
  connectInstance,
  deleteInstance,
  logoutInstance,
  restartInstance,
  setupWhatsApp,
  type StoredQr,
} from '../services/whatsapp/instances.ts';
import type { HealthJson } from '../services/whatsapp/watchdog.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

/** How long WhatsApp keeps a QR valid before Evolution issues the next one. */
const QR_LIFETIME_MS = 45_000;

const InstanceStatusEnum = builder.enumType('InstanceStatus', {
  description: 'Where a WhatsApp line stands.',
  values: {
    CREATING: { description: 'Being created on the WhatsApp engine (a failed attempt stays here until retried).' },
    QR_PENDING: { description: 'Waiting for the phone to scan the QR code (or enter the pairing code).' },
    CONNECTING: { description: 'Connecting or reconnecting.' },
    CONNECTED: { description: 'Connected: messages flow.' },
    DISCONNECTED: { description: 'The connection dropped; the watchdog is reconnecting.' },
    LOGGED_OUT: { description: 'Logged out (on the phone or by logoutInstance): a new QR scan is needed.' },
    FAILED: { description: 'Gave up: see lastError; connectInstance starts over.' },
    DELETED: { description: 'Deleted; its conversations are kept.' },
  },
});

const IntegrationEnum = builder.enumType('Integration', {
  description: 'How the line reaches WhatsApp.',
  values: {
    BAILEYS: { description: 'WhatsApp Web protocol: pair a phone by QR or pairing code.' },
    CLOUD_API: { description: 'Meta’s WhatsApp Business Cloud API.' },
  },
});

const GatewayKindEnum = builder.enumType('GatewayKind', {
  description: 'Which engine serves the line.',
  values: {
    EVOLUTION: { description: 'A real Evolution API server.' },
    SANDBOX: { description: 'The built-in sandbox: simulated WhatsApp for trying the product and building frontends. No real messages.' },
  },
});

const HealthStateEnum = builder.enumType('HealthState', {
  description: 'Whether a line works.',
  values: {
    OK: { description: 'Works.' },
    DEGRADED: { description: 'Says it is connected but something is off (e.g. nothing received for a long time while sends succeed).' },
    DOWN: { description: 'Not connected.' },
  },
});

const QrCodeType = builder.objectRef<StoredQr>('QrCode').implement({
  description: 'What the phone scans (or types) to pair. A new one replaces it about every 45 s.',
  fields: (t) => ({
    image: t.exposeString('image', { nullable: true, description: 'A `data:image/png;base64,…` image of the QR.' }),
    code: t.exposeString('code', { nullable: true, description: 'The raw QR string, to render yourself.' }),
    pairingCode: t.exposeString('pairingCode', { nullable: true, description: '8-character code to type on the phone (when a number was given).' }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When this code stops working.',
      resolve: (qr) => new Date(new Date(qr.receivedAt).getTime() + QR_LIFETIME_MS),
    }),
  }),
});

interface InstanceHealthShape {
  state: 'OK' | 'DEGRADED' | 'DOWN';
  reason: string | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
}

const InstanceHealthType = builder.objectRef<InstanceHealthShape>('InstanceHealth').implement({
  description: 'Whether the line works, and why not.',
  fields: (t) => ({
    state: t.field({ type: HealthStateEnum, description: 'OK, DEGRADED or DOWN.', resolve: (health) => health.state }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it is not OK.' }),
    lastInboundAt: t.expose('lastInboundAt', { type: 'DateTime', nullable: true, description: 'When a message last came in (to the nearest 10 s).' }),
    lastOutboundAt: t.expose('lastOutboundAt', { type: 'DateTime', nullable: true, description: 'When a message last went out.' }),
  }),
});

function healthOf(instance: Instance): InstanceHealthShape {
  const stored = instance.health as HealthJson | null;
  const base = { lastInboundAt: instance.lastInboundAt, lastOutboundAt: instance.lastOutboundAt };
  if (instance.status === 'CONNECTED') return { ...base, state: stored?.state === 'DEGRADED' ? 'DEGRADED' : 'OK', reason: stored?.state === 'DEGRADED' ? stored.reason : null };
  const waiting = { CREATING: 'Being set up', QR_PENDING: 'Waiting for the QR code to be scanned', CONNECTING: 'Connecting' } as Record<string, string>;
  return { ...base, state: 'DOWN', reason: instance.lastError ?? waiting[instance.status] ?? instance.status };
}

export const InstanceRef = builder.prismaNode('Instance', {
  description: 'A business’s WhatsApp line: one instance on an Evolution server (or in the sandbox).',
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The instance name on the engine (also in its webhook URL).' }),
    status: t.expose('status', { type: InstanceStatusEnum, description: 'Where the line stands.' }),
    integration: t.expose('integration', { type: IntegrationEnum, description: 'How it reaches WhatsApp.' }),
    gateway: t.field({
      type: GatewayKindEnum,
      description: 'Which engine serves it; SANDBOX lines are simulated.',
      select: { serverId: true },
      resolve: (instance) => (instance.serverId ? 'EVOLUTION' : 'SANDBOX'),
    }),
    qrCode: t.field({
      type: QrCodeType,
      nullable: true,
      description: 'The current QR / pairing code while waiting for a scan; null otherwise.',
      select: { qrCode: true, status: true },
      resolve: (instance) => (instance.status === 'QR_PENDING' ? (instance.qrCode as unknown as StoredQr | null) : null),
    }),
    phoneNumber: t.exposeString('phoneNumber', { nullable: true, description: 'The line’s number (E.164) once connected, or the one given for pairing.' }),
    profileName: t.exposeString('profileName', { nullable: true, description: 'The WhatsApp profile name.' }),
    lastConnectedAt: t.expose('lastConnectedAt', { type: 'DateTime', nullable: true, description: 'When it last connected.' }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why it last failed or dropped, in words.' }),
    health: t.field({ type: InstanceHealthType, description: 'Whether it works.', resolve: healthOf }),
    business: t.relation('business', { description: 'The business it belongs to.' }),
    server: t.relation('server', {
      nullable: true,
      authScopes: { admin: true },
      description: 'The Evolution server it lives on (admins only); null in the sandbox.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was set up.' }),
  }),
});

builder.prismaObjectField('Business', 'instances', (t) =>
  t.relatedConnection(
    'instances',
    { ...pageSize, cursor: 'id', query: { where: { deletedAt: null }, orderBy: { id: 'asc' } }, description: 'The business’s live WhatsApp lines.' },
    { name: 'InstanceConnection' },
    { name: 'InstanceEdge' },
  ),
);

const CloudApiInput = builder.inputType('CloudApiInput', {
  description: 'Meta WhatsApp Business Cloud API credentials.',
  fields: (t) => ({
    accessToken: t.string({ description: 'The permanent access token. Stored encrypted.' }),
    phoneNumberId: t.string({ description: 'The phone number id.' }),
    businessAccountId: t.string({ description: 'The WhatsApp business account id.' }),
  }),
});

const BusinessProfileInput = builder.inputType('BusinessProfileInput', {
  description: 'How the business appears on WhatsApp.',
  fields: (t) => ({
    name: t.string({ description: 'Profile name, up to 25 characters.' }),
    description: t.string({ required: false, description: 'About text, up to 139 characters.' }),
    category: t.string({ required: false, description: 'Business category.' }),
  }),
});

const SetupWhatsAppInput = builder.inputType('SetupWhatsAppInput', {
  description: 'Connect WhatsApp for a business. Safe to repeat: the same line comes back, and an interrupted setup completes.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.' }),
    integration: t.field({ type: IntegrationEnum, description: 'BAILEYS (pair a phone) or CLOUD_API.' }),
    cloudApi: t.field({ type: CloudApiInput, required: false, description: 'Required for CLOUD_API.' }),
    businessProfile: t.field({ type: BusinessProfileInput, required: false, description: 'Profile to show on WhatsApp.' }),
    phoneNumber: t.string({ required: false, description: 'E.164 number of the phone to pair: a pairing code is issued besides the QR.' }),
    provisionNumber: t.boolean({
      required: false,
      description: 'Provision a local number through Twilio first (or reuse the business’s own) and link it to the line; instead of `phoneNumber`.',
    }),
  }),
});

const InstanceIdInput = (name: string, description: string) =>
  builder.inputType(name, { description, fields: (t) => ({ instanceId: t.id({ description: 'The Instance ID.' }) }) });

const ConnectInstanceInput = builder.inputType('ConnectInstanceInput', {
  description: 'Get a fresh QR code (or a pairing code for a phone number).',
  fields: (t) => ({
    instanceId: t.id({ description: 'The Instance ID.' }),
    phoneNumber: t.string({ required: false, description: 'E.164 number for a pairing code.' }),
  }),
});

const lineErrors = [ValidationError, NotFoundError, GatewayUnavailableError, InstanceNotConnectedError];

builder.mutationFields((t) => ({
  setupWhatsApp: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'Places the business’s WhatsApp line on an engine, creates it there with our webhook, and returns it with its first QR code.',
    args: { input: t.arg({ type: SetupWhatsAppInput, description: 'What to do; see the input type.' }) },
    errors: {
      types: [...lineErrors, PlanUpgradeRequiredError, CapacityExhaustedError, ConflictError, TwilioNotConfiguredError],
      ...resultNames('setupWhatsApp', 'instance', 'The line, as it is now.'),
    },
    resolve: (_query, _root, { input: { businessId, ...rest } }, ctx) =>
      setupWhatsApp(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), rest),
  }),
  connectInstance: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'A fresh QR code (or pairing code), or CONNECTED when the line is already open. Recreates a line removed on the engine.',
    args: { input: t.arg({ type: ConnectInstanceInput, description: 'What to do; see the input type.' }) },
    errors: { types: lineErrors, ...resultNames('connectInstance', 'instance', 'The line, as it is now.') },
    resolve: (_query, _root, { input }, ctx) =>
      connectInstance(ctx, parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId']), input.phoneNumber),
  }),
  restartInstance: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'Closes and reopens the line’s connection (the usual cure for a DEGRADED line).',
    args: { input: t.arg({ type: InstanceIdInput('RestartInstanceInput', 'The line to restart.'), description: 'What to do; see the input type.' }) },
    errors: { types: lineErrors, ...resultNames('restartInstance', 'instance', 'The line, as it is now.') },
    resolve: (_query, _root, { input }, ctx) => restartInstance(ctx, parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId'])),
  }),
  logoutInstance: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'Logs the WhatsApp session out; the line stays and can be paired again.',
    args: { input: t.arg({ type: InstanceIdInput('LogoutInstanceInput', 'The line to log out.'), description: 'What to do; see the input type.' }) },
    errors: { types: lineErrors, ...resultNames('logoutInstance', 'instance', 'The line, as it is now.') },
    resolve: (_query, _root, { input }, ctx) => logoutInstance(ctx, parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId'])),
  }),
  deleteInstance: t.field({
    type: 'ID',
    authScopes: { signedIn: true },
    description: 'Deletes the line on its engine, then here; its conversations and messages are kept.',
    args: { input: t.arg({ type: InstanceIdInput('DeleteInstanceInput', 'The line to delete.'), description: 'What to do; see the input type.' }) },
    errors: {
      types: lineErrors,
      ...resultNames('deleteInstance', 'deletedInstanceId', 'The ID of the deleted line.'),
    },
    resolve: async (_root, { input }, ctx) =>
      encodeGlobalID('Instance', await deleteInstance(ctx, parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId']))),
  }),
}));

builder.subscriptionFields((t) => ({
  instanceQrCodeUpdated: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'The line each time a new QR or pairing code arrives, until it connects.',
    args: { instanceId: t.arg.id({ description: 'The Instance ID.' }) },
    subscribe: async (_root, { instanceId }, ctx) => {
      const id = parseGlobalIdOrNull(instanceId, 'Instance');
      const instance = id ? await db().instance.findFirst({ where: { id, business: visibleBusinessesWhere(ctx.viewer) }, select: { id: true } }) : null;
      if (!instance) throw notVisible();
      return ctx.pubsub.subscribe('instance:qr', instance.id);
    },
    resolve: (query, event) => db().instance.findUniqueOrThrow({ ...selection(query), where: { id: event.instanceId } }),
  }),
  instanceConnectionChanged: t.prismaField({
    type: 'Instance',
    authScopes: { signedIn: true },
    description: 'Any line of the business whose status changed (connected, dropped, logged out, failed…), with its reason.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, { businessId }, ctx) => {
      const id = parseGlobalIdOrNull(businessId, 'Business');
      if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
      return ctx.pubsub.subscribe('business:instance', id);
    },
    resolve: (query, event) => db().instance.findUniqueOrThrow({ ...selection(query), where: { id: event.instanceId } }),
  }),
}));
