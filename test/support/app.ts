import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type App, createApp } from '../../src/server/app.ts';
import type { TokenClaims } from '../../src/services/auth/jwt.ts';
import { createTestDatabase } from './database.ts';
import { freePort } from './ports.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: App;
  url: string;
  wsUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  token(claims: TokenClaims, expiresIn?: string | number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the real server on a free port: a fresh database (PostgreSQL when DATABASE_URL is set,
 * PGlite otherwise) and Redis when `redis: true` and REDIS_URL are both given.
 */
export async function startTestApp(options: { env?: Record<string, string>; redis?: boolean } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-test-'));
  const database = await createTestDatabase();
  // Known before startup, so webhook URLs given to (fake) Evolution point back at this server.
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: options.redis ? process.env.REDIS_URL : undefined,
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...options.env,
  };
  const config = loadConfig(env);
  const app = await createApp(config, createLogger(config.logLevel));
  await app.listen(port, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    dataDir,
    databaseUrl: database.url,
    token: (claims, expiresIn) => app.signToken(claims, expiresIn),
    stop: async () => {
      await app.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
