import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { SandboxPairInstanceDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';
import { queue, waitFor } from './helpers.ts';

let server: TestApp;

beforeAll(async () => {
  server = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: '100' } });
});
afterAll(async () => {
  await server.stop();
});

it('sends through a sandbox line: one row (its echo arrives before the send returns), SENT, then delivered and read', async () => {
  const token = await server.token({ sub: 'sandbox-sender' });
  const businessId = await createProBusiness(server.url, token, 'Sandbox Sender');
  const instance = await setupLine(server.url, token, businessId);
  await executeOk(server.url, SandboxPairInstanceDocument, { input: { instanceId: instance.id } }, { token });
  const message = await queue(server.url, { instanceId: instance.id, to: '+13035550001', text: 'Hello from the sandbox' }, { token });
  const read = await waitFor(async () => {
    const row = await db().message.findUniqueOrThrow({ where: { id: rowId(message.id) } });
    return row.status === 'READ' ? row : null;
  }, 'the sandbox to report the message read');
  expect(read).toMatchObject({ author: 'AGENT', attempts: 1 });
  expect(read.externalId).toMatch(/^3EB0/);
  expect(read.deliveredAt).toBeInstanceOf(Date);
  expect(await db().message.count({ where: { businessId: rowId(businessId) } })).toBe(1);
});
