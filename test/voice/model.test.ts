import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { type ChatRequestBody, FakeOpenAI } from '../support/fake-openai.ts';
import { child, verbs } from '../support/twilio.ts';
import { callTo, startVoiceWorld, voiceBusiness, type VoiceWorld } from './helpers.ts';

/** Calls answered through an OpenAI-compatible model (a fake one), and what happens when it is down. */
let world: VoiceWorld;
let model: FakeOpenAI;
let owner: string;

const isClassify = (body: ChatRequestBody) => body.response_format?.type === 'json_schema';

beforeAll(async () => {
  model = await new FakeOpenAI().start();
  world = await startVoiceWorld({ OPENAI_API_KEY: model.apiKey, OPENAI_BASE_URL: model.url, OPENAI_MODEL: 'fake-voice-model', AI_TIMEOUT_MS: '2000' });
  owner = await world.server.token({ sub: 'voice-model-owner' });
});
afterAll(async () => {
  await world.stop();
  await model.stop();
});
beforeEach(() => model.reset());

describe('a call answered by the model', () => {
  it('speaks the model’s short answer and traces the decision with the call', async () => {
    model.responder = (body) =>
      isClassify(body) ? JSON.stringify({ intent: 'LOCATION', confidence: 0.93, language: 'en' }) : 'We are at Brīvības iela 21 in Riga.';
    const business = await voiceBusiness(world, owner, 'Model Voice Co');
    const call = callTo(world, business, '+37120000301');
    await call.ring();
    const answer = await call.say('Where can I find you?');
    expect(child(child(answer.twiml!, 'Gather'), 'Say').text).toBe('We are at Brīvības iela 21 in Riga.');
    // The answer prompt was asked for a spoken, short answer.
    const answerRequest = model.requests.find((body) => !isClassify(body))!;
    expect(answerRequest.max_completion_tokens).toBeLessThanOrEqual(120);
    const stored = await db().call.findUniqueOrThrow({ where: { callSid: call.callSid }, include: { aiRuns: true } });
    expect(stored.aiRuns).toHaveLength(1);
    expect(stored.aiRuns[0]).toMatchObject({
      channel: 'VOICE',
      intent: 'LOCATION',
      confidence: 0.93,
      language: 'en',
      model: 'fake-voice-model',
      outcome: 'REPLIED',
      fallbackUsed: false,
      error: null,
    });
    expect(stored.aiRuns[0]!.promptVersion).not.toBeNull();
    expect(stored.aiRuns[0]!.tokensIn).toBeGreaterThan(0);
    expect(stored.aiRuns[0]!.tokensOut).toBeGreaterThan(0);
  });

  it('model down: the built-in rules answer from the knowledge, and the trace says so', async () => {
    model.failNext(50, 500);
    const business = await voiceBusiness(world, owner, 'Model Down Co');
    const call = callTo(world, business, '+37120000302');
    await call.ring();
    const answer = await call.say('Where are you located?');
    expect(verbs(answer.twiml!)).toEqual(['Gather']);
    expect(child(child(answer.twiml!, 'Gather'), 'Say').text).toContain('Brīvības iela 21');
    const run = await db().aiRun.findFirstOrThrow({ where: { call: { callSid: call.callSid } } });
    expect(run).toMatchObject({ channel: 'VOICE', outcome: 'REPLIED', fallbackUsed: true, model: 'fake-voice-model' });
    expect(run.error).toBeTruthy();
  });
});
