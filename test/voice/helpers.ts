import { db } from '../../src/db.ts';
import type { Plan } from '../../src/generated/prisma/client.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { FakeTwilio } from '../support/fake-twilio.ts';
import { createBusiness, rowId } from '../support/fixtures.ts';
import { executeOk } from '../support/graphql.ts';
import { SimulatedCall } from '../support/twilio.ts';
import { RegisterPhoneNumber } from './operations.ts';

export interface VoiceWorld {
  fake: FakeTwilio;
  server: TestApp;
  /** What Twilio signs: PUBLIC_BASE_URL. */
  publicBaseUrl: string;
  stop(): Promise<void>;
}

/** A fake Twilio and the server configured for it (Redis too when REDIS_URL is set). */
export async function startVoiceWorld(env: Record<string, string> = {}): Promise<VoiceWorld> {
  const fake = await FakeTwilio.start();
  const server = await startTestApp({
    redis: Boolean(process.env.REDIS_URL),
    env: {
      TWILIO_ACCOUNT_SID: fake.accountSid,
      TWILIO_AUTH_TOKEN: fake.authToken,
      TWILIO_API_URL: fake.url,
      TWILIO_PRICING_URL: fake.url,
      AI_DEBOUNCE_MS: '0',
      ...env,
    },
  });
  return {
    fake,
    server,
    publicBaseUrl: new URL(server.url).origin,
    stop: async () => {
      await server.stop();
      await fake.close();
    },
  };
}

/** What the AI knows in these tests: enough for the built-in rules to answer "where are you?". */
export const KNOWLEDGE = {
  address: 'Brīvības iela 21, Rīga',
  openingHours: [
    { weekday: 'MONDAY', opens: '09:00', closes: '18:00' },
    { weekday: 'TUESDAY', opens: '09:00', closes: '18:00' },
  ],
};

export interface VoiceBusiness {
  globalId: string;
  id: string;
  number: string;
  numberGlobalId: string;
}

let numbers = 0;

/** A unique Latvian number for each test business (they are unique platform-wide). */
export function nextNumber(): string {
  numbers += 1;
  return `+3716${String(process.pid % 1000).padStart(3, '0')}${String(numbers).padStart(4, '0')}`;
}

/** A business with the AI on, a plan, and a (manually registered) number whose calls reach us. */
export async function voiceBusiness(
  world: VoiceWorld,
  token: string,
  name: string,
  options: { plan?: Plan; language?: string; voice?: { fallbackNumber?: string | null; maxCallSeconds?: number }; aiEnabled?: boolean } = {},
): Promise<VoiceBusiness> {
  const globalId = await createBusiness(world.server.url, token, name);
  const id = rowId(globalId);
  await db().business.update({
    where: { id },
    data: {
      plan: 'PRO',
      language: options.language ?? 'en',
      aiSettings: { enabled: options.aiEnabled ?? true, knowledge: KNOWLEDGE, voice: { maxCallSeconds: 600, ...options.voice } },
    },
  });
  const number = nextNumber();
  const data = await executeOk(world.server.url, RegisterPhoneNumber, { input: { businessId: globalId, phoneNumber: number, monthlyCost: 3 } }, { token });
  if (data.registerPhoneNumber.__typename !== 'RegisterPhoneNumberPayload') throw new Error(JSON.stringify(data.registerPhoneNumber));
  if (options.plan && options.plan !== 'PRO') await db().business.update({ where: { id }, data: { plan: options.plan } });
  return { globalId, id, number, numberGlobalId: data.registerPhoneNumber.phoneNumber!.id };
}

/** A call from `from` to the business's number. */
export function callTo(world: VoiceWorld, business: VoiceBusiness, from = '+37120000001'): SimulatedCall {
  return new SimulatedCall(world.publicBaseUrl, world.fake.authToken, from, business.number, world.fake.accountSid);
}
