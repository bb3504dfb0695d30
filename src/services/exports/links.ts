import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../platform.ts';

/**
 * Signed download links. A token is `v1.<claim>.<signature>`: the claim `{ j: job id, b: business
 * id, e: expiry in Unix seconds }` as base64url JSON, signed with HMAC-SHA256 under a key derived
 * from the server's secret (JWT_SECRET) for this purpose only, so a download token is never a user
 * token nor the other way round. Every replica with the same secret accepts every replica's links.
 */
export interface DownloadClaim {
  jobId: string;
  businessId: string;
  /** Unix seconds. */
  exp: number;
}


const VERSION = 'v1';
const keys = new WeakMap<Platform, Buffer>();

export function deriveLinkKey(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('switchboard/export-download/v1').digest();
}

/** Called once by createApp: the key links of this server are signed and checked with. */
export function enableExportLinks(platform: Platform, serverSecret: string): void {
  keys.set(platform, deriveLinkKey(serverSecret));
}

export function linkKeyOf(platform: Platform): Buffer {
  const key = keys.get(platform);
  if (!key) throw new Error('Export download links are not enabled on this platform');
  return key;
}

function signature(key: Buffer, signed: string): Buffer {
  return createHmac('sha256', key).update(signed).digest();
}

export function signDownloadToken(key: Buffer, claim: DownloadClaim): string {
  const payload = Buffer.from(JSON.stringify({ j: claim.jobId, b: claim.businessId, e: claim.exp })).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${signature(key, signed).toString('base64url')}`;
}

/**
 * The claim of a token signed with this key, or null for anything else (tampered, truncated,
 * another server's). Expiry is the caller's to check (`isExpired`), so it can decide what to
 * answer first.
 */
export function verifyDownloadToken(key: Buffer, token: string): DownloadClaim | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return null;
  // Compared as canonical text: base64url decoding skips stray characters, which would let many strings pass for one signature.
  const given = Buffer.from(parts[2]!);
  const expected = Buffer.from(signature(key, `${parts[0]}.${parts[1]}`).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claim: unknown;
  try {
    claim = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { j, b, e } = (claim ?? {}) as { j?: unknown; b?: unknown; e?: unknown };
  if (typeof j !== 'string' || typeof b !== 'string' || typeof e !== 'number' || !Number.isInteger(e)) return null;
  return { jobId: j, businessId: b, exp: e };
}

export function isExpired(claim: DownloadClaim, nowMs = Date.now()): boolean {
  return claim.exp * 1000 <= nowMs;
}

export const DOWNLOAD_PATH = /^\/exports\/([^/]+)\/download$/;

/**
 * A fresh link to a completed export, valid for EXPORT_URL_TTL_SECONDS but never past the file's
 * own expiry.
 */
export function downloadUrl(platform: Platform, job: { id: string; businessId: string; expiresAt: Date | null }, nowMs = Date.now()): string {
  // Rounded up to the next whole second: a link is valid for at least the TTL.
  const ttlEnd = Math.ceil(nowMs / 1000) + platform.config.exports.urlTtlSeconds;
  const exp = job.expiresAt ? Math.min(ttlEnd, Math.floor(job.expiresAt.getTime() / 1000)) : ttlEnd;
  const token = signDownloadToken(linkKeyOf(platform), { jobId: job.id, businessId: job.businessId, exp });
  return `${platform.config.publicBaseUrl}/exports/${encodeURIComponent(job.id)}/download?token=${token}`;
}
