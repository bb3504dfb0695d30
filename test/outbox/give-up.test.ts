import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';
import { connectedLine, drained, queue } from './helpers.ts';

let fake: FakeEvolution;
let server: TestApp;

beforeAll(async () => {
  fake = await FakeEvolution.start();
  server = await startTestApp({ env: { EVOLUTION_API_URL: fake.url, EVOLUTION_API_KEY: fake.globalKey, MAX_SEND_ATTEMPTS: '2' } });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

it('a 5xx on every attempt → FAILED after MAX_SEND_ATTEMPTS, with the reason; the next message still goes', async () => {
  const token = await server.token({ sub: 'patient-owner' });
  const line = await connectedLine(server, fake, token, 'Doomed Shop');
  fake.failNext(2, { status: 502, body: '<html>Bad Gateway</html>' });
  const doomed = await queue(server.url, { instanceId: line.instanceId, to: '+13035559999', text: 'Doomed' }, { token });
  const next = await queue(server.url, { instanceId: line.instanceId, to: '+13035559999', text: 'Next' }, { token });
  await drained(line.businessRowId, 30_000);
  const failed = await db().message.findUniqueOrThrow({ where: { id: rowId(doomed.id) } });
  expect(failed).toMatchObject({ status: 'FAILED', attempts: 2, nextAttemptAt: null, leaseUntil: null });
  expect(failed.error).toMatch(/^Gave up after 2 attempts: Evolution API answered HTTP 502/);
  expect(await db().message.findUniqueOrThrow({ where: { id: rowId(next.id) } })).toMatchObject({ status: 'SENT', attempts: 1 });
}, 30_000);
