import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/services/db/migrator.ts';
import { BusinessUpdatedDocument, CreateBusinessDocument, UpdateBusinessDocument } from '../generated/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { executeOk } from '../support/graphql.ts';
import { cleanupServers, type ServerProcess, signToken, startServer, subscribe } from '../support/process.ts';

const JWT_SECRET = 'replicas-test-secret-0123456789-abcdefghijklmnop';
const riga = { name: 'Café Riga', countryCode: 'LV', timezone: 'Europe/Riga', language: 'lv' };

describe.skipIf(!process.env.DATABASE_URL || !process.env.REDIS_URL)(
  'two server processes on one PostgreSQL database and one Redis (needs DATABASE_URL and REDIS_URL)',
  () => {
    let database: TestDatabase;
    let first: ServerProcess;
    let second: ServerProcess;
    let token: string;

    beforeAll(async () => {
      database = await createTestDatabase();
      const env = { JWT_SECRET, DATABASE_URL: database.url, REDIS_URL: process.env.REDIS_URL };
      // Started together on a fresh database: both race for the migration lock.
      [first, second] = await Promise.all([startServer({ env }), startServer({ env })]);
      token = await signToken(JWT_SECRET, { sub: 'replica-owner', email: 'owner@example.com' });
    });

    afterAll(async () => {
      await cleanupServers();
      await database?.drop();
    });

    it('both start concurrently and the migrations are applied exactly once', async () => {
      for (const server of [first, second]) {
        const health = (await (await fetch(`${server.baseUrl}/health`)).json()) as { modes: Record<string, string> };
        expect(health.modes).toMatchObject({ database: 'postgres', events: 'redis' });
      }

      const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ migration_name: string; n: number }>(
          `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations"
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY migration_name`,
        );
        expect(rows).toEqual(names.map((name) => ({ migration_name: name, n: 1 })));
      } finally {
        await client.end();
      }

      // Exactly one of the two logged that it applied them; the other found nothing pending.
      const appliers = [first, second].filter((server) => server.stdout.includes('"msg":"applied migrations"'));
      expect(appliers).toHaveLength(1);
    });

    it('a subscriber on one process receives an update made through the other', async () => {
      const created = await executeOk(first.graphqlUrl, CreateBusinessDocument, { input: riga }, { token });
      if (created.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected CreateBusinessPayload');
      const businessId = created.createBusiness.business.id;

      const subscription = subscribe(second.wsUrl, BusinessUpdatedDocument, { businessId }, token);
      try {
        // Events go through Redis even within one process, so an update made on the subscriber's own
        // process arriving proves its Redis subscription is in place before the real check.
        await subscription.untilLive((attempt) =>
          executeOk(second.graphqlUrl, UpdateBusinessDocument, { input: { id: businessId, name: `Warm-up ${attempt}` } }, { token }),
        );

        const updated = await executeOk(
          first.graphqlUrl,
          UpdateBusinessDocument,
          { input: { id: businessId, name: 'Updated on replica one' } },
          { token },
        );
        expect(updated.updateBusiness.__typename).toBe('UpdateBusinessPayload');

        const event = await subscription.nextMatching((result) => result.data?.businessUpdated.business?.name === 'Updated on replica one');
        expect(event.errors).toBeUndefined();
        expect(event.data?.businessUpdated).toEqual({
          kind: 'UPDATED',
          businessId,
          business: { id: businessId, name: 'Updated on replica one' },
        });
      } finally {
        await subscription.dispose();
      }
    });
  },
);
