import { encodeGlobalID } from '@pothos/plugin-relay';
import type { ExportFormat } from '../../generated/prisma/enums.ts';

/** One exported message, as read by `readExportBatch`. */
export interface ExportRow {
  id: string;
  conversationId: string;
  contactPhone: string | null;
  contactName: string | null;
  instanceName: string;
  direction: string;
  author: string;
  type: string;
  status: string;
  body: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
}

/**
 * The columns of an export, in file order. `text` marks free text someone typed (names, bodies):
 * in CSV those cells are guarded against formula injection. Ids are global IDs, the same ones the
 * API uses, so a row can be refetched with `node(id:)`.
 */
const COLUMNS: { name: string; text?: true; value: (row: ExportRow) => string | null }[] = [
  { name: 'conversation_id', value: (row) => encodeGlobalID('Conversation', row.conversationId) },
  { name: 'contact_phone', value: (row) => row.contactPhone },
  { name: 'contact_name', text: true, value: (row) => row.contactName },
  { name: 'instance_name', text: true, value: (row) => row.instanceName },
  { name: 'message_id', value: (row) => encodeGlobalID('Message', row.id) },
  { name: 'direction', value: (row) => row.direction },
  { name: 'author', value: (row) => row.author },
  { name: 'type', value: (row) => row.type },
  { name: 'status', value: (row) => row.status },
  { name: 'body', text: true, value: (row) => row.body },
  { name: 'created_at', value: (row) => row.createdAt.toISOString() },
  { name: 'sent_at', value: (row) => row.sentAt?.toISOString() ?? null },
  { name: 'delivered_at', value: (row) => row.deliveredAt?.toISOString() ?? null },
  { name: 'read_at', value: (row) => row.readAt?.toISOString() ?? null },
];

export const EXPORT_COLUMNS = COLUMNS.map((column) => column.name);

/** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled.
 * Free text starting with = + - @ (or a tab or CR) gets a leading single quote first, so a
 * spreadsheet shows it as text instead of evaluating it.
 */
export function csvField(value: string | null, freeText: boolean): string {
  if (value === null) return '';
  const safe = freeText && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CRLF = '\r\n';

/** The text a file starts with: the CSV header row, nothing for JSONL. */
export function exportHeader(format: ExportFormat): string {
  return format === 'CSV' ? EXPORT_COLUMNS.join(',') + CRLF : '';
}

/** One record: a CSV line ending in CRLF, or one JSON object per line (LF) with the values as stored. */
export function exportLine(format: ExportFormat, row: ExportRow): string {
  if (format === 'CSV') return COLUMNS.map((column) => csvField(column.value(row), column.text === true)).join(',') + CRLF;
  return JSON.stringify(Object.fromEntries(COLUMNS.map((column) => [column.name, column.value(row)]))) + '\n';
}

export function contentTypeOf(format: ExportFormat): string {
  return format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
}

/** `messages-<slug>-<from>-<to>.csv`, with the dates of the range (UTC); ASCII only, safe in any header. */
export function exportFileName(slug: string, format: ExportFormat, from: Date, to: Date): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const safeSlug = slug.replace(/[^a-z0-9-]/g, '') || 'business';
  return `messages-${safeSlug}-${day(from)}-${day(to)}.${format === 'CSV' ? 'csv' : 'jsonl'}`;
}
