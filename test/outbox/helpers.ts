import { expect } from 'vitest';
import { db } from '../../src/db.ts';
import { SendMessageDocument, type SendMessageInput } from '../generated/graphql.ts';
import type { TestApp } from '../support/app.ts';
import type { FakeEvolution, FakeStoredMessage } from '../support/fake-evolution.ts';
import { rowId } from '../support/fixtures.ts';
import { type Credentials, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

export interface Line {
  businessId: string;
  instanceId: string;
  name: string;
  businessRowId: string;
  instanceRowId: string;
}

/** The phone scans the QR: Evolution opens the socket and says so by webhook. */
export async function connectLine(fake: FakeEvolution, name: string): Promise<void> {
  fake.setState(name, 'open');
  const status = await fake.emit(name, 'connection.update', {
    instance: name,
    wuid: '12025550101@s.whatsapp.net',
    profileName: 'Acme Sales',
    state: 'open',
    statusReason: 200,
  });
  expect(status).toBe(200);
}

/** A PRO business with a connected line on the fake. */
export async function connectedLine(server: TestApp, fake: FakeEvolution, token: string, businessName: string): Promise<Line> {
  const businessId = await createProBusiness(server.url, token, businessName);
  const instance = await setupLine(server.url, token, businessId);
  await connectLine(fake, instance.name);
  return { businessId, instanceId: instance.id, name: instance.name, businessRowId: rowId(businessId), instanceRowId: rowId(instance.id) };
}

export async function send(url: string, input: SendMessageInput, credentials: Credentials) {
  return (await executeOk(url, SendMessageDocument, { input }, credentials)).sendMessage;
}

/** Sends and fails the test unless the message was queued. */
export async function queue(url: string, input: SendMessageInput, credentials: Credentials) {
  const result = await send(url, input, credentials);
  if (result.__typename !== 'SendMessagePayload') throw new Error(`Expected a queued message, got ${JSON.stringify(result)}`);
  return result.outboundMessage;
}

export async function waitFor<Value>(probe: () => Promise<Value | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until no outbound message of the business is QUEUED or PENDING any more. */
export function drained(businessRowId: string, timeoutMs?: number): Promise<true> {
  return waitFor(
    async () => (await db().message.count({ where: { businessId: businessRowId, status: { in: ['QUEUED', 'PENDING'] } } })) === 0,
    'the outbox to drain',
    timeoutMs,
  );
}

/** What the fake actually sent on a line, in order: one entry per WhatsApp message. */
export function sentOn(fake: FakeEvolution, name: string): FakeStoredMessage[] {
  return fake.instances.get(name)?.messages ?? [];
}

export function textOf(message: FakeStoredMessage): unknown {
  return message.message.conversation;
}
