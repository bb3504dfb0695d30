import { randomUUID } from 'node:crypto';
import { db } from '../../db.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { ExportFormat } from '../../generated/prisma/enums.ts';
import type { Platform } from '../platform.ts';
import { acquireLease } from '../workers/lease.ts';
import { exportFileName, exportHeader, exportLine } from './format.ts';
import { countExportRows, type ExportPosition, type ExportRange, readExportBatch } from './rows.ts';

/**
 * A stored file is split into rows of this size (the last one smaller). Small on purpose: Prisma
 * keeps the arguments of its last 100 queries reachable (its debug history, kept even when
 * debugging is off), so every chunk written stays in memory for a while; at 32 KB that costs
 * a few MB at most, however large the export. Downloads read several chunks per query.
 */
export const EXPORT_CHUNK_BYTES = 32 * 1024;
/** How long a finished export can be downloaded; its chunks are deleted afterwards. */
export const EXPORT_RETENTION_MS = 7 * 86_400_000;
/** Progress events of one export are published at most this often (status changes always are). */
const PROGRESS_EVENT_INTERVAL_MS = 200;
/** `ExportJob.byteSize` is a 32-bit integer. */
const MAX_EXPORT_BYTES = 2 ** 31 - 1;

export interface ExportWorkerOptions {
  /** Safety-net poll; a request in this process wakes its worker at once. */
  pollIntervalMs?: number;
  /** How long a claimed export stays with its worker without a sign of life before another replica takes it over. */
  leaseMs?: number;
  /** Messages read per query (keyset page). */
  batchRows?: number;
  chunkBytes?: number;
  /** How often expired exports' files are deleted (by one replica at a time). */
  cleanupIntervalMs?: number;
}

export interface ExportWorker {
  /** Stops claiming; an export in progress is handed back (QUEUED) for any replica to redo. */
  stop(): Promise<void>;
}

interface ClaimedJob {
  id: string;
  businessId: string;
  format: ExportFormat;
  from: Date;
  to: Date;
  /** Set by each claim: the fencing token every later write of this claim is conditional on. */
  startedAt: Date;
  slug: string;
  businessDeleted: boolean;
}

/** Another replica took the export over (this one was too slow to renew its lease): stop quietly. */
class LeaseLostError extends Error {}

/** A failure whose message is meant for the person who asked for the export. */
class ExportFailure extends Error {}

class StoppingError extends Error {}

const localWakers = new Set<() => void>();

/** Wakes the export workers of this process (requests made here start at once; other replicas poll). */
export function wakeExportWorkers(): void {
  for (const wake of localWakers) wake();
}

/**
 * Claims the oldest QUEUED export, or a RUNNING one whose worker stopped renewing its lease, with
 * `FOR UPDATE SKIP LOCKED`, so replicas never claim the same one. Chunks a previous attempt left
 * are deleted in the same transaction: the claim holds the job row, and every write of the old
 * attempt checks its token under that row's lock, so none of them can land afterwards.
 */
async function claim(leaseMs: number): Promise<ClaimedJob | null> {
  // Outside a transaction: most polls find nothing, and then one cheap query is all they cost.
  const due = await db().$queryRaw<{ id: string }[]>`
    SELECT id FROM "ExportJob" WHERE status = 'QUEUED' OR (status = 'RUNNING' AND "leaseUntil" < now()) LIMIT 1`;
  if (due.length === 0) return null;
  return db().$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<ClaimedJob[]>`
      WITH due AS (
        SELECT id FROM "ExportJob"
        WHERE status = 'QUEUED' OR (status = 'RUNNING' AND "leaseUntil" < now())
        ORDER BY "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE "ExportJob" j SET status = 'RUNNING', "startedAt" = now(), "leaseUntil" = now() + ${leaseMs}::int * interval '1 millisecond',
          progress = 0, "rowCount" = 0, "totalRows" = NULL, "byteSize" = NULL, "fileName" = NULL, error = NULL
        FROM due
        WHERE j.id = due.id
        RETURNING j.id, j."businessId", j.format::text AS format, j."from", j."to", j."startedAt"
      )
      SELECT cl.*, b.slug, b."deletedAt" IS NOT NULL AS "businessDeleted"
      FROM claimed cl JOIN "Business" b ON b.id = cl."businessId"`;
    if (!job) return null;
    await tx.exportChunk.deleteMany({ where: { exportJobId: job.id } });
    return job;
  });
}

/** While this claim holds the export: the condition of every write it makes. */
function held(job: ClaimedJob): Prisma.Sql {
  return Prisma.sql`id = ${job.id} AND status = 'RUNNING' AND "startedAt" = ${job.startedAt}`;
}

