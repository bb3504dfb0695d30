import { db } from '../../src/db.ts';
import type { AiRun, Message } from '../../src/generated/prisma/client.ts';
import { waitFor } from '../outbox/helpers.ts';
import type { TestApp } from '../support/app.ts';
import { rowId } from '../support/fixtures.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';

export { waitFor };

/** Facts the rule-based answers and the model prompt are built from. */
export const KNOWLEDGE = {
  faq: [{ question: 'Do you have parking?', answer: 'Yes, free parking right behind the building.' }],
  openingHours: [
    { weekday: 'FRIDAY', opens: '18:00', closes: '02:00' },
    { weekday: 'SATURDAY', opens: '12:00', closes: '23:00' },
  ],
  address: 'Brīvības iela 1, Rīga',
  mapUrl: 'https://maps.example.com/?q=brivibas+1',
  items: [{ name: 'Pizza Margherita', price: 9.5, currency: 'EUR' }],
  policies: [{ title: 'Cancellations', text: 'Free until 2 hours before.' }],
};

export interface AiLine {
  businessId: string;
  businessRowId: string;
  instanceId: string;
  instanceRowId: string;
  name: string;
}

/** A PRO business whose AI is on (AUTO unless `settings` say otherwise), with a paired sandbox line. */
export async function sandboxAiLine(server: TestApp, token: string, businessName: string, settings: Record<string, unknown> = {}): Promise<AiLine> {
  const businessId = await createProBusiness(server.url, token, businessName);
  await setAiSettings(rowId(businessId), settings);
  const instance = await setupLine(server.url, token, businessId);
  await server.app.platform.gateways.sandbox.pair(instance.name);
  return { businessId, businessRowId: rowId(businessId), instanceId: instance.id, instanceRowId: rowId(instance.id), name: instance.name };
}

export async function setAiSettings(businessRowId: string, settings: Record<string, unknown>): Promise<void> {
  await db().business.update({ where: { id: businessRowId }, data: { aiSettings: { enabled: true, mode: 'AUTO', knowledge: KNOWLEDGE, ...settings } } });
}

/** A customer writes on a sandbox line; answers the stored message once ingestion stored it. */
export async function customerSays(server: TestApp, line: AiLine, phone: string, text: string): Promise<Message> {
  const externalId = await server.app.platform.gateways.sandbox.inbound(line.name, phone, text, 'Customer');
  return waitFor(() => db().message.findFirst({ where: { instanceId: line.instanceRowId, externalId } }), 'the inbound message to be stored');
}

export function conversationOf(line: AiLine, phone: string) {
  return db().conversation.findFirstOrThrow({ where: { instanceId: line.instanceRowId, contact: { phone } }, include: { contact: true } });
}

export function runsOf(conversationId: string): Promise<AiRun[]> {
  return db().aiRun.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/** Waits for the conversation's `count`-th AI decision and answers them all. */
export function runsAfter(conversationId: string, count: number, timeoutMs?: number): Promise<AiRun[]> {
  return waitFor(async () => {
    const runs = await runsOf(conversationId);
    return runs.length >= count ? runs : null;
  }, `${count} AI decision(s)`, timeoutMs);
}

export function aiMessagesOf(conversationId: string): Promise<Message[]> {
  return db().message.findMany({ where: { conversationId, author: 'AI' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/** Waits until an AI message has been handed to WhatsApp (it has a WhatsApp id). */
export function sentAiMessage(messageId: string) {
  return waitFor(async () => {
    const message = await db().message.findUniqueOrThrow({ where: { id: messageId } });
    return message.externalId && ['SENT', 'DELIVERED', 'READ'].includes(message.status) ? message : null;
  }, 'the AI message to be sent');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
