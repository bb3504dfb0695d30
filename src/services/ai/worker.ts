/**
 * The AI reply worker. Ingestion leaves work on the conversation (a trigger sets `aiPendingSince`
 * for every customer text) and publishes `ai:nudge`; once the customer has been quiet for
 * AI_DEBOUNCE_MS the worker claims the conversation under a lease (`aiLeaseUntil`, with
 * `FOR UPDATE SKIP LOCKED`, so any number of replicas share the work and a crashed one's claim is
 * taken over once it expires), decides once about every customer message since, and writes the
 * whole decision — trace, message, conversation and contact changes, inbox events — in one
 * transaction that also clears the pending work.
 */
import { db } from '../../db.ts';
import { PlanLimitExceededError, PlanUpgradeRequiredError } from '../../errors.ts';
import type { AiOutcome, Plan, Prisma } from '../../generated/prisma/client.ts';
import { retryOnConflict } from '../db/retry.ts';
import type { UsageThresholdEvent } from '../events/topics.ts';
import { appendInboxEvents, type InboxEventInput, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { PLANS } from '../usage/plans.ts';
import { publishUsageThresholds, usagePeriod } from '../usage/meter.ts';
import { queueAiMessage } from './ai-messages.ts';
import type { Brain, BrainDecision, HandoffReason, HistoryEntry } from './brain.ts';
import { classifyMessage } from './classifier.ts';
import { phrasesFor } from './phrases.ts';
import { type AiSettings, readAiSettings } from './settings.ts';
import { normalise } from './text-normalise.ts';
import { type Classification, isBuiltInLanguage } from './types.ts';

export type SkipReason = 'HUMAN_CONTROLLED' | 'GROUP' | 'BROADCAST' | 'OPTED_OUT' | 'PLAN_LIMIT' | 'RATE_LIMITED' | 'BOT_LOOP';

/** What an opted-out customer writes to get messages again (normalised: lowercase, no diacritics). */
const OPT_IN = /^(start|sakt|старт|начать|anmelden)$/;

/** Most customer messages one decision reads; a longer burst is rare and its newest ones matter most. */
const MAX_UNDECIDED = 20;
/** Conversation messages given to the brain before the ones being answered. */
const HISTORY_MESSAGES = 20;
/** Bot loop: this many AI replies in a row, each answered within BOT_ANSWER_MS … */
const BOT_REPLIES = 3;
const BOT_ANSWER_MS = 3_000;
/** … or the same customer text this many times in a row, or a customer text equal to one of our recent replies. */
const BOT_REPEATS = 3;
const BOT_ECHO_REPLIES = 5;
/** Texts shorter than this ("ok", "yes") repeat naturally. */
const BOT_ECHO_MIN_CHARS = 8;
/** How long "composing…" shows while the answer is being written (WhatsApp clears it when the message arrives). */
const COMPOSING_MS = 5_000;

export interface AiWorker {
  /** Stops claiming and lets decisions in flight finish. */
  stop(): Promise<void>;
}

interface Claim {
  id: string;
  /** The fencing token of this claim: writes apply only while the row still carries it. */
  leaseUntil: Date;
}

/** Everything one decision reads about its conversation. */
interface Work {
  claim: Claim;
  started: number;
  conversationId: string;
  businessId: string;
  instanceId: string;
  contactId: string;
  settings: AiSettings;
  business: { id: string; name: string; timezone: string; language: string; plan: Plan };
  /** Oldest first. */
  undecided: { id: string; body: string; createdAt: Date }[];
  text: string;
}

/** What one decision does; written by `commit` in one transaction. */
interface Verdict {
  outcome: AiOutcome;
  skipReason?: SkipReason | null;
  handoffReason?: HandoffReason | null;
  /** A message to the customer. */
  send?: { text: string; metered: boolean; countsAsReply: boolean } | null;
  /** DRAFT mode: the reply waits for an agent. */
  draft?: string | null;
  optOut?: boolean;
  /** A customer who had opted out wrote START. */
  optIn?: boolean;
  decision?: BrainDecision | null;
  classification?: Classification | null;
  error?: string | null;
  input?: Record<string, unknown>;
}

interface Committed {
  aiRunId: string;
  outcome: AiOutcome;
  events: Awaited<ReturnType<typeof appendInboxEvents>>;
  thresholds: UsageThresholdEvent[];
  sent: boolean;
}

/**
 * Claims up to `limit` conversations whose customer has been quiet for the debounce time and
 * whose pending work nobody holds, leaving out those this process was just nudged about (their
 * customer is still typing: the stored timestamps have whole-second precision only).
 */
async function claim(limit: number, leaseMs: number, debounceMs: number, quiet: string[]): Promise<Claim[]> {
  return db().$queryRaw<Claim[]>`
    WITH due AS (
      SELECT id FROM "Conversation"
      WHERE "aiPendingSince" IS NOT NULL
        AND ("lastInboundAt" IS NULL OR "lastInboundAt" <= now() - ${debounceMs}::int * interval '1 millisecond')
        AND ("aiLeaseUntil" IS NULL OR "aiLeaseUntil" < now())
        AND NOT (id = ANY(${quiet}::text[]))
      ORDER BY "aiPendingSince"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Conversation" c SET "aiLeaseUntil" = now() + ${leaseMs}::int * interval '1 millisecond'
    FROM due
    WHERE c.id = due.id
    RETURNING c.id, c."aiLeaseUntil" AS "leaseUntil"`;
}

/** The customer texts since the pending work began that no decision (other than a failed one) has covered yet, oldest first. */
async function undecidedMessages(conversationId: string) {
  return db().$queryRaw<{ id: string; body: string; createdAt: Date }[]>`
    SELECT m.id, m.body, m."createdAt" FROM "Message" m
    WHERE m."conversationId" = ${conversationId} AND m.direction = 'INBOUND' AND m.type = 'TEXT'
      AND m."deletedAt" IS NULL AND COALESCE(trim(m.body), '') <> ''
      AND m."createdAt" >= (SELECT "aiPendingSince" FROM "Conversation" WHERE id = ${conversationId})
      AND NOT EXISTS (
        SELECT 1 FROM "AiRun" r
        WHERE r."conversationId" = m."conversationId" AND r.outcome <> 'FAILED' AND m.id = ANY(r."inboundMessageIds"))
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${MAX_UNDECIDED}`.then((rows) => rows.reverse());
}

/**
 * The conversation so far, oldest first: texts the customer sent or saw, without the ones being
 * decided about. Not cut at the first undecided message: WhatsApp timestamps have whole seconds,
 * so our own reply can carry a later time than the customer message that followed it.
 */
async function historyBefore(conversationId: string, undecided: Work['undecided']): Promise<HistoryEntry[]> {
  const last = undecided.at(-1)!;
  const rows = await db().$queryRaw<{ direction: string; body: string; createdAt: Date }[]>`
    SELECT direction, body, "createdAt" FROM "Message"
    WHERE "conversationId" = ${conversationId} AND type = 'TEXT' AND "deletedAt" IS NULL AND body IS NOT NULL
      AND status NOT IN ('FAILED', 'CANCELED') AND NOT (id = ANY(${undecided.map((message) => message.id)}::text[]))
      AND NOT (direction = 'INBOUND' AND "createdAt" > ${last.createdAt})
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${HISTORY_MESSAGES}`;
  return rows.reverse().map((row) => ({ role: row.direction === 'INBOUND' ? 'customer' : 'business', text: row.body, at: row.createdAt }));
}

/** AI messages in the conversation during the last hour. */
async function repliesLastHour(conversationId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Message"
    WHERE "conversationId" = ${conversationId} AND direction = 'OUTBOUND' AND author = 'AI' AND "createdAt" > now() - interval '1 hour'`;
  return row?.count ?? 0;
}

/**
 * Another bot on the other side: each of our last replies was answered within seconds (by a
 * message the reply itself did not answer), or the customer keeps sending the same text, or sends
 * back one of our own replies.
 */
async function isBotLoop(conversationId: string, undecided: Work['undecided']): Promise<boolean> {
  const rows = await db().$queryRaw<{ kind: 'reply' | 'inbound'; body: string | null; answered: boolean }[]>`
    (SELECT 'reply' AS kind, m.body, m."sentAt" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "Message" i
        WHERE i."conversationId" = m."conversationId" AND i.direction = 'INBOUND'
          AND i."createdAt" >= date_trunc('second', m."sentAt") AND i."createdAt" <= m."sentAt" + ${BOT_ANSWER_MS}::int * interval '1 millisecond'
          AND NOT (i.id = ANY(COALESCE(r."inboundMessageIds", ARRAY[]::text[])))) AS answered
      FROM "Message" m
      LEFT JOIN LATERAL (SELECT "inboundMessageIds" FROM "AiRun" WHERE "messageId" = m.id ORDER BY "createdAt" DESC LIMIT 1) r ON true
      WHERE m."conversationId" = ${conversationId} AND m.direction = 'OUTBOUND' AND m.author = 'AI'
      ORDER BY m."createdAt" DESC, m.id DESC
      LIMIT ${Math.max(BOT_REPLIES, BOT_ECHO_REPLIES)})
    UNION ALL
    (SELECT 'inbound', body, false FROM "Message"
      WHERE "conversationId" = ${conversationId} AND direction = 'INBOUND' AND type = 'TEXT' AND body IS NOT NULL
      ORDER BY "createdAt" DESC, id DESC
      LIMIT ${BOT_REPEATS})`;
  const replies = rows.filter((row) => row.kind === 'reply');
  const lastReplies = replies.slice(0, BOT_REPLIES);
  if (lastReplies.length === BOT_REPLIES && lastReplies.every((reply) => reply.answered)) return true;

  const ours = new Set(replies.map((reply) => normalise(reply.body ?? '')).filter((text) => text.length >= BOT_ECHO_MIN_CHARS));
  if (undecided.some((message) => ours.has(normalise(message.body)))) return true;

  const texts = rows.filter((row) => row.kind === 'inbound').map((row) => normalise(row.body ?? ''));
  return texts.length === BOT_REPEATS && texts[0] !== '' && texts.every((text) => text === texts[0]);
}

/** Notices are in the customer's language when the built-in phrases speak it, else in the business's. */
function noticeLanguage(text: string, businessLanguage: string) {
  const { language } = classifyMessage(text, { fallbackLanguage: businessLanguage });
  if (isBuiltInLanguage(language)) return language;
  const own = businessLanguage.split('-')[0]!.toLowerCase();
  return isBuiltInLanguage(own) ? own : 'en';
}

function isPlanRefusal(error: unknown): boolean {
  return error instanceof PlanLimitExceededError || error instanceof PlanUpgradeRequiredError;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function createAiWorker(platform: Platform, brain: Brain): AiWorker {
  const { concurrency, pollIntervalMs, leaseMs, debounceMs } = platform.config.ai;
  const log = platform.log;
  const inFlight = new Set<Promise<void>>();
  /** Conversations nudged within the debounce time: their customer may still be typing. */
  const quiet = new Map<string, number>();
  let stopping = false;
  let poked = false;
  let wake = () => {};
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Number.POSITIVE_INFINITY;

  const poke = () => {
    poked = true;
    wake();
  };
  const nap = (duration: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(napTimer);
        wake = () => {};
        resolve();
      };
      const napTimer = setTimeout(done, duration);
      wake = done;
    });

  /** Wakes the loop when the earliest quiet period ends. */
  const schedule = (at: number) => {
    if (stopping || (timer && timerAt <= at)) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(quietEnded, Math.max(0, at - Date.now()) + 5);
    timer.unref();
  };
  const quietEnded = () => {
    timer = null;
    timerAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const [conversationId, until] of quiet) {
      if (until <= now) quiet.delete(conversationId);
      else next = Math.min(next, until);
    }
    poke();
    if (next !== Number.POSITIVE_INFINITY) schedule(next);
  };
  const nudged = (conversationId: string) => {
    if (debounceMs === 0) return poke();
    const until = Date.now() + debounceMs;
    quiet.set(conversationId, until);
    schedule(until);
  };
  const stillQuiet = () => {
    const now = Date.now();
    return [...quiet].filter(([, until]) => until > now).map(([conversationId]) => conversationId);
  };

  /** Best effort, never awaited: "composing…" in the customer's chat while the brain works. */
  const showComposing = (instance: { name: string; serverId: string | null; status: string }, contact: { phone: string | null; jids: string[] }) => {
    if (instance.status !== 'CONNECTED') return;
    const to = contact.phone ? contact.phone.slice(1) : (contact.jids.find((jid) => !jid.endsWith('@lid')) ?? contact.jids[0]);
    if (!to) return;
    void platform.gateways
      .forInstance(instance)
      .then((gateway) => gateway.sendPresence(instance.name, to, 'composing', COMPOSING_MS))
      .catch((error: unknown) => log.debug({ err: error, instance: instance.name }, 'composing presence not sent'));
  };

  /** Drops the claim and any pending work without a trace (AI off, nothing left to decide). */
  const release = async (claimed: Claim, clearPending: boolean): Promise<void> => {
    await db().$executeRaw`
      UPDATE "Conversation" SET "aiLeaseUntil" = NULL, "aiPendingSince" = CASE WHEN ${clearPending} THEN NULL ELSE "aiPendingSince" END
      WHERE id = ${claimed.id} AND "aiLeaseUntil" = ${claimed.leaseUntil}`;
  };

  /**
   * Writes one decision, all or nothing, while the claim still holds. A person who replied or took
   * over while the brain was thinking wins: nothing is sent then. Pending work is cleared unless a
   * customer text arrived meanwhile that this decision did not read (then it stays for the next one).
   */
  const commit = async (work: Work, verdict: Verdict): Promise<Committed | null> =>
    retryOnConflict(() =>
      db().$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ aiLeaseUntil: Date | null; aiPendingSince: Date | null; controller: string }[]>`
          SELECT "aiLeaseUntil", "aiPendingSince", controller FROM "Conversation" WHERE id = ${work.conversationId} FOR UPDATE`;
        if (!row || row.aiLeaseUntil?.getTime() !== work.claim.leaseUntil.getTime()) return null;
        let decided = verdict;
        const acts = Boolean(verdict.send || verdict.draft || verdict.handoffReason);
        if (acts && verdict.skipReason !== 'HUMAN_CONTROLLED' && (row.aiPendingSince === null || row.controller === 'HUMAN')) {
          decided = { ...verdict, outcome: 'SKIPPED', skipReason: 'HUMAN_CONTROLLED', handoffReason: null, send: null, draft: null };
        }
        const target = { businessId: work.businessId, conversationId: work.conversationId, instanceId: work.instanceId };
        const events: InboxEventInput[] = [];
        let messageId: string | null = null;
        let thresholds: UsageThresholdEvent[] = [];
        if (decided.send) {
          const queued = await queueAiMessage(tx, target, decided.send.text, {
            metered: decided.send.metered,
            countsAsReply: decided.send.countsAsReply,
            // The one UPDATE of the conversation below moves its last message too.
            touchConversation: false,
          });
          messageId = queued.messageId;
          thresholds = queued.thresholds;
          events.push(...queued.events);
        }
        if (decided.optOut) {
          await tx.$executeRaw`
            UPDATE "Contact" SET "optedOut" = true, "optedOutAt" = COALESCE("optedOutAt", now()) WHERE id = ${work.contactId}`;
        }
        if (decided.optIn) {
          await tx.$executeRaw`UPDATE "Contact" SET "optedOut" = false, "optedOutAt" = NULL WHERE id = ${work.contactId}`;
        }
        if ((decided.handoffReason || decided.optOut || decided.optIn) && !events.some((event) => event.kind === 'CONVERSATION_UPDATED')) {
          events.push({ kind: 'CONVERSATION_UPDATED', conversationId: work.conversationId });
        }
        const decision = decided.decision ?? null;
        const classification = decision?.classification ?? decided.classification ?? null;
        const run = await tx.aiRun.create({
          data: {
            businessId: work.businessId,
            conversationId: work.conversationId,
            messageId,
            channel: 'WHATSAPP',
            inboundMessageIds: work.undecided.map((message) => message.id),
            intent: classification?.intent ?? null,
            confidence: classification?.confidence ?? null,
            language: classification?.language ?? null,
            model: decision?.model ?? null,
            promptVersion: decision?.promptVersion ?? null,
            outcome: decided.outcome,
            skipReason: decided.skipReason ?? null,
            handoffReason: decided.handoffReason ?? null,
            fallbackUsed: decision?.fallbackUsed ?? false,
            input: (decision?.input ?? decided.input ?? { text: work.text }) as Prisma.InputJsonValue,
            output: decided.draft ?? decided.send?.text ?? (decided.outcome === 'SKIPPED' ? (decision?.text ?? null) : null),
            draftStatus: decided.draft ? 'PENDING' : null,
            tokensIn: decision?.tokensIn ?? null,
            tokensOut: decision?.tokensOut ?? null,
            latencyMs: Math.round(performance.now() - work.started),
            error: decided.error ?? decision?.error ?? null,
          },
          select: { id: true },
        });
        // One UPDATE: the claim ends; the next pending customer text is the oldest one no decision has
        // covered (this run is visible here already); the new message becomes the last one; a handoff
        // gives the conversation to people.
        const handoff = decided.handoffReason ?? null;
        const changed = messageId !== null || handoff !== null;
        await tx.$executeRaw`
          UPDATE "Conversation" c SET
            "aiLeaseUntil" = NULL,
            "aiPendingSince" = (
              SELECT min(m."createdAt") FROM "Message" m
              WHERE m."conversationId" = c.id AND m.direction = 'INBOUND' AND m.type = 'TEXT' AND m."deletedAt" IS NULL
                AND m."createdAt" >= c."aiPendingSince" AND COALESCE(trim(m.body), '') <> ''
                AND NOT EXISTS (
                  SELECT 1 FROM "AiRun" r
                  WHERE r."conversationId" = c.id AND r.outcome <> 'FAILED' AND m.id = ANY(r."inboundMessageIds"))),
            "lastMessageId" = CASE WHEN ${messageId}::text IS NOT NULL AND (c."lastMessageAt" IS NULL OR c."lastMessageAt" <= now())
              THEN ${messageId}::text ELSE c."lastMessageId" END,
            "lastMessageAt" = CASE WHEN ${messageId}::text IS NOT NULL THEN GREATEST(c."lastMessageAt", now()) ELSE c."lastMessageAt" END,
            controller = CASE WHEN ${handoff}::text IS NOT NULL THEN 'HUMAN'::"Controller" ELSE c.controller END,
            status = CASE WHEN ${handoff}::text IS NOT NULL THEN 'PENDING'::"ConversationStatus" ELSE c.status END,
            "controllerChangedAt" = CASE WHEN ${handoff}::text IS NOT NULL THEN now() ELSE c."controllerChangedAt" END,
            "handoffReason" = COALESCE(${handoff}::text, c."handoffReason"),
            "updatedAt" = CASE WHEN ${changed} THEN now() ELSE c."updatedAt" END
          WHERE c.id = ${work.conversationId}`;
        const appended = await appendInboxEvents(tx, work.businessId, events);
        return { aiRunId: run.id, outcome: decided.outcome, events: appended, thresholds, sent: messageId !== null };
      }),
    );

  /** After commit: the inbox hears of it, owners of crossed usage thresholds, the outbox of the new message, agents of a draft. */
  const announce = (work: Work, committed: Committed) => {
    publishInboxEvents(platform, committed.events);
    publishUsageThresholds(platform, committed.thresholds);
    if (committed.sent) platform.pubsub.publish('outbox:nudge', { instanceId: work.instanceId });
    if (committed.outcome === 'DRAFTED') platform.pubsub.publish('business:aiDraft', work.businessId, { businessId: work.businessId, aiRunId: committed.aiRunId });
  };

  /** Commits, and when the month's messages turn out to be spent, commits the PLAN_LIMIT handoff instead. */
  const finish = async (work: Work, verdict: Verdict): Promise<void> => {
    let committed: Committed | null;
    try {
      committed = await commit(work, verdict);
    } catch (error) {
      if (!isPlanRefusal(error)) throw error;
      committed = await commit(work, await planLimitVerdict(work, verdict.decision?.classification ?? null));
    }
    if (committed) announce(work, committed);
  };

  /** One unmetered notice per conversation and usage month, then people take over. */
  const planLimitVerdict = async (work: Work, classification: Classification | null): Promise<Verdict> => {
    const { startsAt } = usagePeriod(work.business.timezone, new Date());
    const [notified] = await db().$queryRaw<{ exists: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM "AiRun" WHERE "conversationId" = ${work.conversationId} AND "skipReason" = 'PLAN_LIMIT'
          AND "messageId" IS NOT NULL AND "createdAt" >= ${startsAt}) AS exists`;
    const language = noticeLanguage(work.text, work.business.language);
    return {
      outcome: 'SKIPPED',
      skipReason: 'PLAN_LIMIT',
      handoffReason: 'PLAN_LIMIT',
      send: notified?.exists ? null : { text: phrasesFor(language).overLimit('WHATSAPP'), metered: false, countsAsReply: false },
      classification,
    };
  };

  /** The brain's decision as the business's mode wants it carried out. */
  const verdictOf = (work: Work, decision: BrainDecision): Verdict => {
    switch (decision.action) {
      case 'OPT_OUT':
        // The confirmation is the last message the contact gets: sent although they are opted out now, and not metered.
        return { outcome: 'REPLIED', optOut: true, send: { text: decision.text, metered: false, countsAsReply: false }, decision };
      case 'HANDOFF':
        return { outcome: 'HANDED_OFF', handoffReason: decision.handoffReason ?? 'UNANSWERED', send: { text: decision.text, metered: true, countsAsReply: false }, decision };
      case 'REPLY':
        if (work.settings.mode === 'DRAFT') return { outcome: 'DRAFTED', draft: decision.text, decision };
        return { outcome: 'REPLIED', send: { text: decision.text, metered: true, countsAsReply: true }, decision };
    }
  };

  const skipped = (skipReason: SkipReason, extra: Partial<Verdict> = {}): Verdict => ({ outcome: 'SKIPPED', skipReason, ...extra });

  /** The opt-out confirmation promises that START brings the messages back: it does, once, with a welcome in their language. */
  const optedBackIn = (work: Work): Verdict => {
    const classification = classifyMessage(work.text, { fallbackLanguage: work.business.language });
    const language = isBuiltInLanguage(classification.language) ? classification.language : 'en';
    return {
      outcome: 'REPLIED',
      optIn: true,
      classification: { ...classification, intent: 'OTHER', confidence: 1 },
      send: { text: phrasesFor(language).optIn, metered: false, countsAsReply: false },
    };
  };

  const decide = async (claimed: Claim, started: number): Promise<void> => {
    const [conversation, undecided] = await Promise.all([
      db().conversation.findUnique({
        where: { id: claimed.id },
        select: {
          id: true,
          businessId: true,
          instanceId: true,
          contactId: true,
          controller: true,
          isGroup: true,
          aiPendingSince: true,
          contact: { select: { phone: true, jids: true, isGroup: true, optedOut: true } },
          instance: { select: { name: true, serverId: true, status: true, deletedAt: true } },
          business: { select: { id: true, name: true, timezone: true, language: true, plan: true, aiSettings: true, deletedAt: true } },
        },
      }),
      undecidedMessages(claimed.id),
    ]);
    if (!conversation?.aiPendingSince) return release(claimed, false);
    const settings = readAiSettings(conversation.business.aiSettings);
    if (!settings.enabled || settings.mode === 'OFF' || conversation.business.deletedAt || conversation.instance.deletedAt) {
      return release(claimed, true);
    }
    if (undecided.length === 0) return release(claimed, true);
    const { business } = conversation;
    const work: Work = {
      claim: claimed,
      started,
      conversationId: conversation.id,
      businessId: conversation.businessId,
      instanceId: conversation.instanceId,
      contactId: conversation.contactId,
      settings,
      business: { id: business.id, name: business.name, timezone: business.timezone, language: business.language, plan: business.plan },
      undecided,
      text: undecided.map((message) => message.body.trim()).join('\n'),
    };
    try {
      const contact = conversation.contact;
      const broadcast = contact.jids.some((jid) => jid.endsWith('@broadcast') || jid.endsWith('@newsletter'));
      let verdict: Verdict | null = null;
      if (conversation.controller === 'HUMAN') verdict = skipped('HUMAN_CONTROLLED');
      else if (conversation.isGroup || contact.isGroup) verdict = skipped('GROUP');
      else if (broadcast) verdict = skipped('BROADCAST');
      else if (contact.optedOut) verdict = OPT_IN.test(normalise(work.text)) ? optedBackIn(work) : skipped('OPTED_OUT');
      else if (!PLANS[business.plan].whatsapp) verdict = await planLimitVerdict(work, null);
      if (!verdict) {
        // Independent reads, side by side: the customer is waiting.
        const [replies, botLoop, history] = await Promise.all([
          repliesLastHour(conversation.id),
          isBotLoop(conversation.id, undecided),
          historyBefore(conversation.id, undecided),
        ]);
        if (replies >= settings.maxRepliesPerConversationPerHour) verdict = skipped('RATE_LIMITED');
        else if (botLoop) verdict = skipped('BOT_LOOP', { handoffReason: 'BOT_LOOP' });
        else {
          showComposing(conversation.instance, contact);
          const decision = await brain.decide({ business: work.business, settings, channel: 'WHATSAPP', history, text: work.text, now: new Date() });
          verdict = verdictOf(work, decision);
        }
      }
      await finish(work, verdict!);
    } catch (error) {
      await failed(work, error);
    }
  };

  /**
   * Something unexpected: a FAILED trace with the error. The claim stays until its lease expires,
   * so the messages are tried once more; after a second failure they are given up.
   */
  const failed = async (work: Work, error: unknown): Promise<void> => {
    log.error({ err: error, conversationId: work.conversationId }, 'AI decision failed');
    await db().$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ aiLeaseUntil: Date | null; aiPendingSince: Date | null }[]>`
        SELECT "aiLeaseUntil", "aiPendingSince" FROM "Conversation" WHERE id = ${work.conversationId} FOR UPDATE`;
      if (!row || row.aiLeaseUntil?.getTime() !== work.claim.leaseUntil.getTime()) return;
      const ids = work.undecided.map((message) => message.id);
      const [earlier] = await tx.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "AiRun"
        WHERE "conversationId" = ${work.conversationId} AND outcome = 'FAILED' AND "inboundMessageIds" && ${ids}::text[]`;
      await tx.aiRun.create({
        data: {
          businessId: work.businessId,
          conversationId: work.conversationId,
          channel: 'WHATSAPP',
          inboundMessageIds: ids,
          outcome: 'FAILED',
          input: { text: work.text },
          latencyMs: Math.round(performance.now() - work.started),
          error: describe(error).slice(0, 2_000),
        },
      });
      if ((earlier?.count ?? 0) > 0) {
        await tx.$executeRaw`UPDATE "Conversation" SET "aiLeaseUntil" = NULL, "aiPendingSince" = NULL WHERE id = ${work.conversationId}`;
      }
    });
  };

  const start = (claimed: Claim) => {
    const started = performance.now();
    const task = decide(claimed, started)
      .catch((error: unknown) => log.error({ err: error, conversationId: claimed.id }, 'AI decision could not be recorded; retried once the lease expires'))
      .finally(() => {
        inFlight.delete(task);
        poke();
      });
    inFlight.add(task);
  };

  const run = async () => {
    while (!stopping) {
      poked = false;
      const free = concurrency - inFlight.size;
      if (free > 0) {
        let claimed: Claim[];
        try {
          claimed = await claim(free, leaseMs, debounceMs, stillQuiet());
        } catch (error) {
          log.error({ err: error }, 'AI claim failed; trying again after the poll interval');
          await nap(pollIntervalMs);
          continue;
        }
        for (const conversation of claimed) start(conversation);
        if (claimed.length === free) continue;
      }
      if (!poked) await nap(pollIntervalMs);
    }
  };

  const nudges = platform.pubsub.subscribe('ai:nudge')[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await nudges.next();
      if (next.done) break;
      nudged(next.value.conversationId);
    }
  })().catch((error: unknown) => log.warn({ err: error }, 'AI nudges stopped; polling continues'));
  const running = run();

  return {
    async stop() {
      stopping = true;
      await nudges.return?.();
      if (timer) clearTimeout(timer);
      wake();
      await running;
      await Promise.all([...inFlight]);
    },
  };
}