/** Stores chunks and updates the job in one transaction, if the claim still holds; LeaseLostError otherwise. */
async function store(job: ClaimedJob, chunks: { seq: number; data: Buffer }[], set: Prisma.Sql): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`UPDATE "ExportJob" SET ${set} WHERE ${held(job)}`;
    if (updated === 0) throw new LeaseLostError(`Export ${job.id} was taken over by another worker`);
    // Sent as base64 text and decoded by the server: several times faster than a bytea parameter through the driver adapters.
    for (const chunk of chunks) {
      await tx.$executeRaw`
        INSERT INTO "ExportChunk" ("exportJobId", seq, data) VALUES (${job.id}, ${chunk.seq}, decode(${chunk.data.toString('base64')}, 'base64'))`;
    }
  });
}

/** Ends this claim: FAILED with the reason, or back to QUEUED (shutdown); partial chunks go either way. */
async function finishUnsuccessfully(job: ClaimedJob, set: Prisma.Sql): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`UPDATE "ExportJob" SET ${set} WHERE ${held(job)}`;
    if (updated > 0) await tx.exportChunk.deleteMany({ where: { exportJobId: job.id } });
    return updated > 0;
  });
}

/** Text in, fixed-size chunks out: holds at most one chunk plus the last batch. */
class ChunkSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private nextSeq = 0;
  totalBytes = 0;

  constructor(private readonly chunkBytes: number) {}

  write(text: string): void {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, 'utf8');
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.totalBytes += bytes.length;
  }

  /** Every full chunk; with `final`, the rest too. */
  take(final: boolean): { seq: number; data: Buffer }[] {
    if (this.pendingBytes < this.chunkBytes && !(final && this.pendingBytes > 0)) return [];
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const chunks: { seq: number; data: Buffer }[] = [];
    let offset = 0;
    while (all.length - offset >= this.chunkBytes || (final && offset < all.length)) {
      const end = Math.min(offset + this.chunkBytes, all.length);
      chunks.push({ seq: this.nextSeq++, data: all.subarray(offset, end) });
      offset = end;
    }
    const rest = all.subarray(offset);
    this.pending = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    return chunks;
  }
}

interface RunSettings {
  leaseMs: number;
  batchRows: number;
  chunkBytes: number;
  isStopping(): boolean;
}

/**
 * Counts the rows first (totalRows), then pages through them in (createdAt, id) order, writing
 * the file chunk by chunk: memory holds one batch of rows and one chunk, however big the export.
 * Each batch ends in one transaction (chunks + progress + lease renewal); progress events are
 * throttled, since every subscriber re-reads the row for each.
 */
async function runExport(platform: Platform, job: ClaimedJob, settings: RunSettings): Promise<void> {
  const publish = () => platform.pubsub.publish('exportJob:updated', job.id, { exportJobId: job.id });
  const renew = Prisma.sql`"leaseUntil" = now() + ${settings.leaseMs}::int * interval '1 millisecond'`;
  let publishedAt = Date.now();
  const publishProgress = () => {
    if (Date.now() - publishedAt < PROGRESS_EVENT_INTERVAL_MS) return;
    publishedAt = Date.now();
    publish();
  };
  publish();
  if (job.businessDeleted) throw new ExportFailure('The business was deleted');
  const range: ExportRange = { businessId: job.businessId, from: job.from, to: job.to };
  const totalRows = await countExportRows(range);
  await store(job, [], Prisma.sql`"totalRows" = ${totalRows}, ${renew}`);
  publish();

  const file = new ChunkSplitter(settings.chunkBytes);
  file.write(exportHeader(job.format));
  let rowCount = 0;
  let after: ExportPosition | null = null;
  for (;;) {
    if (settings.isStopping()) throw new StoppingError();
    const rows = await readExportBatch(range, after, settings.batchRows);
    if (rows.length === 0) break;
    let text = '';
    for (const row of rows) text += exportLine(job.format, row);
    file.write(text);
    rowCount += rows.length;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (file.totalBytes > MAX_EXPORT_BYTES) throw new ExportFailure('The export is larger than 2 GB; export a shorter range');
    // Messages created in the range meanwhile can outgrow the count: progress stays below 1 until COMPLETED.
    const progress = Math.min(0.99, rowCount / Math.max(totalRows, rowCount));
    await store(job, file.take(false), Prisma.sql`"rowCount" = ${rowCount}, progress = ${progress}, ${renew}`);
    publishProgress();
    if (rows.length < settings.batchRows) break;
  }
  const fileName = exportFileName(job.slug, job.format, job.from, job.to);
  await store(
    job,
    file.take(true),
    Prisma.sql`status = 'COMPLETED', progress = 1, "rowCount" = ${rowCount}, "totalRows" = ${rowCount}, "byteSize" = ${file.totalBytes},
      "fileName" = ${fileName}, "completedAt" = now(), "expiresAt" = now() + ${EXPORT_RETENTION_MS}::int * interval '1 millisecond',
      "leaseUntil" = NULL`,
  );
  publish();
}

