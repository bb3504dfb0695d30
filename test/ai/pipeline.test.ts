// The AI reply pipeline with the built-in classifier and rule-based answers (no model configured):
// real server, real database, sandbox lines, and the outbox sending the replies.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { phrasesFor } from '../../src/services/ai/phrases.ts';
import { usagePeriod } from '../../src/services/usage/meter.ts';
import { SendMessageDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { executeOk } from '../support/graphql.ts';
import {
  type AiLine,
  aiMessagesOf,
  conversationOf,
  customerSays,
  runsAfter,
  runsOf,
  sandboxAiLine,
  sentAiMessage,
  setAiSettings,
  sleep,
  waitFor,
} from './helpers.ts';

const DEBOUNCE_MS = 300;
/** Long enough for a decision that should not happen to have happened. */
const SETTLE_MS = DEBOUNCE_MS * 4;

let server: TestApp;
let owner: string;
let line: AiLine;
let phones = 0;
/** A new customer for each test, so conversations do not share history. */
const newPhone = () => `+3712900${String((phones += 1)).padStart(4, '0')}`;

beforeAll(async () => {
  server = await startTestApp({ redis: true, env: { AI_DEBOUNCE_MS: String(DEBOUNCE_MS), AI_POLL_INTERVAL_MS: '200', SANDBOX_DELIVERY_DELAY_MS: '50' } });
  owner = await server.token({ sub: 'pipeline-owner' });
  line = await sandboxAiLine(server, owner, 'Pipeline Bistro');
});
afterAll(() => server.stop());

describe('answers', () => {
  it('inbound → intent → rule-based answer queued as author AI, metered, and sent', async () => {
    const phone = newPhone();
    const inbound = await customerSays(server, line, phone, 'Hi, where are you located?');
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({
      outcome: 'REPLIED',
      intent: 'LOCATION',
      language: 'en',
      channel: 'WHATSAPP',
      model: null,
      fallbackUsed: false,
      inboundMessageIds: [inbound.id],
      skipReason: null,
      error: null,
    });
    expect(run!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(run!.messageId).not.toBeNull();
    const reply = await sentAiMessage(run!.messageId!);
    expect(reply).toMatchObject({ author: 'AI', direction: 'OUTBOUND', type: 'TEXT', conversationId: conversation.id });
    expect(reply.body).toContain('Brīvības iela 1');
    expect(run!.output).toBe(reply.body);
    const period = usagePeriod('Europe/Riga', new Date()).period;
    expect(reply.usagePeriod).toBe(period);
    const usage = await db().usageCounter.findUniqueOrThrow({ where: { businessId_period: { businessId: line.businessRowId, period } } });
    expect(usage.aiReplies).toBeGreaterThanOrEqual(1);
    const after = await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({ aiPendingSince: null, aiLeaseUntil: null, controller: 'AI', lastMessageId: reply.id });
    // The inbox heard of the reply: a MESSAGE_RECEIVED event for it.
    const events = await db().event.findMany({ where: { businessId: line.businessRowId, kind: 'MESSAGE_RECEIVED' } });
    expect(events.some((event) => (event.payload as { messageId: string }).messageId === reply.id)).toBe(true);
  });

  it('three quick messages get one answer, whose decision lists all three', async () => {
    const phone = newPhone();
    const first = await customerSays(server, line, phone, 'Hello');
    const second = await customerSays(server, line, phone, 'quick question');
    const third = await customerSays(server, line, phone, 'where are you located?');
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    // WhatsApp timestamps have whole seconds: messages of one second have no reliable order among themselves.
    expect([...run!.inboundMessageIds].sort()).toEqual([first.id, second.id, third.id].sort());
    expect(run!.outcome).toBe('REPLIED');
    await sleep(SETTLE_MS);
    expect(await runsOf(conversation.id)).toHaveLength(1);
    const replies = await aiMessagesOf(conversation.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.id).toBe(run!.messageId);
  });

  it('each new message after an answer gets its own decision', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'Where are you?');
    const conversation = await conversationOf(line, phone);
    await runsAfter(conversation.id, 1);
    const next = await customerSays(server, line, phone, 'When are you open?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]!.inboundMessageIds).toEqual([next.id]);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(2);
  });
});

describe('stays quiet', () => {
  it('when people control the conversation: SKIPPED HUMAN_CONTROLLED, nothing sent', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'Hello');
    const conversation = await conversationOf(line, phone);
    await runsAfter(conversation.id, 1);
    await db().conversation.update({ where: { id: conversation.id }, data: { controller: 'HUMAN' } });
    const inbound = await customerSays(server, line, phone, 'Where are you located?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'HUMAN_CONTROLLED', inboundMessageIds: [inbound.id], messageId: null });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).aiPendingSince).toBeNull();
  });

  it('when an agent replied right after the customer: no decision at all', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'Hello');
    const conversation = await conversationOf(line, phone);
    await runsAfter(conversation.id, 1);
    await customerSays(server, line, phone, 'Where are you located?');
    const sent = await executeOk(server.url, SendMessageDocument, { input: { conversationId: encodeGlobalID('Conversation', conversation.id), text: 'Hi! Brīvības iela 1.' } }, { token: owner });
    expect(sent.sendMessage.__typename).toBe('SendMessagePayload');
    await sleep(SETTLE_MS);
    expect(await runsOf(conversation.id)).toHaveLength(1);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).aiPendingSince).toBeNull();
  });

  it('in group chats: SKIPPED GROUP', async () => {
    const externalId = `GROUP${Date.now()}`;
    await server.app.ingestion.ingestTrusted(line.name, {
      event: 'messages.upsert',
      instance: line.name,
      data: {
        key: { remoteJid: '120363041234567890@g.us', fromMe: false, id: externalId, participant: '37129990001@s.whatsapp.net' },
        pushName: 'Group member',
        status: 'DELIVERY_ACK',
        message: { conversation: 'Where are you located?' },
        messageType: 'conversation',
        messageTimestamp: Math.floor(Date.now() / 1000),
        source: 'android',
      },
    });
    const message = await waitFor(() => db().message.findFirst({ where: { instanceId: line.instanceRowId, externalId } }), 'the group message');
    const [run] = await runsAfter(message.conversationId, 1);
    expect(run).toMatchObject({ outcome: 'SKIPPED', skipReason: 'GROUP', messageId: null });
    expect(await aiMessagesOf(message.conversationId)).toHaveLength(0);
  });

  it('for a contact who opted out: SKIPPED OPTED_OUT', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'Hello');
    const conversation = await conversationOf(line, phone);
    await runsAfter(conversation.id, 1);
    await db().contact.update({ where: { id: conversation.contactId }, data: { optedOut: true, optedOutAt: new Date() } });
    await customerSays(server, line, phone, 'Where are you located?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'OPTED_OUT', messageId: null });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });

  it('with the AI switched off: pending work is cleared without a decision', async () => {
    const quiet = await sandboxAiLine(server, owner, 'Quiet Bistro', { enabled: false });
    const phone = newPhone();
    await customerSays(server, quiet, phone, 'Where are you located?');
    const conversation = await conversationOf(quiet, phone);
    await waitFor(async () => (await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).aiPendingSince === null, 'pending work to be cleared');
    expect(await runsOf(conversation.id)).toHaveLength(0);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(0);
  });

  it('over the hourly reply limit: SKIPPED RATE_LIMITED', async () => {
    const limited = await sandboxAiLine(server, owner, 'Limited Bistro', { maxRepliesPerConversationPerHour: 1 });
    const phone = newPhone();
    await customerSays(server, limited, phone, 'Where are you located?');
    const conversation = await conversationOf(limited, phone);
    await runsAfter(conversation.id, 1);
    await customerSays(server, limited, phone, 'When are you open?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'RATE_LIMITED' });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });
});

describe('bot loops', () => {
  it('a customer who sends back our own reply: SKIPPED BOT_LOOP and handed to people, nothing sent', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'Where are you located?');
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    await customerSays(server, line, phone, run!.output!);
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'BOT_LOOP', handoffReason: 'BOT_LOOP', messageId: null });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({
      controller: 'HUMAN',
      status: 'PENDING',
      handoffReason: 'BOT_LOOP',
    });
  });

  it('another bot answering each reply within seconds: the fourth message is not answered', async () => {
    const phone = newPhone();
    const questions = ['Where are you located?', 'When are you open?', 'How much is the Pizza Margherita?'];
    let conversationId = '';
    for (const [index, question] of questions.entries()) {
      await customerSays(server, line, phone, question);
      conversationId ||= (await conversationOf(line, phone)).id;
      const runs = await runsAfter(conversationId, index + 1);
      expect(runs[index]!.outcome).toBe('REPLIED');
      await sentAiMessage(runs[index]!.messageId!);
    }
    await customerSays(server, line, phone, 'Hello there, how can I help you today?');
    const runs = await runsAfter(conversationId, 4);
    expect(runs[3]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'BOT_LOOP' });
    expect(await aiMessagesOf(conversationId)).toHaveLength(3);
  });

  it('the same text three times in a row', async () => {
    const phone = newPhone();
    for (let count = 0; count < 3; count += 1) await customerSays(server, line, phone, 'ping');
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ outcome: 'SKIPPED', skipReason: 'BOT_LOOP' });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(0);
  });
});

