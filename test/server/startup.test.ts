import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/services/db/database.ts';
import { MIGRATIONS_DIR, MigrationError, migrate } from '../../src/services/db/migrator.ts';
import { pgliteSession, postgresSession, type SqlSession } from '../../src/services/db/sql-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { cleanupServers, REPO_ROOT, spawnServer, type ServerProcess } from '../support/process.ts';
import { freePort } from '../support/ports.ts';

const JWT_SECRET = 'startup-test-secret-0123456789-abcdefghijklmnop';

const databases: TestDatabase[] = [];
const directories: string[] = [];

afterAll(async () => {
  await cleanupServers();
  for (const database of databases) await database.drop();
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function temporaryDir(prefix: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), prefix));
  directories.push(directory);
  return directory;
}

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** A raw session on the same database the app used: PostgreSQL when `databaseUrl` is set, else PGlite under dataDir. */
async function withSession<T>(target: { databaseUrl: string | undefined; dataDir: string }, use: (session: SqlSession) => Promise<T>): Promise<T> {
  if (target.databaseUrl) {
    const session = await postgresSession(target.databaseUrl);
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  }
  const pglite = await PGlite.create(path.join(target.dataDir, 'pglite'));
  try {
    return await use(pgliteSession(pglite));
  } finally {
    await pglite.close();
  }
}

/** Runs the real process to its exit and checks the common shape of a refused start. */
async function expectRefusedStart(server: ServerProcess): Promise<string> {
  const exit = await server.waitForExit();
  const output = `${server.stdout}\n${server.stderr}`;
  expect(exit.code, output).toBe(1);
  expect(server.stderr).toMatch(/^Switchboard could not start: /);
  // An expected startup error is a sentence for the operator, not a stack trace.
  expect(server.stderr).not.toMatch(/^\s+at /m);
  expect(server.stdout).not.toContain('Switchboard is listening');
  return output;
}

describe('the process refuses to start, exits 1 and says why', () => {
  it('when DATABASE_URL points at a closed port, without printing the password', async () => {
    const closedPort = await freePort();
    const server = await spawnServer({
      env: { JWT_SECRET, DATABASE_URL: `postgresql://u:supersecret@127.0.0.1:${closedPort}/x` },
    });
    const output = await expectRefusedStart(server);
    expect(server.stderr).toContain('PostgreSQL');
    expect(server.stderr).toContain('unreachable');
    expect(server.stderr).toContain(`127.0.0.1:${closedPort}/x`);
    expect(output).not.toContain('supersecret');
  });

  it('when REDIS_URL points at a closed port, without printing the password', async () => {
    const closedPort = await freePort();
    const server = await spawnServer({ env: { JWT_SECRET, REDIS_URL: `redis://:supersecret@127.0.0.1:${closedPort}` } });
    const output = await expectRefusedStart(server);
    expect(server.stderr).toContain('Redis');
    expect(server.stderr).toContain('unreachable');
    expect(server.stderr).toContain(`127.0.0.1:${closedPort}`);
    expect(output).not.toContain('supersecret');
  });

  it.each([
    ['without JWT_SECRET and ENCRYPTION_KEY', {}],
    ['without ENCRYPTION_KEY', { JWT_SECRET }],
    ['without JWT_SECRET', { ENCRYPTION_KEY: 'a'.repeat(64) }],
  ])('when NODE_ENV=production runs %s', async (_case, secrets: Record<string, string>) => {
    const server = await spawnServer({ env: { NODE_ENV: 'production', ...secrets } });
    await expectRefusedStart(server);
    expect(server.stderr).toContain('NODE_ENV=production requires JWT_SECRET and ENCRYPTION_KEY');
  });
});

describe('a migration changed after it was applied', () => {
  it('makes migrate() throw a MigrationError naming the changed file', async () => {
    const dataDir = await temporaryDir('switchboard-startup-');
    const database = await freshDatabase();
    const target = { databaseUrl: database.url, dataDir };
    const names = await migrationNames();

    const opened = await openDatabase(target);
    expect(opened.appliedMigrations).toEqual(names);
    await opened.close();

    const copy = await temporaryDir('switchboard-migrations-');
    await cp(MIGRATIONS_DIR, copy, { recursive: true });
    // The untouched copy is in step with the database: nothing to apply, nothing to complain about.
    expect(await withSession(target, (session) => migrate(session, copy))).toEqual([]);

    const tamperedName = names[0]!;
    const tamperedFile = path.join(copy, tamperedName, 'migration.sql');
    await appendFile(tamperedFile, '\n-- an edit after the fact\n');
    const error = await withSession(target, (session) => migrate(session, copy)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain(tamperedFile);
    expect((error as Error).message).toContain('changed after it was applied');

    // Refusing changed nothing: the recorded checksum still matches the original files.
    expect(await withSession(target, (session) => migrate(session))).toEqual([]);
  });

  it('makes the process exit 1 naming prisma/migrations/<name>/migration.sql', async () => {
    const dataDir = await temporaryDir('switchboard-startup-');
    const database = await freshDatabase();
    const target = { databaseUrl: database.url, dataDir };
    const names = await migrationNames();
    const opened = await openDatabase(target);
    expect(opened.appliedMigrations).toEqual(names);
    await opened.close();

    const tamperedName = names[0]!;
    await withSession(target, (session) =>
      session.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = $1`, [tamperedName]),
    );

    const server = await spawnServer({ dataDir, env: { JWT_SECRET, DATABASE_URL: database.url } });
    await expectRefusedStart(server);
    expect(server.stderr).toContain(path.join(REPO_ROOT, 'prisma', 'migrations', tamperedName, 'migration.sql'));
    expect(server.stderr).toContain(`prisma/migrations/${tamperedName}/migration.sql`);
    expect(server.stderr).toContain('changed after it was applied');
  });
});

describe.skipIf(!process.env.DATABASE_URL)('concurrent migrators on one fresh PostgreSQL database (needs DATABASE_URL)', () => {
  it('apply each migration exactly once under the advisory lock', async () => {
    const database = await freshDatabase();
    const url = database.url!;
    const names = await migrationNames();
    const sessions = await Promise.all(Array.from({ length: 4 }, () => postgresSession(url)));
    try {
      const results = await Promise.all(sessions.map((session) => migrate(session)));
      // One migrator applied everything; the others waited for the lock and found nothing pending.
      expect(results.filter((applied) => applied.length > 0)).toEqual([names]);
      expect(results.filter((applied) => applied.length === 0)).toHaveLength(sessions.length - 1);

      const rows = await sessions[0]!.query<{ migration_name: string; n: number; unfinished: number }>(
        `SELECT migration_name, count(*)::int AS n, count(*) FILTER (WHERE finished_at IS NULL)::int AS unfinished
           FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(rows).toEqual(names.map((name) => ({ migration_name: name, n: 1, unfinished: 0 })));
    } finally {
      await Promise.all(sessions.map((session) => session.close()));
    }
  });
});
