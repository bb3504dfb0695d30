import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { Config } from '../../config.ts';
import { migrate } from './migrator.ts';
import { pgliteSession, postgresSession } from './sql-session.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  appliedMigrations: string[];
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** Receives the SQL text of each statement a database runs. */
export type QueryObserver = (sql: string) => void;

const queryObservers = new Set<QueryObserver>();

/**
 * For tests that count SQL statements: databases opened after this call report every statement
 * to `observer` until the returned function is called. A database opened while nobody observes
 * emits no query events at all, so production pays nothing for this.
 */
export function observeQueries(observer: QueryObserver): () => void {
  queryObservers.add(observer);
  return () => queryObservers.delete(observer);
}

/**
 * Prisma's defaults (wait 2 s for a connection, 5 s per interactive transaction) roll back sends
 * that merely queued behind a hot row (a business's usage or event sequence) on a busy host; the
 * work is short, so waiting longer is the right answer to load.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

function createClient(adapter: Prisma.PrismaClientOptionsWithAdapter['adapter']): PrismaClient {
  if (queryObservers.size === 0) return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  const prisma = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => {
    for (const observer of queryObservers) observer(event.query);
  });
  return prisma;
}

/** host:port/database of a URL, never its credentials. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

async function openPostgres(url: string): Promise<Database> {
  const session = await postgresSession(url).catch((error: Error) => {
    throw new DatabaseUnavailableError(
      `PostgreSQL at ${describeDatabaseUrl(url)} is unreachable: ${error.message || error.name}`,
      { cause: error },
    );
  });
  let appliedMigrations: string[];
  try {
    appliedMigrations = await migrate(session);
  } finally {
    await session.close();
  }
  const prisma = createClient(new PrismaPg({ connectionString: url, max: 10 }));
  return {
    kind: 'postgres',
    prisma,
    appliedMigrations,
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: () => prisma.$disconnect(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const appliedMigrations = await migrate(pgliteSession(pglite)).catch(async (error: unknown) => {
    await pglite.close();
    throw error;
  });
  const prisma = createClient(new PrismaPGlite(pglite));
  return {
    kind: 'pglite',
    prisma,
    appliedMigrations,
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** PostgreSQL when DATABASE_URL is set (never falling back), otherwise PGlite under DATA_DIR. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
