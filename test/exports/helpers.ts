import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { db } from '../../src/db.ts';
import { type ExportJobFieldsFragment, ExportConversationsDocument, ExportJobDocument } from '../generated/graphql.ts';
import { type Credentials, executeOk } from '../support/graphql.ts';

/** A full garbage collection, for memory measurements (exposed at run time: vitest starts workers without --expose-gc). */
export const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Live JS heap plus Buffer/ArrayBuffer memory, after full collections. V8 frees dead ArrayBuffers
 * on a background thread, so right after a collection they may still be counted (more so on a
 * busy machine): the lowest of a few collect-and-wait rounds is what is really held.
 */
export async function liveMemory(): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const usage = process.memoryUsage();
    lowest = Math.min(lowest, usage.heapUsed + usage.arrayBuffers);
  }
  return lowest;
}

/** A baseline: the lowest of several measurements, so garbage still being swept cannot inflate it (and hide growth). */
export async function settledMemory(): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    lowest = Math.min(lowest, await liveMemory());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return lowest;
}

/** Samples live memory every `everyMs` until stopped; `stop` resolves to the peak. */
export function sampleMemory(everyMs: number): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await liveMemory());
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Math.max(peak, await liveMemory());
    },
  };
}

export interface SeededMessage {
  id: string;
  conversationId: string;
  contactPhone: string;
  contactName: string;
  instanceName: string;
  direction: 'INBOUND' | 'OUTBOUND';
  author: string;
  type: string;
  status: string;
  body: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
}

/** Bodies that break naive CSV writers and spreadsheets. */
const NASTY = [
  'plain text',
  'comma, separated, values',
  'She said "hello" and left',
  'line one\nline two',
  'windows\r\nline break',
  'lone\rcarriage return',
  '=HYPERLINK("http://evil.example","click me")',
  '+1 555 0100, call me',
  '-10 degrees outside',
  '@everyone look at this',
  '\tstarts with a tab',
  'unicode: āčēģīķļņšūž 😀 你好 مرحبا',
  '"quoted at the start',
  'ends with a quote"',
  '',
];

const CONTACT_NAMES = ['Anna Bērziņa', 'Smith, John', '=1+2', 'Quote "Q" Person', 'Multi\nLine'];

export interface SeedOptions {
  prefix: string;
  messages: number;
  /** Body length in characters (approximately). */
  bodyChars: number;
  start: Date;
  contacts?: number;
  /** Add messages to the line and contacts of an earlier seed (a business has one live line). */
  reuse?: Seeded;
}

export interface Seeded {
  instanceId: string;
  instanceName: string;
  contactIds: string[];
  phones: string[];
  names: string[];
  /** The i-th message in export order; recomputed on demand so tests need not keep them all. */
  message(index: number): SeededMessage;
  count: number;
  start: Date;
  /** Just after the last seeded message. */
  end: Date;
}

/**
 * Seeds a business with a line, contacts, conversations and `messages` messages with fast SQL.
 * Two messages share each timestamp, so paging must order by id within a time.
 */
