// The AI reply pipeline with a model: a local OpenAI-compatible server answers (or fails), a fake
// Evolution server receives the replies. Decisions run in the real server process.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { PROMPT_VERSION } from '../../src/services/ai/prompt.ts';
import { connectedLine, type Line, sentOn, textOf } from '../outbox/helpers.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeEvolution } from '../support/fake-evolution.ts';
import { type ChatRequestBody, FakeOpenAI } from '../support/fake-openai.ts';
import { KNOWLEDGE, runsAfter, runsOf, setAiSettings, waitFor } from './helpers.ts';

const TIMEOUT_MS = 800;

let evolution: FakeEvolution;
let model: FakeOpenAI;
let server: TestApp;
let owner: string;
let line: Line;
let customers = 0;

const isClassify = (body: ChatRequestBody) => body.response_format?.type === 'json_schema';
const classification = (intent: string, confidence = 0.9, language = 'en') => JSON.stringify({ intent, confidence, language });

beforeAll(async () => {
  evolution = await FakeEvolution.start();
  model = await new FakeOpenAI().start();
  server = await startTestApp({
    env: {
      EVOLUTION_API_URL: evolution.url,
      EVOLUTION_API_KEY: evolution.globalKey,
      OPENAI_API_KEY: model.apiKey,
      OPENAI_BASE_URL: model.url,
      OPENAI_MODEL: 'fake-model-1',
      AI_TIMEOUT_MS: String(TIMEOUT_MS),
      AI_DEBOUNCE_MS: '150',
      AI_POLL_INTERVAL_MS: '200',
    },
  });
  owner = await server.token({ sub: 'model-owner' });
  line = await connectedLine(server, evolution, owner, 'Model Bistro');
  await setAiSettings(line.businessRowId, {});
});
afterAll(async () => {
  await server.stop();
  await model.stop();
  await evolution.close();
});
beforeEach(() => model.reset());

/** A customer's WhatsApp message, delivered by (fake) Evolution to our webhook; answers the conversation once stored. */
async function customerSays(phone: string, text: string): Promise<{ conversationId: string; messageId: string }> {
  const id = randomBytes(16).toString('hex').toUpperCase();
  const status = await evolution.emit(line.name, 'messages.upsert', {
    key: { remoteJid: `${phone.slice(1)}@s.whatsapp.net`, fromMe: false, id },
    pushName: 'Customer',
    status: 'DELIVERY_ACK',
    message: { conversation: text },
    messageType: 'conversation',
    messageTimestamp: Math.floor(Date.now() / 1000),
    source: 'android',
  });
  expect(status).toBe(200);
  const message = await waitFor(() => db().message.findFirst({ where: { instanceId: line.instanceRowId, externalId: id } }), 'the inbound message');
  return { conversationId: message.conversationId, messageId: message.id };
}

const newPhone = () => `+3712800${String((customers += 1)).padStart(4, '0')}`;

/** Waits until the fake Evolution received a text for this number. */
function sentTo(phone: string, count = 1): Promise<string[]> {
  return waitFor(async () => {
    const texts = sentOn(evolution, line.name).filter((message) => message.key.remoteJid === `${phone.slice(1)}@s.whatsapp.net`);
    return texts.length >= count ? texts.map((message) => String(textOf(message))) : null;
  }, `${count} text(s) sent to ${phone}`);
}

