import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { parse } from 'csv-parse/sync';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportWorker, createExportWorker } from '../../src/services/exports/worker.ts';
import { ExportJobUpdatedDocument, type ExportJobUpdatedSubscription } from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { connectWs, subscribe } from '../support/subscriptions.ts';
import {
  CSV_HEADER,
  expectedCsvRecord,
  expectedJsonRecord,
  exportJob,
  finished,
  requestExport,
  sampleMemory,
  type Seeded,
  seedMessages,
  settledMemory,
} from './helpers.ts';

const MESSAGES = 20_000;
const BODY_CHARS = 3_000;
/**
 * What an export or a download may add to live memory: a batch of rows, a few chunks, and what the
 * database client keeps of its recent queries (Prisma's debug history, in-flight result buffers).
 * The file is more than four times as big, so holding it (or its rows) could not pass.
 */
const MEMORY_BOUND = 15_000_000;

/**
 * Downloads a file chunk by chunk without keeping it (only its size and hash), sampling memory
 * meanwhile: the server side of the transfer runs in this process too. node:http in flowing mode
 * drops each chunk as it arrives, so the client adds no buffering of its own to the measurement.
 */
function streamDownload(url: string): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: number; sha256: string; peak: number }> {
  return new Promise((resolve, reject) => {
    const sampler = sampleMemory(250);
    get(url, (response) => {
      const hash = createHash('sha256');
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      response.on('error', reject);
      response.on('end', () => {
        void sampler.stop().then((peak) => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes, sha256: hash.digest('hex'), peak }));
      });
    }).on('error', reject);
  });
}

