import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { parseGlobalId } from '../resolvers/global-id.ts';
import {
  type AnalyticsBucket,
  type AnalyticsTotals,
  type BusinessAnalytics,
  businessAnalytics,
  type MonthlyCost,
} from '../services/analytics/business-analytics.ts';

/**
 * Analytics are reads: bad arguments are top-level errors, as elsewhere on Business —
 * BAD_USER_INPUT (with `fieldErrors`) for a malformed input, NOT_FOUND for a line of another tenant.
 */
export async function readErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', argument: 'input', field: error.field, fieldErrors: error.fieldErrors },
      });
    }
    if (error instanceof NotFoundError) throw new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND', field: error.field } });
    throw error;
  }
}

export const PERIOD_DESCRIPTION =
  'Give either `from` and `to` (the period is [from, to), at most 366 days) or `days` (1–366: the last N whole days up to now).';

const GranularityEnum = builder.enumType('AnalyticsGranularity', {
  description: 'How long each bucket of a series is, in the business’s timezone.',
  values: {
    HOUR: { description: 'An hour of real time. When clocks go back, the repeated local hour is two buckets with the same label.' },
    DAY: { description: 'A local calendar day, midnight to midnight: 23 or 25 hours on the days clocks change.' },
    WEEK: { description: 'A local week, from Monday 00:00.' },
  },
});

const AnalyticsInput = builder.inputType('AnalyticsInput', {
  description: `Which period, how to bucket it, and which line. ${PERIOD_DESCRIPTION} With \`days\`, a day is a local calendar day of the business: the period starts at local midnight N−1 days ago.`,
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Start of the period (included).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'End of the period (excluded).' }),
    days: t.int({ required: false, description: 'The last N whole local days up to now, today included (1–366).' }),
    granularity: t.field({ type: GranularityEnum, required: false, defaultValue: 'DAY', description: 'Bucket size of `series`; DAY when omitted.' }),
    instanceId: t.id({ required: false, description: 'Only this WhatsApp line of the business (its calls: numbers linked to it); every line when omitted.' }),
  }),
});

const MonthlyCostRef = builder.objectRef<MonthlyCost>('MonthlyCost').implement({
  description: 'What the business pays per month now: its plan plus the phone numbers it holds (not released).',
  fields: (t) => ({
    planCents: t.exposeInt('planCents', { description: 'The plan’s monthly price, in cents.' }),
    numbersCents: t.exposeInt('numbersCents', { description: 'Monthly cost of its active phone numbers, in cents.' }),
    totalCents: t.exposeInt('totalCents', { description: 'planCents + numbersCents.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code of the amounts: EUR.' }),
  }),
});

const rate = (description: string) => ({ nullable: true as const, description: `${description} Between 0 and 1; null when there was nothing to divide by.` });

const TotalsRef = builder.objectRef<AnalyticsTotals>('AnalyticsTotals').implement({
  description: 'Totals over the period. A message belongs to the period by when it was stored (`createdAt`).',
  fields: (t) => ({
    totalMessages: t.exposeInt('totalMessages', { description: 'inbound + outbound.' }),
    inbound: t.exposeInt('inbound', { description: 'Customer messages, of every type.' }),
    outbound: t.exposeInt('outbound', { description: 'Messages of the business (AI, agents, its phone, system), except CANCELED ones.' }),
    aiProcessed: t.exposeInt('aiProcessed', { description: 'Inbound messages an AI decision read that REPLIED, DRAFTED or HANDED_OFF (each message once).' }),
    aiProcessingRate: t.exposeFloat('aiProcessingRate', rate('aiProcessed ÷ inbound.')),
    humanReplies: t.exposeInt('humanReplies', { description: 'Outbound messages by an agent or from the business’s own phone.' }),
    averageResponseSeconds: t.exposeFloat('averageResponseSeconds', {
      nullable: true,
      description:
        'Mean response time of replies written in the period: from the first customer message after the previous reply to the reply. Null without replies.',
    }),
    medianResponseSeconds: t.exposeFloat('medianResponseSeconds', {
      nullable: true,
      description: 'Median of the same response times (percentile_cont(0.5): interpolated between the two middle values).',
    }),
    p90ResponseSeconds: t.exposeFloat('p90ResponseSeconds', {
      nullable: true,
      description: '90th percentile of the same response times (percentile_cont(0.9), linear interpolation).',
    }),
    deliveryRate: t.exposeFloat('deliveryRate', rate('Outbound messages DELIVERED, READ or PLAYED ÷ those that left us (SENT or later, or FAILED).')),
    readRate: t.exposeFloat('readRate', rate('Outbound messages READ or PLAYED ÷ those delivered.')),
    failedSends: t.exposeInt('failedSends', { description: 'Outbound messages that FAILED.' }),
    newContacts: t.exposeInt('newContacts', { description: 'Contacts first seen in the period (with a line filter: those with a conversation on it).' }),
    activeConversations: t.exposeInt('activeConversations', { description: 'Conversations with at least one message in the period (a CANCELED one too).' }),
    resolvedConversations: t.exposeInt('resolvedConversations', { description: 'Of the active conversations, those RESOLVED now.' }),
    handoffs: t.exposeInt('handoffs', { description: 'AI decisions in the period that HANDED_OFF to a person.' }),
    callsHandled: t.exposeInt('callsHandled', { description: 'Calls started in the period that were answered and COMPLETED.' }),
    callMinutes: t.exposeInt('callMinutes', { description: 'Minutes of those calls, each rounded up to a whole minute.' }),
    monthlyCost: t.field({ type: MonthlyCostRef, description: 'The business’s current monthly cost (not limited to the period or line).', resolve: (totals) => totals.monthlyCost }),
  }),
});

