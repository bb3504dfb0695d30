import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { execute, executeOk } from '../support/graphql.ts';
import { startVoiceWorld, type VoiceWorld } from './helpers.ts';
import {
  AvailablePhoneNumbers,
  BusinessPhoneNumbers,
  ProvisionPhoneNumber,
  RegisterPhoneNumber,
  ReleasePhoneNumber,
  SetupWhatsAppWithNumber,
} from './operations.ts';

let world: VoiceWorld;
let owner: string;
let stranger: string;

beforeAll(async () => {
  world = await startVoiceWorld();
  owner = await world.server.token({ sub: 'numbers-owner' });
  stranger = await world.server.token({ sub: 'numbers-stranger' });
});
afterAll(async () => {
  await world.stop();
});

async function proBusiness(name: string, plan: 'PRO' | 'ENTERPRISE' | 'BASIC' = 'PRO', token = owner): Promise<string> {
  const id = await createBusiness(world.server.url, token, name);
  await db().business.update({ where: { id: rowId(id) }, data: { plan } });
  return id;
}

function provision(input: Record<string, unknown>, token = owner) {
  return executeOk(world.server.url, ProvisionPhoneNumber, { input }, { token }).then((data) => data.provisionPhoneNumber);
}

describe('searching and buying numbers at Twilio', () => {
  it('lists local voice numbers for sale with Twilio’s monthly price', async () => {
    const businessId = await proBusiness('Search Co');
    world.fake.offer('+37166100001', { friendlyName: '+371 66 100 001' });
    world.fake.offer('+37166100002');
    world.fake.offer('+37166100003', { voice: false });
    const data = await executeOk(world.server.url, AvailablePhoneNumbers, { businessId, countryCode: 'lv', first: 5 }, { token: owner });
    expect(data.availablePhoneNumbers.__typename).toBe('AvailablePhoneNumbersPayload');
    const numbers = data.availablePhoneNumbers.numbers!;
    expect(numbers.map((number) => number.phoneNumber)).toEqual(expect.arrayContaining(['+37166100001', '+37166100002']));
    expect(numbers.map((number) => number.phoneNumber)).not.toContain('+37166100003');
    expect(numbers.find((number) => number.phoneNumber === '+37166100001')).toMatchObject({
      friendlyName: '+371 66 100 001',
      locality: 'Riga',
      countryCode: 'LV',
      monthlyCostCents: 400,
      currency: 'USD',
    });
    const [search] = world.fake.requestsTo('GET', '/AvailablePhoneNumbers/LV/Local.json');
    expect(search).toBeDefined();
    expect(search!.authorized).toBe(true);
    expect(search!.query.get('VoiceEnabled')).toBe('true');
    expect(search!.query.get('PageSize')).toBe('5');
  });

  it('buys a number with our voice and status webhooks set, and stores it with its cost', async () => {
    const businessId = await proBusiness('Buyer Co');
    world.fake.offer('+37166200001', { friendlyName: '+371 66 200 001' });
    const before = world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length;
    const result = await provision({ businessId, phoneNumber: '+37166200001' });
    expect(result.__typename).toBe('ProvisionPhoneNumberPayload');
    expect(result.phoneNumber).toMatchObject({
      phoneNumber: '+37166200001',
      friendlyName: '+371 66 200 001',
      provider: 'TWILIO',
      status: 'ACTIVE',
      countryCode: 'LV',
      monthlyCostCents: 400,
      monthlyCost: 4,
      voiceUrl: `${world.publicBaseUrl}/webhooks/twilio/voice`,
      statusCallbackUrl: `${world.publicBaseUrl}/webhooks/twilio/voice/status`,
    });

    const purchases = world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').slice(before);
    expect(purchases).toHaveLength(1);
    expect(Object.fromEntries(purchases[0]!.form)).toEqual({
      PhoneNumber: '+37166200001',
      VoiceUrl: `${world.publicBaseUrl}/webhooks/twilio/voice`,
      VoiceMethod: 'POST',
      StatusCallback: `${world.publicBaseUrl}/webhooks/twilio/voice/status`,
      StatusCallbackMethod: 'POST',
    });
    const owned = world.fake.ownedByNumber('+37166200001')!;
    expect(owned.voiceUrl).toBe(`${world.publicBaseUrl}/webhooks/twilio/voice`);

    const row = await db().phoneNumber.findUniqueOrThrow({ where: { e164: '+37166200001' } });
    expect(row).toMatchObject({ businessId: rowId(businessId), provider: 'TWILIO', providerSid: owned.sid, monthlyCostCents: 400, releasedAt: null });
    const listed = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    expect(listed.business!.phoneNumbers.edges.map((edge) => edge.node.phoneNumber)).toEqual(['+37166200001']);
    const audit = await db().auditLog.findMany({ where: { businessId: rowId(businessId), action: 'phoneNumber.provision' } });
    expect(audit).toHaveLength(1);

    // Provisioning the same number again is a no-op: nothing more is bought.
    const again = await provision({ businessId, phoneNumber: '+37166200001' });
    expect(again.phoneNumber!.id).toBe(result.phoneNumber!.id);
    expect(world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length).toBe(before + 1);
  });

  it('picks the first number for sale in an area code', async () => {
    const businessId = await proBusiness('Area Co', 'ENTERPRISE');
    world.fake.offer('+12125550101', { isoCountry: 'US', locality: 'New York', region: 'NY' });
    const result = await provision({ businessId, countryCode: 'US', areaCode: '212' });
    expect(result.phoneNumber).toMatchObject({ phoneNumber: '+12125550101', countryCode: 'US', monthlyCostCents: 115 });
    const empty = await provision({ businessId, countryCode: 'US', areaCode: '999' });
    expect(empty).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: ['input', 'areaCode'] });
  });

  it('releases at Twilio first, then here; the released number stays listed on request', async () => {
    const businessId = await proBusiness('Release Co');
    world.fake.offer('+37166300001');
    const bought = (await provision({ businessId, phoneNumber: '+37166300001' })).phoneNumber!;
    const sid = world.fake.ownedByNumber('+37166300001')!.sid;
    const released = await executeOk(world.server.url, ReleasePhoneNumber, { input: { phoneNumberId: bought.id } }, { token: owner });
    expect(released.releasePhoneNumber).toMatchObject({ __typename: 'ReleasePhoneNumberPayload', phoneNumber: { status: 'RELEASED' } });
    expect(world.fake.requestsTo('DELETE', `/IncomingPhoneNumbers/${sid}.json`)).toHaveLength(1);
    expect(world.fake.ownedByNumber('+37166300001')).toBeUndefined();
    expect((await db().phoneNumber.findUniqueOrThrow({ where: { e164: '+37166300001' } })).releasedAt).not.toBeNull();

    const active = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    expect(active.business!.phoneNumbers.edges).toEqual([]);
    const all = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId, includeReleased: true }, { token: owner });
    expect(all.business!.phoneNumbers.edges.map((edge) => edge.node.status)).toEqual(['RELEASED']);

    const twice = await executeOk(world.server.url, ReleasePhoneNumber, { input: { phoneNumberId: bought.id } }, { token: owner });
    expect(twice.releasePhoneNumber.__typename).toBe('NotFoundError');
  });

  it('a number gone meanwhile is a CONFLICT and nothing is stored', async () => {
    const businessId = await proBusiness('Late Co');
    const result = await provision({ businessId, phoneNumber: '+37166400009' });
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });
    expect(await db().phoneNumber.findUnique({ where: { e164: '+37166400009' } })).toBeNull();
  });

  it('Twilio down: GATEWAY_UNAVAILABLE, the number stays pending, and a retry completes the purchase', async () => {
    const businessId = await proBusiness('Outage Co');
    world.fake.offer('+37166500001');
    world.fake.inject((request) => request.method === 'POST' && request.path.endsWith('/IncomingPhoneNumbers.json'), { status: 503, code: 20503, message: 'Service Unavailable' });
    const failed = await provision({ businessId, phoneNumber: '+37166500001' });
    expect(failed).toMatchObject({ __typename: 'GatewayUnavailableError', code: 'GATEWAY_UNAVAILABLE' });
    expect(failed.message).toContain('Twilio is unavailable');
    const pending = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    expect(pending.business!.phoneNumbers.edges.map((edge) => edge.node.status)).toEqual(['PENDING']);

    const retried = await provision({ businessId, phoneNumber: '+37166500001' });
    expect(retried.phoneNumber).toMatchObject({ status: 'ACTIVE', phoneNumber: '+37166500001' });
  });

  it('a purchase whose answer was lost is found and adopted on retry: never bought twice, never lost', async () => {
    const businessId = await proBusiness('Lost Answer Co');
    world.fake.offer('+37166600001');
    world.fake.inject((request) => request.method === 'POST' && request.path.endsWith('/IncomingPhoneNumbers.json'), { dropAfterAction: true });
    const failed = await provision({ businessId, phoneNumber: '+37166600001' });
    expect(failed.__typename).toBe('GatewayUnavailableError');
    const bought = world.fake.ownedByNumber('+37166600001')!;
    expect(bought).toBeDefined();
    expect((await db().phoneNumber.findUniqueOrThrow({ where: { e164: '+37166600001' } })).providerSid).toBeNull();

    const purchases = world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length;
    const retried = await provision({ businessId, phoneNumber: '+37166600001' });
    expect(retried.phoneNumber).toMatchObject({ status: 'ACTIVE' });
    expect(world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length).toBe(purchases);
    expect((await db().phoneNumber.findUniqueOrThrow({ where: { e164: '+37166600001' } })).providerSid).toBe(bought.sid);
    expect([...world.fake.owned.values()].filter((number) => number.phoneNumber === '+37166600001')).toHaveLength(1);
  });

  it('releasing a pending number releases it at Twilio when it was bought after all', async () => {
    const businessId = await proBusiness('Pending Release Co');
    world.fake.offer('+37166700001');
    world.fake.inject((request) => request.method === 'POST' && request.path.endsWith('/IncomingPhoneNumbers.json'), { dropAfterAction: true });
    await provision({ businessId, phoneNumber: '+37166700001' });
    const listed = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    const pending = listed.business!.phoneNumbers.edges[0]!.node;
    expect(pending.status).toBe('PENDING');
    const released = await executeOk(world.server.url, ReleasePhoneNumber, { input: { phoneNumberId: pending.id } }, { token: owner });
    expect(released.releasePhoneNumber.__typename).toBe('ReleasePhoneNumberPayload');
    expect(world.fake.ownedByNumber('+37166700001')).toBeUndefined();
  });

  it('BASIC businesses get PLAN_UPGRADE_REQUIRED and nothing is bought', async () => {
    const businessId = await proBusiness('Basic Co', 'BASIC');
    world.fake.offer('+37166800001');
    const purchases = world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length;
    expect(await provision({ businessId, phoneNumber: '+37166800001' })).toMatchObject({ __typename: 'PlanUpgradeRequiredError', code: 'PLAN_UPGRADE_REQUIRED' });
    const registered = await executeOk(world.server.url, RegisterPhoneNumber, { input: { businessId, phoneNumber: '+37166800002' } }, { token: owner });
    expect(registered.registerPhoneNumber.__typename).toBe('PlanUpgradeRequiredError');
    const search = await executeOk(world.server.url, AvailablePhoneNumbers, { businessId, countryCode: 'LV' }, { token: owner });
    expect(search.availablePhoneNumbers.__typename).toBe('PlanUpgradeRequiredError');
    expect(world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length).toBe(purchases);
  });

  it('keeps tenants apart: another business’s number cannot be seen, released or taken', async () => {
    const businessId = await proBusiness('Mine Co');
    world.fake.offer('+37166900001');
    const mine = (await provision({ businessId, phoneNumber: '+37166900001' })).phoneNumber!;
    const theirs = await proBusiness('Theirs Co', 'PRO', stranger);

    expect((await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: stranger })).business).toBeNull();
    const release = await executeOk(world.server.url, ReleasePhoneNumber, { input: { phoneNumberId: mine.id } }, { token: stranger });
    expect(release.releasePhoneNumber.__typename).toBe('NotFoundError');
    expect(world.fake.ownedByNumber('+37166900001')).toBeDefined();
    const steal = await executeOk(world.server.url, RegisterPhoneNumber, { input: { businessId: theirs, phoneNumber: '+37166900001' } }, { token: stranger });
    expect(steal.registerPhoneNumber).toMatchObject({ __typename: 'ConflictError' });
    const foreign = await provision({ businessId, phoneNumber: '+37166900002' }, stranger);
    expect(foreign.__typename).toBe('NotFoundError');
    // An agent of the business may not buy numbers either.
    const agentToken = await world.server.token({ sub: 'numbers-agent' });
    await db().membership.create({ data: { businessId: rowId(businessId), userId: 'numbers-agent', role: 'AGENT' } });
    const agent = await execute(world.server.url, ProvisionPhoneNumber, { input: { businessId, phoneNumber: '+37166900003' } }, { token: agentToken });
    expect(agent.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('setupWhatsApp(provisionNumber: true) provisions first and links the number to the line', async () => {
    const businessId = await proBusiness('Line Co');
    world.fake.offer('+37167000001');
    const data = await executeOk(world.server.url, SetupWhatsAppWithNumber, { input: { businessId, integration: 'BAILEYS', provisionNumber: true } }, { token: owner });
    expect(data.setupWhatsApp.__typename).toBe('SetupWhatsAppPayload');
    const linePhone = data.setupWhatsApp.instance!.phoneNumber!;
    // The first number for sale in the business's country (earlier tests left some on offer too).
    expect(world.fake.ownedByNumber(linePhone)).toBeDefined();
    const listed = await executeOk(world.server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    expect(listed.business!.phoneNumbers.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ phoneNumber: linePhone, provider: 'TWILIO', status: 'ACTIVE', instance: { id: data.setupWhatsApp.instance!.id } }),
    ]);
    // Repeating the setup reuses the number: nothing more is bought.
    const purchases = world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length;
    const again = await executeOk(world.server.url, SetupWhatsAppWithNumber, { input: { businessId, integration: 'BAILEYS', provisionNumber: true } }, { token: owner });
    expect(again.setupWhatsApp.instance!.id).toBe(data.setupWhatsApp.instance!.id);
    expect(world.fake.requestsTo('POST', '/IncomingPhoneNumbers.json').length).toBe(purchases);
  });
});
