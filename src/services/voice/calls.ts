/**
 * AI-answered phone calls. Twilio asks what to do at each step of a call (incoming, each speech
 * result, an unanswered forward, a recording, status changes); every step is stored before it is
 * answered, idempotently on CallSid (Twilio retries), and announced on `business:call`.
 */
import { db } from '../../db.ts';
import type { Call, CallOutcome, CallStatus, Plan, Prisma } from '../../generated/prisma/client.ts';
import type { Logger } from '../../logger.ts';
import type { Brain, BrainDecision } from '../ai/brain.ts';
import { type AiSettings, readAiSettings } from '../ai/settings.ts';
import { retryOnConflict } from '../db/retry.ts';
import type { UsageThresholdEvent } from '../events/topics.ts';
import type { Platform } from '../platform.ts';
import { countContacts, publishUsageThresholds, recordCallMinutes, reserveCall } from '../usage/meter.ts';
import { PLANS } from '../usage/plans.ts';
import { e164Schema } from '../validation.ts';
import { resolveContact } from '../whatsapp/contacts.ts';
import { appendTurns, historyOf, readTranscript, type TranscriptTurn, turn } from './transcript.ts';
import { forward, hangUp, type Line, listen, sayAndHangUp, takeMessage, unknownNumber } from './twiml.ts';
import { spokenVoiceLanguage, VOICE_PHRASES, type VoiceLanguage, voiceLanguageOf } from './voice-phrases.ts';

/** What Twilio posted: form parameters such as CallSid, From, To, CallStatus, SpeechResult. */
export type TwilioParams = URLSearchParams;

export interface VoiceService {
  /** `POST /webhooks/twilio/voice`: a call arrives. */
  incoming(params: TwilioParams): Promise<string>;
  /** `POST /webhooks/twilio/voice/gather`: what the caller said (or silence). */
  gather(params: TwilioParams): Promise<string>;
  /** `POST /webhooks/twilio/voice/dial`: how a forward went. */
  dialed(params: TwilioParams): Promise<string>;
  /** `POST /webhooks/twilio/voice/recording`: the caller's voicemail. */
  recorded(params: TwilioParams): Promise<string>;
  /** `POST /webhooks/twilio/voice/status`: the call's status changed. */
  status(params: TwilioParams): Promise<void>;
}

export interface VoiceServiceOptions {
  platform: Platform;
  /** The process's one answering brain (shared with WhatsApp replies). */
  brain: Brain;
}

/** Twilio's placeholders for callers who withhold their number. */
const WITHHELD = new Set(['+266696687', '+7378742833', '+2562533', '+8656696', '+86282452253']);

/** A status only ever moves to a higher rank; the terminal ones share the highest. */
const RANK: Readonly<Record<CallStatus, number>> = { RINGING: 0, IN_PROGRESS: 1, COMPLETED: 2, BUSY: 2, NO_ANSWER: 2, FAILED: 2, CANCELED: 2 };

const TWILIO_STATUSES: Readonly<Record<string, CallStatus>> = {
  queued: 'RINGING',
  initiated: 'RINGING',
  ringing: 'RINGING',
  'in-progress': 'IN_PROGRESS',
  answered: 'IN_PROGRESS',
  completed: 'COMPLETED',
  busy: 'BUSY',
  'no-answer': 'NO_ANSWER',
  failed: 'FAILED',
  canceled: 'CANCELED',
};

/** Outcomes after which the AI no longer talks on the call. */
const CLOSED: ReadonlySet<CallOutcome> = new Set(['OVER_LIMIT', 'MISSED', 'FORWARDED', 'MESSAGE_TAKEN', 'NO_SPEECH', 'TIME_LIMIT']);

type CallBusiness = { id: string; name: string; timezone: string; language: string; plan: Plan; aiSettings: unknown };
type LoadedCall = Call & { business: CallBusiness };

const BUSINESS_SELECT = { id: true, name: true, timezone: true, language: true, plan: true, aiSettings: true } as const;

function callerPhone(from: string): string | null {
  return e164Schema.safeParse(from).success && !WITHHELD.has(from) ? from : null;
}

function aiAnswers(settings: AiSettings): boolean {
  return settings.enabled && settings.mode !== 'OFF';
}

