// DRAFT mode: the AI's reply waits for an agent. Drafts arrive over a real WebSocket subscription;
// approving (as drafted or edited) sends through the outbox, discarding sends nothing.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { AiDraftReadyDocument, type AiDraftReadySubscription, ApproveAiDraftDocument, DiscardAiDraftDocument } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { connectWs, type Subscription, subscribe } from '../support/subscriptions.ts';
import { type AiLine, aiMessagesOf, conversationOf, customerSays, runsAfter, sandboxAiLine, sentAiMessage, sleep } from './helpers.ts';

let server: TestApp;
let owner: string;
let rival: string;
let line: AiLine;
let client: Client;
let drafts: Subscription<AiDraftReadySubscription>;
let phones = 0;
const newPhone = () => `+3712700${String((phones += 1)).padStart(4, '0')}`;

beforeAll(async () => {
  server = await startTestApp({ redis: true, env: { AI_DEBOUNCE_MS: '150', AI_POLL_INTERVAL_MS: '200', SANDBOX_DELIVERY_DELAY_MS: '50' } });
  owner = await server.token({ sub: 'drafts-owner' });
  rival = await server.token({ sub: 'drafts-rival' });
  await createBusiness(server.url, rival, 'Rival Diner');
  line = await sandboxAiLine(server, owner, 'Draft Bistro', { mode: 'DRAFT' });
  client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
  drafts = subscribe(client, AiDraftReadyDocument, { businessId: line.businessId });
  // graphql-ws does not acknowledge a subscription: give the server a moment to start listening.
  await sleep(300);
});
afterAll(async () => {
  await drafts.close();
  await client.dispose();
  await server.stop();
});

/** A customer asks; the draft arrives over the subscription. */
async function draftFor(text: string) {
  const phone = newPhone();
  const inbound = await customerSays(server, line, phone, text);
  const event = await drafts.next(10_000);
  expect(event.errors).toBeUndefined();
  const draft = event.data!.aiDraftReady;
  const conversation = await conversationOf(line, phone);
  return { phone, inbound, draft, conversation };
}

const approve = (input: { aiRunId: string; text?: string }, token = owner) =>
  executeOk(server.url, ApproveAiDraftDocument, { input }, { token }).then((data) => data.approveAiDraft);
const discard = (aiRunId: string, token = owner) => executeOk(server.url, DiscardAiDraftDocument, { input: { aiRunId } }, { token }).then((data) => data.discardAiDraft);

describe('DRAFT mode', () => {
  it('publishes the draft over aiDraftReady and sends nothing until approved; approving with an edit sends the edit', async () => {
    const { inbound, draft, conversation } = await draftFor('Where are you located?');
    expect(draft).toMatchObject({ outcome: 'DRAFTED', draftStatus: 'PENDING', intent: 'LOCATION', conversation: { id: encodeGlobalID('Conversation', conversation.id) } });
    expect(draft.output).toContain('Brīvības iela 1');
    expect(draft.inboundMessages.map((message) => message.text)).toEqual([inbound.body]);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(0);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).aiPendingSince).toBeNull();

    const edited = 'We are at Brīvības iela 1, right in the centre. See you soon!';
    const approved = await approve({ aiRunId: draft.id, text: edited });
    if (approved.__typename !== 'ApproveAiDraftPayload') throw new Error(JSON.stringify(approved));
    expect(approved.aiRun).toMatchObject({ draftStatus: 'APPROVED', outcome: 'DRAFTED', correction: edited, output: draft.output });
    expect(approved.aiRun.message).toMatchObject({ text: edited, author: 'AI' });
    const sent = await sentAiMessage(rowId(approved.aiRun.message!.id));
    expect(sent).toMatchObject({ body: edited, author: 'AI', conversationId: conversation.id });
    expect(sent.usagePeriod).not.toBeNull();
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);

    const again = await approve({ aiRunId: draft.id });
    expect(again).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: ['input', 'aiRunId'] });
    expect(await discard(draft.id)).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    await sleep(200);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });

  it('approving as drafted sends the draft itself, with no correction', async () => {
    const { draft, conversation } = await draftFor('When are you open?');
    const approved = await approve({ aiRunId: draft.id });
    if (approved.__typename !== 'ApproveAiDraftPayload') throw new Error(JSON.stringify(approved));
    expect(approved.aiRun).toMatchObject({ draftStatus: 'APPROVED', correction: null });
    expect(approved.aiRun.message!.text).toBe(draft.output);
    await sentAiMessage(rowId(approved.aiRun.message!.id));
    expect(await aiMessagesOf(conversation.id)).toHaveLength(1);
  });

  it('discarding sends nothing, and a discarded draft cannot be approved', async () => {
    const { draft, conversation } = await draftFor('How much is the Pizza Margherita?');
    const discarded = await discard(draft.id);
    expect(discarded).toMatchObject({ __typename: 'DiscardAiDraftPayload', aiRun: { draftStatus: 'DISCARDED', message: null } });
    expect(await approve({ aiRunId: draft.id })).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    await sleep(300);
    expect(await aiMessagesOf(conversation.id)).toHaveLength(0);
    const [run] = await runsAfter(conversation.id, 1);
    expect(run).toMatchObject({ draftStatus: 'DISCARDED', messageId: null });
  });

  it('an edit is checked like any sent text', async () => {
    const { draft } = await draftFor('Where are you?');
    expect(await approve({ aiRunId: draft.id, text: '   ' })).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: ['input', 'text'] });
    expect(await approve({ aiRunId: draft.id, text: 'x'.repeat(4_097) })).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect((await db().aiRun.findUniqueOrThrow({ where: { id: rowId(draft.id) } })).draftStatus).toBe('PENDING');
  });

  it('other tenants get NOT_FOUND for drafts and for the subscription', async () => {
    const { draft, conversation } = await draftFor('Where are you located?');
    expect(await approve({ aiRunId: draft.id }, rival)).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await discard(draft.id, rival)).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect((await db().aiRun.findUniqueOrThrow({ where: { id: rowId(draft.id) } })).draftStatus).toBe('PENDING');
    expect(await aiMessagesOf(conversation.id)).toHaveLength(0);

    const rivalClient = await connectWs(server.wsUrl, { authorization: `Bearer ${rival}` });
    try {
      const spy = subscribe(rivalClient, AiDraftReadyDocument, { businessId: line.businessId });
      const refused = await spy.next();
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
    } finally {
      await rivalClient.dispose();
    }
  });
});
