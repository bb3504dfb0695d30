import { afterAll, describe, expect, it } from 'vitest';
import { BusinessUpdatedDocument, CreateBusinessDocument, UpdateBusinessDocument } from '../generated/graphql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { executeOk } from '../support/graphql.ts';
import { cleanupServers, signToken, startServer, subscribe } from '../support/process.ts';

const JWT_SECRET = 'shutdown-test-secret-0123456789-abcdefghijklmnop';
const riga = { name: 'Café Riga', countryCode: 'LV', timezone: 'Europe/Riga', language: 'lv' };

afterAll(cleanupServers);

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const modes = [
  { name: 'embedded (PGlite, in-process events)', external: false },
  ...(process.env.DATABASE_URL && process.env.REDIS_URL ? [{ name: 'PostgreSQL + Redis', external: true }] : []),
];

describe.each(modes)('graceful shutdown, $name', ({ external }) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await cleanupServers();
    for (const database of databases) await database.drop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s closes live subscriptions with 1001, exits 0 within 10 s and stops answering',
    async (signal) => {
      const env: Record<string, string | undefined> = { JWT_SECRET };
      if (external) {
        const database = await createTestDatabase();
        databases.push(database);
        env.DATABASE_URL = database.url;
        env.REDIS_URL = process.env.REDIS_URL;
      }
      const server = await startServer({ env });
      const token = await signToken(JWT_SECRET, { sub: `owner-${signal}`, email: 'owner@example.com' });

      const created = await executeOk(server.graphqlUrl, CreateBusinessDocument, { input: riga }, { token });
      if (created.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected CreateBusinessPayload');
      const businessId = created.createBusiness.business.id;

      const subscription = subscribe(server.wsUrl, BusinessUpdatedDocument, { businessId }, token);
      try {
        const first = await subscription.untilLive((attempt) =>
          executeOk(server.graphqlUrl, UpdateBusinessDocument, { input: { id: businessId, name: `Before shutdown ${attempt}` } }, { token }),
        );
        expect(first.errors).toBeUndefined();
        expect(first.data?.businessUpdated).toMatchObject({ kind: 'UPDATED', businessId, business: { name: expect.stringMatching(/^Before shutdown \d+$/) } });

        const exit = await server.stop(signal);
        expect(exit, `${server.stdout}\n${server.stderr}`).toMatchObject({ code: 0, signal: null });
        expect(exit.elapsedMs).toBeLessThan(10_000);

        const close = await within(subscription.closed, 5_000, 'the WebSocket close');
        expect(close.code).toBe(1001);
        expect(await within(subscription.ended, 5_000, 'the end of the subscription')).toHaveProperty('error');

        await expect(fetch(`${server.baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
        expect(server.stdout).toContain(`"signal":"${signal}"`);
        expect(server.stdout).toContain('"msg":"stopped"');
        expect(server.stderr).toBe('');
      } finally {
        await subscription.dispose();
      }
    },
  );
});
