import { encodeGlobalID } from '@pothos/plugin-relay';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { deriveLinkKey, signDownloadToken } from '../../src/services/exports/links.ts';
import { deleteExpiredExports, wakeExportWorkers } from '../../src/services/exports/worker.ts';
import { BusinessExportJobsDocument, ExportJobUpdatedDocument } from '../generated/graphql.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/app.ts';
import { createApiKey, createBusiness, rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { connectWs, subscribe } from '../support/subscriptions.ts';
import { exportJob, finished, requestExport, type Seeded, seedMessages } from './helpers.ts';

const DAY_MS = 86_400_000;

/** A download URL for `jobId` with a token signed like the server's (or with `secret`), expiring at `exp`. */
function signedUrl(server: TestApp, jobId: string, claim: { jobId: string; businessId: string; exp: number }, secret = TEST_JWT_SECRET): string {
  const token = signDownloadToken(deriveLinkKey(secret), claim);
  return `${server.url.replace('/graphql', '')}/exports/${jobId}/download?token=${token}`;
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3_600;

describe('conversation exports: input, tenants, links and lifecycle', () => {
  let server: TestApp;
  let owner: string;
  let stranger: string;
  let businessId: string;
  let strangerBusinessId: string;
  let seeded: Seeded;
  let csvJobId: string;
  let csvText: string;

  beforeAll(async () => {
    // Links live two seconds here, so expiry can be watched.
    server = await startTestApp({ redis: true, env: { EXPORT_URL_TTL_SECONDS: '2' } });
    owner = await server.token({ sub: 'exports-owner' });
    stranger = await server.token({ sub: 'exports-stranger' });
    businessId = await createBusiness(server.url, owner, 'Tenant A');
    strangerBusinessId = await createBusiness(server.url, stranger, 'Tenant B');
    seeded = await seedMessages(rowId(businessId), { prefix: 'a', messages: 40, bodyChars: 60, start: new Date('2026-05-01T08:00:00.000Z') });
  });
  afterAll(() => server?.stop());

  const exportsOfA = () => db().exportJob.count({ where: { businessId: rowId(businessId) } });

  it('answers bad input with typed errors and queues nothing', async () => {
    const from = seeded.start;
    const cases = [
      { input: { businessId, from, to: from, format: 'CSV' as const }, typename: 'ValidationError', field: ['input', 'to'] },
      { input: { businessId, from, to: new Date(from.getTime() - 1), format: 'CSV' as const }, typename: 'ValidationError', field: ['input', 'to'] },
      { input: { businessId, from, to: new Date(from.getTime() + 366 * DAY_MS + 1), format: 'CSV' as const }, typename: 'ValidationError', field: ['input', 'to'] },
      { input: { businessId: encodeGlobalID('Instance', seeded.instanceId), from, to: seeded.end, format: 'CSV' as const }, typename: 'ValidationError', field: ['input', 'businessId'] },
      { input: { businessId: strangerBusinessId, from, to: seeded.end, format: 'CSV' as const }, typename: 'NotFoundError', field: ['input', 'businessId'] },
    ];
    for (const { input, typename, field } of cases) {
      const result = await requestExport(server.url, owner, input);
      expect(result).toMatchObject({ __typename: typename, field });
    }
    const tooLong = await requestExport(server.url, owner, { businessId, from, to: new Date(from.getTime() + 400 * DAY_MS), format: 'JSONL' });
    expect(tooLong).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: ['input', 'to'], message: 'The range may span at most 366 days' }] });
    // Another tenant asking for this business learns nothing either.
    const strangers = await requestExport(server.url, stranger, { businessId, from, to: seeded.end, format: 'CSV' });
    expect(strangers).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(await exportsOfA()).toBe(0);
  });

  it('exports a business for its members and API keys, and nobody else can see or follow it', async () => {
    const requested = await requestExport(server.url, owner, { businessId, from: seeded.start, to: seeded.end, format: 'CSV' });
    if (requested.__typename !== 'ExportConversationsPayload') throw new Error(JSON.stringify(requested));
    csvJobId = requested.exportJob.id;
    const job = await finished(server.url, owner, csvJobId);
    expect(job).toMatchObject({ status: 'COMPLETED', rowCount: 40, totalRows: 40, progress: 1, error: null });

    const anonymous = await fetch(job.downloadUrl!);
    expect(anonymous.status).toBe(200);
    csvText = await anonymous.text();
    expect(parse(csvText)).toHaveLength(41);

    // The business's own credentials may come along; an API key with READ sees the export too.
    const key = await createApiKey(server.url, owner, businessId, ['READ']);
    expect(await exportJob(server.url, { apiKey: key.secret }, csvJobId)).toMatchObject({ status: 'COMPLETED', downloadUrl: expect.any(String) });
    const fresh = (await exportJob(server.url, owner, csvJobId))!.downloadUrl!;
    expect((await fetch(fresh, { headers: { authorization: `Bearer ${owner}` } })).status).toBe(200);
    expect((await fetch(fresh, { headers: { 'x-api-key': key.secret } })).status).toBe(200);

    // Another tenant: no node, no list, no subscription, and a leaked link with its credentials is a 404.
    expect(await exportJob(server.url, stranger, csvJobId)).toBeNull();
    const list = await executeOk(server.url, BusinessExportJobsDocument, { id: businessId }, { token: stranger });
    expect(list.node).toBeNull();
    const strangerKey = await createApiKey(server.url, stranger, strangerBusinessId, ['READ', 'MANAGE']);
    const strangerCredentials: Record<string, string>[] = [
      { authorization: `Bearer ${stranger}` },
      { 'x-api-key': strangerKey.secret },
      { authorization: `Bearer ${strangerKey.secret}` },
    ];
    for (const headers of strangerCredentials) {
      const response = await fetch(fresh, { headers });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('text/csv');
    }
    expect((await fetch(fresh, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);

    const client = await connectWs(server.wsUrl, { authorization: `Bearer ${stranger}` });
    try {
      const refused = await subscribe(client, ExportJobUpdatedDocument, { exportJobId: csvJobId }).next();
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
    } finally {
      await client.dispose();
    }
    // The owner, subscribing after the fact, gets the final state and the stream ends.
    const ownerClient = await connectWs(server.wsUrl, { authorization: `Bearer ${owner}` });
    try {
      const state = await subscribe(ownerClient, ExportJobUpdatedDocument, { exportJobId: csvJobId }).next();
      expect(state.data?.exportJobUpdated).toMatchObject({ id: csvJobId, status: 'COMPLETED', progress: 1, rowCount: 40 });
    } finally {
      await ownerClient.dispose();
    }
  });

  it('refuses expired, tampered and borrowed links, and answers 404 for exports that are not ready', async () => {
    const job = (await exportJob(server.url, owner, csvJobId))!;
    const url = new URL(job.downloadUrl!);
    expect(url.pathname).toBe(`/exports/${rowId(csvJobId)}/download`);
    const token = url.searchParams.get('token')!;
    const withToken = (value: string | null) => {
      const copy = new URL(url);
      if (value === null) copy.searchParams.delete('token');
      else copy.searchParams.set('token', value);
      return copy.toString();
    };
    const [version, payload, signature] = token.split('.') as [string, string, string];
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { j: string; b: string; e: number };
    const forged = Buffer.from(JSON.stringify({ ...claim, e: claim.e + 86_400 })).toString('base64url');
    const flip = (text: string) => text.slice(0, -2) + (text.at(-2) === 'A' ? 'B' : 'A') + text.at(-1);
    for (const tampered of [`${version}.${forged}.${signature}`, `${version}.${payload}.${flip(signature)}`, `${token}A`, token.slice(0, -3), 'v1..', '', null]) {
      expect({ tampered, status: (await fetch(withToken(tampered))).status }).toEqual({ tampered, status: 403 });
    }
    // Signed by another server, or for another export.
    const [jobA] = [rowId(csvJobId)];
    expect((await fetch(signedUrl(server, jobA, { jobId: jobA, businessId: rowId(businessId), exp: inAnHour() }, 'another-secret-of-at-least-32-characters!'))).status).toBe(403);
    const jsonl = await requestExport(server.url, owner, { businessId, from: seeded.start, to: seeded.end, format: 'JSONL' });
    if (jsonl.__typename !== 'ExportConversationsPayload') throw new Error(JSON.stringify(jsonl));
    const jsonlJob = await finished(server.url, owner, jsonl.exportJob.id);
    const borrowed = new URL(jsonlJob.downloadUrl!).searchParams.get('token')!;
    expect((await fetch(withToken(borrowed))).status).toBe(403);

    // A genuine signature on a past expiry, and a real link once its TTL (2 s here) has passed.
    expect((await fetch(signedUrl(server, jobA, { jobId: jobA, businessId: rowId(businessId), exp: Math.floor(Date.now() / 1000) - 1 }))).status).toBe(410);
    const link = (await exportJob(server.url, owner, csvJobId))!.downloadUrl!;
    expect((await fetch(link)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toEqual({ error: expect.stringContaining('expired') });
    // A stranger's credentials on an expired link still learn nothing beyond 404.
    expect((await fetch(link, { headers: { authorization: `Bearer ${stranger}` } })).status).toBe(404);

    // Not ready, failed, or never there: 404.
    const queued = await db().exportJob.create({
      data: { businessId: rowId(businessId), requestedBy: 'test', format: 'CSV', from: seeded.start, to: seeded.end, status: 'RUNNING', leaseUntil: new Date(Date.now() + DAY_MS) },
    });
    const failed = await db().exportJob.create({
      data: { businessId: rowId(businessId), requestedBy: 'test', format: 'CSV', from: seeded.start, to: seeded.end, status: 'FAILED', error: 'test' },
    });
    for (const id of [queued.id, failed.id, '00000000-0000-7000-8000-000000000000']) {
      expect((await fetch(signedUrl(server, id, { jobId: id, businessId: rowId(businessId), exp: inAnHour() }))).status).toBe(404);
    }
    const running = (await exportJob(server.url, owner, encodeGlobalID('ExportJob', queued.id)))!;
    expect(running).toMatchObject({ status: 'RUNNING', downloadUrl: null });
    await db().exportJob.deleteMany({ where: { id: { in: [queued.id, failed.id] } } });
  });

  it('allows three exports of a business waiting or running at once', async () => {
    const busy = await Promise.all(
      [1, 2, 3].map(() =>
        db().exportJob.create({
          data: { businessId: rowId(businessId), requestedBy: 'test', format: 'CSV', from: seeded.start, to: seeded.end, status: 'RUNNING', leaseUntil: new Date(Date.now() + DAY_MS) },
        }),
      ),
    );
    const before = await exportsOfA();
    const refused = await requestExport(server.url, owner, { businessId, from: seeded.start, to: seeded.end, format: 'CSV' });
    expect(refused).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await exportsOfA()).toBe(before);
    await db().exportJob.deleteMany({ where: { id: { in: busy.map((job) => job.id) } } });
  });

  it('takes over an export whose worker stopped renewing its lease, and fails one whose business was deleted', async () => {
    // Created together with what the dead worker had written, so the live worker cannot claim one without the other.
    const stale = await db().$transaction(async (tx) => {
      const job = await tx.exportJob.create({
      data: {
        businessId: rowId(businessId),
        requestedBy: 'test',
        format: 'CSV',
        from: seeded.start,
        to: seeded.end,
        status: 'RUNNING',
        startedAt: new Date(Date.now() - 120_000),
        leaseUntil: new Date(Date.now() - 1_000),
        progress: 0.5,
        rowCount: 20,
      },
      });
      await tx.$executeRaw`INSERT INTO "ExportChunk" ("exportJobId", seq, data) VALUES (${job.id}, 0, convert_to('half-written garbage', 'UTF8'))`;
      return job;
    });
    const deleted = await createBusiness(server.url, owner, 'Closing Down');
    await db().business.update({ where: { id: rowId(deleted) }, data: { deletedAt: new Date() } });
    const orphan = await db().exportJob.create({
      data: { businessId: rowId(deleted), requestedBy: 'test', format: 'JSONL', from: seeded.start, to: seeded.end },
    });
    wakeExportWorkers();

    const staleId = encodeGlobalID('ExportJob', stale.id);
    const takenOver = await finished(server.url, owner, staleId);
    expect(takenOver).toMatchObject({ status: 'COMPLETED', rowCount: 40 });
    expect(await (await fetch(takenOver.downloadUrl!)).text()).toBe(csvText);

    for (let attempt = 0; attempt < 100; attempt += 1) {
      const row = await db().exportJob.findUniqueOrThrow({ where: { id: orphan.id } });
      if (row.status === 'FAILED') {
        expect(row).toMatchObject({ error: 'The business was deleted', leaseUntil: null });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the export of a deleted business never failed');
  });

  it('deletes the files of expired exports; their links and downloadUrl are gone', async () => {
    const id = rowId(csvJobId);
    const url = signedUrl(server, id, { jobId: id, businessId: rowId(businessId), exp: inAnHour() });
    expect((await fetch(url)).status).toBe(200);
    await db().exportJob.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await deleteExpiredExports()).toBeGreaterThan(0);
    expect(await db().exportChunk.count({ where: { exportJobId: id } })).toBe(0);
    expect((await fetch(url)).status).toBe(410);
    expect(await exportJob(server.url, owner, csvJobId)).toMatchObject({ status: 'COMPLETED', downloadUrl: null });
  });

  it('lists a business’s exports newest first', async () => {
    const data = await executeOk(server.url, BusinessExportJobsDocument, { id: businessId, first: 100 }, { token: owner });
    const listed = data.node && 'exportJobs' in data.node ? data.node.exportJobs.edges.map((edge) => edge.node.id) : [];
    const rows = await db().exportJob.findMany({ where: { businessId: rowId(businessId) }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    expect(listed.map(rowId)).toEqual(rows.map((row) => row.id));
    expect(listed.length).toBeGreaterThanOrEqual(3);
  });
});
