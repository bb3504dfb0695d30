import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { isCountryCode } from './countries.ts';

/** Parses a mutation input; failures become a ValidationError whose paths start at `input`. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, root: string[] = ['input']): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({ path: [...root, ...issue.path.map(String)], message: issue.message })),
  );
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function canonicalLanguageTag(value: string): string | null {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'Must be an ISO 3166-1 alpha-2 country code such as "LV" or "US"');

export const timezoneSchema = z
  .string()
  .trim()
  .refine(isTimeZone, 'Must be an IANA time zone such as "Europe/Riga"');

export const languageSchema = z
  .string()
  .trim()
  .refine((value) => canonicalLanguageTag(value) !== null, 'Must be a BCP-47 language tag such as "en" or "lv-LV"')
  .transform((value) => canonicalLanguageTag(value) as string);

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(120, 'Must be at most 120 characters');

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'Must be 1–64 lowercase letters, digits or inner hyphens');

export const e164Schema = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'Must be an E.164 phone number such as +12025550123');