async function processExport(platform: Platform, job: ClaimedJob, settings: RunSettings): Promise<void> {
  const log = platform.log.child({ exportJobId: job.id });
  try {
    await runExport(platform, job, settings);
  } catch (error) {
    if (error instanceof LeaseLostError) {
      log.warn('export taken over by another worker after its lease expired; leaving it to them');
      return;
    }
    if (error instanceof StoppingError) {
      await finishUnsuccessfully(job, Prisma.sql`status = 'QUEUED', progress = 0, "rowCount" = 0, "leaseUntil" = NULL`);
      platform.pubsub.publish('exportJob:updated', job.id, { exportJobId: job.id });
      return;
    }
    // The requester sees the reason; internals (SQL, stack) stay in the log.
    const reason = error instanceof ExportFailure ? error.message : `The export failed unexpectedly (${(error as Error).name ?? 'Error'}); try again`;
    if (!(error instanceof ExportFailure)) log.error({ err: error }, 'export failed');
    await finishUnsuccessfully(job, Prisma.sql`status = 'FAILED', error = ${reason}, "completedAt" = now(), "leaseUntil" = NULL`);
    platform.pubsub.publish('exportJob:updated', job.id, { exportJobId: job.id });
  }
}

/**
 * Deletes the stored files of exports past their expiry (and of deleted businesses), a bounded
 * batch of chunks per statement. The job rows stay, as the history of what was exported.
 */
export async function deleteExpiredExports(batchChunks = 256): Promise<number> {
  let deleted = 0;
  for (;;) {
    const count = await db().$executeRaw`
      DELETE FROM "ExportChunk" WHERE ("exportJobId", seq) IN (
        SELECT c."exportJobId", c.seq FROM "ExportChunk" c
        JOIN "ExportJob" j ON j.id = c."exportJobId"
        JOIN "Business" b ON b.id = j."businessId"
        WHERE j."expiresAt" < now() OR b."deletedAt" IS NOT NULL
        LIMIT ${batchChunks})`;
    deleted += count;
    if (count < batchChunks) return deleted;
  }
}

/**
 * The export worker: claims one export at a time (QUEUED, or RUNNING with an expired lease) and
 * writes its file into ExportChunk rows, so any replica can serve the download. Polls as a safety
 * net; requests made in this process wake it at once. Also deletes expired files periodically.
 */
export function createExportWorker(platform: Platform, options: ExportWorkerOptions = {}): ExportWorker {
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const cleanupIntervalMs = options.cleanupIntervalMs ?? 10 * 60_000;
  const holder = randomUUID();
  let stopping = false;
  let poked = false;
  let wake = () => {};
  const settings: RunSettings = {
    leaseMs: options.leaseMs ?? 60_000,
    batchRows: options.batchRows ?? 250,
    chunkBytes: options.chunkBytes ?? EXPORT_CHUNK_BYTES,
    isStopping: () => stopping,
  };

  const poke = () => {
    poked = true;
    wake();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = () => {};
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  let nextCleanupAt = 0;
  const cleanUp = async () => {
    if (Date.now() < nextCleanupAt) return;
    nextCleanupAt = Date.now() + cleanupIntervalMs;
    try {
      if (!(await acquireLease('export-cleanup', holder, cleanupIntervalMs))) return;
      const deleted = await deleteExpiredExports();
      if (deleted > 0) platform.log.info({ chunks: deleted }, 'deleted expired export files');
    } catch (error) {
      platform.log.warn({ err: error }, 'export cleanup failed; trying again later');
    }
  };

  const run = async () => {
    while (!stopping) {
      poked = false;
      await cleanUp();
      let job: ClaimedJob | null = null;
      try {
        job = await claim(settings.leaseMs);
      } catch (error) {
        platform.log.error({ err: error }, 'export claim failed; trying again after the poll interval');
      }
      if (job) {
        await processExport(platform, job, settings).catch((error: unknown) =>
          platform.log.error({ err: error, exportJobId: job.id }, 'could not record the outcome of an export; it is retried once its lease expires'),
        );
        continue;
      }
      if (!poked && !stopping) await nap(pollIntervalMs);
    }
  };

  localWakers.add(poke);
  const running = run();
  return {
    async stop() {
      stopping = true;
      localWakers.delete(poke);
      wake();
      await running;
    },
  };
}
