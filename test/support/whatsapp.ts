import { db } from '../../src/db.ts';
import { SetupWhatsAppDocument } from '../generated/graphql.ts';
import { createBusiness, rowId } from './fixtures.ts';
import { executeOk } from './graphql.ts';

/** A business on a plan with WhatsApp (plans have no mutation yet: set directly). */
export async function createProBusiness(url: string, token: string, name: string): Promise<string> {
  const businessId = await createBusiness(url, token, name);
  await db().business.update({ where: { id: rowId(businessId) }, data: { plan: 'PRO' } });
  return businessId;
}

export async function setupLine(url: string, token: string, businessId: string) {
  const data = await executeOk(url, SetupWhatsAppDocument, { input: { businessId, integration: 'BAILEYS' } }, { token });
  if (data.setupWhatsApp.__typename !== 'SetupWhatsAppPayload') throw new Error(JSON.stringify(data.setupWhatsApp));
  return data.setupWhatsApp.instance;
}