describe('handoff', () => {
  const phrases = [
    ['en', 'I want to talk to a real person please'],
    ['lv', 'Gribu runāt ar cilvēku, lūdzu'],
    ['ru', 'Хочу поговорить с живым человеком'],
    ['de', 'Ich möchte bitte mit einem Mitarbeiter sprechen'],
  ] as const;

  it.each(phrases)('asking for a person in %s: controller HUMAN, PENDING, reason, a notice in that language', async (language, text) => {
    const phone = newPhone();
    const inbound = await customerSays(server, line, phone, text);
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ outcome: 'HANDED_OFF', intent: 'HUMAN_HANDOFF', handoffReason: 'HUMAN_HANDOFF', language, inboundMessageIds: [inbound.id] });
    const notice = await sentAiMessage(run!.messageId!);
    expect(notice.body).toBe(phrasesFor(language).handoff);
    const after = await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({ controller: 'HUMAN', status: 'PENDING', handoffReason: 'HUMAN_HANDOFF', aiPendingSince: null });
    expect(after.controllerChangedAt).toBeInstanceOf(Date);
    // People answer from now on.
    await customerSays(server, line, phone, 'Where are you located?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'HUMAN_CONTROLLED' });
  });

  it('a question the knowledge cannot answer: the fallback message, handed off as UNANSWERED', async () => {
    const custom = await sandboxAiLine(server, owner, 'Fallback Bistro', { humanFallbackMessage: 'A colleague from Fallback Bistro will reply soon.' });
    const phone = newPhone();
    await customerSays(server, custom, phone, 'Can I bring my pet tortoise to the terrace next Tuesday?');
    const conversation = await conversationOf(custom, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ outcome: 'HANDED_OFF' });
    expect(['UNANSWERED', 'LOW_CONFIDENCE']).toContain(run!.handoffReason);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).controller).toBe('HUMAN');
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });
});

