import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import {
  AddBusinessMemberDocument,
  AiSettingsDocument,
  AiStatsDocument,
  ConversationAiRunsDocument,
  MessageAiRunDocument,
  RateAiReplyDocument,
  SandboxPairInstanceDocument,
  UpdateAiSettingsDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { createProBusiness, setupLine } from '../support/whatsapp.ts';
import { waitFor } from '../outbox/helpers.ts';

let server: TestApp;
let owner: string;
let agent: string;
let rival: string;
let businessId: string;
let rivalBusinessId: string;

const knowledge = {
  faq: [{ question: 'Do you have vegan options?', answer: 'Yes: the vegan bowl and two pizzas.' }],
  openingHours: [
    { weekday: 'FRIDAY' as const, opens: '18:00', closes: '02:00' },
    { weekday: 'SATURDAY' as const, opens: '12:00', closes: '23:00' },
  ],
  hoursExceptions: [{ date: '2026-12-24', closed: true, note: 'Christmas Eve' }],
  address: 'Brīvības iela 1, Rīga',
  mapUrl: 'https://maps.example.com/?q=brivibas+1',
  items: [{ name: 'Pizza Margherita', price: 9.5, currency: 'eur' }],
  policies: [{ title: 'Cancellations', text: 'Free until 2 hours before.' }],
};

beforeAll(async () => {
  server = await startTestApp();
  [owner, agent, rival] = await Promise.all([
    server.token({ sub: 'ai-owner' }),
    server.token({ sub: 'ai-agent' }),
    server.token({ sub: 'ai-rival' }),
  ]);
  businessId = await createProBusiness(server.url, owner, 'Ai Settings Bistro');
  rivalBusinessId = await createBusiness(server.url, rival, 'Ai Rival');
  await executeOk(server.url, AddBusinessMemberDocument, { input: { businessId, userId: 'ai-agent', role: 'AGENT' } }, { token: owner });
});
afterAll(() => server.stop());

async function settingsOf(id: string, token = owner) {
  return (await executeOk(server.url, AiSettingsDocument, { id }, { token })).business?.aiSettings;
}

async function update(input: Parameters<typeof executeOk<unknown, { input: never }>>[2]['input'] | Record<string, unknown>, token = owner) {
  return (await executeOk(server.url, UpdateAiSettingsDocument, { input: { businessId, ...input } as never }, { token })).updateAiSettings;
}

describe('updateAiSettings', () => {
  it('shows defaults before anything is set', async () => {
    expect(await settingsOf(businessId)).toMatchObject({
      enabled: false,
      mode: 'AUTO',
      replyLanguages: ['en', 'lv', 'ru', 'de'],
      maxRepliesPerConversationPerHour: 10,
      handBackOnResolve: true,
      knowledge: { faq: [], openingHours: [], address: null },
      voice: { fallbackNumber: null, maxCallSeconds: 600 },
    });
  });

  it('stores knowledge and settings, keeps what a later change omits, and audit-logs the changed fields', async () => {
    const first = await update({ enabled: true, mode: 'DRAFT', persona: 'Warm and brief', knowledge, handoffKeywords: ['manager'] });
    expect(first.__typename).toBe('UpdateAiSettingsPayload');
    const partial = await update({ knowledge: { address: 'Elizabetes iela 2, Rīga' }, voice: { fallbackNumber: '+37120000000' } });
    if (partial.__typename !== 'UpdateAiSettingsPayload') throw new Error(JSON.stringify(partial));
    expect(partial.business.aiSettings).toMatchObject({
      enabled: true,
      mode: 'DRAFT',
      persona: 'Warm and brief',
      handoffKeywords: ['manager'],
      voice: { fallbackNumber: '+37120000000', maxCallSeconds: 600 },
      knowledge: {
        address: 'Elizabetes iela 2, Rīga',
        faq: knowledge.faq,
        openingHours: knowledge.openingHours,
        hoursExceptions: [{ date: '2026-12-24', closed: true, opens: null, closes: null, note: 'Christmas Eve' }],
        items: [{ name: 'Pizza Margherita', description: null, price: 9.5, currency: 'EUR' }],
      },
    });
    const audit = await db().auditLog.findMany({ where: { businessId: rowId(businessId), action: 'business.updateAiSettings' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => entry.metadata)).toEqual([
      { fields: ['enabled', 'handoffKeywords', 'knowledge', 'mode', 'persona'] },
      { fields: ['knowledge', 'voice'] },
    ]);
  });

  it('a bad field is a VALIDATION error naming it, and nothing changes', async () => {
    const before = await db().business.findUniqueOrThrow({ where: { id: rowId(businessId) }, select: { aiSettings: true } });
    const result = await update({
      mode: 'OFF',
      knowledge: { openingHours: [{ weekday: 'MONDAY', opens: '25:00', closes: '10:00' }], mapUrl: 'javascript:alert(1)' },
      confidenceThreshold: 1.5,
    });
    if (result.__typename !== 'ValidationError') throw new Error(JSON.stringify(result));
    expect(result.fieldErrors.map((error) => error.path.join('.')).sort()).toEqual([
      'input.confidenceThreshold',
      'input.knowledge.mapUrl',
      'input.knowledge.openingHours.0.opens',
    ]);
    expect(await db().business.findUniqueOrThrow({ where: { id: rowId(businessId) }, select: { aiSettings: true } })).toEqual(before);
  });

  it('agents read the settings but may not change them; other tenants get NOT_FOUND', async () => {
    expect((await settingsOf(businessId, agent))?.persona).toBe('Warm and brief');
    const { body } = await execute(server.url, UpdateAiSettingsDocument, { input: { businessId, enabled: false } }, { token: agent });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asRival = await update({ enabled: false }, rival);
    expect(asRival).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await settingsOf(businessId)).toMatchObject({ enabled: true });
    expect(await settingsOf(rivalBusinessId, owner)).toBeUndefined();
  });
});

describe('AI traces, ratings and stats', () => {
  let conversationId: string;
  let replyId: string;
  let agentMessageId: string;

  beforeAll(async () => {
    const instance = await setupLine(server.url, owner, businessId);
    await executeOk(server.url, SandboxPairInstanceDocument, { input: { instanceId: instance.id } }, { token: owner });
    const name = (await db().instance.findUniqueOrThrow({ where: { id: rowId(instance.id) } })).name;
    await server.app.platform.gateways.sandbox.inbound(name, '+37125550111', 'When are you open on Friday?', 'Ilze');
    const inbound = await waitFor(() => db().message.findFirst({ where: { businessId: rowId(businessId), direction: 'INBOUND' } }), 'the inbound message');
    conversationId = inbound.conversationId;
    const base = { businessId: rowId(businessId), conversationId, instanceId: inbound.instanceId, direction: 'OUTBOUND' as const, type: 'TEXT' as const, status: 'SENT' as const };
    const reply = await db().message.create({ data: { ...base, body: 'We are open on Friday 18:00–02:00.', author: 'AI' } });
    const agentMessage = await db().message.create({ data: { ...base, body: 'Hi, Anna here.', author: 'AGENT' } });
    await db().aiRun.createMany({
      data: [
        {
          businessId: rowId(businessId),
          conversationId,
          messageId: reply.id,
          channel: 'WHATSAPP',
          inboundMessageIds: [inbound.id],
          intent: 'HOURS',
          confidence: 0.9,
          language: 'en',
          outcome: 'REPLIED',
          output: reply.body,
          latencyMs: 120,
          createdAt: new Date(Date.now() - 60_000),
        },
        {
          businessId: rowId(businessId),
          conversationId,
          channel: 'WHATSAPP',
          inboundMessageIds: [inbound.id],
          intent: 'COMPLAINT',
          confidence: 0.8,
          language: 'en',
          outcome: 'HANDED_OFF',
          handoffReason: 'COMPLAINT',
          fallbackUsed: true,
          error: 'TIMEOUT',
          latencyMs: 80,
          createdAt: new Date(Date.now() - 30_000),
        },
        { businessId: rowId(businessId), conversationId, channel: 'WHATSAPP', outcome: 'SKIPPED', skipReason: 'HUMAN_CONTROLLED' },
      ],
    });
    conversationId = encodeGlobalID('Conversation', conversationId);
    replyId = encodeGlobalID('Message', reply.id);
    agentMessageId = encodeGlobalID('Message', agentMessage.id);
  });

  it('a conversation lists its decisions newest first; a message names the decision that wrote it', async () => {
    const data = await executeOk(server.url, ConversationAiRunsDocument, { id: conversationId, first: 10 }, { token: agent });
    if (data.node?.__typename !== 'Conversation') throw new Error(JSON.stringify(data));
    const runs = data.node.aiRuns.edges.map((edge) => edge.node);
    expect(runs.map((run) => run.outcome)).toEqual(['SKIPPED', 'HANDED_OFF', 'REPLIED']);
    expect(runs[1]).toMatchObject({ handoffReason: 'COMPLAINT', fallbackUsed: true, error: 'TIMEOUT', intent: 'COMPLAINT' });
    expect(runs[2]).toMatchObject({ intent: 'HOURS', inboundMessages: [{ text: 'When are you open on Friday?' }], message: { id: replyId } });
    const message = await executeOk(server.url, MessageAiRunDocument, { id: replyId }, { token: owner });
    expect(message.node).toMatchObject({ aiRun: { outcome: 'REPLIED', intent: 'HOURS' } });
    const human = await executeOk(server.url, MessageAiRunDocument, { id: agentMessageId }, { token: owner });
    expect(human.node).toMatchObject({ aiRun: null });
    expect((await executeOk(server.url, ConversationAiRunsDocument, { id: conversationId }, { token: rival })).node).toBeNull();
  });

  it('rates a reply: BAD with a correction, then GOOD; a GOOD correction, a human message and other tenants are refused', async () => {
    const bad = (await executeOk(server.url, RateAiReplyDocument, { input: { messageId: replyId, rating: 'BAD', correction: 'Fridays 18:00 to 2:00 at night.' } }, { token: agent }))
      .rateAiReply;
    expect(bad).toMatchObject({ __typename: 'RateAiReplyPayload', aiRun: { rating: 'BAD', correction: 'Fridays 18:00 to 2:00 at night.' } });
    const run = await db().aiRun.findFirstOrThrow({ where: { messageId: rowId(replyId) } });
    expect(run.ratedById).toBe('ai-agent');
    const invalid = (await executeOk(server.url, RateAiReplyDocument, { input: { messageId: replyId, rating: 'GOOD', correction: 'x' } }, { token: owner })).rateAiReply;
    expect(invalid).toMatchObject({ __typename: 'ValidationError', field: ['input', 'correction'] });
    const notAi = (await executeOk(server.url, RateAiReplyDocument, { input: { messageId: agentMessageId, rating: 'GOOD' } }, { token: owner })).rateAiReply;
    expect(notAi).toMatchObject({ __typename: 'NotFoundError' });
    const foreign = (await executeOk(server.url, RateAiReplyDocument, { input: { messageId: replyId, rating: 'GOOD' } }, { token: rival })).rateAiReply;
    expect(foreign).toMatchObject({ __typename: 'NotFoundError' });
    expect(await db().aiRun.findFirstOrThrow({ where: { messageId: rowId(replyId) } })).toMatchObject({ rating: 'BAD', correction: 'Fridays 18:00 to 2:00 at night.' });
    const good = (await executeOk(server.url, RateAiReplyDocument, { input: { messageId: replyId, rating: 'GOOD' } }, { token: owner })).rateAiReply;
    expect(good).toMatchObject({ aiRun: { rating: 'GOOD', correction: null } });
  });

  it('aiStats counts the decisions of the period', async () => {
    const stats = (await executeOk(server.url, AiStatsDocument, { id: businessId, days: 7 }, { token: owner })).business?.aiStats;
    expect(stats).toMatchObject({
      decisions: 3,
      replies: 1,
      handoffs: 1,
      skipped: 1,
      failed: 0,
      fallbacks: 1,
      averageLatencyMs: 100,
      goodRatings: 1,
      badRatings: 0,
      intents: [
        { intent: 'COMPLAINT', count: 1 },
        { intent: 'HOURS', count: 1 },
      ],
    });
    const { body } = await execute(server.url, AiStatsDocument, { id: businessId, days: 0 }, { token: owner });
    expect(body.errors?.[0]?.message).toContain('between 1 and 366');
  });
});
