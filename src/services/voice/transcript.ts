import type { Prisma } from '../../generated/prisma/client.ts';
import type { HistoryEntry } from '../ai/brain.ts';
import { jsonParam } from '../db/json-param.ts';

export type Speaker = 'CUSTOMER' | 'AI' | 'AGENT';

/** One thing said on a call, as stored in Call.transcript. */
export interface TranscriptTurn {
  speaker: Speaker;
  text: string;
  /** ISO-8601. */
  at: string;
}

const SPEAKERS: readonly string[] = ['CUSTOMER', 'AI', 'AGENT'];

/** The stored transcript, skipping anything that is not a well-formed turn. */
export function readTranscript(stored: unknown): TranscriptTurn[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (turn): turn is TranscriptTurn =>
      typeof turn === 'object' &&
      turn !== null &&
      SPEAKERS.includes((turn as TranscriptTurn).speaker) &&
      typeof (turn as TranscriptTurn).text === 'string' &&
      typeof (turn as TranscriptTurn).at === 'string',
  );
}

export function turn(speaker: Speaker, text: string, at: Date): TranscriptTurn {
  return { speaker, text, at: at.toISOString() };
}

/** The call so far as the brain reads a conversation: the caller is the customer, everyone else the business. */
export function historyOf(turns: TranscriptTurn[]): HistoryEntry[] {
  return turns.map((entry) => ({ role: entry.speaker === 'CUSTOMER' ? 'customer' : 'business', text: entry.text, at: new Date(entry.at) }));
}

/** Appends turns in one statement, so concurrent webhooks of one call never lose each other's turns. */
export async function appendTurns(tx: Prisma.TransactionClient, callId: string, turns: TranscriptTurn[]): Promise<void> {
  if (turns.length === 0) return;
  await tx.$executeRaw`UPDATE "Call" SET transcript = transcript || ${jsonParam(turns)}::jsonb, "updatedAt" = now() WHERE id = ${callId}`;
}