describe('opt-out', () => {
  it('STOP: the contact is opted out and gets one confirmation, then nothing', async () => {
    const phone = newPhone();
    await customerSays(server, line, phone, 'STOP');
    const conversation = await conversationOf(line, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ outcome: 'REPLIED', intent: 'OPT_OUT' });
    const confirmation = await sentAiMessage(run!.messageId!);
    expect(confirmation.body).toBe(phrasesFor('en').optOut);
    const contact = await db().contact.findUniqueOrThrow({ where: { id: conversation.contactId } });
    expect(contact.optedOut).toBe(true);
    expect(contact.optedOutAt).toBeInstanceOf(Date);
    await customerSays(server, line, phone, 'Where are you located?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'OPTED_OUT' });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);

    await customerSays(server, line, phone, 'Start');
    const [, , back] = await runsAfter(conversation.id, 3);
    expect(back).toMatchObject({ outcome: 'REPLIED' });
    expect((await sentAiMessage(back!.messageId!)).body).toBe(phrasesFor('en').optIn);
    expect(await db().contact.findUniqueOrThrow({ where: { id: conversation.contactId } })).toMatchObject({ optedOut: false, optedOutAt: null });
    await customerSays(server, line, phone, 'Where are you located?');
    const [, , , answered] = await runsAfter(conversation.id, 4);
    expect(answered).toMatchObject({ outcome: 'REPLIED', intent: 'LOCATION' });
  });
});

