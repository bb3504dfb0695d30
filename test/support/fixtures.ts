import { decodeGlobalID } from '@pothos/plugin-relay';
import { type ApiKeyScope, CreateApiKeyDocument, CreateBusinessDocument } from '../generated/graphql.ts';
import { executeOk } from './graphql.ts';

/** The row id behind a global ID. */
export function rowId(globalId: string): string {
  return decodeGlobalID(globalId).id;
}

export async function createBusiness(url: string, token: string, name: string, slug?: string): Promise<string> {
  const data = await executeOk(
    url,
    CreateBusinessDocument,
    { input: { name, slug, countryCode: 'LV', timezone: 'Europe/Riga' } },
    { token },
  );
  if (data.createBusiness.__typename !== 'CreateBusinessPayload') throw new Error(JSON.stringify(data.createBusiness));
  return data.createBusiness.business.id;
}

export async function createApiKey(url: string, token: string, businessId: string, scopes: ApiKeyScope[]): Promise<{ id: string; secret: string }> {
  const data = await executeOk(url, CreateApiKeyDocument, { input: { businessId, name: `key ${scopes.join('+')}`, scopes } }, { token });
  if (data.createApiKey.__typename !== 'CreateApiKeyPayload') throw new Error(JSON.stringify(data.createApiKey));
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}
