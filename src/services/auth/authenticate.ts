import { db } from '../../db.ts';
import { unauthenticated } from '../../errors.ts';
import { hashApiKey, isApiKeyFormat } from './api-key-secret.ts';
import { InvalidTokenError, verifyUserToken } from './jwt.ts';
import { ANONYMOUS, type Viewer } from './viewer.ts';

/** How often `ApiKey.lastUsedAt` is written at most: once a minute is precise enough and spares a write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface Credentials {
  authorization?: string | null | undefined;
  apiKey?: string | null | undefined;
}

async function authenticateApiKey(key: string): Promise<Viewer> {
  if (!isApiKeyFormat(key)) throw unauthenticated('The API key is malformed');
  const apiKey = await db().apiKey.findUnique({
    where: { secretHash: hashApiKey(key) },
    select: { id: true, businessId: true, scopes: true, revokedAt: true, lastUsedAt: true, business: { select: { deletedAt: true } } },
  });
  if (!apiKey || apiKey.business.deletedAt) throw unauthenticated('The API key is not valid');
  if (apiKey.revokedAt) throw unauthenticated('The API key has been revoked');
  const now = Date.now();
  if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { kind: 'apiKey', apiKeyId: apiKey.id, businessId: apiKey.businessId, scopes: apiKey.scopes };
}

/**
 * Resolves the caller from `Authorization: Bearer <JWT | sb_ API key>` or `x-api-key`.
 * No credentials → anonymous; bad credentials → an UNAUTHENTICATED error (HTTP 401).
 */
export async function authenticate(credentials: Credentials, jwtSecret: string): Promise<Viewer> {
  const apiKeyHeader = credentials.apiKey?.trim();
  if (apiKeyHeader) return authenticateApiKey(apiKeyHeader);
  const authorization = credentials.authorization?.trim();
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>"');
  const token = match[1];
  if (token.startsWith('sb_')) return authenticateApiKey(token);
  try {
    return await verifyUserToken(token, jwtSecret);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
}
