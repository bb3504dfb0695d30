import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { InstanceNotConnectedError, NotFoundError, SandboxOnlyError } from '../../errors.ts';
import type { Instance } from '../../generated/prisma/client.ts';
import { visibleBusinessesWhere } from '../access.ts';
import { e164Schema, parseInput } from '../validation.ts';
import { GatewayError } from './gateway-errors.ts';

const InboundSchema = z.object({
  from: e164Schema,
  text: z.string().min(1, 'Must not be empty').max(4_096, 'Must be at most 4,096 characters'),
  name: z.string().trim().min(1).max(80).nullish(),
});

async function sandboxInstance(ctx: Context, instanceId: string): Promise<Instance> {
  if (ctx.platform.gateways.mode !== 'sandbox') {
    throw new SandboxOnlyError('The sandbox is off: a real Evolution server is configured');
  }
  const instance = await db().instance.findFirst({ where: { id: instanceId, deletedAt: null, business: visibleBusinessesWhere(ctx.viewer) } });
  if (!instance) throw new NotFoundError('No WhatsApp line with this id is visible to you', ['input', 'instanceId']);
  await ctx.access.authorize(instance.businessId, 'MANAGE', ['input', 'instanceId']);
  if (instance.serverId) throw new SandboxOnlyError('This line is on a real Evolution server');
  if (!instance.remoteId) throw new InstanceNotConnectedError('The line is not set up yet: run setupWhatsApp first');
  return instance;
}

function notConnected(error: unknown): never {
  if (error instanceof GatewayError) throw new InstanceNotConnectedError(error.message);
  throw error;
}

/** Simulates the phone scanning the QR code: the line connects as `phoneNumber` (or a made-up number). */
export async function sandboxPairInstance(ctx: Context, instanceId: string, phoneNumber: string | null | undefined): Promise<Instance> {
  const number = phoneNumber == null ? undefined : parseInput(e164Schema, phoneNumber, ['input', 'phoneNumber']);
  const instance = await sandboxInstance(ctx, instanceId);
  await ctx.platform.gateways.sandbox.pair(instance.name, number?.replace(/\D/g, '')).catch(notConnected);
  return db().instance.findUniqueOrThrow({ where: { id: instance.id } });
}

/** Injects a customer message through the same ingestion path as a real Evolution webhook. */
export async function sandboxInboundMessage(ctx: Context, instanceId: string, input: z.input<typeof InboundSchema>): Promise<Instance> {
  const data = parseInput(InboundSchema, input);
  const instance = await sandboxInstance(ctx, instanceId);
  await ctx.platform.gateways.sandbox.inbound(instance.name, data.from, data.text, data.name ?? null).catch(notConnected);
  return db().instance.findUniqueOrThrow({ where: { id: instance.id } });
}
