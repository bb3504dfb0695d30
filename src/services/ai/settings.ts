import { z } from 'zod';
import { e164Schema, parseInput } from '../validation.ts';
import { BUILT_IN_LANGUAGES } from './types.ts';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const AI_MODES = ['AUTO', 'DRAFT', 'OFF'] as const;
export type AiMode = (typeof AI_MODES)[number];

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Must be a 24-hour time such as "09:00"');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date such as "2026-12-24"')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Must be a real calendar date');
const text = (max: number) => z.string().trim().min(1, 'Must not be empty').max(max, `Must be at most ${max.toLocaleString('en')} characters`);
const httpUrl = z
  .string()
  .trim()
  .max(2_048, 'Must be at most 2,048 characters')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Must be an http(s) URL');

/**
 * Opening hours of one weekday, in the business's timezone. `closes` at or before `opens` means
 * the period runs past midnight (a bar open 18:00–02:00 on FRIDAY is open until 02:00 on Saturday).
 */
const openingPeriod = z.object({ weekday: z.enum(WEEKDAYS), opens: clock, closes: clock });

/** A date that differs from the weekly hours: a holiday (closed) or special hours. */
const hoursException = z
  .object({
    date: isoDate,
    closed: z.boolean(),
    opens: clock.nullish(),
    closes: clock.nullish(),
    note: text(200).nullish(),
  })
  .superRefine((value, issues) => {
    if (!value.closed && (!value.opens || !value.closes)) {
      issues.addIssue({ code: 'custom', path: ['opens'], message: 'Give opens and closes, or closed: true' });
    }
  });

const catalogueItem = z.object({
  name: text(200),
  description: text(1_000).nullish(),
  /** In the currency's major unit, e.g. 12.5 */
  price: z.number().nonnegative('Must not be negative').max(1_000_000_000).nullish(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 currency code such as "EUR"')
    .nullish(),
});

const knowledge = z.object({
  faq: z.array(z.object({ question: text(500), answer: text(2_000) })).max(200, 'At most 200 FAQ entries').default([]),
  openingHours: z.array(openingPeriod).max(21, 'At most 21 periods (3 per weekday)').default([]),
  hoursExceptions: z.array(hoursException).max(366, 'At most 366 exceptions').default([]),
  address: text(500).nullish(),
  mapUrl: httpUrl.nullish(),
  bookingUrl: httpUrl.nullish(),
  website: httpUrl.nullish(),
  phone: e164Schema.nullish(),
  email: z.string().trim().email('Must be an email address').nullish(),
  items: z.array(catalogueItem).max(500, 'At most 500 items').default([]),
  policies: z.array(z.object({ title: text(200), text: text(4_000) })).max(50, 'At most 50 policies').default([]),
});

const voice = z.object({
  /** Where a handed-off call is forwarded; without one the caller may leave a message. */
  fallbackNumber: e164Schema.nullish(),
  maxCallSeconds: z.number().int().min(30, 'Must be at least 30').max(3_600, 'Must be at most 3,600').default(600),
});

/** The full shape stored in Business.aiSettings; every field has a default, so `{}` is valid. */
export const AiSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  mode: z.enum(AI_MODES).default('AUTO'),
  persona: text(500).nullish(),
  instructions: text(4_000).nullish(),
  knowledge: knowledge.default(() => knowledge.parse({})),
  replyLanguages: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'Must be an ISO 639-1 code such as "lv"')).max(20).default([...BUILT_IN_LANGUAGES]),
  handoffKeywords: z.array(text(100)).max(100).default([]),
  /** Words or phrases a reply must never contain. */
  blocklist: z.array(text(100)).max(200).default([]),
  maxRepliesPerConversationPerHour: z.number().int().min(1, 'Must be at least 1').max(100, 'Must be at most 100').default(10),
  /** Below this classifier/model confidence the conversation goes to a human. */
  confidenceThreshold: z.number().min(0).max(1).default(0.5),
  humanFallbackMessage: text(1_000).nullish(),
  /** Resolving a conversation hands it back to the AI. */
  handBackOnResolve: z.boolean().default(true),
  /** A HUMAN conversation with no message for this long goes back to the AI; null keeps it with humans. */
  handBackAfterIdleMinutes: z.number().int().min(5).max(60 * 24 * 30).nullish().default(240),
  voice: voice.default(() => voice.parse({})),
});

export type AiSettings = z.output<typeof AiSettingsSchema>;
export type AiKnowledge = AiSettings['knowledge'];

/** Stored settings with defaults filled in; a stored value that no longer validates falls back field by field to defaults. */
export function readAiSettings(stored: unknown): AiSettings {
  const parsed = AiSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const base = AiSettingsSchema.parse({});
  const record = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  for (const key of Object.keys(base) as (keyof AiSettings)[]) {
    const field = AiSettingsSchema.shape[key].safeParse(record[key]);
    if (field.success) (base as Record<string, unknown>)[key] = field.data;
  }
  return base;
}

/** Validates a full replacement of the settings (a mutation input); errors point into `input`. */
export function parseAiSettings(input: unknown, root: string[] = ['input']): AiSettings {
  return parseInput(AiSettingsSchema, input, root);
}