export function createVoiceService(options: VoiceServiceOptions): VoiceService {
  const { platform, brain } = options;
  const log: Logger = platform.log;

  const lineOf = (business: { name: string }, language: VoiceLanguage): Line => ({
    publicBaseUrl: platform.config.publicBaseUrl,
    phrases: VOICE_PHRASES[language],
    hints: [business.name],
  });

  const announce = (call: Pick<Call, 'id' | 'businessId'>, thresholds: UsageThresholdEvent[] = []) => {
    publishUsageThresholds(platform, thresholds);
    platform.pubsub.publish('business:call', call.businessId, { businessId: call.businessId, callId: call.id });
  };

  const loadCall = (callSid: string | null): Promise<LoadedCall | null> =>
    callSid ? db().call.findUnique({ where: { callSid }, include: { business: { select: BUSINESS_SELECT } } }) : Promise.resolve(null);

  /** Another step of the call: the outcome and language change, turns are appended, the AI's trace is written; all at once. */
  const update = async (
    call: LoadedCall,
    change: { turns: TranscriptTurn[]; data?: Prisma.CallUpdateInput; run?: Prisma.AiRunUncheckedCreateInput; optOut?: boolean },
  ): Promise<void> => {
    await db().$transaction(async (tx) => {
      await appendTurns(tx, call.id, change.turns);
      if (change.data) await tx.call.update({ where: { id: call.id }, data: change.data });
      if (change.run) await tx.aiRun.create({ data: change.run, select: { id: true } });
      if (change.optOut && call.contactId) {
        await tx.$executeRaw`UPDATE "Contact" SET "optedOut" = true, "optedOutAt" = COALESCE("optedOutAt", now()) WHERE id = ${call.contactId}`;
      }
    });
    announce(call);
  };

  /** Said at the start of a call (and again when Twilio retries the same incoming request). */
  const opening = (call: Call, business: CallBusiness, settings: AiSettings): { twiml: string; said: string } => {
    const line = lineOf(business, voiceLanguageOf(call.language));
    const { phrases } = line;
    switch (call.outcome) {
      case 'OVER_LIMIT':
      case 'MISSED': {
        const said = phrases.unavailable(business.name);
        return { twiml: sayAndHangUp(phrases, said), said };
      }
      case 'FORWARDED':
        // The fallback number may have been removed since (a retried request): voicemail then.
        if (settings.voice.fallbackNumber) return { twiml: forward(line, phrases.transferring, settings.voice.fallbackNumber), said: phrases.transferring };
        return { twiml: takeMessage(line, phrases.leaveMessage), said: phrases.leaveMessage };
      case 'MESSAGE_TAKEN':
        return { twiml: takeMessage(line, phrases.leaveMessage), said: phrases.leaveMessage };
      default: {
        const said = phrases.greeting(business.name);
        return { twiml: listen(line, said), said };
      }
    }
  };

  const incoming = async (params: TwilioParams): Promise<string> => {
    const callSid = params.get('CallSid');
    const to = params.get('To');
    if (!callSid || !to) return hangUp();
    const number = await db().phoneNumber.findFirst({
      where: { e164: to, releasedAt: null, business: { deletedAt: null } },
      select: { id: true, business: { select: BUSINESS_SELECT } },
    });
    if (!number) {
      log.info({ callSid, to }, 'call to a number no business uses');
      return unknownNumber();
    }
    const { business } = number;
    const settings = readAiSettings(business.aiSettings);
    const language = voiceLanguageOf(business.language);
    const from = params.get('From') ?? '';
    const now = new Date();

    const stored = await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        // Twilio retries a request it got no answer to: one call per CallSid, whatever arrives when.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`call:${callSid}`}, 0))`;
        const existing = await tx.call.findUnique({ where: { callSid } });
        if (existing) return { call: existing, fresh: false, thresholds: [] as UsageThresholdEvent[] };

        const created: string[] = [];
        const phone = callerPhone(from);
        const contactId = phone
          ? await resolveContact(tx, business.id, { phone, jids: [], name: params.get('CallerName')?.trim() || null, isGroup: false }, created)
          : null;
        if (contactId) await tx.$executeRaw`UPDATE "Contact" SET "lastSeenAt" = GREATEST("lastSeenAt", ${now}) WHERE id = ${contactId}`;
        const thresholds = [...(await countContacts(tx, business.id, created, now)).thresholds];

        let outcome: CallOutcome | null = null;
        let usagePeriod: string | null = null;
        if (!PLANS[business.plan].voice) outcome = 'MISSED';
        else {
          const reserved = await reserveCall(tx, business.id, now);
          if ('exceeded' in reserved) outcome = 'OVER_LIMIT';
          else {
            usagePeriod = reserved.period;
            thresholds.push(...reserved.thresholds);
          }
        }
        // With the AI switched off, calls go straight to a person (or voicemail).
        if (outcome === null && !aiAnswers(settings)) outcome = settings.voice.fallbackNumber ? 'FORWARDED' : 'MESSAGE_TAKEN';
        const call = await tx.call.create({
          data: {
            businessId: business.id,
            phoneNumberId: number.id,
            contactId,
            callSid,
            from,
            to,
            direction: 'INBOUND',
            status: 'IN_PROGRESS',
            outcome,
            language,
            usagePeriod,
            startedAt: now,
            answeredAt: outcome === 'OVER_LIMIT' || outcome === 'MISSED' ? null : now,
          },
        });
        await appendTurns(tx, call.id, [turn('AI', opening(call, business, settings).said, now)]);
        return { call, fresh: true, thresholds };
      }),
    );
    if (stored.fresh) announce(stored.call, stored.thresholds);
    return opening(stored.call, business, settings).twiml;
  };

  /** Ends the AI's part of the call with an outcome and a last sentence. */
  const close = async (call: LoadedCall, line: Line, outcome: CallOutcome, texts: string[]): Promise<string> => {
    await update(call, { turns: [turn('AI', texts.join(' '), new Date())], data: { outcome } });
    return sayAndHangUp(line.phrases, ...texts);
  };

  /** The caller goes to a person: the fallback number when there is one, voicemail otherwise. */
  const handOver = (settings: AiSettings, line: Line): { twiml: string; said: string; outcome: CallOutcome } =>
    settings.voice.fallbackNumber
      ? { twiml: forward(line, line.phrases.transferring, settings.voice.fallbackNumber), said: line.phrases.transferring, outcome: 'FORWARDED' }
      : { twiml: takeMessage(line, line.phrases.leaveMessage), said: line.phrases.leaveMessage, outcome: 'MESSAGE_TAKEN' };

  const gather = async (params: TwilioParams): Promise<string> => {
    const call = await loadCall(params.get('CallSid'));
    if (!call || RANK[call.status] === 2 || (call.outcome && CLOSED.has(call.outcome))) return hangUp();
    const { business } = call;
    const settings = readAiSettings(business.aiSettings);
    let line = lineOf(business, voiceLanguageOf(call.language));
    const now = new Date();
    const elapsedSeconds = (now.getTime() - (call.answeredAt ?? call.startedAt).getTime()) / 1000;
    if (elapsedSeconds >= settings.voice.maxCallSeconds) return close(call, line, 'TIME_LIMIT', [line.phrases.timeUp, line.phrases.goodbye]);

    const speech = (params.get('SpeechResult') ?? '').trim();
    if (!speech) {
      const silences = call.silences + 1;
      if (silences >= 2) {
        // A caller who was answered keeps AI_ANSWERED; one who never said a word is NO_SPEECH.
        await update(call, { turns: [turn('AI', line.phrases.goodbye, now)], data: { silences, ...(call.outcome ? {} : { outcome: 'NO_SPEECH' }) } });
        return sayAndHangUp(line.phrases, line.phrases.goodbye);
      }
      await update(call, { turns: [turn('AI', line.phrases.notHeard, now)], data: { silences } });
      return listen(line, line.phrases.notHeard);
    }

    const transcript = readTranscript(call.transcript);
    const started = performance.now();
    let decision: BrainDecision | null = null;
    let failure: string | null = null;
    try {
      decision = await brain.decide({
        business: { id: business.id, name: business.name, timezone: business.timezone, language: business.language },
        settings,
        channel: 'VOICE',
        history: historyOf(transcript),
        text: speech,
        now,
      });
    } catch (error) {
      log.error({ err: error, callSid: call.callSid }, 'AI decision on a call failed; handing the caller over');
      failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    // The caller's language, when the line speaks it; otherwise the call goes on in the one it had.
    const language = spokenVoiceLanguage(decision?.classification.language) ?? voiceLanguageOf(call.language);
    line = lineOf(business, language);
    const customer = turn('CUSTOMER', speech, now);
    const answeredAt = new Date();
    const trace = {
      businessId: business.id,
      callId: call.id,
      channel: 'VOICE',
      intent: decision?.classification.intent ?? null,
      confidence: decision?.classification.confidence ?? null,
      language: decision?.classification.language ?? null,
      model: decision?.model ?? null,
      promptVersion: decision?.promptVersion ?? null,
      fallbackUsed: decision?.fallbackUsed ?? false,
      input: (decision?.input ?? { text: speech, channel: 'VOICE' }) as Prisma.InputJsonValue,
      tokensIn: decision?.tokensIn ?? null,
      tokensOut: decision?.tokensOut ?? null,
      error: failure ?? decision?.error ?? null,
    };

    if (decision && decision.action !== 'HANDOFF') {
      const optOut = decision.action === 'OPT_OUT';
      await update(call, {
        turns: [customer, turn('AI', decision.text, answeredAt)],
        data: { silences: 0, language, outcome: 'AI_ANSWERED' },
        run: { ...trace, outcome: 'REPLIED', output: decision.text, latencyMs: Math.round(performance.now() - started) },
        optOut,
      });
      return optOut ? sayAndHangUp(line.phrases, decision.text, line.phrases.goodbye) : listen(line, decision.text);
    }
    const handover = handOver(settings, line);
    await update(call, {
      turns: [customer, turn('AI', handover.said, answeredAt)],
      data: { silences: 0, language, outcome: handover.outcome },
      run: {
        ...trace,
        outcome: decision ? 'HANDED_OFF' : 'FAILED',
        handoffReason: decision ? (decision.handoffReason ?? 'UNANSWERED') : null,
        output: handover.said,
        latencyMs: Math.round(performance.now() - started),
      },
    });
    return handover.twiml;
  };

  const dialed = async (params: TwilioParams): Promise<string> => {
    const call = await loadCall(params.get('CallSid'));
    if (!call) return hangUp();
    const outcome = params.get('DialCallStatus');
    if (outcome === 'completed' || outcome === 'answered') return hangUp();
    // Nobody picked up: voicemail instead.
    const line = lineOf(call.business, voiceLanguageOf(call.language));
    await update(call, { turns: [turn('AI', line.phrases.leaveMessage, new Date())], data: { outcome: 'MESSAGE_TAKEN' } });
    return takeMessage(line, line.phrases.leaveMessage);
  };

  const recorded = async (params: TwilioParams): Promise<string> => {
    const call = await loadCall(params.get('CallSid'));
    if (!call) return hangUp();
    const line = lineOf(call.business, voiceLanguageOf(call.language));
    const url = params.get('RecordingUrl');
    if (url && url !== call.recordingUrl) await update(call, { turns: [], data: { recordingUrl: url, outcome: 'MESSAGE_TAKEN' } });
    return sayAndHangUp(line.phrases, line.phrases.messageSaved);
  };

  const status = async (params: TwilioParams): Promise<void> => {
    const callSid = params.get('CallSid');
    const next = TWILIO_STATUSES[params.get('CallStatus') ?? ''];
    if (!callSid || !next) return;
    const duration = Number.parseInt(params.get('CallDuration') ?? '', 10);
    const durationSec = Number.isFinite(duration) && duration >= 0 ? duration : null;
    const changed = await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        const from = (Object.keys(RANK) as CallStatus[]).filter((status) => RANK[status] < RANK[next]);
        if (from.length === 0) return null;
        // One conditional statement: duplicates and late, out-of-order callbacks change nothing.
        const [row] = await tx.$queryRaw<{ id: string; businessId: string; usagePeriod: string | null; durationSec: number | null }[]>`
          UPDATE "Call" SET
            status = ${next}::"CallStatus",
            "answeredAt" = CASE WHEN ${next} = 'IN_PROGRESS' THEN COALESCE("answeredAt", now()) ELSE "answeredAt" END,
            "endedAt" = CASE WHEN ${RANK[next] === 2} THEN COALESCE("endedAt", now()) ELSE "endedAt" END,
            "durationSec" = COALESCE(${durationSec}::int, "durationSec"),
            outcome = CASE WHEN ${RANK[next] === 2} AND outcome IS NULL
              THEN (CASE WHEN transcript @> '[{"speaker":"CUSTOMER"}]'::jsonb THEN 'AI_ANSWERED' ELSE 'MISSED' END)::"CallOutcome"
              ELSE outcome END,
            "updatedAt" = now()
          WHERE "callSid" = ${callSid} AND status::text = ANY(${from}::text[])
          RETURNING id, "businessId", "usagePeriod", "durationSec"`;
        if (!row) return null;
        if (next === 'COMPLETED' && row.usagePeriod && row.durationSec) {
          await recordCallMinutes(tx, row.businessId, row.usagePeriod, row.durationSec / 60);
        }
        return row;
      }),
    );
    if (changed) announce(changed);
  };

  return { incoming, gather, dialed, recorded, status };
}
