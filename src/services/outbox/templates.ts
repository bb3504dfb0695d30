import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts';
import type { Prisma, ReplyTemplate } from '../../generated/prisma/client.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { recordAudit } from '../audit.ts';
import { selection } from '../db/selection.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { languageSchema, nameSchema, parseInput } from '../validation.ts';

export type ReplyTemplateQuery = { include?: Prisma.ReplyTemplateInclude; select?: Prisma.ReplyTemplateSelect };

/** WhatsApp's limit for one text message, in characters (code points). */
export const MAX_TEXT_CHARS = 4_096;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function charCount(text: string): number {
  return Array.from(text).length;
}

/** Why a template body is malformed, or null: every `{{…}}` names a variable and no brace pair is left open. */
function bodyProblem(body: string): string | null {
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    if (!VARIABLE_NAME.test(name!)) return `"{{${name}}}" is not a variable name: use letters, digits and _, starting with a letter or _`;
  }
  const rest = body.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}') ? 'Has an unclosed "{{" or a stray "}}"' : null;
}

/** The distinct variables a body uses, in order of first use. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map(([, name]) => name!))];
}

/**
 * Fills every `{{name}}` with its value (inserted literally: a value containing braces is not
 * expanded again). A variable the body uses without a value, or a value the body has no variable
 * for, is a ValidationError naming it — a typo must not send a half-filled message.
 */
export function renderTemplate(body: string, variables: { name: string; value: string }[], field: string[]): string {
  const values = new Map(variables.map((variable) => [variable.name, variable.value]));
  const used = templateVariables(body);
  const problems = [
    ...used.filter((name) => !values.has(name)).map((name) => `Missing a value for the template variable "${name}"`),
    ...[...values.keys()].filter((name) => !used.includes(name)).map((name) => `The template has no variable "${name}"`),
  ];
  if (problems.length > 0) throw new ValidationError(problems.map((message) => ({ path: field, message })));
  return body.replace(PLACEHOLDER, (_placeholder, name: string) => values.get(name)!);
}

const bodySchema = z
  .string()
  .refine((body) => body.trim().length > 0, 'Must not be blank')
  .refine((body) => charCount(body) <= MAX_TEXT_CHARS, `Must be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters`)
  .superRefine((body, issues) => {
    const problem = bodyProblem(body);
    if (problem) issues.addIssue({ code: 'custom', message: problem });
  });

const CreateSchema = z.object({ name: nameSchema, body: bodySchema, language: languageSchema.nullish() });
const UpdateSchema = z.object({ name: nameSchema.optional(), body: bodySchema.optional(), language: languageSchema.nullable().optional() });

export type CreateReplyTemplateInput = z.input<typeof CreateSchema>;
/** Validated here, so callers may pass what GraphQL gives them (nulls included). */
export type UpdateReplyTemplateInput = { name?: string | null; body?: string | null; language?: string | null };

function nameTaken(): ConflictError {
  return new ConflictError('The business already has a reply template with this name', ['input', 'name']);
}

/** A template of a business the caller can see, or NOT_FOUND (also for other tenants' ids). */
export async function findVisibleTemplate(ctx: Context, templateId: string, field: string[]): Promise<ReplyTemplate> {
  const template = await db().replyTemplate.findFirst({ where: { id: templateId, business: visibleBusinessesWhere(ctx.viewer) } });
  if (!template) throw new NotFoundError('No reply template with this id is visible to you', field);
  return template;
}

export async function createReplyTemplate(ctx: Context, businessId: string, input: CreateReplyTemplateInput, query: ReplyTemplateQuery = {}) {
  const data = parseInput(CreateSchema, input);
  await ctx.access.authorize(businessId, 'MANAGE');
  try {
    return await db().$transaction(async (tx) => {
      const template = await tx.replyTemplate.create({
        ...selection(query),
        data: { businessId, name: data.name, body: data.body, language: data.language ?? null },
      });
      await recordAudit(tx, ctx.viewer, { businessId, action: 'replyTemplate.create', targetType: 'ReplyTemplate', targetId: template.id, metadata: { name: data.name } });
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function updateReplyTemplate(ctx: Context, templateId: string, input: UpdateReplyTemplateInput, query: ReplyTemplateQuery = {}) {
  // GraphQL gives null for an omitted optional field: only language may be cleared with null.
  const data = parseInput(UpdateSchema, { ...input, name: input.name ?? undefined, body: input.body ?? undefined });
  const existing = await findVisibleTemplate(ctx, templateId, ['input', 'replyTemplateId']);
  await ctx.access.authorize(existing.businessId, 'MANAGE', ['input', 'replyTemplateId']);
  try {
    return await db().$transaction(async (tx) => {
      const template = await tx.replyTemplate.update({ ...selection(query), where: { id: templateId }, data });
      await recordAudit(tx, ctx.viewer, {
        businessId: existing.businessId,
        action: 'replyTemplate.update',
        targetType: 'ReplyTemplate',
        targetId: templateId,
        metadata: { fields: Object.keys(data).filter((key) => data[key as keyof typeof data] !== undefined) },
      });
      return template;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Deletes a template; messages already sent with it keep their text. Returns its id. */
export async function deleteReplyTemplate(ctx: Context, templateId: string): Promise<string> {
  const existing = await findVisibleTemplate(ctx, templateId, ['input', 'replyTemplateId']);
  await ctx.access.authorize(existing.businessId, 'MANAGE', ['input', 'replyTemplateId']);
  await db().$transaction(async (tx) => {
    await tx.replyTemplate.deleteMany({ where: { id: templateId } });
    await recordAudit(tx, ctx.viewer, {
      businessId: existing.businessId,
      action: 'replyTemplate.delete',
      targetType: 'ReplyTemplate',
      targetId: templateId,
      metadata: { name: existing.name },
    });
  });
  return templateId;
}
