import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import { notVisible } from '../errors.ts';
import { parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import type { UsageThresholdEvent } from '../services/events/topics.ts';
import { currentUsage, type Usage, usageOf } from '../services/usage/meter.ts';
import { type PlanDefinition, PLANS } from '../services/usage/plans.ts';
import { PlanEnum } from './business.ts';

const PlanFeatureEnum = builder.enumType('PlanFeature', {
  description: 'Something a plan includes.',
  values: {
    WHATSAPP: { description: 'WhatsApp lines and sending messages.' },
    AI_REPLIES: { description: 'AI replies to customers.' },
    VOICE: { description: 'Phone numbers whose calls an AI answers.' },
  },
});

function featuresOf(plan: PlanDefinition): ('WHATSAPP' | 'AI_REPLIES' | 'VOICE')[] {
  return [...(plan.whatsapp ? (['WHATSAPP', 'AI_REPLIES'] as const) : []), ...(plan.voice ? (['VOICE'] as const) : [])];
}

const PlanInfoRef = builder.objectRef<PlanDefinition>('PlanInfo').implement({
  description: 'What a plan costs and includes. Monthly allowances reset at local midnight of the 1st, in the business’s timezone.',
  fields: (t) => ({
    plan: t.field({ type: PlanEnum, description: 'The plan.', resolve: (plan) => plan.plan }),
    priceCents: t.exposeInt('priceCents', { description: 'Monthly price in cents of `currency`.' }),
    monthlyPrice: t.float({ description: 'Monthly price in `currency`, such as 35.', resolve: (plan) => plan.priceCents / 100 }),
    currency: t.string({ description: 'ISO 4217 currency code of the prices.', resolve: () => 'EUR' }),
    features: t.field({ type: [PlanFeatureEnum], description: 'What the plan includes.', resolve: featuresOf }),
    messagesLimit: t.int({ nullable: true, description: 'Messages sent per month; null is unlimited.', resolve: (plan) => plan.limits.messages }),
    callsLimit: t.int({ nullable: true, description: 'Calls per month; null is unlimited.', resolve: (plan) => plan.limits.calls }),
    contactsLimit: t.int({ nullable: true, description: 'New contacts per month; null is unlimited.', resolve: (plan) => plan.limits.contacts }),
  }),
});

const UsageRef = builder.objectRef<Usage>('Usage').implement({
  description:
    'This month’s metered usage of a business against its plan (the calendar month in the business’s timezone). Inbound messages are always stored and counted, never refused.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The month, `YYYY-MM`, in the business’s timezone.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When the month began: local midnight of the 1st.' }),
    resetsAt: t.expose('resetsAt', { type: 'DateTime', description: 'When the allowances reset: local midnight of the 1st of next month.' }),
    messagesSent: t.exposeInt('messagesSent', { description: 'Messages queued for sending this month (a send that finally failed or was canceled is given back).' }),
    messagesLimit: t.exposeInt('messagesLimit', { nullable: true, description: 'The plan’s messages per month; null is unlimited.' }),
    messagesReceived: t.exposeInt('messagesReceived', { description: 'Customer messages received this month.' }),
    aiReplies: t.exposeInt('aiReplies', { description: 'AI replies sent this month (also counted in `messagesSent`).' }),
    calls: t.exposeInt('calls', { description: 'Calls taken this month.' }),
    callsLimit: t.exposeInt('callsLimit', { nullable: true, description: 'The plan’s calls per month; null is unlimited.' }),
    callMinutes: t.exposeInt('callMinutes', { description: 'Minutes of calls this month, each call rounded up to a whole minute.' }),
    contacts: t.exposeInt('contacts', { description: 'New contacts this month; those past the limit are stored and flagged `overLimit`.' }),
    contactsLimit: t.exposeInt('contactsLimit', { nullable: true, description: 'The plan’s new contacts per month; null is unlimited.' }),
    percent: t.exposeFloat('percent', {
      description: 'The highest share used of any limited allowance, in percent (0 when all are unlimited; over 100 after a downgrade).',
    }),
    plan: t.field({ type: PlanInfoRef, description: 'The plan the limits come from.', resolve: (usage) => PLANS[usage.plan] }),
  }),
});

builder.prismaObjectField('Business', 'usage', (t) =>
  t.field({
    type: UsageRef,
    description: 'This month’s usage against the plan’s limits, as a live meter would show it.',
    select: { plan: true, timezone: true },
    authScopes: (business) => ({ businessPermission: { businessId: business.id, permission: 'READ' } }),
    resolve: (business) => usageOf(business),
  }),
);

builder.queryField('plans', (t) =>
  t.field({
    type: [PlanInfoRef],
    description: 'Every plan with its price, features and monthly limits, cheapest first (for a pricing page).',
    resolve: () => Object.values(PLANS).sort((a, b) => a.priceCents - b.priceCents),
  }),
);

const UsageMetricEnum = builder.enumType('UsageMetric', {
  description: 'A metered monthly allowance.',
  values: {
    MESSAGES: { description: 'Messages sent.' },
    CALLS: { description: 'Calls taken.' },
    CONTACTS: { description: 'New contacts.' },
  },
});

const UsageThresholdRef = builder.objectRef<UsageThresholdEvent>('UsageThreshold').implement({
  description: 'A monthly allowance reached 80 % or 100 % of its limit. Each fires once per allowance and month.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID.', resolve: (event) => encodeGlobalID('Business', event.businessId) }),
    metric: t.field({ type: UsageMetricEnum, description: 'Which allowance.', resolve: (event) => event.metric }),
    threshold: t.exposeInt('threshold', { description: 'The percentage of the limit reached: 80 or 100.' }),
    period: t.exposeString('period', { description: 'The month, `YYYY-MM`, in the business’s timezone.' }),
    usage: t.field({
      type: UsageRef,
      description: 'The business’s usage as it is now.',
      resolve: (event) => currentUsage(event.businessId),
    }),
  }),
});

builder.subscriptionField('usageThresholdReached', (t) =>
  t.field({
    type: UsageThresholdRef,
    authScopes: { signedIn: true },
    description: 'Fires when a monthly allowance of the business reaches 80 % and 100 % of its limit, once each per month.',
    args: { businessId: t.arg.id({ description: 'The business ID.' }) },
    subscribe: async (_root, { businessId }, ctx) => {
      const id = parseGlobalIdOrNull(businessId, 'Business');
      if (!id || !(await ctx.access.can(id, 'READ'))) throw notVisible();
      return ctx.pubsub.subscribe('business:usageThreshold', id);
    },
    resolve: (event) => event,
  }),
);