export async function seedMessages(businessId: string, options: SeedOptions): Promise<Seeded> {
  const { prefix, messages, bodyChars, start } = options;
  const { reuse } = options;
  const instanceId = reuse?.instanceId ?? `${prefix}-instance`;
  const instanceName = reuse?.instanceName ?? `${prefix}-line`;
  const contactIds = reuse?.contactIds ?? Array.from({ length: options.contacts ?? 25 }, (_, c) => `${prefix}-contact-${c}`);
  const phones = reuse?.phones ?? contactIds.map((_, c) => `+3712${String(c).padStart(7, '0')}`);
  const names = reuse?.names ?? contactIds.map((_, c) => `${CONTACT_NAMES[c % CONTACT_NAMES.length]} ${c}`);
  const contacts = contactIds.length;
  if (!reuse) {
    await db().$executeRaw`
      INSERT INTO "Instance" (id, "businessId", name, status, "webhookSecret", "updatedAt")
      VALUES (${instanceId}, ${businessId}, ${instanceName}, 'CONNECTED', 'unused', now())`;
    await db().$executeRaw`
      INSERT INTO "Contact" (id, "businessId", phone, name, jids)
      SELECT id, ${businessId}, phone, name, ARRAY[substr(phone, 2) || '@s.whatsapp.net']
      FROM unnest(${contactIds}::text[], ${phones}::text[], ${names}::text[]) AS t(id, phone, name)`;
    await db().$executeRaw`
      INSERT INTO "Conversation" (id, "businessId", "instanceId", "contactId", "updatedAt")
      SELECT 'conv-' || id, ${businessId}, ${instanceId}, id, now() FROM unnest(${contactIds}::text[]) AS t(id)`;
  }

  // Long words: the full-text index on bodies costs per word, and seeding 20 MB of short words would take a while.
  const filler = 'Loremipsumdolorsitametconsecteturadipiscingelitseddoeiusmodtemporincididuntutlaboreetdoloremagnaaliqua '
    .repeat(Math.ceil(bodyChars / 100))
    .slice(0, bodyChars);
  // The same rule twice: here for the expected rows, in SQL below for the seeded ones.
  const message = (i: number): SeededMessage => {
    const contact = i % contacts;
    const outbound = i % 3 === 0;
    const noText = i % 97 === 5;
    const createdAt = new Date(start.getTime() + Math.floor(i / 2) * 1_000);
    const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1_000).toISOString();
    return {
      id: `${prefix}-message-${String(i).padStart(6, '0')}`,
      conversationId: `conv-${contactIds[contact]}`,
      contactPhone: phones[contact]!,
      contactName: names[contact]!,
      instanceName,
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      author: outbound ? (i % 2 === 0 ? 'AI' : 'AGENT') : 'CUSTOMER',
      type: noText ? 'IMAGE' : 'TEXT',
      status: outbound ? 'READ' : 'RECEIVED',
      body: noText ? null : `${NASTY[i % NASTY.length]} #${i} ${filler}`,
      createdAt: createdAt.toISOString(),
      sentAt: outbound ? at(1) : null,
      deliveredAt: outbound ? at(2) : null,
      readAt: outbound ? at(3) : null,
    };
  };

  // One statement that builds the rows itself: sending 20 MB of parameters would leave copies in
  // the client's caches and blur memory measurements. Without the conversation-clock trigger
  // (the replica role skips triggers): per-row trigger work would dominate the seeding time.
  await db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
      await tx.$executeRaw`
        INSERT INTO "Message" (id, "businessId", "conversationId", "instanceId", direction, type, body, status, author, "createdAt", "sentAt", "deliveredAt", "readAt")
        SELECT ${prefix} || '-message-' || lpad(i::text, 6, '0'), ${businessId}, 'conv-' || (${contactIds}::text[])[i % ${contacts} + 1], ${instanceId},
          (CASE WHEN out THEN 'OUTBOUND' ELSE 'INBOUND' END)::"MessageDirection",
          (CASE WHEN i % 97 = 5 THEN 'IMAGE' ELSE 'TEXT' END)::"MessageType",
          CASE WHEN i % 97 = 5 THEN NULL ELSE (${NASTY}::text[])[i % ${NASTY.length} + 1] || ' #' || i || ' ' || ${filler} END,
          (CASE WHEN out THEN 'READ' ELSE 'RECEIVED' END)::"MessageStatus",
          (CASE WHEN NOT out THEN 'CUSTOMER' WHEN i % 2 = 0 THEN 'AI' ELSE 'AGENT' END)::"MessageAuthor",
          created, CASE WHEN out THEN created + interval '1 second' END, CASE WHEN out THEN created + interval '2 seconds' END,
          CASE WHEN out THEN created + interval '3 seconds' END
        FROM generate_series(0, ${messages - 1}) AS i,
          LATERAL (SELECT i % 3 = 0 AS out, ${start}::timestamp(3) + (i / 2) * interval '1 second' AS created) AS derived`;
    },
    { timeout: 300_000 },
  );
  return { instanceId, instanceName, contactIds, phones, names, message, count: messages, start, end: new Date(start.getTime() + Math.ceil(messages / 2) * 1_000) };
}

/** What a CSV cell holds for a seeded value: free text starting like a formula gets a leading quote. */
export function csvExpected(value: string | null, freeText: boolean): string {
  if (value === null) return '';
  return freeText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function expectedCsvRecord(message: SeededMessage): string[] {
  return [
    encodeGlobalID('Conversation', message.conversationId),
    message.contactPhone,
    csvExpected(message.contactName, true),
    csvExpected(message.instanceName, true),
    encodeGlobalID('Message', message.id),
    message.direction,
    message.author,
    message.type,
    message.status,
    csvExpected(message.body, true),
    message.createdAt,
    message.sentAt ?? '',
    message.deliveredAt ?? '',
    message.readAt ?? '',
  ];
}

export function expectedJsonRecord(message: SeededMessage): Record<string, string | null> {
  return {
    conversation_id: encodeGlobalID('Conversation', message.conversationId),
    contact_phone: message.contactPhone,
    contact_name: message.contactName,
    instance_name: message.instanceName,
    message_id: encodeGlobalID('Message', message.id),
    direction: message.direction,
    author: message.author,
    type: message.type,
    status: message.status,
    body: message.body,
    created_at: message.createdAt,
    sent_at: message.sentAt,
    delivered_at: message.deliveredAt,
    read_at: message.readAt,
  };
}

export const CSV_HEADER = [
  'conversation_id',
  'contact_phone',
  'contact_name',
  'instance_name',
  'message_id',
  'direction',
  'author',
  'type',
  'status',
  'body',
  'created_at',
  'sent_at',
  'delivered_at',
  'read_at',
];

export async function requestExport(url: string, token: string, input: { businessId: string; from: Date; to: Date; format: 'CSV' | 'JSONL' }) {
  const data = await executeOk(
    url,
    ExportConversationsDocument,
    { input: { ...input, from: input.from.toISOString(), to: input.to.toISOString() } },
    { token },
  );
  return data.exportConversations;
}

/** The export as `credentials` (a JWT, or any credentials) see it; null when invisible. */
export async function exportJob(url: string, credentials: string | Credentials, id: string): Promise<ExportJobFieldsFragment | null> {
  const data = await executeOk(url, ExportJobDocument, { id }, typeof credentials === 'string' ? { token: credentials } : credentials);
  return data.node?.__typename === 'ExportJob' ? data.node : null;
}

/** Polls the job until it is COMPLETED or FAILED. */
export async function finished(url: string, token: string, id: string, timeoutMs = 60_000): Promise<ExportJobFieldsFragment> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await exportJob(url, token, id);
    if (job && (job.status === 'COMPLETED' || job.status === 'FAILED')) return job;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${job?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