describe('plan limit', () => {
  it("with the month's messages spent: one unmetered notice, handed to people; no second notice that month", async () => {
    const spent = await sandboxAiLine(server, owner, 'Spent Bistro');
    const period = usagePeriod('Europe/Riga', new Date()).period;
    await db().usageCounter.create({ data: { businessId: spent.businessRowId, period, messagesSent: 5_000 } });
    const phone = newPhone();
    await customerSays(server, spent, phone, 'Where are you located?');
    const conversation = await conversationOf(spent, phone);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ outcome: 'SKIPPED', skipReason: 'PLAN_LIMIT', handoffReason: 'PLAN_LIMIT' });
    const notice = await sentAiMessage(run!.messageId!);
    expect(notice).toMatchObject({ author: 'AI', body: phrasesFor('en').overLimit('WHATSAPP'), usagePeriod: null });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ controller: 'HUMAN', handoffReason: 'PLAN_LIMIT' });
    expect((await db().usageCounter.findUniqueOrThrow({ where: { businessId_period: { businessId: spent.businessRowId, period } } })).messagesSent).toBe(5_000);

    // Back with the AI (say, resolved), still over the limit: quiet this time.
    await db().conversation.update({ where: { id: conversation.id }, data: { controller: 'AI' } });
    await customerSays(server, spent, phone, 'When are you open?');
    const runs = await runsAfter(conversation.id, 2);
    expect(runs[1]).toMatchObject({ outcome: 'SKIPPED', skipReason: 'PLAN_LIMIT', messageId: null });
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });
});

describe('idle hand-back', () => {
  it('HUMAN conversations idle (no message, no change of hands) longer than the setting go back to the AI; fresher ones and businesses without the setting stay', async () => {
    const phone = newPhone();
    const stalePhone = newPhone();
    await customerSays(server, line, phone, 'I want to talk to a real person please');
    await customerSays(server, line, stalePhone, 'I want to talk to a real person please');
    const fresh = await conversationOf(line, phone);
    const stale = await conversationOf(line, stalePhone);
    await runsAfter(fresh.id, 1);
    await runsAfter(stale.id, 1);
    await setAiSettings(line.businessRowId, { handBackAfterIdleMinutes: 60 });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await db().conversation.update({ where: { id: stale.id }, data: { lastMessageAt: hoursAgo(2), controllerChangedAt: hoursAgo(2) } });
    await db().conversation.update({ where: { id: fresh.id }, data: { lastMessageAt: hoursAgo(2), controllerChangedAt: hoursAgo(0.5) } });
    const seqBefore = (await db().business.findUniqueOrThrow({ where: { id: line.businessRowId } })).lastEventSeq;

    expect(await server.app.aiHandBack!.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ controller: 'AI', handoffReason: null });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: fresh.id } })).controller).toBe('HUMAN');
    const events = await db().event.findMany({ where: { businessId: line.businessRowId, seq: { gt: seqBefore }, kind: 'CONVERSATION_UPDATED' } });
    expect(events.map((event) => (event.payload as { conversationId: string }).conversationId)).toContain(stale.id);

    await setAiSettings(line.businessRowId, { handBackAfterIdleMinutes: null });
    await db().conversation.update({ where: { id: fresh.id }, data: { lastMessageAt: hoursAgo(48), controllerChangedAt: hoursAgo(48) } });
    await server.app.aiHandBack!.runOnce();
    expect((await db().conversation.findUniqueOrThrow({ where: { id: fresh.id } })).controller).toBe('HUMAN');
    await setAiSettings(line.businessRowId, {});
  });
});