describe('exporting 20,000 messages', () => {
  let server: TestApp;
  let owner: string;
  let businessId: string;
  let seeded: Seeded;
  let client: Client;
  let worker: ExportWorker | undefined;

  beforeAll(async () => {
    // An API-only replica: the export worker is started by the test, once it listens for progress.
    server = await startTestApp({ redis: true, env: { ROLE: 'api' } });
    owner = await server.token({ sub: 'export-owner' });
    businessId = await createBusiness(server.url, owner, 'Export Co');
    seeded = await seedMessages(rowId(businessId), { prefix: 'big', messages: MESSAGES, bodyChars: BODY_CHARS, start: new Date('2026-03-01T00:00:00.000Z') });
    // Another business's messages in the same range, and this one's just outside it, stay out.
    const other = await createBusiness(server.url, owner, 'Other Co');
    await seedMessages(rowId(other), { prefix: 'other', messages: 10, bodyChars: 20, start: seeded.start });
    await seedMessages(rowId(businessId), { prefix: 'before', messages: 2, bodyChars: 20, start: new Date(seeded.start.getTime() - 1_000), reuse: seeded });
    await seedMessages(rowId(businessId), { prefix: 'after', messages: 2, bodyChars: 20, start: seeded.end, reuse: seeded });
    client = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
  }, 240_000);

  afterAll(async () => {
    await worker?.stop();
    await client?.dispose();
    await server?.stop();
  });

  it('streams a CSV with progress over a WebSocket, in flat memory, that round-trips through a CSV parser', async () => {
    const requested = await requestExport(server.url, owner, { businessId, from: seeded.start, to: seeded.end, format: 'CSV' });
    if (requested.__typename !== 'ExportConversationsPayload') throw new Error(JSON.stringify(requested));
    const jobId = requested.exportJob.id;
    expect(requested.exportJob).toMatchObject({ status: 'QUEUED', progress: 0, rowCount: 0, totalRows: null, downloadUrl: null });

    const updates = subscribe(client, ExportJobUpdatedDocument, { exportJobId: jobId });
    const first = await updates.next();
    expect(first.data?.exportJobUpdated).toMatchObject({ id: jobId, status: 'QUEUED' });

    const baseline = await settledMemory();
    // A full GC per sample is slow: often enough to see growth, which would be steady if rows or chunks piled up.
    const sampler = sampleMemory(500);
    worker = createExportWorker(server.app.platform, { pollIntervalMs: 100 });
    const events: ExportJobUpdatedSubscription['exportJobUpdated'][] = [];
    for (;;) {
      const event = await updates.next(60_000);
      if (event.errors) throw new Error(JSON.stringify(event.errors));
      events.push(event.data!.exportJobUpdated);
      if (event.data!.exportJobUpdated.status === 'COMPLETED' || event.data!.exportJobUpdated.status === 'FAILED') break;
    }
    const exportPeak = await sampler.stop();
    await updates.close();

    const last = events.at(-1)!;
    expect(last).toMatchObject({ status: 'COMPLETED', progress: 1, rowCount: MESSAGES, totalRows: MESSAGES });
    const running = events.filter((event) => event.status === 'RUNNING' && event.progress > 0 && event.progress < 1);
    if (process.env.MEMLOG) console.log('progress events', running.length);
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running.every((event) => event.totalRows === MESSAGES)).toBe(true);
    const progress = events.map((event) => event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const job = (await exportJob(server.url, owner, jobId))!;
    expect(job).toMatchObject({ status: 'COMPLETED', format: 'CSV', error: null });
    expect(job.fileName).toBe('messages-export-co-2026-03-01-2026-03-01.csv');
    const dataBytes = job.byteSize!;
    expect(dataBytes).toBeGreaterThan(MESSAGES * BODY_CHARS);
    expect(dataBytes).toBeGreaterThan(4 * MEMORY_BOUND);
    if (process.env.MEMLOG) console.log('export grew live memory by', exportPeak - baseline, 'for a file of', dataBytes);
    expect(exportPeak - baseline).toBeLessThan(MEMORY_BOUND);

    const url = job.downloadUrl!;
    expect(url).toMatch(new RegExp(`^${server.url.replace('/graphql', '')}/exports/${rowId(jobId)}/download\\?token=`));
    const downloadBaseline = await settledMemory();
    const streamed = await streamDownload(url);
    expect(streamed.status).toBe(200);
    expect(streamed.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(streamed.headers['content-length']).toBe(String(dataBytes));
    expect(streamed.headers['content-disposition']).toBe(`attachment; filename="${job.fileName}"`);
    expect(streamed.bytes).toBe(dataBytes);
    if (process.env.MEMLOG) console.log('download grew live memory by', streamed.peak - downloadBaseline);
    expect(streamed.peak - downloadBaseline).toBeLessThan(MEMORY_BOUND);

    const text = await (await fetch(url)).text();
    expect(createHash('sha256').update(text).digest('hex')).toBe(streamed.sha256);
    expect(text.startsWith(`${CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text, { bom: false, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(CSV_HEADER);
    expect(records).toHaveLength(MESSAGES + 1);
    for (let index = 0; index < MESSAGES; index += 1) {
      const expected = expectedCsvRecord(seeded.message(index));
      // toEqual per record would be slow over 20,000 rows: compare cheaply, report the first difference in full.
      if (records[index + 1]!.join('\u0000') !== expected.join('\u0000')) expect({ index, record: records[index + 1] }).toEqual({ index, record: expected });
    }
    // The nasty cases really were in there: quoted newlines, doubled quotes, guarded formulas.
    expect(text).toContain('"line one\nline two');
    expect(text).toContain('"She said ""hello"" and left');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click me"")`);
    expect(text).toContain('unicode: āčēģīķļņšūž 😀 你好 مرحبا');
  }, 240_000);

  it('exports the same range as JSON Lines', async () => {
    const requested = await requestExport(server.url, owner, { businessId, from: seeded.start, to: seeded.end, format: 'JSONL' });
    if (requested.__typename !== 'ExportConversationsPayload') throw new Error(JSON.stringify(requested));
    const job = await finished(server.url, owner, requested.exportJob.id);
    expect(job).toMatchObject({ status: 'COMPLETED', rowCount: MESSAGES, fileName: 'messages-export-co-2026-03-01-2026-03-01.jsonl' });
    const response = await fetch(job.downloadUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBe(job.byteSize);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(MESSAGES);
    for (let index = 0; index < MESSAGES; index += 1) {
      const record = JSON.parse(lines[index]!) as Record<string, string | null>;
      const expected = expectedJsonRecord(seeded.message(index));
      if (JSON.stringify(record) !== JSON.stringify(expected)) expect({ index, record }).toEqual({ index, record: expected });
    }
  }, 240_000);
});
