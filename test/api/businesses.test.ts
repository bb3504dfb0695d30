import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import {
  BusinessDocument,
  BusinessesDocument,
  ChangePlanDocument,
  CreateBusinessDocument,
  DeleteBusinessDocument,
  UpdateBusinessDocument,
} from '../generated/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { execute, executeOk, postRaw } from '../support/graphql.ts';

let server: TestApp;
let owner: string;

const riga = { name: 'Café Riga', countryCode: 'LV', timezone: 'Europe/Riga', language: 'lv' };

beforeAll(async () => {
  server = await startTestApp();
  owner = await server.token({ sub: 'owner-1', email: 'owner@example.com' });
});
afterAll(() => server.stop());

async function auditCount(): Promise<number> {
  return db().auditLog.count();
}

describe('createBusiness', () => {
  it('creates the business with the caller as OWNER and an audit entry', async () => {
    const data = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, slug: 'cafe-riga' } }, { token: owner });
    expect(data.createBusiness.__typename).toBe('CreateBusinessPayload');
    if (data.createBusiness.__typename !== 'CreateBusinessPayload') return;
    const business = data.createBusiness.business;
    expect(business).toMatchObject({ name: 'Café Riga', slug: 'cafe-riga', countryCode: 'LV', plan: 'BASIC', language: 'lv' });
    const rowId = Buffer.from(business.id, 'base64').toString().split(':')[1]!;
    const memberships = await db().membership.findMany({ where: { businessId: rowId } });
    expect(memberships).toEqual([expect.objectContaining({ userId: 'owner-1', role: 'OWNER', email: 'owner@example.com' })]);
    const audit = await db().auditLog.findMany({ where: { businessId: rowId } });
    expect(audit).toEqual([expect.objectContaining({ action: 'business.create', actorType: 'USER', actorId: 'owner-1' })]);
  });

  it('derives a unique slug from the name when none is given', async () => {
    const first = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, name: 'Bāka & Co' } }, { token: owner });
    const second = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, name: 'Bāka & Co' } }, { token: owner });
    if (first.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected payload');
    if (second.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected payload');
    expect(first.createBusiness.business.slug).toBe('baka-co');
    expect(second.createBusiness.business.slug).toMatch(/^baka-co-[0-9a-f]{6}$/);
  });

  it.each([
    ['empty name', { name: '  ' }, ['input', 'name']],
    ['a 200+ character name', { name: 'x'.repeat(201) }, ['input', 'name']],
    ['an unknown country code', { countryCode: 'XX' }, ['input', 'countryCode']],
    ['a bad timezone', { timezone: 'Mars/Olympus' }, ['input', 'timezone']],
    ['a bad language tag', { language: 'not a tag!' }, ['input', 'language']],
    ['a malformed slug', { slug: '-Bad Slug-' }, ['input', 'slug']],
  ])('rejects %s with a ValidationError and writes nothing', async (_case, change, field) => {
    const businessesBefore = await db().business.count();
    const auditBefore = await auditCount();
    const data = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, ...change } }, { token: owner });
    expect(data.createBusiness).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field });
    expect(await db().business.count()).toBe(businessesBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('rejects a taken slug with a ConflictError and writes nothing', async () => {
    await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, slug: 'taken' } }, { token: owner });
    const businessesBefore = await db().business.count();
    const auditBefore = await auditCount();
    const data = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, slug: 'taken' } }, { token: owner });
    expect(data.createBusiness).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: ['input', 'slug'] });
    expect(await db().business.count()).toBe(businessesBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses anonymous callers', async () => {
    const { body } = await execute(server.url, CreateBusinessDocument, { input: riga });
    expect(body.data?.createBusiness ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateBusiness and deleteBusiness', () => {
  it('updates, records which fields changed, and soft-deletes', async () => {
    const created = await executeOk(server.url, CreateBusinessDocument, { input: riga }, { token: owner });
    if (created.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected payload');
    const id = created.createBusiness.business.id;

    const updated = await executeOk(
      server.url,
      UpdateBusinessDocument,
      { input: { id, name: 'Café Rīga', description: 'Coffee', timezone: 'America/New_York' } },
      { token: owner },
    );
    expect(updated.updateBusiness).toMatchObject({
      __typename: 'UpdateBusinessPayload',
      business: { name: 'Café Rīga', description: 'Coffee', timezone: 'America/New_York', slug: created.createBusiness.business.slug },
    });

    const cleared = await executeOk(server.url, UpdateBusinessDocument, { input: { id, description: null } }, { token: owner });
    expect(cleared.updateBusiness).toMatchObject({ business: { description: null, name: 'Café Rīga' } });

    const invalid = await executeOk(server.url, UpdateBusinessDocument, { input: { id, name: null } }, { token: owner });
    expect(invalid.updateBusiness).toMatchObject({ __typename: 'ValidationError', field: ['input', 'name'] });

    const deleted = await executeOk(server.url, DeleteBusinessDocument, { input: { id } }, { token: owner });
    expect(deleted.deleteBusiness).toEqual({ __typename: 'DeleteBusinessPayload', deletedBusinessId: id });
    expect((await executeOk(server.url, BusinessDocument, { id }, { token: owner })).business).toBeNull();
    const rowId = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const row = await db().business.findUniqueOrThrow({ where: { id: rowId } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const actions = (await db().auditLog.findMany({ where: { businessId: rowId }, orderBy: { id: 'asc' } })).map((entry) => entry.action);
    expect(actions).toEqual(['business.create', 'business.update', 'business.update', 'business.delete']);

    const again = await executeOk(server.url, UpdateBusinessDocument, { input: { id, name: 'Back' } }, { token: owner });
    expect(again.updateBusiness).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: ['input', 'id'] });
  });

  it('answers a malformed id with a ValidationError', async () => {
    const data = await executeOk(server.url, UpdateBusinessDocument, { input: { id: 'not-a-global-id', name: 'x' } }, { token: owner });
    expect(data.updateBusiness).toMatchObject({ __typename: 'ValidationError', field: ['input', 'id'] });
  });
});

describe('businesses connection', () => {
  it('pages newest first, searches, and refuses first > 100', async () => {
    const searcher = await server.token({ sub: 'pager' });
    for (const name of ['Alpha Bakery', 'Beta Bakery', 'Gamma Garage']) {
      await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, name } }, { token: searcher });
    }
    const page1 = await executeOk(server.url, BusinessesDocument, { first: 2 }, { token: searcher });
    expect(page1.businesses.edges.map((edge) => edge.node.name)).toEqual(['Gamma Garage', 'Beta Bakery']);
    expect(page1.businesses.pageInfo.hasNextPage).toBe(true);
    const page2 = await executeOk(server.url, BusinessesDocument, { first: 2, after: page1.businesses.pageInfo.endCursor }, { token: searcher });
    expect(page2.businesses.edges.map((edge) => edge.node.name)).toEqual(['Alpha Bakery']);
    expect(page2.businesses.pageInfo.hasNextPage).toBe(false);

    const search = await executeOk(server.url, BusinessesDocument, { search: 'bakery' }, { token: searcher });
    expect(search.businesses.edges.map((edge) => edge.node.name).sort()).toEqual(['Alpha Bakery', 'Beta Bakery']);

    const tooMany = await execute(server.url, BusinessesDocument, { first: 101 }, { token: searcher });
    expect(tooMany.body.errors?.[0]).toMatchObject({ message: '"first" must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('changePlan', () => {
  it('is for admins, is audit-logged, and refuses owners unless self-service is on', async () => {
    const created = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, name: 'Planner' } }, { token: owner });
    if (created.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected payload');
    const id = created.createBusiness.business.id;
    const refused = await execute(server.url, ChangePlanDocument, { input: { businessId: id, plan: 'PRO' } }, { token: owner });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await server.token({ sub: 'billing', role: 'admin' });
    const changed = await executeOk(server.url, ChangePlanDocument, { input: { businessId: id, plan: 'ENTERPRISE' } }, { token: admin });
    expect(changed.changePlan).toMatchObject({ __typename: 'ChangePlanPayload', business: { plan: 'ENTERPRISE' } });
    const rowId = Buffer.from(id, 'base64').toString().split(':')[1]!;
    const entry = await db().auditLog.findFirstOrThrow({ where: { businessId: rowId, action: 'business.changePlan' } });
    expect(entry).toMatchObject({ actorId: 'billing', metadata: { from: 'BASIC', to: 'ENTERPRISE' } });
  });
});

describe('selections', () => {
  it('serves a mutation whose payload selects only __typename', async () => {
    const created = await executeOk(server.url, CreateBusinessDocument, { input: { ...riga, name: 'Typename Only' } }, { token: owner });
    if (created.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error('expected payload');
    const response = await postRaw(
      server.url,
      JSON.stringify({
        query: 'mutation ($id: ID!) { updateBusiness(input: { id: $id, name: "Renamed" }) { __typename ... on UpdateBusinessPayload { business { __typename } } } }',
        variables: { id: created.createBusiness.business.id },
      }),
      { authorization: `Bearer ${owner}` },
    );
    expect(await response.json()).toEqual({ data: { updateBusiness: { __typename: 'UpdateBusinessPayload', business: { __typename: 'Business' } } } });
  });
});
