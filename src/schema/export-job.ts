import { builder } from '../builder.ts';
import { db } from '../db.ts';
import { ConflictError, NotFoundError, notVisible, ValidationError } from '../errors.ts';
import type { ExportFormat, ExportStatus } from '../generated/prisma/enums.ts';
import { parseGlobalId, parseGlobalIdOrNull } from '../resolvers/global-id.ts';
import { visibleBusinessesWhere } from '../services/access.ts';
import { selection } from '../services/db/selection.ts';
import { MAX_EXPORT_RANGE_DAYS, requestExport, visibleExportJobId } from '../services/exports/jobs.ts';
import { downloadUrl } from '../services/exports/links.ts';
import { exportJobUpdates } from '../services/exports/updates.ts';
import { pageSize } from '../services/pagination.ts';
import { resultNames } from './mutation-result.ts';

const ExportFormatEnum = builder.enumType('ExportFormat', {
  description: 'The file format of an export. Both have one record per message, with the same fields in the same order.',
  values: {
    CSV: {
      description:
        'RFC 4180 CSV in UTF-8: a header row, CRLF line ends, fields holding a comma, quote, CR or LF quoted with quotes doubled. ' +
        'Formula-injection safe: a name or body starting with =, +, -, @, a tab or CR gets a leading single quote (\') so spreadsheets show it as text.',
    },
    JSONL: { description: 'JSON Lines: one JSON object per line (LF), values exactly as stored (no spreadsheet quoting), null where empty.' },
  } satisfies Record<ExportFormat, { description: string }>,
});

const ExportStatusEnum = builder.enumType('ExportStatus', {
  description: 'Where an export stands.',
  values: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being written; see `progress`.' },
    COMPLETED: { description: 'The file is ready: `downloadUrl` until `expiresAt`.' },
    FAILED: { description: 'It could not be written; see `error`. Request a new export to try again.' },
  } satisfies Record<ExportStatus, { description: string }>,
});

builder.prismaNode('ExportJob', {
  description:
    'An export of a business’s messages to a file: one record per message (conversation id, contact phone and name, line name, message id, direction, author, type, status, body, created/sent/delivered/read times).',
  id: { field: 'id' },
  // Another tenant's export loads as null (node answers null), never as an error.
  nullable: true,
  findUnique: (id, ctx) => ({ id, business: visibleBusinessesWhere(ctx.viewer) }),
  fields: (t) => ({
    status: t.expose('status', { type: ExportStatusEnum, description: 'Where the export stands.' }),
    progress: t.exposeFloat('progress', { description: 'How far it is, from 0 to 1 (1 once COMPLETED).' }),
    rowCount: t.exposeInt('rowCount', { description: 'Messages written so far (all of them once COMPLETED).' }),
    totalRows: t.exposeInt('totalRows', { nullable: true, description: 'Messages in the range, counted when the export started; null until then.' }),
    format: t.expose('format', { type: ExportFormatEnum, description: 'The file format.' }),
    from: t.expose('from', { type: 'DateTime', description: 'Messages created at or after this instant are included.' }),
    to: t.expose('to', { type: 'DateTime', description: 'Messages created before this instant are included (the end is exclusive).' }),
    fileName: t.exposeString('fileName', { nullable: true, description: 'The file’s name, once COMPLETED.' }),
    byteSize: t.exposeInt('byteSize', { nullable: true, description: 'The file’s size in bytes, once COMPLETED.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it FAILED; null otherwise.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was requested.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When a worker started writing it; null while QUEUED.' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When it COMPLETED or FAILED.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When the file is deleted; null until COMPLETED.' }),
    downloadUrl: t.string({
      nullable: true,
      description:
        'A fresh signed link to the file (GET, no other credentials needed), valid for EXPORT_URL_TTL_SECONDS (default one hour) and never past `expiresAt`. ' +
        'Null unless COMPLETED and not yet expired. A request that also sends credentials must be allowed to read the business.',
      select: { id: true, businessId: true, status: true, expiresAt: true },
      resolve: async (job, _args, ctx) => {
        if (job.status !== 'COMPLETED' || !job.expiresAt || job.expiresAt.getTime() <= Date.now()) return null;
        if (!(await ctx.access.can(job.businessId, 'READ'))) return null;
        return downloadUrl(ctx.platform, job);
      },
    }),
    business: t.relation('business', { description: 'The business whose messages it exports.' }),
  }),
});

builder.prismaObjectField('Business', 'exportJobs', (t) =>
  t.relatedConnection(
    'exportJobs',
    { ...pageSize, cursor: 'id', query: { orderBy: { id: 'desc' } }, description: 'Message exports, newest first.' },
    { name: 'ExportJobConnection' },
    { name: 'ExportJobEdge' },
  ),
);

const ExportConversationsInput = builder.inputType('ExportConversationsInput', {
  description: 'Which messages to export, and how.',
  fields: (t) => ({
    businessId: t.id({ description: 'The business ID (READ permission is enough).' }),
    from: t.field({ type: 'DateTime', description: 'Export messages created at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: `…and before this one (exclusive); after \`from\`, at most ${MAX_EXPORT_RANGE_DAYS} days later.` }),
    format: t.field({ type: ExportFormatEnum, description: 'The file format.' }),
  }),
});

builder.mutationField('exportConversations', (t) =>
  t.prismaField({
    type: 'ExportJob',
    authScopes: { signedIn: true },
    description:
      'Queues an export of the business’s messages in a time range. A worker writes the file in the background; follow it with `exportJobUpdated` or by polling the ExportJob, then fetch `downloadUrl`.',
    args: { input: t.arg({ type: ExportConversationsInput, description: 'What to export; see the input type.' }) },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      ...resultNames('exportConversations', 'exportJob', 'The queued export.'),
    },
    resolve: (query, _root, { input: { businessId, ...export_ } }, ctx) =>
      requestExport(ctx, parseGlobalId(businessId, 'Business', ['input', 'businessId']), export_, query),
  }),
);

builder.subscriptionField('exportJobUpdated', (t) =>
  t.prismaField({
    type: 'ExportJob',
    authScopes: { signedIn: true },
    description:
      'An export as it is now, then again each time its status or progress changes; the stream ends after COMPLETED or FAILED. Another tenant’s export is NOT_FOUND.',
    args: { exportJobId: t.arg.id({ description: 'The ExportJob ID.' }) },
    subscribe: async (_root, { exportJobId }, ctx) => {
      const id = parseGlobalIdOrNull(exportJobId, 'ExportJob');
      const visible = id ? await visibleExportJobId(ctx, id) : null;
      if (!visible) throw notVisible();
      return exportJobUpdates(ctx.pubsub, visible);
    },
    resolve: (query, event: { exportJobId: string }) => db().exportJob.findUniqueOrThrow({ ...selection(query), where: { id: event.exportJobId } }),
  }),
);