describe('with a model', () => {
  it('answers with the model: the request carries the knowledge, the history and the rated examples; traced with tokens', async () => {
    // The business rated one earlier reply GOOD and corrected another: both are examples now.
    await db().aiRun.create({
      data: {
        businessId: line.businessRowId,
        channel: 'WHATSAPP',
        outcome: 'REPLIED',
        intent: 'PRICING',
        input: { text: 'How much does the pizza cost?' },
        output: 'Our Pizza Margherita is 9.50 EUR, freshly baked!',
        rating: 'GOOD',
      },
    });
    await db().aiRun.create({
      data: {
        businessId: line.businessRowId,
        channel: 'WHATSAPP',
        outcome: 'REPLIED',
        intent: 'PRICING',
        input: { text: 'pizza price?' },
        output: 'It is cheap.',
        rating: 'BAD',
        correction: 'The Margherita costs 9.50 EUR.',
      },
    });
    model.responder = (body) => {
      if (!isClassify(body)) return 'Sure! The Pizza Margherita is 9.50 EUR.';
      return body.messages.at(-1)!.content.includes('how much') ? classification('PRICING') : classification('GREETING', 0.95);
    };
    const phone = newPhone();
    const hello = await customerSays(phone, 'Hello there');
    await runsAfter(hello.conversationId, 1);
    await sentTo(phone, 1);
    const question = await customerSays(phone, 'how much is a pizza?');
    const runs = await runsAfter(question.conversationId, 2);
    const run = runs[1]!;
    expect(run).toMatchObject({
      outcome: 'REPLIED',
      intent: 'PRICING',
      confidence: 0.9,
      language: 'en',
      model: 'fake-model-1',
      promptVersion: PROMPT_VERSION,
      fallbackUsed: false,
      error: null,
      output: 'Sure! The Pizza Margherita is 9.50 EUR.',
      inboundMessageIds: [question.messageId],
    });
    expect(run.tokensIn).toBeGreaterThan(0);
    expect(run.tokensOut).toBeGreaterThan(0);
    expect(await sentTo(phone, 2)).toContain('Sure! The Pizza Margherita is 9.50 EUR.');

    const answer = model.requests.filter((body) => !isClassify(body)).at(-1)!;
    const system = answer.messages[0]!.content;
    expect(answer.model).toBe('fake-model-1');
    expect(system).toContain(KNOWLEDGE.address);
    expect(system).toContain('Pizza Margherita');
    expect(system).toContain(KNOWLEDGE.faq[0]!.answer);
    expect(system).toContain('Our Pizza Margherita is 9.50 EUR, freshly baked!');
    expect(system).toContain('The Margherita costs 9.50 EUR.');
    expect(system).not.toContain('It is cheap.');
    const turns = answer.messages.slice(1).map((message) => `${message.role}: ${message.content}`);
    expect(turns[0]).toBe('user: Hello there');
    expect(turns.at(-1)).toBe('user: how much is a pizza?');
    expect(turns.length).toBe(3);
    // "composing…" went to the customer's chat while the model worked.
    expect(evolution.instances.get(line.name)!.presences.some((presence) => presence.presence === 'composing' && presence.number === phone.slice(1))).toBe(true);
  });

  it('asks for the answer alongside the classification, and asks again only when the model reads the message differently', async () => {
    model.responder = (body) => (isClassify(body) ? classification('LOCATION') : 'We are at the address in our profile.');
    const agreeing = await customerSays(newPhone(), 'Where are you located?');
    const [together] = await runsAfter(agreeing.conversationId, 1);
    expect(together).toMatchObject({ outcome: 'REPLIED', intent: 'LOCATION', fallbackUsed: false });
    expect(together!.input).toMatchObject({ speculativeAnswerUsed: true });
    expect(model.requests).toHaveLength(2);

    model.requests.length = 0;
    let answers = 0;
    model.responder = (body) => (isClassify(body) ? classification('RESERVATION') : `answer ${(answers += 1)}`);
    const phone = newPhone();
    const differing = await customerSays(phone, 'Where are you located?');
    const [again] = await runsAfter(differing.conversationId, 1);
    expect(again).toMatchObject({ outcome: 'REPLIED', intent: 'RESERVATION' });
    expect(again!.input).toMatchObject({ speculativeAnswerUsed: false });
    expect(model.requests).toHaveLength(3);
    const [sent] = await sentTo(phone, 1);
    expect(model.requests.filter((body) => !isClassify(body)).at(-1)!.messages[0]!.content).toContain('RESERVATION');
    expect(sent).toBe(again!.output);
  });

  it('a handoff the model recognises goes to people without asking it for an answer', async () => {
    model.responder = (body) => (isClassify(body) ? classification('COMPLAINT', 0.92) : 'should not be asked');
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'The soup was cold and the waiter was rude.');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'HANDED_OFF', intent: 'COMPLAINT', handoffReason: 'COMPLAINT', model: 'fake-model-1', fallbackUsed: false });
    expect(model.requests.filter((body) => !isClassify(body))).toHaveLength(0);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ controller: 'HUMAN', status: 'PENDING', handoffReason: 'COMPLAINT' });
    await sentTo(phone, 1);
  });

  it('low confidence hands off as LOW_CONFIDENCE', async () => {
    model.responder = (body) => (isClassify(body) ? classification('OTHER', 0.2) : 'should not be asked');
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'hmm, the thing from before?');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'HANDED_OFF', handoffReason: 'LOW_CONFIDENCE' });
  });

  it('an answer that fails the checks (an unknown link) is replaced by the rule-based answer', async () => {
    model.responder = (body) => (isClassify(body) ? classification('LOCATION') : 'We are at https://elsewhere.example.net/map, see you!');
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'Where are you located?');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'REPLIED', fallbackUsed: true, model: 'fake-model-1' });
    expect(run!.error).toMatch(/checks/);
    const [sent] = await sentTo(phone, 1);
    expect(sent).toContain(KNOWLEDGE.address);
    expect(sent).not.toContain('elsewhere.example.net');
  });
});

describe('when the model fails', () => {
  it('HTTP 500 (after its one retry): the rule-based answer goes out, the trace records the fallback and the error', async () => {
    // The classification and the answer asked alongside it, each tried twice.
    model.failNext(4, 500);
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'Where are you located?');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'REPLIED', intent: 'LOCATION', fallbackUsed: true, model: 'fake-model-1' });
    expect(run!.error).toMatch(/SERVER_ERROR/);
    expect(model.requests).toHaveLength(4);
    const [sent] = await sentTo(phone, 1);
    expect(sent).toContain(KNOWLEDGE.address);
  });

  it('a timeout: the rule-based answer goes out', async () => {
    model.delayNext(TIMEOUT_MS * 4);
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'How much is the Pizza Margherita?');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'REPLIED', fallbackUsed: true });
    expect(run!.error).toMatch(/TIMEOUT/);
    expect(run!.latencyMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
    const [sent] = await sentTo(phone, 1);
    expect(sent).toContain('Pizza Margherita');
  });

  it('repeated failures open the circuit: later decisions use the rules without calling the model', async () => {
    model.failNext(1_000, 500);
    let circuitOpen = false;
    for (let attempt = 0; attempt < 5 && !circuitOpen; attempt += 1) {
      const { conversationId } = await customerSays(newPhone(), 'Where are you located?');
      const [run] = await runsAfter(conversationId, 1);
      expect(run!.fallbackUsed).toBe(true);
      circuitOpen = /CIRCUIT_OPEN/.test(run!.error ?? '');
    }
    expect(circuitOpen).toBe(true);
    const requests = model.requests.length;
    const phone = newPhone();
    const { conversationId } = await customerSays(phone, 'How much is the Pizza Margherita?');
    const [run] = await runsAfter(conversationId, 1);
    expect(run).toMatchObject({ outcome: 'REPLIED', fallbackUsed: true });
    expect(run!.error).toMatch(/CIRCUIT_OPEN/);
    expect(model.requests.length).toBe(requests);
    expect((await sentTo(phone, 1))[0]).toContain('Pizza Margherita');
    expect(await runsOf(conversationId)).toHaveLength(1);
  });
});
