import { randomUUID } from 'node:crypto';
import { db } from '../../db.ts';
import { appendInboxEvents, type InboxEvent, publishInboxEvents } from '../inbox/events.ts';
import type { Platform } from '../platform.ts';
import { acquireLease, releaseLease } from '../workers/lease.ts';
import { readAiSettings } from './settings.ts';

const LEASE = 'ai-idle-hand-back';
const INTERVAL_MS = 60_000;
/** The settings' smallest idle time: nothing younger can be due. */
const MIN_IDLE_MINUTES = 5;
const BATCH = 500;

export interface IdleHandBack {
  /** One pass; exported for tests and run every minute. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Gives conversations back to the AI once people have left them alone for the business's
 * `handBackAfterIdleMinutes`: no message either way, and no change of hands, for that long. Businesses with the AI off, or
 * without an idle time, keep them with people. One replica runs it at a time.
 */
export function createIdleHandBack(platform: Platform, intervalMs = INTERVAL_MS): IdleHandBack {
  const holder = randomUUID();
  let running: Promise<unknown> | null = null;

  const runOnce = async (): Promise<number> => {
    if (!(await acquireLease(LEASE, holder, intervalMs * 2))) return 0;
    let handedBack = 0;
    let after = '';
    for (;;) {
      const candidates = await db().$queryRaw<{ id: string; businessId: string; idleSince: Date; aiSettings: unknown }[]>`
        SELECT c.id, c."businessId", COALESCE(GREATEST(c."lastMessageAt", c."controllerChangedAt"), c."updatedAt") AS "idleSince", b."aiSettings"
        FROM "Conversation" c JOIN "Business" b ON b.id = c."businessId"
        WHERE c.controller = 'HUMAN' AND b."deletedAt" IS NULL AND c.id > ${after}
          AND COALESCE(GREATEST(c."lastMessageAt", c."controllerChangedAt"), c."updatedAt") < now() - ${MIN_IDLE_MINUTES}::int * interval '1 minute'
        ORDER BY c.id
        LIMIT ${BATCH}`;
      if (candidates.length === 0) break;
      after = candidates.at(-1)!.id;
      const now = Date.now();
      const due = candidates.filter((candidate) => {
        const settings = readAiSettings(candidate.aiSettings);
        const minutes = settings.handBackAfterIdleMinutes;
        return settings.enabled && minutes != null && candidate.idleSince.getTime() <= now - minutes * 60_000;
      });
      for (const conversation of due) {
        const events = await db().$transaction(async (tx): Promise<InboxEvent[]> => {
          // Still with people and still idle: a message or a takeover since the read above keeps it there.
          const changed = await tx.$executeRaw`
            UPDATE "Conversation" SET controller = 'AI', "controllerChangedAt" = now(), "handoffReason" = NULL, "updatedAt" = now()
            WHERE id = ${conversation.id} AND controller = 'HUMAN'
              AND COALESCE(GREATEST("lastMessageAt", "controllerChangedAt"), "updatedAt") <= ${conversation.idleSince}`;
          if (changed === 0) return [];
          return appendInboxEvents(tx, conversation.businessId, [{ kind: 'CONVERSATION_UPDATED', conversationId: conversation.id }]);
        });
        publishInboxEvents(platform, events);
        if (events.length > 0) handedBack += 1;
      }
      if (candidates.length < BATCH) break;
    }
    return handedBack;
  };

  const timer = setInterval(() => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => platform.log.error({ err: error }, 'AI idle hand-back failed'))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
      await releaseLease(LEASE, holder).catch(() => {});
    },
  };
}
