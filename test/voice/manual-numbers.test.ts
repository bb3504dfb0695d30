import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/db.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { postTwilio } from '../support/twilio.ts';
import { AvailablePhoneNumbers, BusinessPhoneNumbers, ProvisionPhoneNumber, RegisterPhoneNumber, ReleasePhoneNumber } from './operations.ts';

/** The server without TWILIO_*: numbers can only be registered by hand. */
let server: TestApp;
let owner: string;
let businessId: string;

beforeAll(async () => {
  server = await startTestApp();
  owner = await server.token({ sub: 'manual-owner' });
  businessId = await createBusiness(server.url, owner, 'Manual Co');
  await db().business.update({ where: { id: rowId(businessId) }, data: { plan: 'PRO' } });
});
afterAll(async () => {
  await server.stop();
});

describe('phone numbers without a Twilio account', () => {
  it('cannot search or buy: a typed error says Twilio is not configured', async () => {
    const search = await executeOk(server.url, AvailablePhoneNumbers, { businessId, countryCode: 'LV' }, { token: owner });
    expect(search.availablePhoneNumbers).toMatchObject({ __typename: 'TwilioNotConfiguredError', code: 'GATEWAY_UNAVAILABLE' });
    const bought = await executeOk(server.url, ProvisionPhoneNumber, { input: { businessId, countryCode: 'LV' } }, { token: owner });
    expect(bought.provisionPhoneNumber.__typename).toBe('TwilioNotConfiguredError');
    expect(bought.provisionPhoneNumber.message).toContain('Twilio is not configured');
    expect(await db().phoneNumber.count({ where: { businessId: rowId(businessId) } })).toBe(0);
  });

  it('registers a number the business owns, with its cost, and releases it without calling anyone', async () => {
    const registered = await executeOk(
      server.url,
      RegisterPhoneNumber,
      { input: { businessId, phoneNumber: '+37167111111', monthlyCost: 2.5, friendlyName: 'Front desk' } },
      { token: owner },
    );
    expect(registered.registerPhoneNumber).toMatchObject({
      __typename: 'RegisterPhoneNumberPayload',
      phoneNumber: {
        phoneNumber: '+37167111111',
        provider: 'MANUAL',
        status: 'ACTIVE',
        countryCode: 'LV',
        friendlyName: 'Front desk',
        monthlyCostCents: 250,
        monthlyCost: 2.5,
        voiceUrl: `${new URL(server.url).origin}/webhooks/twilio/voice`,
      },
    });
    const again = await executeOk(server.url, RegisterPhoneNumber, { input: { businessId, phoneNumber: '+37167111111' } }, { token: owner });
    expect(again.registerPhoneNumber.phoneNumber!.id).toBe(registered.registerPhoneNumber.phoneNumber!.id);
    const invalid = await executeOk(server.url, RegisterPhoneNumber, { input: { businessId, phoneNumber: '67111111', monthlyCost: -1 } }, { token: owner });
    expect(invalid.registerPhoneNumber).toMatchObject({ __typename: 'ValidationError', field: ['input', 'phoneNumber'] });

    const released = await executeOk(server.url, ReleasePhoneNumber, { input: { phoneNumberId: registered.registerPhoneNumber.phoneNumber!.id } }, { token: owner });
    expect(released.releasePhoneNumber).toMatchObject({ __typename: 'ReleasePhoneNumberPayload', phoneNumber: { status: 'RELEASED' } });
    const listed = await executeOk(server.url, BusinessPhoneNumbers, { id: businessId }, { token: owner });
    expect(listed.business!.phoneNumbers.edges).toEqual([]);
    // Registered again later: the released row is taken into use again.
    const back = await executeOk(server.url, RegisterPhoneNumber, { input: { businessId, phoneNumber: '+37167111111' } }, { token: owner });
    expect(back.registerPhoneNumber.phoneNumber).toMatchObject({ status: 'ACTIVE', monthlyCostCents: 0 });
  });

  it('refuses every Twilio webhook with 403 (nothing can be verified) and stores nothing', async () => {
    const response = await postTwilio(
      new URL(server.url).origin,
      '/webhooks/twilio/voice',
      { CallSid: 'CA00000000000000000000000000000001', From: '+37120000001', To: '+37167111111', CallStatus: 'ringing' },
      { authToken: 'anything' },
    );
    expect(response.status).toBe(403);
    expect(await db().call.count()).toBe(0);
  });
});
