import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import { setDb } from '../db.ts';
import type { Logger } from '../logger.ts';
import { loadOrCreateJwtSecret, signUserToken } from '../services/auth/jwt.ts';
import { type Database, openDatabase } from '../services/db/database.ts';
import { type EventBus, openEventBus } from '../services/events/event-bus.ts';
import { enableExportLinks } from '../services/exports/links.ts';
import { createExportWorker } from '../services/exports/worker.ts';
import { createBrain } from '../services/ai/brain.ts';
import { createChatModel } from '../services/ai/chat-model.ts';
import { createIdleHandBack, type IdleHandBack } from '../services/ai/hand-back.ts';
import { createAiWorker } from '../services/ai/worker.ts';
import { createOutboxWorker } from '../services/outbox/worker.ts';
import type { Platform } from '../services/platform.ts';
import { memoryRateLimiter, redisRateLimiter } from '../services/rate-limit.ts';
import { loadOrCreateSecretFile } from '../services/secret-files.ts';
import { createSecretCipher } from '../services/secrets.ts';
import { GatewayRegistry } from '../services/whatsapp/gateways.ts';
import { EvolutionIngestion } from '../services/whatsapp/ingestion.ts';
import { SandboxGateway } from '../services/whatsapp/sandbox-gateway.ts';
import { registerDefaultServer } from '../services/whatsapp/servers.ts';
import { createWatchdog, type Watchdog } from '../services/whatsapp/watchdog.ts';
import { createVoiceService } from '../services/voice/calls.ts';
import { checkReadiness, type HealthReport, type Modes } from './health.ts';
import { createHttpHandler } from './http.ts';
import { createEvolutionWebhookHandler } from './evolution-webhook.ts';
import { createExportDownloadHandler } from './export-download.ts';
import { createTwilioWebhookHandler } from './twilio-webhook.ts';
import { createMetrics } from './metrics.ts';
import { attachWebSocket } from './websocket.ts';
import { createGraphqlHandler } from './yoga.ts';

export interface App {
  server: Server;
  platform: Platform;
  ingestion: EvolutionIngestion;
  /** Null in a ROLE=api process. */
  watchdog: Watchdog | null;
  /** Hands idle HUMAN conversations back to the AI; null where no AI worker runs. */
  aiHandBack: IdleHandBack | null;
  modes(): Modes;
  /** Whether the JWT secret was generated under DATA_DIR (the embedded convenience). */
  generatedJwtSecret: boolean;
  listen(port: number, host?: string): Promise<number>;
  signToken(claims: Parameters<typeof signUserToken>[0], expiresIn?: string | number): Promise<string>;
  stop(): Promise<void>;
}

/** Outside production a missing ENCRYPTION_KEY is generated once and kept under DATA_DIR. */
async function loadOrCreateEncryptionKey(dataDir: string): Promise<Buffer> {
  return Buffer.from(await loadOrCreateSecretFile(dataDir, 'encryption-key', () => randomBytes(32).toString('hex')), 'hex');
}

