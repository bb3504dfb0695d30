import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { usagePeriod } from '../../src/services/usage/meter.ts';
import { rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { connectWs, subscribe, triggerUntilEvent } from '../support/subscriptions.ts';
import { child, SimulatedCall, verbs } from '../support/twilio.ts';
import { setupLine } from '../support/whatsapp.ts';
import { callTo, startVoiceWorld, type VoiceBusiness, voiceBusiness, type VoiceWorld } from './helpers.ts';
import { BusinessCalls, CallNode, CallUpdated, ConversationTimeline } from './operations.ts';

let world: VoiceWorld;
let owner: string;
let stranger: string;

beforeAll(async () => {
  world = await startVoiceWorld();
  owner = await world.server.token({ sub: 'calls-owner' });
  stranger = await world.server.token({ sub: 'calls-stranger' });
});
afterAll(async () => {
  await world.stop();
});

async function callOf(callSid: string) {
  return db().call.findUniqueOrThrow({ where: { callSid } });
}

async function callsOf(business: VoiceBusiness, token = owner) {
  const data = await executeOk(world.server.url, BusinessCalls, { id: business.globalId, first: 20 }, { token });
  return data.business!;
}

describe('an AI-answered call', () => {
  it('greets, answers from the business’s knowledge, and ends with a transcript, a duration and usage', async () => {
    const business = await voiceBusiness(world, owner, 'Kafejnīca Rīga');
    const call = callTo(world, business, '+37120000101');

    const greeting = await call.ring();
    expect(greeting.status).toBe(200);
    expect(greeting.contentType).toMatch(/^text\/xml/);
    expect(greeting.twiml!.name).toBe('Response');
    expect(verbs(greeting.twiml!)).toEqual(['Gather']);
    const gather = child(greeting.twiml!, 'Gather');
    expect(gather.attributes).toEqual({
      input: 'speech',
      language: 'en-US',
      speechTimeout: 'auto',
      action: `${world.publicBaseUrl}/webhooks/twilio/voice/gather`,
      method: 'POST',
      actionOnEmptyResult: 'true',
      hints: expect.stringContaining('Kafejnīca Rīga'),
    });
    const hello = child(gather, 'Say');
    expect(hello.attributes.language).toBe('en-US');
    expect(hello.text).toContain('Kafejnīca Rīga');

    const answer = await call.say('Where are you located?');
    expect(verbs(answer.twiml!)).toEqual(['Gather']);
    const spoken = child(child(answer.twiml!, 'Gather'), 'Say').text;
    expect(spoken).toContain('Brīvības iela 21');

    expect((await call.status('completed', 95)).status).toBe(200);

    const { calls, usage } = await callsOf(business);
    expect(calls.edges).toHaveLength(1);
    const stored = calls.edges[0]!.node;
    expect(stored).toMatchObject({
      callSid: call.callSid,
      from: '+37120000101',
      to: business.number,
      direction: 'INBOUND',
      status: 'COMPLETED',
      outcome: 'AI_ANSWERED',
      durationSec: 95,
      language: 'en',
      phoneNumber: { id: business.numberGlobalId, phoneNumber: business.number },
      contact: { phone: '+37120000101' },
    });
    expect(stored.answeredAt).not.toBeNull();
    expect(stored.endedAt).not.toBeNull();
    expect(stored.transcript.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['AI', hello.text],
      ['CUSTOMER', 'Where are you located?'],
      ['AI', spoken],
    ]);
    expect(stored.aiRuns).toHaveLength(1);
    expect(stored.aiRuns[0]).toMatchObject({ channel: 'VOICE', intent: 'LOCATION', outcome: 'REPLIED', fallbackUsed: false, output: spoken });
    expect(stored.aiRuns[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(usage).toEqual({ calls: 1, callMinutes: 2 });
  });

  it('greets in the business’s language with the matching voice settings', async () => {
    const business = await voiceBusiness(world, owner, 'Maiznīca', { language: 'lv' });
    const greeting = await callTo(world, business).ring();
    const gather = child(greeting.twiml!, 'Gather');
    expect(gather.attributes.language).toBe('lv-LV');
    const hello = child(gather, 'Say');
    expect(hello.attributes).toMatchObject({ language: 'lv-LV', voice: 'Google.lv-LV-Standard-A' });
    expect(hello.text).toBe('Labdien! Jūs sazinājāties ar uzņēmumu Maiznīca. Es esmu virtuālais asistents. Kā varu jums palīdzēt?');
  });

  it('is one call however often Twilio retries the incoming request', async () => {
    const business = await voiceBusiness(world, owner, 'Retry Co');
    const call = callTo(world, business, '+37120000102');
    const first = await call.ring();
    const [second, third] = await Promise.all([call.ring(), call.ring()]);
    expect(second.body).toBe(first.body);
    expect(third.body).toBe(first.body);
    expect(await db().call.count({ where: { callSid: call.callSid } })).toBe(1);
    expect((await callsOf(business)).usage.calls).toBe(1);
  });
});

describe('webhook authentication', () => {
  it('refuses a bad, missing or misdirected signature with 403 and stores nothing', async () => {
    const business = await voiceBusiness(world, owner, 'Signed Co');
    const call = callTo(world, business, '+37120000103');
    const params = { CallSid: call.callSid, From: call.from, To: call.to, CallStatus: 'ringing' };
    expect((await call.post('/webhooks/twilio/voice', params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await call.post('/webhooks/twilio/voice', params, null)).status).toBe(403);
    // Signed for another path (a replayed gather request sent to the voice URL).
    const { getExpectedTwilioSignature } = (await import('twilio')).default;
    const elsewhere = getExpectedTwilioSignature(world.fake.authToken, `${world.publicBaseUrl}/webhooks/twilio/voice/gather`, params);
    expect((await call.post('/webhooks/twilio/voice', params, elsewhere)).status).toBe(403);
    // Signed with another account's token.
    const forged = getExpectedTwilioSignature('another-auth-token', `${world.publicBaseUrl}/webhooks/twilio/voice`, params);
    expect((await call.post('/webhooks/twilio/voice', params, forged)).status).toBe(403);
    // A tampered parameter breaks the signature too.
    const signed = getExpectedTwilioSignature(world.fake.authToken, `${world.publicBaseUrl}/webhooks/twilio/voice`, params);
    expect((await call.post('/webhooks/twilio/voice', { ...params, From: '+37129999999' }, signed)).status).toBe(403);
    expect(await db().call.count({ where: { callSid: call.callSid } })).toBe(0);
    expect(await db().contact.count({ where: { businessId: business.id, phone: { in: ['+37120000103', '+37129999999'] } } })).toBe(0);
  });

  it('refuses oversized bodies and other methods', async () => {
    const response = await fetch(`${world.publicBaseUrl}/webhooks/twilio/voice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' },
      body: `Junk=${'a'.repeat(70_000)}`,
    });
    expect(response.status).toBe(413);
    expect((await fetch(`${world.publicBaseUrl}/webhooks/twilio/voice`)).status).toBe(405);
  });
});

describe('calls that the AI does not answer', () => {
  it('a number nobody uses gets a polite message and a hangup', async () => {
    const call = new SimulatedCall(world.publicBaseUrl, world.fake.authToken, '+37120000104', '+37160000000');
    const response = await call.ring();
    expect(response.status).toBe(200);
    expect(verbs(response.twiml!)).toEqual(['Say', 'Hangup']);
    expect(child(response.twiml!, 'Say').text).toContain('not in service');
    expect(await db().call.count({ where: { callSid: call.callSid } })).toBe(0);
  });

  it('over the plan’s call limit: "unavailable", a hangup and an OVER_LIMIT call record', async () => {
    const business = await voiceBusiness(world, owner, 'Busy Month Co');
    const { period } = usagePeriod('Europe/Riga', new Date());
    await db().usageCounter.create({ data: { businessId: business.id, period, calls: 500 } });
    const call = callTo(world, business, '+37120000105');
    const response = await call.ring();
    expect(verbs(response.twiml!)).toEqual(['Say', 'Hangup']);
    expect(child(response.twiml!, 'Say').text).toBe('Sorry, Busy Month Co cannot take calls right now. Please try again later or send us a message. Goodbye!');
    await call.status('completed', 8);
    const stored = await callOf(call.callSid);
    expect(stored).toMatchObject({ outcome: 'OVER_LIMIT', status: 'COMPLETED', usagePeriod: null, answeredAt: null });
    expect((await callsOf(business)).usage).toEqual({ calls: 500, callMinutes: 0 });
  });

  it('a plan without calls (downgraded to BASIC): "unavailable" and a MISSED call', async () => {
    const business = await voiceBusiness(world, owner, 'Downgraded Co', { plan: 'BASIC' });
    const call = callTo(world, business, '+37120000106');
    const response = await call.ring();
    expect(verbs(response.twiml!)).toEqual(['Say', 'Hangup']);
    expect(await callOf(call.callSid)).toMatchObject({ outcome: 'MISSED' });
  });
});

describe('handing a caller to people', () => {
  it('forwards to the fallback number on handoff, and offers voicemail when nobody answers there', async () => {
    const business = await voiceBusiness(world, owner, 'Forward Co', { voice: { fallbackNumber: '+37129000000' } });
    const call = callTo(world, business, '+37120000107');
    await call.ring();
    const handoff = await call.say('I want to speak to a person');
    expect(verbs(handoff.twiml!)).toEqual(['Say', 'Dial']);
    const dial = child(handoff.twiml!, 'Dial');
    expect(dial.text).toBe('+37129000000');
    expect(dial.attributes).toMatchObject({ action: `${world.publicBaseUrl}/webhooks/twilio/voice/dial`, method: 'POST' });
    const forwarded = await callOf(call.callSid);
    expect(forwarded.outcome).toBe('FORWARDED');
    const run = await db().aiRun.findFirstOrThrow({ where: { callId: forwarded.id } });
    expect(run).toMatchObject({ channel: 'VOICE', outcome: 'HANDED_OFF', handoffReason: 'HUMAN_HANDOFF', intent: 'HUMAN_HANDOFF' });

    const unanswered = await call.dialed('no-answer');
    expect(verbs(unanswered.twiml!)).toEqual(['Say', 'Record', 'Say', 'Hangup']);
    expect((await callOf(call.callSid)).outcome).toBe('MESSAGE_TAKEN');
  });

  it('records a message when there is no fallback number', async () => {
    const business = await voiceBusiness(world, owner, 'Voicemail Co');
    const call = callTo(world, business, '+37120000108');
    await call.ring();
    const handoff = await call.say('Can I talk to a human please');
    expect(verbs(handoff.twiml!)).toEqual(['Say', 'Record', 'Say', 'Hangup']);
    expect(child(handoff.twiml!, 'Say').text).toContain('leave a message after the tone');
    expect(child(handoff.twiml!, 'Record').attributes).toMatchObject({
      action: `${world.publicBaseUrl}/webhooks/twilio/voice/recording`,
      method: 'POST',
      maxLength: '120',
      playBeep: 'true',
    });
    const saved = await call.recorded('https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE123');
    expect(verbs(saved.twiml!)).toEqual(['Say', 'Hangup']);
    expect(await callOf(call.callSid)).toMatchObject({ outcome: 'MESSAGE_TAKEN', recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE123' });
  });

  it('with the AI switched off, calls go straight to voicemail', async () => {
    const business = await voiceBusiness(world, owner, 'Quiet Co', { aiEnabled: false });
    const response = await callTo(world, business).ring();
    expect(verbs(response.twiml!)).toEqual(['Say', 'Record', 'Say', 'Hangup']);
  });
});

describe('ending calls', () => {
  it('two silences in a row: goodbye and hangup (NO_SPEECH)', async () => {
    const business = await voiceBusiness(world, owner, 'Silent Co');
    const call = callTo(world, business, '+37120000109');
    await call.ring();
    const first = await call.say('');
    expect(verbs(first.twiml!)).toEqual(['Gather']);
    expect(child(child(first.twiml!, 'Gather'), 'Say').text).toBe('Sorry, I did not catch that. Could you say it again, please?');
    const second = await call.say('');
    expect(verbs(second.twiml!)).toEqual(['Say', 'Hangup']);
    expect(await callOf(call.callSid)).toMatchObject({ outcome: 'NO_SPEECH', silences: 2 });
    // The AI says nothing more on a call it closed.
    expect(verbs((await call.say('hello?')).twiml!)).toEqual(['Hangup']);
  });

  it('a call longer than the maximum length ends with goodbye (TIME_LIMIT)', async () => {
    const business = await voiceBusiness(world, owner, 'Long Talk Co', { voice: { maxCallSeconds: 60 } });
    const call = callTo(world, business, '+37120000110');
    await call.ring();
    await db().call.update({ where: { callSid: call.callSid }, data: { answeredAt: new Date(Date.now() - 61_000) } });
    const response = await call.say('Where are you located?');
    expect(verbs(response.twiml!)).toEqual(['Say', 'Say', 'Hangup']);
    expect((await callOf(call.callSid)).outcome).toBe('TIME_LIMIT');
  });
});

describe('status callbacks', () => {
  it('only move a call forward: duplicates and late, out-of-order callbacks change nothing, minutes count once', async () => {
    const business = await voiceBusiness(world, owner, 'Status Co');
    const call = callTo(world, business, '+37120000111');
    await call.ring();
    await call.say('Where are you located?');
    await call.status('in-progress');
    await call.status('completed', 61);
    await call.status('completed', 61);
    await call.status('ringing');
    await call.status('in-progress');
    await call.status('completed', 999);
    const stored = await callOf(call.callSid);
    expect(stored).toMatchObject({ status: 'COMPLETED', durationSec: 61, outcome: 'AI_ANSWERED' });
    expect((await callsOf(business)).usage).toEqual({ calls: 1, callMinutes: 2 });
    // Unknown statuses and calls are ignored, not errors.
    expect((await call.status('bogus')).status).toBe(200);
    expect((await new SimulatedCall(world.publicBaseUrl, world.fake.authToken, '+1', '+2').status('completed', 5)).status).toBe(200);
  });

  it('a caller who hung up before saying anything is a MISSED call', async () => {
    const business = await voiceBusiness(world, owner, 'Hang Up Co');
    const call = callTo(world, business, '+37120000112');
    await call.ring();
    await call.status('completed', 3);
    expect(await callOf(call.callSid)).toMatchObject({ status: 'COMPLETED', outcome: 'MISSED', durationSec: 3 });
  });
});

describe('calls in the inbox', () => {
  it('the conversation’s timeline shows its messages and the contact’s calls in time order', async () => {
    const business = await voiceBusiness(world, owner, 'Timeline Co');
    const line = await setupLine(world.server.url, owner, business.globalId);
    const call = callTo(world, business, '+37120000113');
    await call.ring();
    const stored = await callOf(call.callSid);
    // The caller is the same contact as on WhatsApp: one row, matched by phone.
    const contact = await db().contact.findFirstOrThrow({ where: { businessId: business.id, phone: '+37120000113' } });
    expect(stored.contactId).toBe(contact.id);
    const conversation = await db().conversation.create({ data: { businessId: business.id, instanceId: rowId(line.id), contactId: contact.id } });
    const at = (offsetMs: number) => new Date(stored.startedAt.getTime() + offsetMs);
    const message = (body: string, offsetMs: number) =>
      db().message.create({
        data: {
          businessId: business.id,
          conversationId: conversation.id,
          instanceId: rowId(line.id),
          direction: 'INBOUND',
          type: 'TEXT',
          body,
          status: 'RECEIVED',
          author: 'CUSTOMER',
          createdAt: at(offsetMs),
        },
      });
    await message('before the call', -60_000);
    await message('after the call', 60_000);
    await message('much later', 120_000);
    const conversationId = encodeGlobalID('Conversation', conversation.id);

    const all = await executeOk(world.server.url, ConversationTimeline, { id: conversationId, first: 10 }, { token: owner });
    const items = all.node!.timeline.edges.map((edge) => (edge.node.__typename === 'Call' ? `call:${edge.node.callSid}` : `message:${edge.node.text}`));
    expect(items).toEqual(['message:much later', 'message:after the call', `call:${call.callSid}`, 'message:before the call']);

    // Paging forward and back over the same order.
    const first = await executeOk(world.server.url, ConversationTimeline, { id: conversationId, first: 2 }, { token: owner });
    expect(first.node!.timeline.pageInfo.hasNextPage).toBe(true);
    const next = await executeOk(world.server.url, ConversationTimeline, { id: conversationId, first: 2, after: first.node!.timeline.pageInfo.endCursor }, { token: owner });
    expect(next.node!.timeline.edges.map((edge) => edge.node.__typename)).toEqual(['Call', 'Message']);
    expect(next.node!.timeline.pageInfo.hasNextPage).toBe(false);
    const back = await executeOk(world.server.url, ConversationTimeline, { id: conversationId, last: 1, before: next.node!.timeline.pageInfo.startCursor }, { token: owner });
    expect(back.node!.timeline.edges.map((edge) => (edge.node.__typename === 'Message' ? edge.node.text : null))).toEqual(['after the call']);

    // Another tenant sees no conversation at all.
    expect((await executeOk(world.server.url, ConversationTimeline, { id: conversationId, first: 10 }, { token: stranger })).node).toBeNull();
  });

  it('callUpdated streams a business’s calls over a WebSocket, and only to those who may see them', async () => {
    const business = await voiceBusiness(world, owner, 'Live Co');
    let client: Client | undefined;
    let intruder: Client | undefined;
    try {
      client = await connectWs(world.server.wsUrl, { authorization: `Bearer ${owner}` });
      const subscription = subscribe(client, CallUpdated, { businessId: business.globalId });
      const calls: SimulatedCall[] = [];
      const first = await triggerUntilEvent(subscription, async () => {
        const call = callTo(world, business, `+3712000020${calls.length}`);
        calls.push(call);
        await call.ring();
      });
      expect(first.errors).toBeUndefined();
      expect(calls.map((call) => call.callSid)).toContain(first.data!.callUpdated.callSid);
      expect(first.data!.callUpdated).toMatchObject({ status: 'IN_PROGRESS', outcome: null });
      expect(first.data!.callUpdated.transcript[0]!.speaker).toBe('AI');
      const target = calls.find((call) => call.callSid === first.data!.callUpdated.callSid)!;
      await target.status('completed', 12);
      let ended = await subscription.next();
      while (!(ended.data!.callUpdated.callSid === target.callSid && ended.data!.callUpdated.status === 'COMPLETED')) ended = await subscription.next();
      expect(ended.data!.callUpdated).toMatchObject({ callSid: target.callSid, status: 'COMPLETED', outcome: 'MISSED' });
      await subscription.close();

      intruder = await connectWs(world.server.wsUrl, { authorization: `Bearer ${stranger}` });
      const refused = await subscribe(intruder, CallUpdated, { businessId: business.globalId }).next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await client?.dispose();
      await intruder?.dispose();
    }
  });

  it('keeps tenants apart: another business’s calls cannot be read by id or listed', async () => {
    const business = await voiceBusiness(world, owner, 'Private Calls Co');
    const call = callTo(world, business, '+37120000114');
    await call.ring();
    const callId = encodeGlobalID('Call', (await callOf(call.callSid)).id);
    expect((await executeOk(world.server.url, CallNode, { id: callId }, { token: owner })).node).toMatchObject({ __typename: 'Call', callSid: call.callSid });
    expect((await executeOk(world.server.url, CallNode, { id: callId }, { token: stranger })).node).toBeNull();
    expect((await executeOk(world.server.url, BusinessCalls, { id: business.globalId }, { token: stranger })).business).toBeNull();
  });
});
