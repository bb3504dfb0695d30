import { z } from 'zod';
import type { Context } from '../../context.ts';
import { db } from '../../db.ts';
import { CapacityExhaustedError, ConflictError, forbidden, GatewayUnavailableError, NotFoundError } from '../../errors.ts';
import type { EvolutionServer, Prisma } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import type { Platform } from '../platform.ts';
import { isUniqueViolation } from '../prisma-errors.ts';
import { SecretDecryptionError } from '../secrets.ts';
import { parseInput } from '../validation.ts';
import { GatewayError } from './gateway-errors.ts';

/** Any fixed number: placement takes this lock so two setups cannot both take a server's last slot. */
const PLACEMENT_LOCK_KEY = 7_342_115_101;
const REACHABILITY_TIMEOUT_MS = 3_000;

const urlSchema = z
  .string()
  .trim()
  .url('Must be a URL')
  .refine((url) => /^https?:\/\//.test(url), 'Must start with http:// or https://')
  .transform((url) => url.replace(/\/+$/, ''));

const ServerSchema = z.object({
  name: z.string().trim().min(1, 'Must not be empty').max(80, 'Must be at most 80 characters'),
  url: urlSchema,
  apiKey: z.string().trim().min(1, 'Must not be empty').max(500),
  capacity: z.number().int().min(1, 'Must be at least 1').max(100_000).nullish(),
  enabled: z.boolean().nullish(),
});

const UpdateServerSchema = z.object({
  name: ServerSchema.shape.name.optional(),
  url: urlSchema.optional(),
  apiKey: ServerSchema.shape.apiKey.optional(),
  capacity: z.number().int().min(1, 'Must be at least 1').max(100_000).optional(),
  enabled: z.boolean().optional(),
});

export type RegisterServerInput = z.input<typeof ServerSchema>;
export type UpdateServerInput = { [Field in keyof z.input<typeof UpdateServerSchema>]?: z.input<typeof UpdateServerSchema>[Field] | null };

function requireAdmin(ctx: Context): void {
  if (ctx.viewer.kind !== 'user' || !ctx.viewer.isAdmin) throw forbidden('Only platform admins manage Evolution servers');
}

async function probe(platform: Platform, server: Pick<EvolutionServer, 'id' | 'url' | 'apiKeyEncrypted' | 'updatedAt'>): Promise<void> {
  try {
    await platform.gateways.forServer(server).ping();
  } catch (error) {
    const reason = error instanceof GatewayError ? error.message : 'no answer';
    throw new GatewayUnavailableError(`The Evolution server at ${server.url} is not reachable: ${reason}`, ['input', 'url']);
  }
}

/** Registers a server after checking it answers. Its API key is stored encrypted (AES-256-GCM). */
export async function registerEvolutionServer(ctx: Context, input: RegisterServerInput): Promise<EvolutionServer> {
  requireAdmin(ctx);
  const data = parseInput(ServerSchema, input);
  const { platform } = ctx;
  const apiKeyEncrypted = platform.cipher.encrypt(data.apiKey);
  await probe(platform, { id: `probe:${data.url}`, url: data.url, apiKeyEncrypted, updatedAt: new Date() });
  try {
    const server = await db().evolutionServer.create({
      data: {
        name: data.name,
        url: data.url,
        apiKeyEncrypted,
        capacity: data.capacity ?? platform.config.evolution.maxInstancesPerServer,
        enabled: data.enabled ?? true,
      },
    });
    await platform.gateways.refreshMode();
    return server;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A server with this URL is already registered', ['input', 'url']);
    throw error;
  }
}

export async function updateEvolutionServer(ctx: Context, serverId: string, input: UpdateServerInput): Promise<EvolutionServer> {
  requireAdmin(ctx);
  const changes = parseInput(UpdateServerSchema, input);
  const existing = await db().evolutionServer.findUnique({ where: { id: serverId } });
  if (!existing) throw new NotFoundError('No Evolution server with this id', ['input', 'id']);
  const apiKeyEncrypted = changes.apiKey === undefined ? existing.apiKeyEncrypted : ctx.platform.cipher.encrypt(changes.apiKey);
  if (changes.url !== undefined || changes.apiKey !== undefined) {
    await probe(ctx.platform, { ...existing, url: changes.url ?? existing.url, apiKeyEncrypted, updatedAt: new Date() });
  }
  const data: Prisma.EvolutionServerUpdateInput = {
    name: changes.name,
    url: changes.url,
    capacity: changes.capacity,
    enabled: changes.enabled,
    apiKeyEncrypted,
  };
  try {
    return await db().evolutionServer.update({ where: { id: serverId }, data });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('A server with this URL is already registered', ['input', 'url']);
    throw error;
  }
}

/** Live instances per server, for listings. */
export async function instanceCounts(serverIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db().instance.groupBy({
    by: ['serverId'],
    where: { serverId: { in: [...serverIds] }, deletedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.serverId as string, row._count._all]));
}

export async function isReachable(platform: Platform, server: EvolutionServer): Promise<boolean> {
  const ping = platform.gateways.forServer(server).ping().then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), REACHABILITY_TIMEOUT_MS).unref());
  return Promise.race([ping, timeout]);
}

/**
 * The enabled server with the most free capacity, chosen inside the caller's transaction under a
 * lock, so concurrent placements never overfill a server.
 */
export async function placeInstance(tx: Prisma.TransactionClient): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PLACEMENT_LOCK_KEY}::bigint)`;
  const [choice] = await tx.$queryRaw<{ id: string }[]>`
    SELECT s.id
    FROM "EvolutionServer" s
    LEFT JOIN "Instance" i ON i."serverId" = s.id AND i."deletedAt" IS NULL
    WHERE s.enabled
    GROUP BY s.id, s.capacity
    HAVING s.capacity - COUNT(i.id) > 0
    ORDER BY s.capacity - COUNT(i.id) DESC, s.id
    LIMIT 1`;
  if (!choice) throw new CapacityExhaustedError('Every enabled Evolution server is full; add a server or raise a capacity');
  return choice.id;
}

/** The stored key, or null when it was encrypted under another ENCRYPTION_KEY (then it is replaced). */
function storedKey(platform: Platform, encrypted: string): string | null {
  try {
    return platform.cipher.decrypt(encrypted);
  } catch (error) {
    if (error instanceof SecretDecryptionError) return null;
    throw error;
  }
}

/** EVOLUTION_API_URL + EVOLUTION_API_KEY register (or refresh) a default server at startup. */
export async function registerDefaultServer(platform: Platform, log: Logger): Promise<void> {
  const { apiUrl, apiKey, maxInstancesPerServer } = platform.config.evolution;
  if (!apiUrl || !apiKey) {
    await platform.gateways.refreshMode();
    return;
  }
  const existing = await db().evolutionServer.findUnique({ where: { url: apiUrl } });
  const apiKeyChanged = !existing || storedKey(platform, existing.apiKeyEncrypted) !== apiKey;
  const server = existing
    ? await db().evolutionServer.update({
        where: { id: existing.id },
        data: apiKeyChanged ? { apiKeyEncrypted: platform.cipher.encrypt(apiKey) } : {},
      })
    : await db().evolutionServer.create({
        data: { name: 'default', url: apiUrl, apiKeyEncrypted: platform.cipher.encrypt(apiKey), capacity: maxInstancesPerServer },
      });
  await platform.gateways.refreshMode();
  if (!(await isReachable(platform, server))) {
    log.error({ url: apiUrl }, 'The Evolution server from EVOLUTION_API_URL is not reachable; WhatsApp lines on it will fail until it is');
  }
}