/** Opens the database and event bus (failing loudly if a configured one is unreachable) and builds the server. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  const jwtSecret = config.jwtSecret ?? (await loadOrCreateJwtSecret(config.dataDir));
  const bus: EventBus = await openEventBus(config.redisUrl, (error) => log.warn({ err: error }, 'Redis pub/sub command failed; live events may be delayed'));
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    await bus.close();
    throw error;
  }
  setDb(database.prisma);
  if (database.appliedMigrations.length > 0) log.info({ migrations: database.appliedMigrations }, 'applied migrations');

  const cipher = createSecretCipher(config.encryptionKey ?? (await loadOrCreateEncryptionKey(config.dataDir)));
  const sandbox = new SandboxGateway(config.sandboxDeliveryDelayMs);
  const platform: Platform = {
    config,
    log,
    pubsub: bus.pubsub,
    cipher,
    gateways: new GatewayRegistry(sandbox, cipher, config.evolution.timeoutMs),
  };
  const ingestion = new EvolutionIngestion(platform);
  sandbox.attach(async (instanceName, body) => {
    await ingestion.ingestTrusted(instanceName, body);
  });
  await registerDefaultServer(platform, log);
  const runsWorkers = config.role !== 'api';
  const servesApi = config.role !== 'worker';
  const watchdog = runsWorkers ? createWatchdog(platform) : null;
  const outbox =
    runsWorkers && config.outbox.concurrency > 0 ? createOutboxWorker(platform, { replayWebhookEvent: (id) => ingestion.replay(id) }) : null;
  const runsAi = runsWorkers && config.ai.concurrency > 0;
  // One brain per process, so every decision shares the model's circuit breaker.
  const brain = createBrain(config.ai.openai ? createChatModel({ ...config.ai.openai, timeoutMs: config.ai.timeoutMs }) : null);
  const aiWorker = runsAi ? createAiWorker(platform, brain) : null;
  const aiHandBack = runsAi ? createIdleHandBack(platform) : null;
  // Download links are signed with a key derived from the JWT secret, so every replica accepts every replica's links.
  enableExportLinks(platform, jwtSecret);
  const exportWorker = runsWorkers ? createExportWorker(platform) : null;

  const modes = (): Modes => ({ database: database.kind, events: bus.kind, whatsapp: platform.gateways.mode, ai: config.ai.openai ? 'openai' : 'rules',
    voice: config.twilio ? 'twilio' : 'manual',
  });
  const startedAt = Date.now();
  const metrics = createMetrics();
  const rateLimiter = bus.redis
    ? redisRateLimiter(bus.redis, config.rateLimitPerMinute, (error) => log.warn({ err: error }, 'rate limiter unavailable; allowing'))
    : memoryRateLimiter(config.rateLimitPerMinute);
  const yoga = servesApi ? createGraphqlHandler({ production: config.production, jwtSecret, platform, rateLimiter, metrics, log }) : null;

  let shuttingDown = false;
  const openResponses = new Set<ServerResponse>();
  const handler = createHttpHandler({
    yoga,
    metrics,
    log,
    maxBodyBytes: config.maxBodyBytes,
    openResponses,
    evolutionWebhook: servesApi ? createEvolutionWebhookHandler({ ingestion, maxBodyBytes: config.maxWebhookBodyBytes, metrics, log }) : null,
    exportDownload: servesApi ? createExportDownloadHandler({ platform, jwtSecret }) : null,
    // Calls are answered by the same brain as WhatsApp messages.
    twilioWebhook: servesApi ? createTwilioWebhookHandler({ voice: createVoiceService({ platform, brain }), config, log }) : null,
    routes: {
      health: (): HealthReport => ({
        status: 'ok',
        version: config.version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        role: config.role,
        modes: modes(),
      }),
      ready: async () => {
        const checks: Record<string, () => Promise<void>> = { database: database.ping };
        if (bus.kind === 'redis') checks.redis = bus.ping;
        const report = await checkReadiness(checks, shuttingDown);
        return { ok: report.status === 'ready', body: report };
      },
    },
  });
  const server = createServer((req, res) => void handler(req, res));
  const websocket = yoga ? attachWebSocket(server, yoga, { jwtSecret, maxPayload: config.maxBodyBytes, metrics, log }) : null;

  return {
    server,
    platform,
    ingestion,
    watchdog,
    aiHandBack,
    modes,
    generatedJwtSecret: config.jwtSecret === undefined,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    signToken: (claims, expiresIn) => signUserToken(claims, jwtSecret, expiresIn),
    /**
     * Stops accepting, closes sockets with 1001, ends SSE streams, lets other in-flight requests
     * finish (cut off after most of SHUTDOWN_TIMEOUT_MS), then disconnects the database and Redis.
     */
    async stop() {
      if (shuttingDown) return;
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await websocket?.close();
      for (const res of openResponses) {
        if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) res.end();
      }
      const deadline = setTimeout(() => server.closeAllConnections(), Math.max(1_000, config.shutdownTimeoutMs - 2_000));
      await closed;
      clearTimeout(deadline);
      await watchdog?.stop();
      await aiWorker?.stop();
      await aiHandBack?.stop();
      await outbox?.stop();
      await exportWorker?.stop();
      platform.gateways.close();
      await yoga?.dispose();
      await bus.close();
      await database.close();
      setDb(undefined);
    },
  };
}
