import type { EnumRef } from '@pothos/core';
import { builder } from '../builder.ts';
import { db } from '../db.ts';
import type { InstanceStatus, Plan } from '../generated/prisma/enums.ts';
import { type PlatformAnalytics, platformAnalytics, type ServerLoad } from '../services/analytics/platform-analytics.ts';
import { PERIOD_DESCRIPTION, readErrors } from './analytics.ts';
import { PlanEnum } from './business.ts';

// The enum is declared with the Instance type (src/schema/instance.ts); referred to here by name.
const InstanceStatusEnum = 'InstanceStatus' as unknown as EnumRef<typeof builder.$inferSchemaTypes, InstanceStatus>;

const PlatformAnalyticsInput = builder.inputType('PlatformAnalyticsInput', {
  description: `Which period. ${PERIOD_DESCRIPTION} With \`days\`, days are UTC days: the period starts at 00:00 UTC N−1 days ago.`,
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Start of the period (included).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'End of the period (excluded).' }),
    days: t.int({ required: false, description: 'The last N whole UTC days up to now, today included (1–366).' }),
  }),
});

const PlanCountRef = builder.objectRef<{ plan: Plan; count: number }>('PlanCount').implement({
  description: 'How many businesses are on a plan.',
  fields: (t) => ({
    plan: t.field({ type: PlanEnum, description: 'The plan.', resolve: (entry) => entry.plan }),
    count: t.exposeInt('count', { description: 'Businesses on it now (deleted ones left out).' }),
  }),
});

const InstanceStatusCountRef = builder.objectRef<{ status: InstanceStatus; count: number }>('InstanceStatusCount').implement({
  description: 'How many instances of a server are in a status.',
  fields: (t) => ({
    status: t.field({ type: InstanceStatusEnum, description: 'The status.', resolve: (entry) => entry.status }),
    count: t.exposeInt('count', { description: 'Instances in it.' }),
  }),
});

const ServerLoadRef = builder.objectRef<ServerLoad>('ServerLoad').implement({
  description: 'The live (not deleted) instances of one Evolution server, by status.',
  fields: (t) => ({
    server: t.prismaField({
      type: 'EvolutionServer',
      nullable: true,
      description: 'The server; null for instances on no server (the sandbox gateway).',
      resolve: (query, load) => (load.serverId ? db().evolutionServer.findUnique({ ...query, where: { id: load.serverId } }) : null),
    }),
    capacity: t.exposeInt('capacity', { nullable: true, description: 'How many instances the server may host; null without a server.' }),
    instances: t.exposeInt('instances', { description: 'Its live instances.' }),
    statuses: t.field({ type: [InstanceStatusCountRef], description: 'Its live instances per status (statuses with none left out).', resolve: (load) => load.statuses }),
  }),
});

const DailyMessagesRef = builder.objectRef<{ day: string; inbound: number; outbound: number }>('DailyMessages').implement({
  description: 'Messages of every business on one UTC day.',
  fields: (t) => ({
    day: t.exposeString('day', { description: 'The UTC date, `YYYY-MM-DD`.' }),
    inbound: t.exposeInt('inbound', { description: 'Customer messages.' }),
    outbound: t.exposeInt('outbound', { description: 'Outbound messages, except CANCELED ones.' }),
  }),
});

const rate = (description: string) => ({ nullable: true as const, description: `${description} Between 0 and 1; null when there was nothing to divide by.` });

const PlatformAnalyticsRef = builder.objectRef<PlatformAnalytics>('PlatformAnalytics').implement({
  description: 'The whole platform over a period (admins only).',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period (included).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period (excluded).' }),
    businessesPerPlan: t.field({ type: [PlanCountRef], description: 'Businesses per plan now, every plan listed.', resolve: (stats) => stats.businessesPerPlan }),
    servers: t.field({ type: [ServerLoadRef], description: 'Live instances per Evolution server now, with status counts.', resolve: (stats) => stats.servers }),
    messagesPerDay: t.field({
      type: [DailyMessagesRef],
      description: 'Messages per UTC day of the period, oldest first, every day listed.',
      resolve: (stats) => stats.messagesPerDay,
    }),
    sendAttempts: t.exposeInt('sendAttempts', { description: 'Outbound messages of the period that left us: SENT or later, or FAILED.' }),
    sendFailures: t.exposeInt('sendFailures', { description: 'Outbound messages of the period that FAILED.' }),
    sendFailureRate: t.exposeFloat('sendFailureRate', rate('sendFailures ÷ sendAttempts.')),
    webhookEvents: t.exposeInt('webhookEvents', { description: 'Webhook deliveries received in the period.' }),
    webhookFailures: t.exposeInt('webhookFailures', { description: 'Of those, the ones whose processing FAILED.' }),
    webhookFailureRate: t.exposeFloat('webhookFailureRate', rate('webhookFailures ÷ webhookEvents.')),
  }),
});

builder.queryField('platformAnalytics', (t) =>
  t.field({
    type: PlatformAnalyticsRef,
    authScopes: { admin: true },
    description: 'Businesses per plan, instances per Evolution server, messages per day and failure rates (admins only).',
    args: { input: t.arg({ type: PlatformAnalyticsInput, description: 'The period.' }) },
    resolve: (_root, { input }) => readErrors(() => platformAnalytics(input)),
  }),
);