const BucketRef = builder.objectRef<AnalyticsBucket>('AnalyticsBucket').implement({
  description: 'One bucket of a series. Every bucket that overlaps the period is listed, empty ones too; only what lies in the period is counted.',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'When the bucket starts (local midnight, Monday 00:00 or the hour).' }),
    end: t.expose('end', { type: 'DateTime', description: 'When the next bucket starts.' }),
    label: t.exposeString('label', { description: 'Local start in the business’s timezone: `2026-03-08` for days and weeks, `2026-03-08T01:00` for hours.' }),
    inbound: t.exposeInt('inbound', { description: 'Customer messages.' }),
    outbound: t.exposeInt('outbound', { description: 'Outbound messages, except CANCELED ones.' }),
    aiReplies: t.exposeInt('aiReplies', { description: 'Outbound messages written by the AI.' }),
    humanReplies: t.exposeInt('humanReplies', { description: 'Outbound messages by an agent or from the business’s phone.' }),
    averageResponseSeconds: t.exposeFloat('averageResponseSeconds', { nullable: true, description: 'Mean response time of replies written in this bucket; null without replies.' }),
  }),
});

const IntentCountRef = builder.objectRef<{ intent: string; count: number }>('IntentCount').implement({
  description: 'How many AI decisions in the period classified a customer’s message as this intent.',
  fields: (t) => ({
    intent: t.exposeString('intent', { description: 'The intent, such as "ORDER_STATUS".' }),
    count: t.exposeInt('count', { description: 'AI decisions (any outcome) with this intent.' }),
  }),
});

const BusyHourRef = builder.objectRef<{ weekday: number; hour: number; inbound: number }>('BusyHour').implement({
  description: 'Customer messages in one local hour of the week, over the period.',
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'Local day of the week: 1 = Monday … 7 = Sunday.' }),
    hour: t.exposeInt('hour', { description: 'Local hour, 0–23.' }),
    inbound: t.exposeInt('inbound', { description: 'Customer messages in that hour of that weekday.' }),
  }),
});

const AnalyticsRef = builder.objectRef<BusinessAnalytics>('Analytics').implement({
  description: 'What happened in a business over a period, in its own timezone; computed exactly from its messages, replies, AI decisions and calls.',
  fields: (t) => ({
    from: t.expose('from', { type: 'DateTime', description: 'Start of the period (included).' }),
    to: t.expose('to', { type: 'DateTime', description: 'End of the period (excluded).' }),
    timezone: t.exposeString('timezone', { description: 'The business’s IANA timezone, which days, weeks and hours are in.' }),
    granularity: t.field({ type: GranularityEnum, description: 'Bucket size of `series`.', resolve: (analytics) => analytics.granularity }),
    totals: t.field({ type: TotalsRef, description: 'Totals over the period.', resolve: (analytics) => analytics.totals }),
    series: t.field({ type: [BucketRef], description: 'Counts per bucket, oldest first.', resolve: (analytics) => analytics.series }),
    intentBreakdown: t.field({
      type: [IntentCountRef],
      description: 'AI decisions in the period per intent, most frequent first.',
      resolve: (analytics) => analytics.intentBreakdown,
    }),
    busiestHours: t.field({
      type: [BusyHourRef],
      description: 'Customer messages per local weekday and hour, busiest first; hours without any are left out.',
      resolve: (analytics) => analytics.busiestHours,
    }),
  }),
});

builder.prismaObjectField('Business', 'analytics', (t) =>
  t.field({
    type: AnalyticsRef,
    description: 'Volumes, AI share, response times, delivery and read rates, intents, busiest hours and cost over a period.',
    authScopes: (business) => ({ businessPermission: { businessId: business.id, permission: 'READ' } }),
    args: { input: t.arg({ type: AnalyticsInput, description: 'The period, bucket size and line.' }) },
    resolve: (business, { input }) =>
      readErrors(() =>
        businessAnalytics(business.id, {
          ...input,
          instanceId: input.instanceId == null ? null : parseGlobalId(input.instanceId, 'Instance', ['input', 'instanceId']),
        }),
      ),
  }),
);
